// The metric formula builders every sheet uses, computed by the formula engine: one blank rule.
import { describe, expect, it } from 'vitest';
import { checkFormulaLengths, type SheetDrawing } from '../../src/sheet/drawing';
import {
  addedRowsFormula,
  MAX_FORMULA_CHARS,
  ratioFormula,
  roiFormula,
  sheetRef,
  tooLongFormula,
} from '../../src/sheet/formulas';
import { workbook } from '../creators/engine';

/** Row per case: revenue (A), cost (B), then ROI (C) and ROAS (D) over them. */
function computed(rows: (number | string | null)[][]) {
  const sheet = rows.map((row, i) => [
    ...row,
    `=${roiFormula(`A${i + 1}`, `B${i + 1}`)}`,
    `=${ratioFormula(`A${i + 1}`, `B${i + 1}`)}`,
  ]);
  const book = workbook({ Rows: sheet });
  return rows.map((_, i) => [book.value(`Rows!C${i + 1}`), book.value(`Rows!D${i + 1}`)]);
}

describe('metric formulas', () => {
  it("follow the domain brief's worked example: $2,000 sold on $500 spent", () => {
    expect(computed([[2000, 500]])).toEqual([[3, 4]]);
  });

  it('stay blank while revenue or cost is not known yet', () => {
    expect(
      computed([
        [null, 500],
        [2000, null],
        ['', 500],
      ]),
    ).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
  });

  it('count a typed zero as a real zero, and stay blank when nothing was spent', () => {
    expect(
      computed([
        [0, 500],
        [2000, 0],
      ]),
    ).toEqual([
      [-1, 0],
      ['', ''],
    ]);
  });

  it('quote a sheet name so no name can change the formula', () => {
    expect(sheetRef("Jane's launch")).toBe("'Jane''s launch'");
    expect(sheetRef('=HYPERLINK("x","y")')).toBe('\'=HYPERLINK("x","y")\'');
  });
});

describe('rows added since a build', () => {
  it('says how many handles are past the rows counted, and nothing otherwise', () => {
    const note = (handles: string[][]) => {
      const book = workbook({
        Note: [[addedRowsFormula(['Data!A2:A9', 'Other!A2:A9'], 2, 'sync again')]],
        Data: [['Influencer'], ...handles],
        Other: [['Influencer'], ['@tom']],
      });
      return book.value('Note!A1');
    };
    expect(note([['@jane']])).toBe('');
    expect(note([['@jane'], ['@mia'], ['@leo']])).toBe(
      '2 rows added since the last refresh are not counted: sync again.',
    );
  });
});

describe("Sheets' limit on a formula's length", () => {
  const drawing = (cells: string[][]) =>
    ({ values: { row: 3, column: 2, cells } }) as unknown as SheetDrawing;

  it('finds a formula over 50,000 characters and names its cell', () => {
    const long = `=${'1+'.repeat(MAX_FORMULA_CHARS / 2)}1`;
    expect(
      tooLongFormula(
        [
          ['=1', ''],
          ['', long],
        ],
        3,
        2,
      ),
    ).toEqual({
      at: 'C4',
      length: long.length,
    });
    expect(() =>
      checkFormulaLengths(
        drawing([
          ['=1', ''],
          ['', long],
        ]),
        'dashboard',
      ),
    ).toThrow(
      `The dashboard would need a formula of ${long.length} characters in C4, and Google Sheets allows 50000 in a cell: choose fewer trackers, or give them shorter names. Nothing was changed.`,
    );
  });

  it('lets a formula of exactly 50,000 characters through', () => {
    const longest = `=${'1'.repeat(MAX_FORMULA_CHARS - 1)}`;
    expect(tooLongFormula([[longest]])).toBeNull();
    expect(() => checkFormulaLengths(drawing([[longest]]), 'report')).not.toThrow();
  });
});
