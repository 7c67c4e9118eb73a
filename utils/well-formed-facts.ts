import { isFactDate } from './calendar-date';
import type { EntryFacts, LiquidationStatus, TariffLine } from './entry-facts';

const liquidationStatuses: readonly LiquidationStatus[] = ['unliquidated', 'liquidated', 'final', 'suspended', 'extended', 'under-review', 'cancelled'];
const adcvdStatuses: readonly NonNullable<EntryFacts['adcvdStatus']>[] = ['none', 'suspended-pending-commerce', 'pending-liquidation'];

const isText = (value: unknown): boolean => typeof value === 'string';
const isDate = (value: unknown): boolean => typeof value === 'string' && isFactDate(value);
const isFlag = (value: unknown): boolean => typeof value === 'boolean';
const isLiquidationStatus = (value: unknown): boolean => liquidationStatuses.includes(value as LiquidationStatus);
const isAdcvdStatus = (value: unknown): boolean => adcvdStatuses.includes(value as NonNullable<EntryFacts['adcvdStatus']>);

/** Each known fact but the tariff lines, with the test its value must pass; module-level so a call allocates no closures. */
const valueChecks: readonly (readonly [keyof EntryFacts, (value: unknown) => boolean])[] = [
  ['entryType', isText],
  ['entrySummaryDate', isDate],
  ['liquidationDate', isDate],
  ['liquidationStatus', isLiquidationStatus],
  ['reconciliationFlag', isFlag],
  ['reconciliationSummaryFiled', isFlag],
  ['drawbackFlag', isFlag],
  ['protestOpen', isFlag],
  ['adcvdStatus', isAdcvdStatus],
  ['importerNumber', isText],
  ['filerCode', isText],
];

/**
 * The facts with every malformed value dropped, so a bad cell or an old stored record reads as a missing fact
 * (which the verdict then names) instead of crashing a rule.
 */
export function wellFormedFacts(facts: EntryFacts): EntryFacts {
  const raw = (typeof facts === 'object' && facts !== null ? facts : {}) as Record<string, unknown>;
  // fields added to EntryFacts later pass through unchecked rather than being lost
  const cleaned: Record<string, unknown> = { ...raw };
  for (const [key, isValid] of valueChecks) {
    const value = raw[key];
    keepChecked(cleaned, key, value !== undefined && isValid(value) ? value : undefined);
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

/** valueChecks written out: V8 reads named properties several times faster than properties by computed key. */
function isWellFormed(facts: EntryFacts): boolean {
  if (typeof facts !== 'object' || facts === null) return false;
  return (
    (facts.entryType === undefined || isText(facts.entryType)) &&
    (facts.entrySummaryDate === undefined || isDate(facts.entrySummaryDate)) &&
    (facts.liquidationDate === undefined || isDate(facts.liquidationDate)) &&
    (facts.liquidationStatus === undefined || isLiquidationStatus(facts.liquidationStatus)) &&
    (facts.reconciliationFlag === undefined || isFlag(facts.reconciliationFlag)) &&
    (facts.reconciliationSummaryFiled === undefined || isFlag(facts.reconciliationSummaryFiled)) &&
    (facts.drawbackFlag === undefined || isFlag(facts.drawbackFlag)) &&
    (facts.protestOpen === undefined || isFlag(facts.protestOpen)) &&
    (facts.adcvdStatus === undefined || isAdcvdStatus(facts.adcvdStatus)) &&
    (facts.importerNumber === undefined || isText(facts.importerNumber)) &&
    (facts.filerCode === undefined || isText(facts.filerCode)) &&
    (facts.tariffLines === undefined || areWellFormedLines(facts.tariffLines))
  );
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
