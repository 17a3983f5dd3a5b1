// The .xlsx export read back with exceljs: sheet names Excel accepts, and the notes sheet first.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { excelSheetNames, NOTES_SHEET, workbookToXlsx } from '../../preview/xlsx';

async function exported(sheetNames: string[]) {
  const emulator = createEmulator();
  const spreadsheet = emulator.services.SpreadsheetApp.getActiveSpreadsheet();
  for (const name of sheetNames) {
    spreadsheet
      .insertSheet(name)
      .getRange('A1:B1')
      .setValues([[name, 42]]);
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await workbookToXlsx(emulator)) as unknown as ArrayBuffer);
  return book;
}

/** The notes sheet's text, one string per row. */
function notesText(book: ExcelJS.Workbook): string[] {
  const lines: string[] = [];
  book.worksheets[0].eachRow((row) => {
    lines.push((row.values as unknown[]).filter((v) => v !== undefined).join(' | '));
  });
  return lines;
}

describe('.xlsx sheet names', () => {
  it('replaces only the characters Excel forbids, visibly, and keeps the rest of the name', () => {
    const names = excelSheetNames(['Summer*', 'Q1/Q2: results', "'Quoted'", '[Draft] ?', 'Plan']);
    expect([...names.values()]).toEqual([
      'Summer_',
      'Q1_Q2_ results',
      '_Quoted_',
      '_Draft_ _',
      'Plan',
    ]);
  });

  it('cuts names over 31 characters and keeps names that end up alike apart', () => {
    const long = 'A very long campaign name for spring 2026';
    const names = excelSheetNames([long, `${long} again`, 'summer*', 'Summer?']);
    expect(names.get(long)).toBe('A very long campaign name for s');
    expect(names.get(`${long} again`)).toBe('A very long campaign name f (2)');
    expect(names.get('summer*')).toBe('summer_');
    expect(names.get('Summer?')).toBe('Summer_ (2)');
    for (const name of names.values()) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('exports renamed sheets with their values and says so in the notes sheet, first', async () => {
    const book = await exported(['Summer*', 'Plan']);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      NOTES_SHEET,
      'Sheet1',
      'Summer_',
      'Plan',
    ]);
    expect(book.getWorksheet('Summer_')?.getCell('A1').value).toBe('Summer*');
    expect(book.getWorksheet('Summer_')?.getCell('B1').value).toBe(42);
    const notes = notesText(book);
    expect(notes[0]).toBe('Exported from the Influencer ROI offline preview.');
    expect(notes).toContain('Summer* | Summer_');
    expect(notes.some((line) => line.startsWith('Renamed sheets: Excel does not allow'))).toBe(
      true,
    );
    expect(notes.join('\n')).not.toContain('Plan');
  });

  it('writes notes with no rename list when every name is fine, and never clashes with a sheet called Export notes', async () => {
    const book = await exported(['Export notes']);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Export notes (2)',
      'Sheet1',
      'Export notes',
    ]);
    expect(notesText(book).some((line) => line.startsWith('Renamed sheets'))).toBe(false);
    expect(book.getWorksheet('Export notes')?.getCell('B1').value).toBe(42);
  });
});
