// Sheets' documented limits, refused with Sheets' own messages, so a product that would break
// them in Google Sheets breaks in tests too.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';

const TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';
const TOO_MANY_CELLS =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
const VALUE_TOO_LARGE = 'Argument too large: value';
const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function setup(options: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator(options);
  const spreadsheet = emulator.services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheets()[0];
  return { emulator, spreadsheet, sheet };
}

describe('50,000 characters per cell', () => {
  const long = 'x'.repeat(50_001);
  const longFormula = `="${'x'.repeat(49_998)}"`; // 50,001 characters

  it('takes exactly 50,000 characters, as a value or as a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('y'.repeat(50_000));
    sheet.getRange('A2').setFormula(`="${'y'.repeat(49_997)}"`);
    expect(String(sheet.getRange('A1').getValue())).toHaveLength(50_000);
    expect(sheet.getRange('A2').getFormula()).toHaveLength(50_000);
  });

  it('refuses one more, written any way, and keeps the cell as it was', () => {
    const { emulator, sheet } = setup();
    sheet.getRange('A1:B1').setValues([['before', 'kept']]);
    expect(() => sheet.getRange('A1').setValue(long)).toThrow(TOO_LONG);
    expect(() => sheet.getRange('A1:B1').setValues([['ok', long]])).toThrow(TOO_LONG);
    expect(() => sheet.getRange('A1').setFormula(longFormula)).toThrow(TOO_LONG);
    expect(() => sheet.getRange('A1').setFormulas([[longFormula]])).toThrow(TOO_LONG);
    expect(() => sheet.getRange('A1').setValue(longFormula)).toThrow(TOO_LONG);
    expect(() => sheet.appendRow(['a', long])).toThrow(TOO_LONG);
    expect(() => emulator.type('Sheet1', 'A1', long)).toThrow(TOO_LONG);
    expect(emulator.sheet('Sheet1').values()).toEqual([['before', 'kept']]);
  });
});

describe('10 million cells per spreadsheet', () => {
  it('refuses rows, columns or a sheet that would pass the limit, and allows up to it', () => {
    const { spreadsheet, sheet } = setup();
    // 1,000 x 26 to start; 384,615 rows of 26 columns is 9,999,990 cells.
    sheet.insertRowsAfter(1000, 384_615 - 1000);
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(() => sheet.insertRowsAfter(384_615, 1)).toThrow(TOO_MANY_CELLS);
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(TOO_MANY_CELLS);
    expect(() => spreadsheet.insertSheet('More')).toThrow(TOO_MANY_CELLS);
    expect(spreadsheet.getSheets()).toHaveLength(1);
    expect(sheet.getMaxColumns()).toBe(26);
  });
});

describe('a sheet grows at the bottom', () => {
  it('adds rows after the last one, and appendRow adds one when the grid is full', () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    sheet.getRange('A1005').setValue('last');
    sheet.appendRow(['appended', 2]);
    expect(sheet.getMaxRows()).toBe(1006);
    expect(sheet.getRange('A1006:B1006').getValues()).toEqual([['appended', 2]]);
    sheet.insertRows(1006, 2);
    expect(sheet.getMaxRows()).toBe(1008);
    expect(sheet.getRange('A1008').getValue()).toBe('appended');
  });
});

