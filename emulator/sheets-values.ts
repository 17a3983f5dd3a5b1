// What a cell holds and how Sheets reads what is written into it (typed or via setValue):
// formulas, apostrophe text, numeric text (percent, currency, thousands), booleans, dates.
import { formatNumber, isDateCode } from './sheets-format';

export type Literal = number | string | boolean | Date;

export type Content =
  | { kind: 'empty' }
  | { kind: 'value'; value: Literal; impliedFormat?: string }
  | { kind: 'formula'; formula: string };

export const EMPTY: Content = { kind: 'empty' };

/** Sheets' limit on what one cell holds (a value's text or a formula). */
export const MAX_CELL_CHARS = 50_000;

/** Throws Sheets' message when a string written to a cell (value or formula) is too long. */
export function assertCellLength(value: unknown): void {
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
}

/** Dates from another realm (the script's vm context) fail `instanceof Date`. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

// A cell holds a date as a serial number: days since 1899-12-30 on the spreadsheet's wall
// clock. Cells keep it as a "wall date" (a Date whose UTC fields are that wall clock), so the
// time zone matters only where Sheets meets a script: a script's Date is an instant, read and
// written in the spreadsheet's time zone (which may differ from the script's, this process's).
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** The time zone of this process, which stands for the script's (Session.getScriptTimeZone). */
export const HOST_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The serial number of a wall date. */
export function wallSerial(wall: Date): number {
  return (wall.getTime() - EPOCH) / DAY;
}

/** The wall date of a serial number (its UTC fields are the day and time the cell shows). */
export function wallDate(serial: number): Date {
  return new Date(EPOCH + Math.round(serial * DAY));
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Throws Apps Script's message for a time zone Intl does not know. */
export function checkTimeZone(timeZone: string): string {
  try {
    zoneFormat(timeZone);
    return timeZone;
  } catch {
    throw new Error('Invalid argument: timeZone');
  }
}

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'long',
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** An instant's wall-clock parts in a zone (year .. second as digits, weekday as a word). */
export function zoneParts(date: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const { type, value } of zoneFormat(timeZone).formatToParts(date)) parts[type] = value;
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(time: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts = Object.fromEntries(
    Object.entries(zoneParts(new Date(time), timeZone)).map(([type, value]) => [
      type,
      Number(value),
    ]),
  );
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall - (time - (((time % 1000) + 1000) % 1000));
}

/** The serial number a script's Date (an instant) is in the spreadsheet's time zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  const time = date.getTime();
  return (time + zoneOffset(time, timeZone) - EPOCH) / DAY;
}

/** The instant a serial number is in the spreadsheet's time zone, as getValues returns it. */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = EPOCH + Math.round(serial * DAY);
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone));
}

/** A Date whose local fields (this process's zone) are the serial's wall clock, for the engine. */
export function hostDate(serial: number): Date {
  const u = wallDate(serial);
  return new Date(
    u.getUTCFullYear(),
    u.getUTCMonth(),
    u.getUTCDate(),
    u.getUTCHours(),
    u.getUTCMinutes(),
    u.getUTCSeconds(),
    u.getUTCMilliseconds(),
  );
}

/** True for number formats that show a date or a time (`yyyy-mm-dd`, `M/d/yyyy H:mm`, ...). */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && isDateCode(format);
}

const NUMBER = /^(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** Parses numeric text the way Sheets (en_US) does: `1200`, `1,200`, `12.5`, `15%`, `$1,200.50`. */
export function parseNumber(text: string): { value: number; format?: string } | null {
  const m = /^([+-]?)(\$?)([+-]?)([\d.,eE+-]+)(%?)$/.exec(text.trim());
  if (!m) return null;
  const [, sign1, currency, sign2, body, percent] = m;
  if ((sign1 && sign2) || (percent && currency)) return null;
  const grouped = GROUPED.test(body);
  if (!grouped && !NUMBER.test(body)) return null;
  const magnitude = Number(body.replace(/,/g, ''));
  const sign = sign1 === '-' || sign2 === '-' ? -1 : 1;
  const decimals = body.includes('.');
  if (percent) return { value: (sign * magnitude) / 100, format: decimals ? '0.00%' : '0%' };
  if (currency) return { value: sign * magnitude, format: '"$"#,##0.00' };
  if (/e/i.test(body)) return { value: sign * magnitude, format: '0.00E+00' };
  return { value: sign * magnitude, format: grouped ? '#,##0' : undefined };
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

function validDate(y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d, h, mi, s));
  const ok = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return ok && h < 24 && mi < 60 && s < 60 ? date : null;
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
const DATE_PATTERNS: { re: RegExp; format: string; ymd: (m: string[]) => number[] }[] = [
  {
    re: new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`),
    format: 'yyyy-mm-dd',
    ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    re: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`),
    format: 'M/d/yyyy',
    ymd: (m) => [fullYear(m[3]), Number(m[1]), Number(m[2])],
  },
  {
    re: new RegExp(String.raw`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})${TIME}$`),
    format: 'mmmm d, yyyy',
    ymd: (m) => [Number(m[3]), monthIndex(m[1]) + 1, Number(m[2])],
  },
  {
    re: new RegExp(String.raw`^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})${TIME}$`),
    format: 'd mmmm yyyy',
    ymd: (m) => [Number(m[3]), monthIndex(m[2]) + 1, Number(m[1])],
  },
];

