// A big file arrives as its first lines (`head`) and only the columns the import reads
// (`records`): importColumns tells the sidebar which columns, and readColumnsFile turns what it
// sent back into the rows the import reads from a whole file. Everything is checked again here.
import { InputError } from '../apps/errors';
import type { ImportColumns } from '../shared/api';
import { findHeader, readsColumn } from './detect';
import { ImportError } from './import-error';
import type { Mapping } from './recognize';
import { mappingOf } from './request';
import { prepareText } from './text';

const MAX_HEAD_CHARS = 256 * 1024;
/** The columns unpacked: far above a 100 MB export's needed columns, below Apps Script's memory. */
const MAX_RECORDS_CHARS = 80 * 1024 * 1024;

interface Head extends ImportColumns {
  decimalComma: boolean;
  /** Every header of the file (trimmed, empty ones at the right end dropped). */
  fileHeaders: string[];
}

/** The text's rows, parsed by Apps Script; `unreadable` says what went wrong where, for people. */
export function parseCsvOrSay(
  prepared: { text: string; separator: string },
  unreadable: string,
): string[][] {
  try {
    return Utilities.parseCsv(prepared.text, prepared.separator);
  } catch {
    throw new ImportError('notCsv', unreadable);
  }
}

function readHead(head: unknown, mapping: Mapping): Head {
  // An empty head is an empty file: prepareText says so.
  if (typeof head !== 'string')
    throw new InputError(
      'The file\'s first lines are missing (field "head"): choose the file again.',
    );
  if (head.length > MAX_HEAD_CHARS)
    throw new InputError(
      'The file\'s first lines are over 256 KB (field "head"): send the header and a few rows.',
    );
  const prepared = prepareText(head);
  const rows = parseCsvOrSay(
    prepared,
    'The file\'s first lines can\'t be read as CSV (field "head"): a quoted field never closes.',
  );
  const headerIndex = findHeader(rows, mapping);
  const header = (rows[headerIndex] ?? []).map((cell) => (cell == null ? '' : String(cell).trim()));
  let width = header.length;
  while (width > 0 && header[width - 1] === '') width--;
  const reads = readsColumn(mapping);
  const columns: number[] = [];
  // The first column too: a "Total" row says so there, and the import drops it.
  for (let i = 0; i < width; i++) if (i === 0 || reads(header[i])) columns.push(i);
  return {
    columns,
    headers: columns.map((i) => header[i]),
    skip: headerIndex + 1,
    separator: prepared.separator,
    decimalComma: prepared.decimalComma,
    fileHeaders: header.slice(0, width),
  };
}

/** Sidebar: which columns of a file the import needs, from its first lines and the user's mapping. */
export function importColumns(input: unknown): ImportColumns {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new InputError(
      'The file\'s first lines are missing (field "head"): choose the file again.',
    );
  const request = input as Record<string, unknown>;
  const { columns, headers, skip, separator } = readHead(request.head, mappingOf(request.mapping));
  return { columns, headers, skip, separator };
}

function unpack(records: string): string {
  try {
    const zipped = Utilities.newBlob(Utilities.base64Decode(records), 'application/x-gzip');
    return Utilities.ungzip(zipped).getDataAsString();
  } catch {
    throw new InputError(
      'The file\'s columns (field "records") are not gzipped base-64: choose the file again.',
    );
  }
}

function decodeRecords(records: string, head: Head): string[][] {
  const json = unpack(records);
  if (json.length > MAX_RECORDS_CHARS)
    throw new InputError(
      'The file\'s columns (field "records") are over 80 MB: export a shorter date range and import each part.',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new InputError(
      'The file\'s columns (field "records") are not readable JSON: choose the file again.',
    );
  }
  if (!Array.isArray(parsed))
    throw new InputError('The file\'s columns (field "records") must be a list of rows.');
  const width = head.columns.length;
  parsed.forEach((cells: unknown, i) => {
    const fits =
      Array.isArray(cells) &&
      (cells.length === width || cells.length === 0) &&
      cells.every((cell) => typeof cell === 'string');
    if (!fits)
      throw new InputError(
        `Row ${head.skip + 1 + i} of the file's columns (field "records") should hold ${width} ` +
          'text cells, as importColumns asked: choose the file again.',
      );
  });
  return parsed as string[][];
}

/** A file sent as head and records, as the rows a whole file gives (title lines left blank). */
export function readColumnsFile(file: { head: string; records: string }, mapping: Mapping) {
  const head = readHead(file.head, mapping);
  const records = decodeRecords(file.records, head);
  const titleLines = Array.from({ length: head.skip - 1 }, () => [] as string[]);
  return {
    rows: [...titleLines, head.headers, ...records],
    headerIndex: head.skip - 1,
    headers: head.fileHeaders,
    decimalComma: head.decimalComma,
  };
}
