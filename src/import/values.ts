// Cells as the reports write them, turned into numbers and days: money with symbols and
// grouping, counts, percents and dates. A cell that isn't what its column promises stops the
// import with a message naming its row and column.
import { ImportError } from './import-error';

export type DateOrder = 'mdy' | 'dmy';

export interface ValueOptions {
  /** The file writes amounts "1.234,50". */
  decimalComma: boolean;
  /** How to read "03/04/25"; needed only when the values don't settle it. */
  dateOrder?: DateOrder;
}

const CURRENCY_SYMBOLS = '$€£₹¥₩₽₺₪₱฿';
const PREFIX = new RegExp(
  `^(?:[A-Z]{1,3}[${CURRENCY_SYMBOLS}]|[${CURRENCY_SYMBOLS}]|[A-Z]{3}\\s|Rs\\.?\\s?)`,
);
const SUFFIX = new RegExp(`(?:\\s?[${CURRENCY_SYMBOLS}]|\\s[A-Z]{3})$`);
/** 1234.5, 1,234.50, Indian 1,08,218.36, .5 */
const POINT_NUMBER = /^(?:\d+|\d{1,3}(?:,\d{2,3})*,\d{3})(?:\.\d*)?$|^\.\d+$/;
/** 1234,5, 1.234,50, 1 234,50 */
const COMMA_NUMBER = /^(?:\d+|\d{1,3}(?:[.\s\u00a0\u202f']\d{3})+)(?:,\d*)?$|^,\d+$/;
const GROUPING = /[,\s\u00a0\u202f']/g;

/** To the cent, which also removes float noise such as 191.95999999999998. */
export function roundCents(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-6);
  return amount < 0 && cents !== 0 ? -cents / 100 : cents / 100;
}

/** Exact sum of two amounts already in cents, free of binary noise. */
export function addCents(a: number, b: number): number {
  return (Math.round(a * 100) + Math.round(b * 100)) / 100;
}

/** A signed decimal, or null; sign as "-12", "−12", "(12)" or "12-". */
function signedNumber(raw: string, decimalComma: boolean, allowCurrency: boolean): number | null {
  let text = raw.trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/^[-\u2212]/.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  if (allowCurrency) {
    text = text.replace(PREFIX, '').replace(SUFFIX, '').trim();
    if (/^[-\u2212]/.test(text)) {
      negative = !negative;
      text = text.slice(1).trim();
    }
  }
  if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  let plain: string;
  if (decimalComma) {
    if (!COMMA_NUMBER.test(text)) return null;
    plain = text.replace(/[.\s\u00a0\u202f']/g, '').replace(',', '.');
  } else {
    if (!POINT_NUMBER.test(text)) return null;
    plain = text.replace(GROUPING, '');
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** "$1,234.50", "MX$5,310.54", "₹1,08,218.36", "(12.00)", "1.234,50 €" -> amount; null if not one. */
export function parseMoney(text: string, decimalComma = false): number | null {
  const value = signedNumber(String(text), decimalComma, true);
  return value === null ? null : roundCents(value);
}

/** "1,514" -> 1514; null for anything that isn't a whole number. */
export function parseCount(text: string, decimalComma = false): number | null {
  const value = signedNumber(String(text), decimalComma, false);
  return value !== null && Number.isInteger(value) ? value : null;
}

/** "9.26%" -> 0.0926; a number without "%" is taken as a fraction already. */
export function parsePercent(text: string, decimalComma = false): number | null {
  const trimmed = String(text).trim();
  const percent = trimmed.endsWith('%');
  const value = signedNumber(percent ? trimmed.slice(0, -1) : trimmed, decimalComma, false);
  if (value === null) return null;
  return percent ? Number((value / 100).toPrecision(12)) : value;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullYear(year: string): number {
  const n = Number(year);
  return year.length <= 2 ? 2000 + n : n;
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** 2025-03-14, 2025/03/14, 2025-03-14 10:22:05 -0400, 2025-03-14T10:22:05Z: the day as written. */
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[t\s])/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:$|\s)/;
const MONTH_FIRST = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/;
const DAY_FIRST = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/;

/**
 * The day a cell names, as "YYYY-MM-DD" (the day as the report wrote it: no time-zone shift);
 * null if it isn't a date, or is a "03/04/25" style date and no order was given.
 */
export function parseDate(text: string, order?: DateOrder): string | null {
  const trimmed = String(text).trim().toLowerCase();
  let match = COMPACT.exec(trimmed) ?? ISO.exec(trimmed);
  if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = SLASHED.exec(trimmed);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    const settled = first > 12 ? 'dmy' : second > 12 ? 'mdy' : order;
    if (!settled) return null;
    const year = fullYear(match[3]);
    return settled === 'mdy' ? isoDay(year, first, second) : isoDay(year, second, first);
  }
  match = MONTH_FIRST.exec(trimmed);
  if (match && MONTHS.includes(match[1]))
    return isoDay(Number(match[3]), MONTHS.indexOf(match[1]) + 1, Number(match[2]));
  match = DAY_FIRST.exec(trimmed);
  if (match && MONTHS.includes(match[2]))
    return isoDay(Number(match[3]), MONTHS.indexOf(match[2]) + 1, Number(match[1]));
  return null;
}

export type DateOrderFinding = DateOrder | 'ambiguous' | 'mixed' | 'none';

/**
 * What "03/04/25" style dates in a column say about their order: a first part over 12 means
 * day first, a second part over 12 month first; neither is ambiguous (ask the user), both is
 * mixed (the column is inconsistent); 'none' when no such date appears.
 */
export function inferDateOrder(values: Iterable<string>): DateOrderFinding {
  let slashed = false;
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const match = SLASHED.exec(String(value).trim());
    if (!match) continue;
    slashed = true;
    if (Number(match[1]) > 12) dayFirst = true;
    if (Number(match[2]) > 12) monthFirst = true;
  }
  if (!slashed) return 'none';
  if (dayFirst && monthFirst) return 'mixed';
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  return 'ambiguous';
}

const COMMA_DECIMAL = /(?:^|[^\d.,])-?\d{1,3}(?:\.\d{3})*,\d{1,2}(?:$|[^\d.,])/;
const POINT_DECIMAL = /(?:^|[^\d.,])-?\d{1,3}(?:,\d{2,3})*\.\d{1,2}(?:$|[^\d.,])|\d+\.\d{1,2}$/;

/** True when amounts in these rows are written with a decimal comma ("12,50", "1.234,50"). */
export function detectDecimalComma(rows: string[][]): boolean {
  let comma = 0;
  let point = 0;
  for (const row of rows) {
    for (const cell of row) {
      const text = cell == null ? '' : String(cell).trim();
      if (text.length > 40 || !/\d/.test(text)) continue;
      if (COMMA_DECIMAL.test(text)) comma++;
      else if (POINT_DECIMAL.test(text)) point++;
    }
  }
  return comma > point;
}

const DESCRIPTIONS = {
  money: 'an amount',
  count: 'a whole number',
  percent: 'a percent',
  date: 'a date',
};

/** A clear stop for the import: which row, which column, which text, and what was expected. */
export function badValue(
  row: number,
  column: string,
  text: string,
  kind: keyof typeof DESCRIPTIONS,
): ImportError {
  return new ImportError(
    'badValue',
    `Row ${row}, column "${column}": "${String(text).trim()}" is not ${DESCRIPTIONS[kind]}`,
  );
}

/**
 * Reads one row's cells by column index, with the file's conventions; blank numbers read as 0,
 * a blank date as ''. Anything unreadable throws badValue.
 */
export class CellReader {
  constructor(
    private readonly headers: readonly string[],
    private readonly options: ValueOptions,
  ) {}

  text(cells: readonly string[], column: number | undefined): string {
    if (column === undefined) return '';
    const cell = cells[column];
    return cell == null ? '' : String(cell).trim();
  }

  money(cells: readonly string[], column: number | undefined, row: number): number {
    const text = this.text(cells, column);
    if (text === '' || column === undefined) return 0;
    const value = parseMoney(text, this.options.decimalComma);
    if (value === null) throw badValue(row, this.headers[column], text, 'money');
    return value;
  }

  count(cells: readonly string[], column: number | undefined, row: number): number {
    const text = this.text(cells, column);
    if (text === '' || column === undefined) return 0;
    const value = parseCount(text, this.options.decimalComma);
    if (value === null) throw badValue(row, this.headers[column], text, 'count');
    return value;
  }

  date(cells: readonly string[], column: number | undefined, row: number): string {
    const text = this.text(cells, column);
    if (text === '' || column === undefined) return '';
    const value = parseDate(text, this.options.dateOrder);
    if (value === null) throw badValue(row, this.headers[column], text, 'date');
    return value;
  }
}
