// Below an array formula whose result kept its content, nothing is recomputed; below one whose
// content changed, everything is, with the right values.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { toSnapshot } from '../../emulator/sheets-snapshot';
import { SAMPLE_CAMPAIGN, sampleRows } from '../../preview/sample';
import { PreviewWorkbook } from '../../preview/workbook';

const code = `
var calls = 0;
/** @customfunction */
function COUNTED(x) { calls++; return x; }
function callsSoFar() { return calls; }
`;

function setup() {
  const emulator = createEmulator({
    sheets: [
      {
        name: 'Data',
        values: [
          [1, '=ARRAYFORMULA(IF(A1:A3>0, "plus", "minus"))', '=COUNTED(B1&B2&B3)'],
          [2],
          [3],
        ],
      },
    ],
  });
  const script = emulator.load(undefined, code);
  emulator.useCustomFunctions(script);
  const values = () => emulator.sheet('Data').values('B1:C3');
  expect(values()[0]).toEqual(['plus', 'plusplusplus']);
  const calls = () => script.call('callsSoFar') as number;
  return { emulator, values, calls };
}

describe('recalculation stops below an unchanged array result', () => {
  it('does not recompute what reads an array whose cells all stayed the same', () => {
    const { emulator, values, calls } = setup();
    const before = calls();
    emulator.type('Data', 'A1', 5);
    expect(values()[0]).toEqual(['plus', 'plusplusplus']);
    expect(calls()).toBe(before);
  });

  it('recomputes what reads an array one of whose cells changed', () => {
    const { emulator, values, calls } = setup();
    const before = calls();
    emulator.type('Data', 'A2', -2);
    expect(values().map((row) => row[0])).toEqual(['plus', 'minus', 'plus']);
    expect(values()[0][1]).toBe('plusminusplus');
    expect(calls()).toBe(before + 1);
  });

  it('stops below an error that stayed the same error', () => {
    const { emulator, calls } = setup();
    emulator.type('Data', 'E1', [['=1/A3', '=COUNTED(ISERROR(E1))']]);
    emulator.type('Data', 'A3', 0);
    expect(emulator.sheet('Data').values('E1:F1')).toEqual([['#DIV/0!', true]]);
    const before = calls();
    emulator.type('Data', 'A3', '');
    expect(emulator.sheet('Data').values('E1:F1')).toEqual([['#DIV/0!', true]]);
    expect(calls()).toBe(before);
  });
});

describe('edits recalculated with the cutoffs give what a fresh computation gives', () => {
  it('on a tracker with its dashboard: fees, dates, platforms, names and clearing', () => {
    const workbook = new PreviewWorkbook();
    workbook.run('createTracker', [SAMPLE_CAMPAIGN]);
    const tracker = SAMPLE_CAMPAIGN.campaignName;
    workbook.emulator.type(tracker, 'A8', sampleRows().slice(0, 5));
    workbook.run('refreshDashboard', []);
    const edits: [string, string][] = [
      ['H8', '1234'],
      ['D9', '5/30/2026'],
      ['B10', 'YouTube'],
      ['A11', '@renamed'],
      ['H9', ''],
      ['A13', '@newcomer'],
    ];
    for (const [a1, input] of edits) {
      expect(workbook.type(tracker, a1, input).status).toBe('ok');
      // A second engine, computed from nothing, from the same cells.
      const fresh = createEmulator({
        snapshot: JSON.parse(JSON.stringify(toSnapshot(workbook.emulator))),
      });
      for (const name of workbook.emulator.sheetNames()) {
        expect(workbook.emulator.sheet(name).values(), `${name} after ${a1}`).toEqual(
          fresh.sheet(name).values(),
        );
      }
    }
  });
});
