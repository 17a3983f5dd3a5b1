// The self-check on the built bundle in the emulator: every figure of the fixed sample agrees
// with the add-on's own arithmetic, nothing is left behind, the user's sheets are untouched, and
// an engine that reads one function differently is caught on the figures it changes, only those.
import { beforeAll, describe, expect, it } from 'vitest';
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

type Shown = Map<string, unknown[][]>;

/** Runs the check, keeping what each scratch sheet showed (by kind) when the check read it. */
function check(options: EmulatorOptions = {}) {
  const { emulator, script } = inUse(options);
  const shown: Shown = new Map();
  const stop = emulator.onCall((name) => {
    if (name !== 'Range.getValues') return;
    for (const sheet of emulator.sheetNames()) {
      const kind = /^ROI self-check \S+ (.+)$/.exec(sheet)?.[1];
      if (kind) shown.set(kind, emulator.sheet(sheet).values());
    }
  });
  const result = script.call('checkSpreadsheet') as CheckResult;
  stop();
  return { emulator, result, shown };
}

/** "AB" for column 28. */
function letter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cells ("Tracker!AB12") whose value differs between two runs. */
function changedCells(faithful: Shown, altered: Shown): string[] {
  const changed: string[] = [];
  for (const [kind, values] of altered) {
    const before = faithful.get(kind) ?? [];
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        // Scratch names differ from run to run: "ROI self-check 1a2b3c4d Tracker".
        const same = (a: unknown) => JSON.stringify(a).replace(/ROI self-check \w+/g, '');
        if (same(value) !== same(before[r]?.[c])) changed.push(`${kind}!${letter(c + 1)}${r + 1}`);
      });
    });
  }
  return changed.sort();
}

const mismatched = (result: CheckResult) =>
  result.mismatches.map((m) => `${m.sheet}!${m.cell}`).sort();

/** The cells of the dashboard's "Every post" table (header excluded), found by its title. */
function everyPostCells(shown: Shown): Set<string> {
  const values = shown.get('Dashboard') ?? [];
  const row = values.findIndex((cells) => cells.some((c) => String(c).startsWith('Every post')));
  const column = values[row].findIndex((c) => String(c).startsWith('Every post'));
  const header = values[row + 2].slice(column);
  const width = header.indexOf('');
  const cells = new Set<string>();
  for (let r = row + 3; r < values.length && values[r][column] !== ''; r++)
    for (let c = column; c < column + width; c++) cells.add(`Dashboard!${letter(c + 1)}${r + 1}`);
  return cells;
}

let faithful: ReturnType<typeof check>;
beforeAll(() => {
  faithful = check();
});

