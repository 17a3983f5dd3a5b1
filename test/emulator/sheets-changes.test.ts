// watchChanges: the cells whose computed values moved while watched, as the preview redraws them.
import { describe, expect, it } from 'vitest';
import { type ChangedCell, createEmulator } from '../../emulator/sheets-emulator';

function setup() {
  const emulator = createEmulator({
    sheets: [
      { name: 'Data', values: [[1, '=A1*2', '=B1+1', 5, '=IF(A1>0, "plus", "minus")']] },
      { name: 'Other', values: [['=Data!C1*10', '=Data!D1']] },
    ],
  });
  // Values are read before anything is watched, as a page read them.
  emulator.sheet('Data').values();
  emulator.sheet('Other').values();
  return emulator;
}

const names = (cells: ChangedCell[] | null) =>
  cells?.map(({ sheet, row, col }) => `${sheet}!${row},${col}`).sort() ?? null;

describe('watchChanges', () => {
  it('lists the written cell and every cell its formulas moved, on any sheet', () => {
    const emulator = setup();
    const watch = emulator.watchChanges();
    emulator.type('Data', 'A1', 4);
    expect(names(watch.stop())).toEqual(['Data!1,1', 'Data!1,2', 'Data!1,3', 'Other!1,1']);
    expect(emulator.sheet('Other').values('A1')).toEqual([[90]]);
  });

  it('leaves out recomputed cells that kept their value, and cells nothing reads', () => {
    const emulator = setup();
    const watch = emulator.watchChanges();
    emulator.type('Data', 'A1', 2);
    const moved = names(watch.stop());
    // E1 was recomputed but still says "plus"; D1 and Other!B1 were not touched.
    expect(moved).not.toContain('Data!1,5');
    expect(moved).not.toContain('Data!1,4');
    expect(moved).not.toContain('Other!1,2');
    expect(moved).toContain('Data!1,2');
  });

  it('sees a later edit after an earlier watch ended (values stay remembered)', () => {
    const emulator = setup();
    emulator.watchChanges().stop();
    emulator.type('Data', 'A1', 3);
    const watch = emulator.watchChanges();
    emulator.type('Data', 'A1', 3);
    // Typing the same value again moves nothing.
    expect(names(watch.stop())).toEqual([]);
    const again = emulator.watchChanges();
    emulator.type('Data', 'D1', 6);
    expect(names(again.stop())).toEqual(['Data!1,4', 'Other!1,2']);
  });

  it('sees the first formula of a workbook that had none (the engine is built first)', () => {
    const emulator = createEmulator({ sheets: [{ name: 'Plain', values: [[2]] }] });
    const watch = emulator.watchChanges();
    emulator.type('Plain', 'B5', '=A1*5');
    expect(watch.stop()).toEqual([{ sheet: 'Plain', row: 5, col: 2, reshaped: true }]);
  });

  it('answers null after a structural edit: the engine was rebuilt', () => {
    const emulator = setup();
    const watch = emulator.watchChanges();
    const data = emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data');
    data?.insertRowsBefore(1, 1);
    emulator.sheet('Data').values();
    expect(watch.stop()).toBeNull();
  });

  it('answers null when more cells moved than its limit', () => {
    const emulator = setup();
    const watch = emulator.watchChanges(2);
    emulator.type('Data', 'A1', 7);
    expect(watch.stop()).toBeNull();
  });
});
