// Custom functions read arguments as Sheets gives them, on the built bundle in cell formulas:
// an argument left out is an error naming it, a blank cell stays blank, and text with en_US
// thousands separators is a number, as Sheets itself reads it.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';

function setup() {
  const emulator = createEmulator({ sheets: [{ name: 'Posts' }] });
  emulator.useCustomFunctions(emulator.load());
  return { emulator, values: (a1: string) => emulator.sheet('Posts').values(a1) };
}

describe('custom functions read arguments as Sheets does', () => {
  it('an argument left out is an error naming it; a blank cell is a blank row', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', [[2000, '', '=ROI(A1)', '=ROI(A1, B1)']]);
    expect(values('C1:D1')).toEqual([['#ERROR!', '']]);
    expect(emulator.errorMessage('Posts', 'C1')).toBe(
      'ROI: cost is missing: ROI needs revenue and cost',
    );
  });

  it('"1,200" is 1200 and "1,200.50" is 1200.5; "1,20" is not a number', () => {
    const { emulator, values } = setup();
    emulator.type('Posts', 'A1', [
      ['=ROI("1,200", 100)', '=ROI("1,200.50", "1,000")', '=ROI("1,20", 100)'],
    ]);
    const [[plain, decimals, wrong]] = values('A1:C1');
    expect(plain).toBe((1200 - 100) / 100);
    expect(decimals).toBeCloseTo((1200.5 - 1000) / 1000, 12);
    expect(wrong).toBe('#ERROR!');
    expect(emulator.errorMessage('Posts', 'C1')).toMatch(/^ROI: revenue is "1,20", not an amount/);
  });
});
