import { isFactDate, type CalendarDate } from './calendar-date';
import type { EntryFacts, LiquidationStatus } from './entry-facts';
import { headerKey } from './header-name';

/** Reading a fact cell: `undefined` for a blank cell (nothing said), `null` for a value not understood. */
export type FactValue<T> = T | null | undefined;

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 0xa0) return false;
  }
  return true;
}

const isoDate = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}.*)?$/;
const usDate = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}.*)?$/;

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isFactDate(date) ? date : null;
}

/** `YYYY-MM-DD`, `MM/DD/YYYY` or `M/D/YY` (US order, as ACE writes; two-digit years are 20YY), years 1900–2199; a time after the date is ignored. */
export function parseFactDate(text: string): FactValue<CalendarDate> {
  if (isBlank(text)) return undefined;
  const trimmed = text.trim();
  let match = isoDate.exec(trimmed);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = usDate.exec(trimmed);
  if (!match) return null;
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  return calendarDate(year, Number(match[1]), Number(match[2]));
}

const plainAmount = /^\d+(?:\.\d+)?$/;

/**
 * The bare amounts ACE's CSV export writes, e.g. `955.17` (digits, at most one inner dot), or -1 for any other text.
 * At most 15 digits, so digits and scale are exact integers and one division rounds exactly as Number(text) would.
 */
function plainDigitsAmount(text: string): number {
  const length = text.length;
  if (length === 0 || length > 15 || text.charCodeAt(0) === 46 || text.charCodeAt(length - 1) === 46) return -1;
  let digits = 0;
  let scale = 1;
  let dots = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code === 46) {
      if (++dots > 1) return -1;
    } else if (code >= 48 && code <= 57) {
      digits = digits * 10 + (code - 48);
      if (dots) scale *= 10;
    } else {
      return -1;
    }
  }
  return digits / scale;
}

/** Money: `$`, `USD`, spaces, thousands separators, a leading minus or parentheses for negatives; `1.234,56` read as a decimal comma. */
export function parseAmount(text: string): FactValue<number> {
  const plain = plainDigitsAmount(text);
  if (plain >= 0) return plain;
  if (isBlank(text)) return undefined;
  let value = text.trim();
  let negative = false;
  if (value.startsWith('(') && value.endsWith(')')) {
    negative = true;
    value = value.slice(1, -1).trim();
  }
  value = value.replace(/^(?:USD|US\$)\s*/i, '');
  // By hand: /\s*USD$/ is quadratic on a long run of spaces inside the cell.
  if (/^usd$/i.test(value.slice(-3))) value = value.slice(0, -3).trimEnd();
  let minus = value.startsWith('-');
  if (minus) value = value.slice(1).trim();
  if (value.startsWith('$')) value = value.slice(1).trim();
  if (!minus && value.startsWith('-')) {
    minus = true;
    value = value.slice(1).trim();
  }
  if (minus) negative = !negative;
  value = value.replace(/[\s\u00a0']/g, '');
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  if (lastComma > lastDot && (lastDot >= 0 || value.length - lastComma - 1 !== 3)) {
    // Decimal comma (European layouts): dots group thousands.
    value = value.replace(/\./g, '').replace(',', '.');
  } else {
    value = value.replace(/,/g, '');
  }
  if (!plainAmount.test(value)) return null;
  const amount = Number(value);
  return negative && amount !== 0 ? -amount : amount;
}

const liquidationStatusWords: Record<string, LiquidationStatus> = {
  unliquidated: 'unliquidated',
  'not liquidated': 'unliquidated',
  open: 'unliquidated',
  pending: 'unliquidated',
  'pending liquidation': 'unliquidated',
  liquidated: 'liquidated',
  final: 'final',
  'finally liquidated': 'final',
  'final liquidation': 'final',
  'final liquidated': 'final',
  suspended: 'suspended',
  'liquidation suspended': 'suspended',
  extended: 'extended',
  'liquidation extended': 'extended',
  'under review': 'under-review',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  rejected: 'cancelled',
  'cancelled rejected': 'cancelled',
};

/** The status words ACE layouts use (issue 3 §2); words not on the list are reported, never guessed. */
export function parseLiquidationStatus(text: string): FactValue<LiquidationStatus> {
  if (isBlank(text)) return undefined;
  return liquidationStatusWords[headerKey(text)] ?? null;
}

const flagWords: Record<string, boolean> = {
  y: true,
  yes: true,
  true: true,
  t: true,
  '1': true,
  x: true,
  n: false,
  no: false,
  false: false,
  f: false,
  '0': false,
};

/** Y/N, Yes/No, True/False, 1/0 (and X for a ticked box). */
export function parseFlag(text: string): FactValue<boolean> {
  if (isBlank(text)) return undefined;
  const value = flagWords[headerKey(text)];
  return value === undefined ? null : value;
}

/** Open or suspended protest on file (domain.md §5): status words, or a Y/N flag. */
export function parseProtestOpen(text: string): FactValue<boolean> {
  if (isBlank(text)) return undefined;
  const key = headerKey(text);
  const flag = flagWords[key];
  if (flag !== undefined) return flag;
  if (key === 'open' || key === 'pending' || key === 'suspended' || key === 'filed' || key === 'active') return true;
  if (key === 'none' || key === 'closed' || key === 'denied' || key === 'allowed' || key === 'decided' || key === 'withdrawn') {
    return false;
  }
  return null;
}

/** AD/CVD state (domain.md §5): "No"/"None" is no AD/CVD; a bare "Yes" does not say which state, so it is not understood. */
export function parseAdcvdStatus(text: string): FactValue<NonNullable<EntryFacts['adcvdStatus']>> {
  if (isBlank(text)) return undefined;
  const key = headerKey(text);
  if (key === 'n' || key === 'no' || key === 'none' || key === 'false' || key === '0') return 'none';
  if (key === 'suspended' || key === 'suspended pending commerce' || key === 'pending commerce') return 'suspended-pending-commerce';
  if (key === 'pending liquidation' || key === 'instructions issued' || key === 'liquidation instructions issued') {
    return 'pending-liquidation';
  }
  return null;
}

/** Two-digit entry type code (domain.md §4): "1", "01", "01 - Consumption". */
export function parseEntryType(text: string): FactValue<string> {
  if (isBlank(text)) return undefined;
  const match = /^\s*(\d{1,2})(?!\d)/.exec(text);
  if (!match) return null;
  return match[1]!.padStart(2, '0');
}
