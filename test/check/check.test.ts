// The self-check on the built bundle in the emulator: every figure of the fixed sample agrees
// with the add-on's own arithmetic, nothing is left behind, the user's sheets are untouched, and
// an engine that reads one function differently is caught on the figures it changes, only those.
import { describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorOptions } from '../../emulator/sheets-emulator';
import { toSnapshot } from '../../emulator/sheets-snapshot';
import type { CheckResult } from '../../src/shared/api';
import { JANE, TOM, TRACKER_FORM } from '../harness/fixtures';

/** A spreadsheet in use: a tracker with two posts, its Rates sheet, a sheet of the team's own. */
function inUse(options: EmulatorOptions = {}) {
  const emulator = createEmulator({
    sheets: [
      {
        name: 'Notes',
        values: [
          ['Budget', 1200],
          ['=B1*2', 'EUR 1.10'],
        ],
      },
    ],
    ...options,
  });
  const script = emulator.load();
  const { sheetName } = script.call('createTracker', { ...TRACKER_FORM, startingRows: 4 }) as {
    sheetName: string;
  };
  emulator.type(sheetName, 'A8', [JANE, TOM]);
  emulator.activate('Notes');
  return { emulator, script };
}

/** Runs the check, keeping what each scratch sheet showed when the check read it back. */
function check(options: EmulatorOptions = {}) {
  const { emulator, script } = inUse(options);
  const shown = new Map<string, unknown[][]>();
  const stop = emulator.onCall((name) => {
    if (name !== 'Range.getValues') return;
    for (const sheet of emulator.sheetNames())
      if (sheet.startsWith('ROI self-check')) shown.set(sheet, emulator.sheet(sheet).values());
  });
  const result = script.call('checkSpreadsheet') as CheckResult;
  stop();
  return { emulator, script, result, shown };
}

describe('Check this spreadsheet', () => {
  it('finds every figure of every block in agreement, and says how many it compared', () => {
    const { result } = check();
    expect(result.mismatches).toEqual([]);
    expect(result.sheetsLeft).toBe(0);
    // The tracker: 15 computed columns on 9 rows, 17 totals, 4 lines of words, 7 post dates.
    expect(result.checked).toBe(15 * 9 + 17 + 4 + 7);
    expect(result.seconds).toBeGreaterThanOrEqual(0);
  });

  it('leaves the spreadsheet exactly as it was: sheets, values, formats, properties', () => {
    const { emulator, script } = inUse();
    const before = JSON.stringify(toSnapshot(emulator));
    script.call('checkSpreadsheet');
    expect(emulator.sheetNames()).toEqual(['Notes', 'Spring launch', 'Rates']);
    expect(emulator.activeSheetName()).toBe('Notes');
    expect(JSON.parse(JSON.stringify(toSnapshot(emulator)))).toEqual(JSON.parse(before));
  });

  it('compares figures that are really there: the scratch tracker shows the sample', () => {
    const { shown } = check();
    const tracker = [...shown.entries()].find(([name]) => name.endsWith('Tracker'))?.[1] ?? [];
    // @jane's ROI: ($2,000 - $500) / $500, and the leaked code's words on @max's row.
    const header = tracker[6];
    expect(tracker[7][header.indexOf('ROI')]).toBe(3);
    expect(tracker[11][header.indexOf('Possible code leak')]).toBe('More orders than clicks.');
  });
});

/** "AB" for column 28. */
function letter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const mismatched = (result: CheckResult) => result.mismatches.map((m) => `${m.sheet}!${m.cell}`);

describe('an engine that reads a function differently', () => {
  /** The compared cells whose value differs between a faithful engine and this one. */
  function changedCells(readings: Record<string, string>) {
    const faithful = check();
    const altered = check({ readings });
    const changed: string[] = [];
    for (const [name, values] of altered.shown) {
      const kind = name.split(' ').pop() as string;
      const before = [...faithful.shown.entries()].find(([n]) => n.endsWith(` ${kind}`))?.[1] ?? [];
      values.forEach((row, r) => {
        row.forEach((value, c) => {
          if (JSON.stringify(value) !== JSON.stringify(before[r]?.[c]))
            changed.push(`${kind}!${letter(c + 1)}${r + 1}`);
        });
      });
    }
    return { changed, result: altered.result };
  }

  it('is caught on exactly the figures it changes (SUMIFS read as COUNTIFS)', () => {
    const { changed, result } = changedCells({ SUMIFS: 'COUNTIFS' });
    expect(changed.length).toBeGreaterThan(0);
    expect(mismatched(result).sort()).toEqual(changed.sort());
    for (const mismatch of result.mismatches) expect(mismatch.formula).toMatch(/SUMIFS/);
    expect(result.mismatches.map((m) => m.what)).toContain('Total: Engagement rate');
  });

  it('is caught when the Rates lookup reads a row instead of a column', () => {
    const { changed, result } = changedCells({ VLOOKUP: 'HLOOKUP' });
    expect(changed.length).toBeGreaterThan(0);
    expect(mismatched(result).sort()).toEqual(changed.sort());
    expect(result.mismatches.map((m) => m.what)).toContain('Rate of @lena');
  });
});
