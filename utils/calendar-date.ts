/** A calendar date `YYYY-MM-DD`, no time of day, no time zone. */
export type CalendarDate = string;

/** Days since 1970-01-01 for a proleptic Gregorian date (civil-from-days, exact integer arithmetic). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

/**
 * Day number of a `YYYY-MM-DD` string, or null when it is not a real calendar date (the month has no such day).
 * Character arithmetic, no regex or round trip: this runs several times per entry checked.
 */
function dayNumberOf(value: string): number | null {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== dash || value.charCodeAt(7) !== dash) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

const dash = 45;
const zero = 48;

/** The number written by `count` ASCII digits from `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - zero;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Proleptic Gregorian month length. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthLengths[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

export function isCalendarDate(value: string): value is CalendarDate {
  return dayNumberOf(value) !== null;
}

/** Years an entry's date can fall in. Outside them a date is a placeholder (`12/31/9999` for "none"), whose deadlines would run past year 9999. */
const firstFactYear = 1900;
const lastFactYear = 2199;

/** A calendar date that can be an entry's date: its deadlines stay within four-digit years. */
export function isFactDate(value: string): value is CalendarDate {
  if (!isCalendarDate(value)) return false;
  const year = digitsAt(value, 0, 4);
  return year >= firstFactYear && year <= lastFactYear;
}

export function toDayNumber(date: CalendarDate): number {
  const days = dayNumberOf(date);
  if (days === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return days;
}

/** Dates already written, by day number: deadlines land on the same few hundred days for every entry. */
const writtenDates = new Map<number, CalendarDate>();
const maxWrittenDates = 10_000;

export function fromDayNumber(days: number): CalendarDate {
  let date = writtenDates.get(days);
  if (date !== undefined) return date;
  date = writeDate(days);
  if (writtenDates.size >= maxWrittenDates) writtenDates.clear();
  writtenDates.set(days, date);
  return date;
}

function writeDate(days: number): CalendarDate {
  const [year, month, day] = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Today in the user's own calendar, read once at the edge (surfaces and CLI), then passed in. */
export function localToday(now: Date = new Date()): CalendarDate {
  return fromDayNumber(daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate()));
}
