// Sheets' limits with many trackers, on the built bundle: 50 trackers with 80-character names
// build a dashboard and a report with no formula over Sheets' 50,000 characters; a 51st is
// refused with nothing changed. One tracker row each: the formulas' length is what grows.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { columnLetter } from '../../src/sheet/formulas';
import { CAMPAIGNS, workbook } from '../creators/campaigns';
import { errorOf, JANE, TOM, TRACKER_FORM } from '../harness/fixtures';
import { readDashboard } from './read';

const LIMIT = 50000;

/** An 80-character campaign name, different for each i. */
const longName = (i: number) =>
  `Campaign ${String(i).padStart(2, '0')} spring launch with the new serum for dry skin `.padEnd(
    80,
    'x',
  );

/** `count` trackers, one post each (Jane, then Tom, in turn), dated one day apart. */
function manyTrackers(count: number) {
  const emulator = createEmulator();
  const script = emulator.load();
  const names = Array.from({ length: count }, (_, i) => longName(i));
  names.forEach((name, i) => {
    script.call('createTracker', { ...TRACKER_FORM, campaignName: name, startingRows: 2 });
    const row = [...(i % 2 === 0 ? JANE : TOM)];
    row[3] = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    emulator.type(name, 'A8', [row]);
  });
  const spreadsheet = () => emulator.services.SpreadsheetApp.getActiveSpreadsheet();
  const sheetNames = () =>
    spreadsheet()
      .getSheets()
      .map((sheet) => sheet.getName());
  /** The longest formula on a sheet. */
  const longest = (name: string) =>
    Math.max(
      ...emulator
        .sheet(name)
        .formulas()
        .flat()
        .map((formula) => String(formula).length),
    );
  return { emulator, script, names, sheetNames, spreadsheet, longest };
}

describe('fifty trackers with long names', () => {
  it('refuses a 51st tracker for the dashboard and the report, changing nothing; builds both with 50', () => {
    const book = manyTrackers(51);
    expect(book.names[0]).toHaveLength(80);
    const before = book.sheetNames();
    const tracker = book.emulator.sheet(book.names[0]);
    const cells = { values: tracker.values(), formulas: tracker.formulas() };
    const refusal =
      'This spreadsheet has 51 trackers; one dashboard shows at most 50: choose up to 50 of them in the sidebar (Insights tab). Nothing was changed.';
    expect(errorOf(() => book.script.call('buildDashboard', {}))).toBe(refusal);
    expect(errorOf(() => book.script.call('refreshDashboard'))).toBe(refusal);
    expect(
      errorOf(() => book.script.call('buildReport', { from: '2026-03-01', to: '2026-03-31' })),
    ).toBe(refusal.replace('dashboard', 'report'));
    expect(book.sheetNames()).toEqual(before);
    expect({ values: tracker.values(), formulas: tracker.formulas() }).toEqual(cells);

    // With one tracker gone, the 50 left fit.
    book.spreadsheet().deleteSheet(book.spreadsheet().getSheetByName(book.names[50]) as never);
    const built = book.script.call('buildDashboard', {}) as { trackers: string[] };
    expect(built.trackers).toEqual(book.names.slice(0, 50));
    expect(book.longest('Dashboard')).toBeLessThanOrEqual(LIMIT);
    const dashboard = readDashboard(book.emulator);
    expect(dashboard.errors()).toEqual([]);
    const posts = dashboard.spill('Every post');
    expect(posts).toHaveLength(50);
    // Every group of columns lines up: each row's campaign, creator and figures are its own.
    for (const post of posts) {
      const i = book.names.indexOf(String(post.Campaign));
      expect(post.Creator).toBe(i % 2 === 0 ? '@jane' : '@tom');
      expect(post.Revenue).toBe(i % 2 === 0 ? 2000 : 1200);
      expect(post['Usual engagement rate']).toBe(i % 2 === 0 ? 1000 / 15000 : 0.08);
    }
    expect(posts.map((post) => post['Post date'])).toEqual(
      [...posts.map((post) => post['Post date'] as number)].sort((a, b) => a - b),
    );
    expect(dashboard.labelled('Spend')).toMatchObject({ Spend: 25 * 500 + 25 * 200 });
    expect(dashboard.block('By campaign')).toHaveLength(50);

    const report = book.script.call('buildReport', { from: '2026-03-01', to: '2026-03-10' }) as {
      trackers: string[];
    };
    expect(report.trackers).toHaveLength(50);
    expect(book.longest('Report')).toBeLessThanOrEqual(LIMIT);
    const rows = book.emulator.sheet('Report').values();
    const at = rows.findIndex((row) => row[0] === 'Spend');
    // Days 1 to 10 of trackers 0-27 and 28-49: trackers 0-9 and 28-37, half Jane, half Tom.
    expect(rows[at + 1][0]).toBe(10 * 500 + 10 * 200);
    expect(book.emulator.unsupportedFunctions).toEqual([]);
  }, 600_000);
});

