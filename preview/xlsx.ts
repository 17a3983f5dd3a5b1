// Export: the emulated workbook as an .xlsx file (exceljs), with computed values, number
// formats, column widths, bold, fills and frozen panes, to open in Excel, LibreOffice or Drive.
// Its first sheet, "Export notes", says what the file holds and which sheets were renamed
// because Excel refuses their names (Summer* becomes Summer_).
import ExcelJS from 'exceljs';
import type { Emulator } from '../emulator/sheets-emulator';
import { areaA1 } from '../emulator/sheets-refs';
import { dateToSerial, isDate } from '../emulator/sheets-values';

const ERROR_VALUES = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!']);
/** Sheets measures columns in pixels, Excel in characters of about 7 pixels. */
const PIXELS_PER_CHARACTER = 7;

export const NOTES_SHEET = 'Export notes';

export async function workbookToXlsx(emulator: Emulator): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Influencer ROI offline preview';
  const names = excelSheetNames(emulator.sheetNames());
  addNotes(book, names);
  // Excel opens on the first sheet of the workbook, not on the notes.
  book.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' },
  ];
  for (const name of emulator.sheetNames()) {
    const sheet = emulator.sheet(name);
    const values = sheet.values();
    const rows = values.length;
    const columns = values[0]?.length ?? 0;
    const target = book.addWorksheet(names.get(name) ?? name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }],
    });
    target.columns = Array.from({ length: columns }, (_, j) => ({
      width: Math.round((sheet.columnWidth(j + 1) / PIXELS_PER_CHARACTER) * 10) / 10,
    }));
    if (rows === 0 || columns === 0) continue;
    const formats = sheet.formats(areaA1(1, 1, rows, columns));
    values.forEach((row, i) => {
      row.forEach((value, j) => {
        const format = formats[i][j];
        if (value === '' && !format.background) return;
        const cell = target.getCell(i + 1, j + 1);
        cell.value = excelValue(value, emulator.timeZone);
        if (format.numberFormat && format.numberFormat !== 'General')
          cell.numFmt = format.numberFormat;
        else if (isDate(value)) cell.numFmt = 'yyyy-mm-dd';
        if (format.fontWeight === 'bold' || format.fontColor) {
          cell.font = {
            bold: format.fontWeight === 'bold',
            ...(format.fontColor ? { color: { argb: argb(format.fontColor) } } : {}),
          };
        }
        if (format.background && format.background.toLowerCase() !== '#ffffff') {
          cell.fill = {
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: argb(format.background) },
          };
        }
      });
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function excelValue(value: unknown, timeZone: string): ExcelJS.CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' && ERROR_VALUES.has(value)) {
    return { error: value as ExcelJS.CellErrorValue['error'] };
  }
  // A serial number, like Sheets and Excel store dates: no time zone can shift the day.
  if (isDate(value)) return dateToSerial(value, timeZone);
  return value as ExcelJS.CellValue;
}

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts for each sheet: forbidden characters (\ / ? * [ ] :) and a leading or
 * trailing apostrophe become "_", a name over 31 characters is cut, and a name that then
 * matches another (Excel ignores case) gets " (2)".
 */
export function excelSheetNames(names: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    let base = name.replace(FORBIDDEN, '_').replace(/^'|'$/g, '_').slice(0, MAX_SHEET_NAME);
    if (!base.trim()) base = 'Sheet';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const counter = ` (${n})`;
      candidate = base.slice(0, MAX_SHEET_NAME - counter.length) + counter;
    }
    used.add(candidate.toLowerCase());
    result.set(name, candidate);
  }
  return result;
}

/** The first sheet: what the export holds, and every sheet it had to rename. */
function addNotes(book: ExcelJS.Workbook, names: Map<string, string>): void {
  const taken = new Set([...names.values()].map((name) => name.toLowerCase()));
  let title = NOTES_SHEET;
  for (let n = 2; taken.has(title.toLowerCase()); n++) title = `${NOTES_SHEET} (${n})`;
  const notes = book.addWorksheet(title);
  notes.columns = [{ width: 40 }, { width: 40 }];
  const lines: (string | null)[][] = [
    ['Exported from the Influencer ROI offline preview.'],
    ['Cells hold the values the formulas computed; the formulas themselves are not included.'],
  ];
  const renamed = [...names].filter(([from, to]) => from !== to);
  if (renamed.length > 0) {
    lines.push(
      [],
      [
        'Renamed sheets: Excel does not allow \\ / ? * [ ] : in a sheet name, an apostrophe at its start or end, more than 31 characters, or two names alike.',
      ],
      ['Sheet in the spreadsheet', 'Sheet in this file'],
      ...renamed.map(([from, to]) => [from, to]),
    );
  }
  notes.addRows(lines);
  notes.getRow(1).font = { bold: true };
  if (renamed.length > 0) notes.getRow(5).font = { bold: true };
}
