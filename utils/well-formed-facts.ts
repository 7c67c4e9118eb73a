import { isCalendarDate } from './calendar-date';
import type { EntryFacts, LiquidationStatus, TariffLine } from './entry-facts';

const liquidationStatuses: readonly LiquidationStatus[] = ['unliquidated', 'liquidated', 'final', 'suspended', 'extended', 'under-review', 'cancelled'];
const adcvdStatuses: readonly NonNullable<EntryFacts['adcvdStatus']>[] = ['none', 'suspended-pending-commerce', 'pending-liquidation'];

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const date = (value: unknown): string | undefined => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: unknown): T | undefined =>
    allowed.includes(value as T) ? (value as T) : undefined;

/** Each known fact but the tariff lines, with the check its value must pass; module-level so a call allocates no closures. */
const valueChecks: readonly (readonly [keyof EntryFacts, (value: unknown) => unknown])[] = [
  ['entryType', text],
  ['entrySummaryDate', date],
  ['liquidationDate', date],
  ['liquidationStatus', oneOf(liquidationStatuses)],
  ['reconciliationFlag', flag],
  ['reconciliationSummaryFiled', flag],
  ['drawbackFlag', flag],
  ['protestOpen', flag],
  ['adcvdStatus', oneOf(adcvdStatuses)],
  ['importerNumber', text],
  ['filerCode', text],
];

/**
 * The facts with every malformed value dropped, so a bad cell or an old stored record reads as a missing fact
 * (which the verdict then names) instead of crashing a rule.
 */
export function wellFormedFacts(facts: EntryFacts): EntryFacts {
  const raw = (typeof facts === 'object' && facts !== null ? facts : {}) as Record<string, unknown>;
  // fields added to EntryFacts later pass through unchecked rather than being lost
  const cleaned: Record<string, unknown> = { ...raw };
  for (const [key, check] of valueChecks) {
    const value = raw[key];
    keepChecked(cleaned, key, value === undefined ? undefined : check(value));
  }
  keepChecked(cleaned, 'tariffLines', raw.tariffLines === undefined ? undefined : wellFormedLines(raw.tariffLines));
  return cleaned as EntryFacts;
}

function keepChecked(cleaned: Record<string, unknown>, key: string, checked: unknown): void {
  if (checked !== undefined) cleaned[key] = checked;
  // Deleting only what is there keeps the usual object (no malformed fact) in V8's fast mode.
  else if (key in cleaned) delete cleaned[key];
}

/**
 * For rules that only read: the facts themselves when every known value is already well formed (facts read from a
 * file always are), so the usual entry costs no copy; otherwise wellFormedFacts' copy.
 */
export function readableFacts(facts: EntryFacts): EntryFacts {
  return isWellFormed(facts) ? facts : wellFormedFacts(facts);
}

function isWellFormed(facts: EntryFacts): boolean {
  if (typeof facts !== 'object' || facts === null) return false;
  const raw = facts as Record<string, unknown>;
  for (const [key, check] of valueChecks) {
    const value = raw[key];
    if (value !== undefined && check(value) !== value) return false;
  }
  return raw.tariffLines === undefined || areWellFormedLines(raw.tariffLines);
}

/** True when wellFormedLines would keep every line with the same htsNumber and dutyAmount. */
function areWellFormedLines(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) {
    const line: unknown = value[index];
    if (typeof line !== 'object' || line === null) return false;
    const { htsNumber, dutyAmount } = line as Record<string, unknown>;
    if (typeof htsNumber !== 'string') return false;
    if (dutyAmount !== undefined && !(typeof dutyAmount === 'number' && Number.isFinite(dutyAmount))) return false;
  }
  return true;
}

/** A plain loop: flatMap is several times slower here, and this runs twice per entry checked. */
function wellFormedLines(value: unknown): TariffLine[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const lines: TariffLine[] = [];
  for (const line of value) {
    const checked = wellFormedLine(line);
    if (checked) lines.push(checked);
  }
  return lines;
}

function wellFormedLine(line: unknown): TariffLine | null {
  if (typeof line !== 'object' || line === null) return null;
  const { htsNumber, dutyAmount } = line as Record<string, unknown>;
  if (typeof htsNumber !== 'string') return null;
  return typeof dutyAmount === 'number' && Number.isFinite(dutyAmount) ? { htsNumber, dutyAmount } : { htsNumber };
}
