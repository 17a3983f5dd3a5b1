// Cell formulas run the bound script's custom functions as Sheets runs them: on the built bundle,
// with Sheets' arguments (values, 2-D ranges, blanks, dates), spilled arrays and #ERROR! tooltips.
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../emulator/apps-script-vm';
import { createEmulator } from '../../emulator/sheets-emulator';

// The domain's definitions, so expectations do not come from the code under test.
const roi = (revenue: number, cost: number) => (revenue - cost) / cost;
const engagementRate = (engagements: number, audience: number) => engagements / audience;
const INSTAGRAM_NORM = [0.03, 0.04]; // "3% to 4% per post"

/** An emulator whose cells can call the bundle's custom functions. */
function setup(code?: string) {
  const emulator = createEmulator({ sheets: [{ name: 'Posts' }] });
  const script = code === undefined ? emulator.load() : emulator.load(undefined, code);
  emulator.useCustomFunctions(script);
  const values = (a1: string) => emulator.sheet('Posts').values(a1);
  return { emulator, values };
}

describe('custom functions in cell formulas', () => {
  it('computes from literal arguments', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', '=ROI(2000,500)');
    expect(values('A1')).toEqual([[roi(2000, 500)]]);
  });

  it('reads typed cells and recomputes when a cost changes', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'B2', [[2000, 500, '=ROI(B2,C2)']]);
    expect(values('D2')).toEqual([[roi(2000, 500)]]);
    emulator.type('Posts', 'C2', 800);
    expect(values('D2')).toEqual([[roi(2000, 800)]]);
  });

  it('passes a multi-column range as rows, so engagements are summed per row', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'B2', [[600, 300, 100, 15000, '=ENGAGEMENT_RATE(B2:D2,E2)']]);
    expect(values('F2')[0][0]).toBeCloseTo(engagementRate(600 + 300 + 100, 15000), 12);
  });

  it('spills one result per row of a column range; a blank row stays blank', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'B2', [
      [2000, 500],
      ['', ''],
      [900, 300],
    ]);
    emulator.type('Posts', 'D2', '=ROI(B2:B4,C2:C4)');
    expect(values('D2:D4')).toEqual([[roi(2000, 500)], [''], [roi(900, 300)]]);
    emulator.type('Posts', 'B3', [[1000, 250]]);
    expect(values('D3')).toEqual([[roi(1000, 250)]]);
  });

  it('spills a two-cell row for a literal argument', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', '=ENGAGEMENT_BENCHMARK("instagram")');
    expect(values('A1:C1')).toEqual([[...INSTAGRAM_NORM, '']]);
  });

  it('fixes a spill it could not predict (a cell argument) after one rebuild', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', [['Instagram', '=ENGAGEMENT_BENCHMARK(A1)']]);
    expect(values('B1:C1')).toEqual([INSTAGRAM_NORM]);
    emulator.type('Posts', 'A1', 'Instagram');
    expect(values('B1:C1')).toEqual([INSTAGRAM_NORM]);
  });

  it('shows #REF! when the spill would overwrite a typed cell', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', [['=ENGAGEMENT_BENCHMARK("instagram")', 'mine']]);
    expect(values('A1:B1')).toEqual([['#REF!', 'mine']]);
  });

  it("shows #ERROR! for a bad argument, with the function's message for the tooltip", () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', [['=ROI(100,0)', '=ROI(2000,500)']]);
    expect(values('A1:B1')).toEqual([['#ERROR!', roi(2000, 500)]]);
    expect(emulator.errorMessage('Posts', 'A1')).toMatch(/^ROI: cost .*nothing was spent/);
    expect(emulator.errorMessage('Posts', 'B1')).toBeNull();
  });

  it('composes with native formulas, in any case', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', [['=ROI(1,2)*2', '=SUM(roi(B2:B3,C2:C3))']]);
    emulator.type('Posts', 'B2', [
      [2000, 500],
      [900, 300],
    ]);
    expect(values('A1:B1')).toEqual([[roi(1, 2) * 2, roi(2000, 500) + roi(900, 300)]]);
  });

  it('leaves unknown functions and non-custom script functions #NAME?', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', [
      ['=NOT_A_FUNCTION(1)', '=onOpen()', '=SHEETS.CUSTOM("ROI",1,2)'],
    ]);
    expect(values('A1:C1')).toEqual([['#NAME?', '#NAME?', '#NAME?']]);
  });

  it('passes Sheets argument types: Date for a date cell, "" for blank, a value for A1:A1', () => {
    const probe = `${readBundle()}
/**
 * What the script receives.
 * @customfunction
 */
function ARG_KIND(value) {
  if (value instanceof Date) return 'date ' + value.getFullYear() + '-' + (value.getMonth() + 1) + '-' + value.getDate();
  if (Array.isArray(value)) return 'rows ' + value.length + 'x' + value[0].length;
  return typeof value + ' ' + JSON.stringify(value);
}
`;
    const { emulator, values } = setup(probe);
    emulator.type('Posts', 'A1', [['2024-03-15', '', 7]]);
    emulator.type('Posts', 'A2', [
      ['=ARG_KIND(A1)', '=ARG_KIND(B1)', '=ARG_KIND(C1:C1)', '=ARG_KIND(A1:C1)', '=ARG_KIND(TRUE)'],
    ]);
    expect(values('A2:E2')).toEqual([
      ['date 2024-3-15', 'string ""', 'number 7', 'rows 1x3', 'boolean true'],
    ]);
  });
});
