// The roster dropdown on a tracker's handle cells, and onEdit's pre-fill of platform and
// followers, on the built bundle: typed as a person types, then the simple trigger called with
// the event Sheets would send.
import { describe, expect, it } from 'vitest';
import { post, rowOf, workbook } from './campaigns';

function synced() {
  const book = workbook();
  book.sync();
  const spreadsheet = book.emulator.services.SpreadsheetApp.getActiveSpreadsheet();
  /** Sends onEdit for a range as Sheets does (value only for a single cell); its sheet calls. */
  const fire = (sheetName: string, a1: string, value?: string) => {
    const range = spreadsheet.getSheetByName(sheetName)?.getRange(a1);
    book.emulator.calls.reset();
    book.script.call('onEdit', {
      range,
      value,
      oldValue: undefined,
      source: spreadsheet,
      authMode: 'LIMITED',
    });
    return book.emulator.calls.spreadsheetCount();
  };
  /** A person types one cell, then the trigger runs. */
  const edit = (sheetName: string, a1: string, value: string) => {
    book.emulator.type(sheetName, a1, [[value]]);
    return fire(sheetName, a1, value);
  };
  const row = (sheetName: string, n: number) =>
    book.emulator.sheet(sheetName).values(`A${n}:C${n}`)[0];
  return { ...book, fire, edit, row };
}

describe('the roster dropdown on handle cells', () => {
  it('offers the roster handles on every tracker and still accepts a new handle', () => {
    const { emulator, roster } = synced();
    const rows = roster().length;
    for (const name of ['Spring', 'Summer', 'Autumn']) {
      const sheet = emulator.sheet(name);
      const rules = sheet.validations(`A7:A${sheet.maxRows}`).map((r) => r[0]);
      expect(rules[0]).toBeNull(); // the header
      expect(new Set(rules.slice(1).map((rule) => JSON.stringify(rule)))).toEqual(
        new Set([
          JSON.stringify({
            criteria: 'VALUE_IN_RANGE',
            args: [`Creators!A2:A${rows}`, true],
            allowInvalid: true,
            helpText: 'Pick a creator from the Creators sheet, or type a new handle.',
          }),
        ]),
      );
    }
    expect(() => emulator.type('Spring', 'A11', [['@brand.new']])).not.toThrow();
    expect(emulator.sheet('Spring').values('A11')).toEqual([['@brand.new']]);
  });

  it('a second sync sets the same rule again, sized to the roster', () => {
    const { emulator, sync, roster } = synced();
    emulator.type('Autumn', 'A10', [
      rowOf(post('@new.one', 'TikTok', '2025-09-05', [170, 25, 310, 14, 500, 12])),
    ]);
    sync();
    const rows = roster().length;
    expect(emulator.sheet('Summer').validations('A8')[0][0]?.args).toEqual([
      `Creators!A2:A${rows}`,
      true,
    ]);
  });
});

describe('onEdit pre-fills platform and followers from the roster', () => {
  it('fills an empty row for a known creator, whatever the case or "@"', () => {
    const { edit, row, roster } = synced();
    const tom = roster().find((r) => r[0] === '@tom_bakes') as unknown[];
    const followers = tom[roster()[0].indexOf('Followers')];
    expect(followers).toBe(12_000);
    edit('Spring', 'A11', 'TOM_BAKES ');
    expect(row('Spring', 11)).toEqual(['TOM_BAKES ', 'TikTok', followers]);
  });

  it('never overwrites a filled cell; fills only the empty one', () => {
    const { emulator, edit, row } = synced();
    emulator.type('Spring', 'B11:C11', [['TikTok', 900]]);
    edit('Spring', 'A11', '@tom_bakes');
    expect(row('Spring', 11)).toEqual(['@tom_bakes', 'TikTok', 900]);
    emulator.type('Spring', 'B12', [['TikTok']]);
    edit('Spring', 'A12', '@tom_bakes');
    expect(row('Spring', 12)).toEqual(['@tom_bakes', 'TikTok', 12_000]);
    emulator.type('Spring', 'C13', [[4_000]]);
    edit('Spring', 'A13', '@mia.makes');
    expect(row('Spring', 13)).toEqual(['@mia.makes', 'YouTube', 4_000]);
  });

  it('does not guess when the handle is on several platforms and no platform was typed', () => {
    const { emulator, sync, edit, row } = synced();
    emulator.type('Autumn', 'A10', [
      rowOf(post('@tom_bakes', 'Instagram', '2025-09-05', [170, 25, 310, 14, 500, 12])),
    ]);
    emulator.type('Autumn', 'C10', [[7_500]]);
    sync();
    edit('Spring', 'A11', '@tom_bakes');
    expect(row('Spring', 11)).toEqual(['@tom_bakes', '', '']);
    emulator.type('Spring', 'B12', [['Instagram']]);
    edit('Spring', 'A12', '@tom_bakes');
    expect(row('Spring', 12)).toEqual(['@tom_bakes', 'Instagram', 7_500]);
  });

  it('leaves a new handle, or a known one on another platform, alone', () => {
    const { emulator, edit, row } = synced();
    edit('Spring', 'A11', '@brand.new');
    expect(row('Spring', 11)).toEqual(['@brand.new', '', '']);
    emulator.type('Spring', 'B12', [['YouTube']]);
    edit('Spring', 'A12', '@tom_bakes');
    expect(row('Spring', 12)).toEqual(['@tom_bakes', 'YouTube', '']);
  });

  it('an edit elsewhere changes nothing and makes at most 2 sheet calls', () => {
    const { emulator, fire } = synced();
    const names = ['Spring', 'Rates', 'Creators'];
    // Another column of a tracker (a known handle typed as a promo code in F), another sheet (a
    // free column of Rates: its currency column takes only ISO codes), and several cells at once
    // (Sheets sends no value then).
    emulator.type('Spring', 'F11', [['@tom_bakes']]);
    emulator.type('Rates', 'D2', [['@tom_bakes']]);
    emulator.type('Spring', 'A14:A15', [['@tom_bakes'], ['@mia.makes']]);
    const before = names.map((name) => emulator.sheet(name).values());
    expect(fire('Spring', 'F11', '@tom_bakes')).toBeLessThanOrEqual(2);
    expect(fire('Rates', 'D2', '@tom_bakes')).toBeLessThanOrEqual(2);
    expect(fire('Spring', 'A14:A15')).toBe(0);
    expect(fire('Spring', 'A7', '@tom_bakes')).toBeLessThanOrEqual(2); // the header cell
    expect(names.map((name) => emulator.sheet(name).values())).toEqual(before);
    expect(emulator.sheet('Spring').values('A14:C15')).toEqual([
      ['@tom_bakes', '', ''],
      ['@mia.makes', '', ''],
    ]);
  });

  it('swallows every error: no event, no range, a deleted roster', () => {
    const { emulator, script, edit, row } = synced();
    expect(() => script.call('onEdit')).not.toThrow();
    expect(() => script.call('onEdit', { value: '@tom_bakes' })).not.toThrow();
    const spreadsheet = emulator.services.SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet.deleteSheet(
      spreadsheet.getSheetByName('Creators') as GoogleAppsScript.Spreadsheet.Sheet,
    );
    expect(() => edit('Spring', 'A11', '@tom_bakes')).not.toThrow();
    expect(row('Spring', 11)).toEqual(['@tom_bakes', '', '']);
  });
});