/**
 * Parses date text Sheets (en_US) recognises: `2026-03-14`, `3/14/2026`, `Mar 14, 2026`, as a
 * wall date (the day and time typed, in no time zone).
 */
export function parseDate(text: string): { value: Date; format: string } | null {
  const trimmed = text.trim();
  for (const { re, format, ymd } of DATE_PATTERNS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const [y, mo, d] = ymd(m);
    const [h, mi, s] = [m[4], m[5], m[6]].map((part) => Number(part ?? 0));
    const date = mo > 0 ? validDate(y, mo, d, h, mi, s) : null;
    if (date) return { value: date, format: m[4] ? `${format} H:mm:ss` : format };
  }
  return null;
}

function parseText(text: string): Content {
  if (text === '') return EMPTY;
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  if (text.startsWith("'"))
    return text.length > 1 ? { kind: 'value', value: text.slice(1) } : EMPTY;
  const number = parseNumber(text);
  if (number) return { kind: 'value', value: number.value, impliedFormat: number.format };
  if (/^(true|false)$/i.test(text.trim())) {
    return { kind: 'value', value: text.trim().toLowerCase() === 'true' };
  }
  const date = parseDate(text);
  if (date) return { kind: 'value', value: date.value, impliedFormat: date.format };
  // Sheets reads `+1+1` or `-A2` as a formula (and shows #NAME? or #ERROR! when it is not one).
  if (/^[+-]./.test(text)) return { kind: 'formula', formula: `=${text}` };
  return { kind: 'value', value: text };
}

function dateFormatFor(wall: Date): string {
  const midnight = wall.getUTCHours() + wall.getUTCMinutes() + wall.getUTCSeconds() === 0;
  return midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
}

/**
 * How Sheets stores a value written by setValue(s) or typed by a person. `numberFormat` is the
 * cell's current format: a plain-text cell (`@`) keeps strings exactly as written. A script's
 * Date is read in the spreadsheet's `timeZone`; dates are stored as wall dates.
 */
export function parseInput(
  input: unknown,
  numberFormat: string | undefined,
  timeZone: string,
): Content {
  if (input === null || input === undefined) return EMPTY;
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { kind: 'value', value: input } : parseText(String(input));
  }
  if (isDate(input)) {
    if (Number.isNaN(input.getTime())) return EMPTY;
    const wall = wallDate(dateToSerial(input, timeZone));
    return { kind: 'value', value: wall, impliedFormat: dateFormatFor(wall) };
  }
  const text = String(input);
  if (numberFormat === '@') return text === '' ? EMPTY : { kind: 'value', value: text };
  return parseText(text);
}

/**
 * The string Sheets shows for a value in a number format; a Date (as getValues returns it) is
 * shown on the wall clock of the spreadsheet's `timeZone`.
 */
export function displayString(value: unknown, numberFormat: string, timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const format = isDateFormat(numberFormat) ? numberFormat : 'M/d/yyyy H:mm:ss';
    return formatNumber(dateToSerial(value, timeZone), format, wallDate);
  }
  if (typeof value === 'number') return formatNumber(value, numberFormat, wallDate);
  return String(value);
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const URL_PATTERN = /^https?:\/\/[^\s/?#.]+(?:\.[^\s/?#.]+)*(?::\d+)?(?:[/?#]\S*)?$/i;

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
};

/** Sheets reports colours as lowercase `#rrggbb` whatever was set (`red`, `#F00`, `#FF0000`). */
export function normalizeColor(color: string): string {
  const lower = color.trim().toLowerCase();
  if (NAMED_COLORS[lower]) return NAMED_COLORS[lower];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(lower);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : lower;
}
