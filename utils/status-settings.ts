import { assumeMissingFlagsAreNo, checkAsOfDate } from './settings';
import type { StatusSettings } from './status-options';

/** Reads the settings verdicts depend on, and calls back when any of them changes. */
export async function readStatusSettings(): Promise<StatusSettings> {
  const [asOfDate, assume] = await Promise.all([checkAsOfDate.getValue(), assumeMissingFlagsAreNo.getValue()]);
  return { checkAsOfDate: asOfDate, assumeMissingFlagsAreNo: assume };
}

export function watchStatusSettings(onChange: () => void): () => void {
  const stops = [checkAsOfDate.watch(onChange), assumeMissingFlagsAreNo.watch(onChange)];
  return () => stops.forEach((stop) => stop());
}