describe('Check this spreadsheet', () => {
  it('finds every figure in agreement and says how many it compared, block by block', () => {
    const { result } = faithful;
    expect(result.mismatches).toEqual([]);
    expect(result.sheetsLeft).toBe(0);
    // Each tracker: 15 computed columns on every row, 17 totals and 4 lines of words, each
    // post date. The sample's is 9 rows and 7 posts; the earlier campaign's 2 and 2.
    const trackers = 15 * 9 + 21 + 7 + (15 * 2 + 21 + 2);
    // The dashboard: "Every post" (33 columns, 9 posts and the blank row after them), the
    // headline (10 figures, 4 lines of words), the value block (10 and the words under the
    // lift), by platform (6 rows x 8), by campaign (2 x 13), awareness (2 x 2), the ranking (14 columns, 7 creators and the blank
    // row after them), the tiers (5 x 8) and 3 lines of words (the ranking's rule with the
    // campaign rate through TEXT, the sales lift's rule, the rows not counted yet).
    const dashboard = 33 * 10 + 14 + 11 + 6 * 8 + 2 * 13 + 2 * 2 + 14 * 8 + 5 * 8 + 3;
    // The report for 1 to 15 March: headline (9 figures, 4 lines of words), sales lift and
    // total value (10 and the words under the lift), by platform (6 x 8), the leaderboard (14 columns, 5 creators, 1 blank
    // row) and the rows not counted yet.
    const report = 9 + 4 + 11 + 6 * 8 + 14 * 6 + 1;
    // The plan: 5 candidates x (basis, cost, clicks, orders, order value, revenue and ROI low,
    // likely, high, suggested, why, booked), the booked total and the budget left.
    const plan = 5 * 18 + 2;
    // The Creators sheet: 7 creators x 27 columns, as written.
    const roster = 7 * 27;
    expect(result.checked).toBe(trackers + dashboard + report + plan + roster);
    expect(result.seconds).toBeGreaterThanOrEqual(0);
  });

  it('compares figures that are really there: the scratch sheets show the sample', () => {
    const tracker = faithful.shown.get('Tracker') ?? [];
    const header = tracker[6];
    // @jane's ROI: ($2,000 - $500) / $500, and the leaked code's words on @max's row.
    expect(tracker[7][header.indexOf('ROI')]).toBe(3);
    expect(tracker[11][header.indexOf('Possible code leak')]).toBe('More orders than clicks.');
    expect(everyPostCells(faithful.shown).size).toBe(9 * 33);
  });

  it("agrees in a spreadsheet 13 hours ahead of UTC: days are the spreadsheet's", () => {
    const { result } = check({ timeZone: 'Pacific/Auckland' });
    expect(result.mismatches).toEqual([]);
    expect(result.checked).toBe(faithful.result.checked);
  });

  it('leaves the spreadsheet exactly as it was: sheets, values, formats, properties', () => {
    const { emulator, script } = inUse();
    const before = JSON.stringify(toSnapshot(emulator));
    script.call('checkSpreadsheet');
    expect(emulator.sheetNames()).toEqual(['Notes', 'Spring launch', 'Rates']);
    expect(emulator.activeSheetName()).toBe('Notes');
    expect(JSON.parse(JSON.stringify(toSnapshot(emulator)))).toEqual(JSON.parse(before));
  });

  it('removes its scratch sheets when it fails half-way, and says why', () => {
    const { emulator, script } = inUse();
    const before = JSON.stringify(toSnapshot(emulator));
    let writes = 0;
    emulator.onCall((name) => {
      if (name === 'Range.setValues' && ++writes === 4) throw new Error('Service unavailable');
    });
    expect(() => script.call('checkSpreadsheet')).toThrow(/Service unavailable/);
    expect(emulator.sheetNames()).toEqual(['Notes', 'Spring launch', 'Rates']);
    expect(JSON.parse(JSON.stringify(toSnapshot(emulator)))).toEqual(JSON.parse(before));
  });

  it('waits for a teammate who is changing the spreadsheet, touching nothing', () => {
    const { emulator, script } = inUse();
    emulator.holdDocumentLock('marketer@example.com');
    expect(() => script.call('checkSpreadsheet')).toThrow(/teammate is changing/);
    expect(emulator.sheetNames()).toEqual(['Notes', 'Spring launch', 'Rates']);
  });
});

describe('an engine that reads a function differently', () => {
  it('is caught on every tracker figure it changes, and on nothing it leaves alone (SUMIFS as COUNTIFS)', () => {
    const altered = check({ readings: { SUMIFS: 'COUNTIFS' } });
    const changed = changedCells(faithful.shown, altered.shown);
    const onTrackers = (cells: string[]) =>
      cells.filter((cell) => /^(Earlier )?Tracker!/.test(cell));
    expect(onTrackers(changed).length).toBeGreaterThan(0);
    expect(onTrackers(mismatched(altered.result))).toEqual(onTrackers(changed));
    for (const cell of mismatched(altered.result)) expect(changed).toContain(cell);
    expect(altered.result.mismatches.map((m) => m.what)).toContain('Total: Engagement rate');
  });

  it("is caught when FILTER, SORT and TEXT follow HyperFormula's Excel reading", () => {
    const altered = check({ readings: { FILTER: 'FILTER', SORT: 'SORT', TEXT: 'TEXT' } });
    const changed = changedCells(faithful.shown, altered.shown);
    const posts = everyPostCells(faithful.shown);
    expect(changed.length).toBeGreaterThan(0);
    for (const cell of mismatched(altered.result)) expect(changed).toContain(cell);
    for (const cell of changed.filter((c) => posts.has(c)))
      expect(mismatched(altered.result)).toContain(cell);
    // The campaign rate in the ranking's rule goes through TEXT(rate, "0.0%").
    expect(altered.result.mismatches.map((m) => m.what)).toContain('Dashboard: the ranking rule');
  });

  it('is caught when SUMIF returns 0 (over computed arrays and the daily sales)', () => {
    const altered = check({ readings: { SUMIF: '0*SUMIF' } });
    const changed = changedCells(faithful.shown, altered.shown);
    const posts = everyPostCells(faithful.shown);
    const wrong = mismatched(altered.result);
    expect(wrong.length).toBeGreaterThan(0);
    for (const cell of wrong) expect(changed).toContain(cell);
    for (const cell of changed.filter((c) => posts.has(c))) expect(wrong).toContain(cell);
    // @tom's usual rate comes from the earlier campaign through SUMIF over creator keys.
    expect(altered.result.mismatches.map((m) => m.what)).toContain(
      'Every post: Usual engagement rate of @tom (Tracker)',
    );
    expect(altered.result.mismatches.map((m) => m.what)).toContain('Plan: booked total');
  });
});
