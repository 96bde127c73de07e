/** Dates are kept as ISO calendar dates (YYYY-MM-DD) and shown day-month-year: 20-May-2021. */
import { latinDigits } from './numbers';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1-12 for a month's full name or its abbreviation (Jan, Sept); undefined for anything else ("Junk"). */
function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const index = MONTH_NAMES.findIndex((name) => lower === name || lower === name.slice(0, 3) || (name === 'september' && lower === 'sept'));
  return index >= 0 ? index + 1 : undefined;
}

const NAMED_MONTH_DATE = /^(\d{1,2})[-/.\s]?([A-Za-z]{3,9})[-/.,\s]+(\d{4})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a date as officials type it. Returns YYYY-MM-DD, or undefined when the text is not a
 * real calendar date (31-Feb-2021 included) or has anything besides the date. Numeric dates are
 * read day first, as in Pakistan; months by full name or abbreviation; Urdu digits as 0-9.
 */
export function parseDateText(text: string): string | undefined {
  const value = latinDigits(text).trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isRealDate(y, m, d) ? iso(y, m, d) : undefined;
  }
  match = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})$/.exec(value);
  if (match) {
    const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isRealDate(y, m, d) ? iso(y, m, d) : undefined;
  }
  match = NAMED_MONTH_DATE.exec(value);
  if (match) {
    const month = monthNumber(match[2]!);
    const [d, y] = [Number(match[1]), Number(match[3])];
    return month !== undefined && isRealDate(y, month, d) ? iso(y, month, d) : undefined;
  }
  return undefined;
}

/** Why a typed date was refused, said at the field: an unknown month is named, anything else gets an example. */
export function dateTextProblem(label: string, text: string): string {
  const word = NAMED_MONTH_DATE.exec(latinDigits(text).trim())?.[2];
  if (word !== undefined && monthNumber(word) === undefined) return `${label} must be a real date: “${word}” is not a month (for example 20-May-2021).`;
  return `${label} must be a real date, for example 20-May-2021.`;
}

/** 2021-05-20 -> 20-May-2021. */
export function formatDate(isoDate: string | undefined): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}-${MONTHS[Number(match[2]) - 1]}-${match[1]}`;
}

/** An instant (ISO timestamp) shown in Pakistan Standard Time, e.g. 20-May-2021 14:05. */
export function formatDateTime(isoInstant: string | undefined): string {
  if (!isoInstant) return '';
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const pkt = new Date(date.getTime() + 5 * 60 * 60 * 1000);
  const day = iso(pkt.getUTCFullYear(), pkt.getUTCMonth() + 1, pkt.getUTCDate());
  const time = `${String(pkt.getUTCHours()).padStart(2, '0')}:${String(pkt.getUTCMinutes()).padStart(2, '0')}`;
  return `${formatDate(day)} ${time}`;
}

/** An instant as a Pakistan date and time a spreadsheet reads as one value: 2021-05-20 14:05. */
export function pakistanDateTimeForSheet(isoInstant: string): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const pkt = new Date(date.getTime() + 5 * 60 * 60 * 1000);
  return `${pkt.toISOString().slice(0, 10)} ${pkt.toISOString().slice(11, 16)}`;
}

/** Today's calendar date in Pakistan (UTC+5, no daylight saving). */
export function todayInPakistan(now: Date = new Date()): string {
  const pkt = new Date(now.getTime() + 5 * 60 * 60 * 1000);
  return iso(pkt.getUTCFullYear(), pkt.getUTCMonth() + 1, pkt.getUTCDate());
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((dayStamp(toIso) - dayStamp(fromIso)) / 86_400_000);
}

// Numbers, not a parsed string: the dashboard works this out for every record on every view.
function dayStamp(isoDate: string): number {
  const fast = plainIsoDayStamp(isoDate);
  if (fast !== undefined) return fast;
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
}

const digitAt = (text: string, index: number): number => {
  const digit = text.charCodeAt(index) - 48;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
};

/**
 * The same stamp as Date.UTC for a plain YYYY-MM-DD (month 1-12, day 1-31), read digit by digit
 * with no substrings (days from civil, proleptic Gregorian); undefined for anything else, which
 * then goes through Date.UTC as before.
 */
function plainIsoDayStamp(isoDate: string): number | undefined {
  if (isoDate.length < 10 || isoDate.charCodeAt(4) !== 45 || isoDate.charCodeAt(7) !== 45) return undefined;
  const yearDigits = digitAt(isoDate, 0) * 1000 + digitAt(isoDate, 1) * 100 + digitAt(isoDate, 2) * 10 + digitAt(isoDate, 3);
  const month = digitAt(isoDate, 5) * 10 + digitAt(isoDate, 6);
  const day = digitAt(isoDate, 8) * 10 + digitAt(isoDate, 9);
  // NaN (a non-digit) fails every comparison below.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && yearDigits >= 100)) return undefined;
  let year = yearDigits;
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) * 86_400_000;
}

/** The calendar date `days` after (or before, when negative) an ISO date: 2026-11-27 + 1 = 2026-11-28. */
export function addDays(isoDate: string, days: number): string {
  return new Date(dayStamp(isoDate) + days * 86_400_000).toISOString().slice(0, 10);
}
