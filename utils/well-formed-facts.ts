import { isCalendarDate } from './calendar-date';
import type { EntryFacts, LiquidationStatus, TariffLine } from './entry-facts';

const liquidationStatuses: readonly LiquidationStatus[] = ['unliquidated', 'liquidated', 'final', 'suspended', 'extended', 'under-review', 'cancelled'];
const adcvdStatuses: readonly NonNullable<EntryFacts['adcvdStatus']>[] = ['none', 'suspended-pending-commerce', 'pending-liquidation'];

/**
 * The facts with every malformed value dropped, so a bad cell or an old stored record reads as a missing fact
 * (which the verdict then names) instead of crashing a rule.
 */
export function wellFormedFacts(facts: EntryFacts): EntryFacts {
  const raw = (typeof facts === 'object' && facts !== null ? facts : {}) as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const date = (value: unknown): string | undefined => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);
  const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
  const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
    allowed.includes(value as T) ? (value as T) : undefined;

  const checked: { [Fact in keyof EntryFacts]?: unknown } = {
    entryType: text(raw.entryType),
    entrySummaryDate: date(raw.entrySummaryDate),
    liquidationDate: date(raw.liquidationDate),
    liquidationStatus: oneOf(raw.liquidationStatus, liquidationStatuses),
    tariffLines: Array.isArray(raw.tariffLines) ? raw.tariffLines.flatMap(wellFormedLine) : undefined,
    reconciliationFlag: flag(raw.reconciliationFlag),
    reconciliationSummaryFiled: flag(raw.reconciliationSummaryFiled),
    drawbackFlag: flag(raw.drawbackFlag),
    protestOpen: flag(raw.protestOpen),
    adcvdStatus: oneOf(raw.adcvdStatus, adcvdStatuses),
    importerNumber: text(raw.importerNumber),
    filerCode: text(raw.filerCode),
  };
  // fields added to EntryFacts later pass through unchecked rather than being lost
  const cleaned: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(checked)) {
    if (value === undefined) delete cleaned[key];
    else cleaned[key] = value;
  }
  return cleaned as EntryFacts;
}

function wellFormedLine(line: unknown): TariffLine[] {
  if (typeof line !== 'object' || line === null) return [];
  const { htsNumber, dutyAmount } = line as Record<string, unknown>;
  if (typeof htsNumber !== 'string') return [];
  return typeof dutyAmount === 'number' && Number.isFinite(dutyAmount) ? [{ htsNumber, dutyAmount }] : [{ htsNumber }];
}
