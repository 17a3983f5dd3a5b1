// Where a Range object lies: areas from A1 text or row/column numbers, with Apps Script's
// checks and messages, and the area behind a Range passed as an argument.
import type { Area, SheetModel, Workbook } from './sheets-model';
import { parseA1 } from './sheets-refs';
import { signatureError, unwrap } from './sheets-session';

export const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

/** The area of a Range object passed as an argument. */
export function rangeArea(value: unknown, path = 'SpreadsheetApp.Range', args = [value]): Area {
  const area = unwrap<Area>(value, 'Range');
  if (!area) throw signatureError(path, args);
  return area;
}

export function checkInside(area: Area): Area {
  const { sheet, r2, c2 } = area;
  if (r2 > sheet.maxRows || c2 > sheet.maxColumns) throw new Error(OUTSIDE);
  return area;
}

/** An area from row/column numbers, with Apps Script's checks and messages. */
export function numericArea(sheet: SheetModel, args: unknown[], path: string): Area {
  const ok = args.length >= 2 && args.length <= 4 && args.every((a) => typeof a === 'number');
  if (!ok) throw signatureError(path, args);
  const [row, col, numRows = 1, numCols = 1] = (args as number[]).map((n) => {
    if (!Number.isFinite(n)) throw new Error(`Cannot convert ${n} to int.`);
    return Math.trunc(n);
  });
  if (row < 1) throw new Error('The starting row of the range is too small.');
  if (col < 1) throw new Error('The starting column of the range is too small.');
  if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
  return checkInside({ sheet, r1: row, c1: col, r2: row + numRows - 1, c2: col + numCols - 1 });
}

/** The area for Sheet.getRange / Spreadsheet.getRange arguments (A1 text or numbers). */
export function sheetArea(book: Workbook, sheet: SheetModel, args: unknown[], path: string): Area {
  if (typeof args[0] !== 'string') return numericArea(sheet, args, path);
  if (args.length > 1) throw signatureError(path, args);
  const ref = parseA1(args[0]);
  const target = ref?.sheet === undefined ? sheet : book.sheetByName(ref.sheet);
  if (!ref || !target) throw new Error('Range not found');
  const end = ref.end ?? ref.start;
  const rows = [ref.start.row ?? 1, end.row ?? target.maxRows];
  const cols = [ref.start.col ?? 1, end.col ?? target.maxColumns];
  return checkInside({
    sheet: target,
    r1: Math.min(...rows),
    r2: Math.max(...rows),
    c1: Math.min(...cols),
    c2: Math.max(...cols),
  });
}
