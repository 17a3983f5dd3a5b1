// A big export read in the page: its first lines go to the server as text (importColumns says
// which columns the import reads), then the file is read in 1 MB slices, parsed by papaparse,
// and only those columns are sent, as JSON gzipped by the browser, in base-64. No DOM here, so
// the bench runs this very code in node.
import { parse } from 'papaparse';
import type { ImportColumns } from '../shared/api';

export const SLICE_BYTES = 1024 * 1024;
/** Enough whole rows for the server to find the header and sniff separator and decimals. */
const HEAD_CHARS = 64 * 1024;
const MAX_HEAD_CHARS = 256 * 1024;

/** What a File is to this module (a Blob in node). */
export interface FileLike {
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * Where whole rows end in text: just after the last line feed outside quotes, scanning from
 * `from` with `quoted` the state there (-1: none). Jumps from quote to quote, so a slice costs
 * a few native searches, not a loop over every character. Also the quote state at the end.
 */
function rowsEnd(text: string, from: number, quoted: boolean) {
  let cut = -1;
  let inQuotes = quoted;
  for (let start = from; ; ) {
    const quote = text.indexOf('"', start);
    const end = quote < 0 ? text.length : quote;
    if (!inQuotes && end > start) {
      const lineFeed = text.lastIndexOf('\n', end - 1);
      if (lineFeed >= start) cut = lineFeed + 1;
    }
    if (quote < 0) return { cut, quoted: inQuotes };
    inQuotes = !inQuotes;
    start = quote + 1;
  }
}

/** The file's first whole rows, up to 64 KB (more only when a row is longer): importColumns' head. */
export async function readHead(file: FileLike): Promise<string> {
  const bytes = await file.slice(0, MAX_HEAD_CHARS).arrayBuffer();
  const text = new TextDecoder().decode(bytes, { stream: file.size > MAX_HEAD_CHARS });
  if (file.size <= HEAD_CHARS) return text;
  let { cut } = rowsEnd(text.slice(0, HEAD_CHARS), 0, false);
  if (cut < 0) cut = rowsEnd(text, 0, false).cut;
  return cut > 0 ? text.slice(0, cut) : text;
}

type Newline = '\r\n' | '\n' | '\r';

/** The file's line break, settled once: papaparse would guess it again for every slice. */
function newlineOf(text: string): Newline {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

/** Rows of a block of whole rows; a final line break adds no row (as Utilities.parseCsv). */
function parseRows(block: string, separator: string, newline: Newline): string[][] {
  const rows = parse<string[]>(block, { delimiter: separator, newline }).data;
  if (/[\r\n]$/.test(block)) rows.pop();
  return rows;
}

function keptCells(cells: string[], columns: readonly number[]): string[] {
  if (cells.every((cell) => cell.trim() === '')) return [];
  return columns.map((column) => cells[column] ?? '');
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step)
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + step)));
  return btoa(binary);
}

export interface ReadColumns {
  /** The kept columns of every row after the header, JSON gzipped, in base-64. */
  records: string;
  /** Rows after the header (blank ones included). */
  rows: number;
}

/** Reads the whole file in slices, keeping `plan.columns`; progress from 0 to 1 as it reads. */
export async function readColumns(
  file: FileLike,
  plan: ImportColumns,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<ReadColumns> {
  const gzip = new CompressionStream('gzip');
  const zipped = collect(gzip.readable);
  const writer = gzip.writable.getWriter();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let carry = '';
  let quoted = false;
  let toSkip = plan.skip;
  let rows = 0;
  let newline: Newline | undefined;
  await writer.write(encoder.encode('['));
  for (let start = 0; start < file.size; start += SLICE_BYTES) {
    const last = start + SLICE_BYTES >= file.size;
    const bytes = await file.slice(start, start + SLICE_BYTES).arrayBuffer();
    const text = carry + decoder.decode(bytes, { stream: !last });
    newline = newline ?? newlineOf(text);
    const end = rowsEnd(text, carry.length, quoted);
    quoted = end.quoted;
    const cut = last ? text.length : Math.max(end.cut, 0);
    carry = text.slice(cut);
    const kept: string[][] = [];
    for (const cells of parseRows(text.slice(0, cut), plan.separator, newline)) {
      if (toSkip > 0) toSkip--;
      else kept.push(keptCells(cells, plan.columns));
    }
    if (kept.length > 0) {
      const json = JSON.stringify(kept).slice(1, -1);
      await writer.write(encoder.encode(rows > 0 ? `,${json}` : json));
      rows += kept.length;
    }
    onProgress(Math.min(1, (start + bytes.byteLength) / file.size));
  }
  await writer.write(encoder.encode(']'));
  await writer.close();
  return { records: base64(await zipped), rows };
}