describe('rows added after a build', () => {
  it('the Creators and Plan sheets say how many rows they do not count yet, until built again', () => {
    const book = workbook(CAMPAIGNS);
    book.sync();
    book.plan(2000);
    const note = (sheet: string) =>
      book.emulator
        .sheet(sheet)
        .values()[0]
        .find((cell) => typeof cell === 'string' && cell.includes('rows added'));
    expect(note('Creators')).toBeUndefined();
    expect(note('Plan')).toBeUndefined();
    const spring = CAMPAIGNS[0];
    const below = 8 + spring.posts.length;
    book.emulator.type(spring.name, `A${below}`, [
      ['@new.one', 'Instagram'],
      ['@new.two', 'TikTok'],
    ]);
    expect(note('Creators')).toBe(
      '2 rows added since the last refresh are not counted: sync creators again (Extensions > Influencer ROI > Sync creators).',
    );
    expect(note('Plan')).toBe(
      '2 rows added since the last refresh are not counted: build the plan again (Extensions > Influencer ROI > Plan next campaign).',
    );
    book.sync();
    book.plan(2000);
    expect(note('Creators')).toBeUndefined();
    expect(note('Plan')).toBeUndefined();
    const handles = book.roster().map((row) => row[0]);
    expect(handles).toContain('@new.one');
  });
});

describe('one usual engagement rate', () => {
  it('a rate typed in the tracker is the usual rate on the dashboard and on the Creators sheet', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    script.call('createTracker', { ...TRACKER_FORM, campaignName: 'Spring launch' });
    // Jane's post engages 1,000 / 15,000 = 6.7%; her usual rate, typed, is 20%.
    emulator.type('Spring launch', 'A8', [JANE, TOM]);
    const header = emulator.sheet('Spring launch').values()[6];
    const usualAt = header.indexOf('Usual engagement rate');
    expect(usualAt).toBeGreaterThan(0);
    emulator.type('Spring launch', `${columnLetter(usualAt + 1)}8`, [[0.2]]);
    script.call('buildDashboard', {});
    script.call('syncCreators');
    const post = readDashboard(emulator)
      .spill('Every post')
      .find((row) => row.Creator === '@jane');
    expect(post).toMatchObject({
      'Usual engagement rate': 0.2,
      'Engagement check': 'far below own usual',
    });
    const roster = emulator.sheet('Creators').values();
    const at = roster[0].indexOf('Usual engagement');
    const jane = roster.find((row) => row[0] === '@jane') as unknown[];
    expect(jane[at]).toBe(0.2);
    const tom = roster.find((row) => row[0] === '@tom') as unknown[];
    const tomPost = readDashboard(emulator)
      .spill('Every post')
      .find((row) => row.Creator === '@tom');
    // None typed for Tom: engagements / followers over his posts, the same on both sheets.
    expect(tom[at]).toBe(tomPost?.['Usual engagement rate']);
    expect(tom[at]).toBeCloseTo(4000 / 50000, 12);
  });
});
