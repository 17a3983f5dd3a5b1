// The metric formula builders every sheet uses, computed by the formula engine: one blank rule.
import { describe, expect, it } from 'vitest';
import { ratioFormula, roiFormula, sheetRef } from '../../src/sheet/formulas';
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
