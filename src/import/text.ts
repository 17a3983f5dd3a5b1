// The file as text and as a grid: byte-order mark, separator, header row below title lines,
// total rows and empty trailing columns. No parsing of values here (see values.ts).
import { ImportError } from './import-error';
import { detectDecimalComma } from './values';

export type Separator = ',' | ';' | '\t';

export interface Sniffed {
  separator: Separator;
  /** True when amounts are written "1.234,50": the file's own convention, not the user's locale. */
  decimalComma: boolean;
}

/** A data row of the file with its 1-based row number, as a spreadsheet would show it. */
export interface DataRow {
  row: number;
  cells: string[];
}

/** The report as a table: its header and the data rows below it. */
export interface Table {
  headers: string[];
  /** 1-based row number of the header (title lines above it are skipped). */
  headerRow: number;
  rows: DataRow[];
}

export const MAX_FILE_CHARS = 10 * 1024 * 1024;
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 30;
const HEADER_SCAN_ROWS = 20;
const SEPARATORS: Separator[] = [',', ';', '\t'];

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Zip (xlsx, ods), PDF and old Office files begin with these. */
const BINARY_SIGNATURES = ['PK\u0003\u0004', '%PDF', '\u00d0\u00cf\u0011\u00e0'];

/** Zip (xlsx, ods), PDF, or bytes that didn't decode as text: not a CSV whatever its name. */
export function looksBinary(text: string): boolean {
  if (BINARY_SIGNATURES.some((signature) => text.startsWith(signature))) return true;
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) odd++;
  }
  return odd > sample.length * 0.02;
}

/** The first records of the text split on one separator, quotes honoured (for sniffing only). */
function sampleRecords(text: string, separator: Separator, limit = SAMPLE_RECORDS) {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && records.length < limit; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if ((field !== '' || record.length > 0) && records.length < limit) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** How consistently a separator splits the records (title lines of one cell don't count). */
function separatorScore(records: string[][]): number {
  const counts = new Map<number, number>();
  for (const record of records) {
    if (record.length > 1) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
  }
  let best = 0;
  for (const [width, rows] of counts) best = Math.max(best, rows * Math.min(width, 2));
  return best;
}

/** Comma, semicolon or tab, whichever splits the lines into the most consistent columns. */
export function sniffSeparator(text: string): Sniffed {
  let separator: Separator = ',';
  let bestScore = 0;
  for (const candidate of SEPARATORS) {
    const score = separatorScore(sampleRecords(text, candidate));
    if (score > bestScore) {
      bestScore = score;
      separator = candidate;
    }
  }
  return { separator, decimalComma: detectDecimalComma(sampleRecords(text, separator)) };
}

/**
 * The checks made on the raw text before it is parsed: one clear refusal, or the text without
 * its byte-order mark and how to split it.
 */
export function prepareText(text: string): Sniffed & { text: string } {
  if (text.length > MAX_FILE_CHARS)
    throw new ImportError(
      'tooLarge',
      'The file is over 10 MB: export a shorter date range and import each part.',
    );
  if (looksBinary(text))
    throw new ImportError(
      'notCsv',
      "This file isn't a CSV export (it looks like a spreadsheet or another binary file, such as " +
        'an .xlsx renamed). Download the report as CSV, or import it into a tab and pick the tab.',
    );
  const stripped = stripBom(text);
  if (stripped.trim() === '') throw new ImportError('empty', 'The file is empty.');
  if (/^\s*<(?:!doctype|html|\?xml)/i.test(stripped))
    throw new ImportError(
      'notCsv',
      'This file is a web page or XML, not a CSV export: download the report as CSV.',
    );
  return { text: stripped, ...sniffSeparator(stripped) };
}

const FOLD_MARKS = /[\u0300-\u036f]/g;

/**
 * A header as a comparable key: accents, case, spaces, underscores and punctuation folded, and
 * camelCase split the same way, so "Click-throughs", "click_throughs" and "clickThroughs" agree.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(FOLD_MARKS, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell != null && String(cell).trim() !== '') return false;
  return true;
}

function filledCount(cells: readonly string[]): number {
  let filled = 0;
  for (const cell of cells) if (cell != null && String(cell).trim() !== '') filled++;
  return filled;
}

/**
 * The header row: the one among the first rows that scores highest (e.g. known column names),
 * else the first row with as many filled cells as the widest, so title lines above are skipped.
 * Returns a 0-based index.
 */
export function locateHeader(rows: string[][], score?: (cells: string[]) => number): number {
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  let best = -1;
  let bestScore = 0;
  if (score) {
    for (let i = 0; i < scan; i++) {
      const value = score(rows[i]);
      if (value > bestScore) {
        bestScore = value;
        best = i;
      }
    }
  }
  if (best >= 0) return best;
  let widest = 0;
  for (let i = 0; i < scan; i++) widest = Math.max(widest, filledCount(rows[i]));
  for (let i = 0; i < scan; i++) if (filledCount(rows[i]) === widest && widest > 1) return i;
  for (let i = 0; i < scan; i++) if (!isBlankRow(rows[i])) return i;
  return 0;
}

const TOTAL_LABELS = new Set(['total', 'totals', 'grandtotal', 'sum', 'summe', 'totale']);

/** "Total", "Grand total", "TOTAL:" in one of the row's first filled cells. */
export function isTotalRow(cells: readonly string[]): boolean {
  let seen = 0;
  for (const cell of cells) {
    const text = cell == null ? '' : String(cell).trim();
    if (text === '') continue;
    if (TOTAL_LABELS.has(headerKey(text))) return true;
    if (++seen === 2) return false;
  }
  return false;
}

/**
 * The table below the header: blank rows and trailing total rows dropped, header cells trimmed,
 * empty columns at the right end dropped. Cells are kept as the file wrote them otherwise.
 */
export function toTable(rows: string[][], headerIndex: number): Table {
  const header = (rows[headerIndex] ?? []).map((cell) => (cell == null ? '' : String(cell).trim()));
  let width = header.length;
  while (width > 0 && header[width - 1] === '') width--;
  const data: DataRow[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (!cells || isBlankRow(cells)) continue;
    data.push({ row: i + 1, cells: cells.length > width ? cells.slice(0, width) : cells });
  }
  while (data.length > 0 && isTotalRow(data[data.length - 1].cells)) data.pop();
  return { headers: header.slice(0, width), headerRow: headerIndex + 1, rows: data };
}
