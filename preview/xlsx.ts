// Export: the emulated workbook as an .xlsx file (exceljs), with computed values, number
// formats, column widths, bold, fills and frozen panes, to open in Excel, LibreOffice or Drive.
import ExcelJS from 'exceljs';
import type { Emulator } from '../emulator/sheets-emulator';
import { areaA1 } from '../emulator/sheets-refs';
import { dateToSerial, isDate } from '../emulator/sheets-values';

const ERROR_VALUES = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!']);
/** Sheets measures columns in pixels, Excel in characters of about 7 pixels. */
const PIXELS_PER_CHARACTER = 7;

export async function workbookToXlsx(emulator: Emulator): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Influencer ROI offline preview';
  for (const name of emulator.sheetNames()) {
    const sheet = emulator.sheet(name);
    const values = sheet.values();
    const rows = values.length;
    const columns = values[0]?.length ?? 0;
    const target = book.addWorksheet(excelSheetName(name), {
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

/** Excel refuses sheet names over 31 characters or holding \ / ? * [ ] :. */
function excelSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}
