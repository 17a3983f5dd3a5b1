// The test-only `readings` option: the engine computes a Sheets function with another engine
// function, so the self-check's tests can prove it notices an engine that reads one differently.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';

const SHEET = { name: 'Data', values: [[1], [2], ['=SUMIF(A1:A2, ">0")'], ['=SUM(A1:A2)']] };

describe('readings', () => {
  it('computes every function as Sheets does by default', () => {
    const emulator = createEmulator({ sheets: [SHEET] });
    expect(emulator.sheet('Data').values('A3:A4')).toEqual([[3], [3]]);
  });

  it('changes only the function named, everywhere it is used', () => {
    const emulator = createEmulator({ sheets: [SHEET], readings: { SUMIF: '0*SUMIF' } });
    expect(emulator.sheet('Data').values('A3:A4')).toEqual([[0], [3]]);
    // The formula as written is kept: only the engine's copy reads differently.
    expect(emulator.sheet('Data').formulas('A3')).toEqual([['=SUMIF(A1:A2, ">0")']]);
  });
});