describe('array results that do not fit', () => {
  it('shows #REF! with the blocking cell, and expands again once that cell is cleared', () => {
    const { emulator, sheet } = setup();
    sheet.getRange('A1').setFormula('=SEQUENCE(3)');
    emulator.type('Sheet1', 'A3', 'typed');
    expect(emulator.sheet('Sheet1').values('A1:A3')).toEqual([['#REF!'], [''], ['typed']]);
    expect(emulator.errorMessage('Sheet1', 'A1')).toBe(
      'Array result was not expanded because it would overwrite data in A3.',
    );
    sheet.getRange('A3').clearContent();
    expect(emulator.sheet('Sheet1').values('A1:A3')).toEqual([[1], [2], [3]]);
    expect(emulator.errorMessage('Sheet1', 'A1')).toBeNull();
  });

  it('blocks when a value is typed inside a result that had expanded', () => {
    const { emulator, sheet } = setup();
    sheet.getRange('B1:B3').setValues([[1], [2], [3]]);
    sheet.getRange('C1').setFormula('=ARRAYFORMULA(B1:B3*10)');
    emulator.type('Sheet1', 'C2', 999);
    expect(emulator.sheet('Sheet1').values('C1:C3')).toEqual([['#REF!'], [999], ['']]);
    expect(emulator.errorMessage('Sheet1', 'C1')).toBe(
      'Array result was not expanded because it would overwrite data in C2.',
    );
    emulator.type('Sheet1', 'C2', '');
    expect(emulator.sheet('Sheet1').values('C1:C3')).toEqual([[10], [20], [30]]);
  });

  it("shows #REF! when it would run past the sheet's last row, and fits once rows are added", () => {
    const { emulator, sheet } = setup({ sheets: [{ name: 'Sheet1' }, { name: 'Tall' }] });
    emulator.services.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Tall')
      ?.insertRowsAfter(1000, 1000);
    sheet.getRange('A998').setFormula('=SEQUENCE(5)');
    expect(emulator.sheet('Sheet1').values('A998:A1000')).toEqual([['#REF!'], [''], ['']]);
    expect(emulator.errorMessage('Sheet1', 'A998')).toBe(
      'Result was not automatically expanded, please insert more rows (2).',
    );
    expect(sheet.getLastRow()).toBe(998);
    sheet.insertRowsAfter(1000, 2);
    expect(emulator.sheet('Sheet1').values('A998:A1002')).toEqual([[1], [2], [3], [4], [5]]);
    expect(sheet.getLastRow()).toBe(1002);
  });

  it('names the rows needed for a result taller than any sheet', () => {
    const { emulator, sheet } = setup();
    sheet.getRange('A1').setFormula('=SEQUENCE(1500)');
    expect(emulator.sheet('Sheet1').values('A1')).toEqual([['#REF!']]);
    expect(emulator.errorMessage('Sheet1', 'A1')).toBe(
      'Result was not automatically expanded, please insert more rows (500).',
    );
  });
});

describe('PropertiesService: 9 KB per value, 500 KB per store', () => {
  it('takes a 9 KB value and refuses one byte more (counted in bytes, not characters)', () => {
    const { emulator } = setup();
    const props = emulator.services.PropertiesService.getDocumentProperties();
    props.setProperty('exact', 'a'.repeat(9 * 1024));
    expect(() => props.setProperty('over', 'a'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE);
    // "é" is two bytes in UTF-8: 4,609 of them are 9,218 bytes.
    expect(() => props.setProperty('accents', 'é'.repeat(4_609))).toThrow(VALUE_TOO_LARGE);
    expect(props.getProperty('over')).toBeNull();
    expect(props.getProperty('exact')).toHaveLength(9 * 1024);
  });

  it('refuses a write that would pass 500 KB in the store, leaving the store as it was', () => {
    const { emulator } = setup();
    const props = emulator.services.PropertiesService.getScriptProperties();
    const value = 'v'.repeat(9_000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, value);
    // 56 x (3 + 9,000) + 3 + 7,000 = 511,171 bytes, under 500 KB (512,000 bytes).
    props.setProperty('k56', 'v'.repeat(7_000));
    expect(() => props.setProperties({ k57: 'v'.repeat(1_000) })).toThrow(STORE_FULL);
    expect(() => props.setProperty('k56', 'v'.repeat(9_000))).toThrow(STORE_FULL);
    expect(props.getKeys()).toHaveLength(57);
    expect(props.getProperty('k57')).toBeNull();
    expect(props.getProperty('k56')).toHaveLength(7_000);
  });
});

describe('30 seconds per custom function call', () => {
  const code = `
/** @customfunction */
function SLOW(n) { var end = Date.now() + n; while (Date.now() < end) {} return n; }
/** @customfunction */
function FOREVER() { for (;;) {} }
`;

  it('stops a call that runs past the limit with #ERROR! and Sheets message', () => {
    const emulator = createEmulator({ customFunctionLimitMs: 200 });
    emulator.useCustomFunctions(emulator.load(undefined, code));
    emulator.type('Sheet1', 'A1', [['=SLOW(20)', '=FOREVER()']]);
    expect(emulator.sheet('Sheet1').values('A1:B1')).toEqual([[20, '#ERROR!']]);
    expect(emulator.errorMessage('Sheet1', 'B1')).toBe('Exceeded maximum execution time (line 0).');
  });
});
