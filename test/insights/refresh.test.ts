// Building the dashboard again, and the trackers it reads changing under it: one dashboard and
// one set of charts whatever the refreshes, typed cells kept, older trackers given the new
// columns without any old cell changing, trackers renamed or deleted left out with a note.
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/sheets-emulator';
import { sampleWorkbook } from '../../preview/sample';
import { columnLetter } from '../../src/sheet/formulas';
import { errorOf, JANE, TOM, TRACKER_FORM } from '../harness/fixtures';
import { ZONES } from '../harness/zones';
import { cents, readDashboard } from './read';

type Built = {
  sheetName: string;
  trackers: string[];
  notes: string[];
  columnsAdded: { tracker: string; headers: string[] }[];
};

function workbook(...campaigns: { name: string; rows: unknown[][] }[]) {
  return workbookIn(undefined, ...campaigns);
}

/** Trackers in a spreadsheet in `timeZone` (default: the script's). */
function workbookIn(
  timeZone: string | undefined,
  ...campaigns: { name: string; rows: unknown[][] }[]
) {
  const emulator = createEmulator(timeZone === undefined ? {} : { timeZone });
  const script = emulator.load();
  for (const { name, rows } of campaigns) {
    script.call('createTracker', { ...TRACKER_FORM, campaignName: name });
    if (rows.length > 0) emulator.type(name, 'A8', rows);
  }
  const build = (request: object = {}) => script.call('buildDashboard', request) as Built;
  const sheet = (name: string) => {
    const found = emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  return { emulator, script, build, sheet };
}

/** Every chart as a person would check it: type, ranges, title and where it sits. */
const chartsOf = (emulator: Emulator) =>
  emulator.sheet('Dashboard').charts.map((chart) => ({
    id: chart.id,
    type: chart.type,
    ranges: chart.ranges,
    title: chart.options.title,
    anchor: chart.anchor,
  }));

describe('refreshing the dashboard', () => {
  it('twice leaves one dashboard and one set of charts, and touches no other sheet', () => {
    const sample = sampleWorkbook();
    const { emulator } = sample;
    const sheets = emulator.sheetNames();
    const charts = chartsOf(emulator);
    expect(charts.map(({ type, title }) => [type, title])).toEqual([
      ['LINE', 'Daily sales, post days marked'],
      ['COLUMN', 'Spend and revenue by platform'],
      ['BAR', 'ROI by creator'],
    ]);
    const tracker = emulator.sheet('Glow serum launch');
    const before = { values: tracker.values(), formulas: tracker.formulas('A1:AG32') };
    for (let i = 0; i < 2; i++) {
      const outcome = sample.run('buildDashboard', [{}]);
      expect(outcome.status).toBe('ok');
    }
    expect(emulator.sheetNames()).toEqual(sheets);
    expect(chartsOf(emulator)).toEqual(charts);
    expect(tracker.values()).toEqual(before.values);
    expect(tracker.formulas('A1:AG32')).toEqual(before.formulas);
    expect(emulator.unsupportedFunctions).toEqual([]);
  });

  it('shows the headline and a chart on the first screen, and no chart over another or a block', () => {
    const { emulator } = sampleWorkbook();
    const view = emulator.sheet('Dashboard');
    const left = (column: number) =>
      Array.from({ length: column - 1 }, (_, i) => view.columnWidth(i + 1)).reduce(
        (a, b) => a + b,
        0,
      );
    const boxes = view.charts.map((chart) => ({
      x1: left(chart.anchor.column),
      y1: (chart.anchor.row - 1) * 21,
      x2: left(chart.anchor.column) + Number(chart.options.width),
      y2: (chart.anchor.row - 1) * 21 + Number(chart.options.height),
    }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(
          boxes[i].y2 <= boxes[j].y1 ||
            boxes[j].y2 <= boxes[i].y1 ||
            boxes[i].x2 <= boxes[j].x1 ||
            boxes[j].x2 <= boxes[i].x1,
        ).toBe(true);
    const dashboard = readDashboard(emulator);
    // A 1440 x 900 screen shows about 1,390 px of columns and 640 px of rows under Sheets' bars.
    const screen = { width: 1390, height: 640 };
    // Positions from dashboard.at() are 0-based.
    const headline = dashboard.at('Spend');
    expect((headline.row + 2) * 21).toBeLessThanOrEqual(screen.height);
    const [daily, platform, creators] = boxes;
    expect(platform.x2).toBeLessThanOrEqual(screen.width);
    expect(platform.y2).toBeLessThanOrEqual(screen.height);
    // The platform chart under the value block and above its own block; the others in the
    // charts column between the left blocks (to column N) and "Every post".
    expect(platform.y1).toBeGreaterThanOrEqual((dashboard.at('Total value').row + 2) * 21);
    expect(platform.y2).toBeLessThanOrEqual(dashboard.at('By platform').row * 21);
    const blocksEnd = left(dashboard.at('By platform').column + 15);
    const postsStart = left(dashboard.at('Campaign').column + 1);
    for (const box of [daily, creators]) {
      expect(box.x1).toBeGreaterThanOrEqual(blocksEnd);
      expect(box.x2).toBeLessThanOrEqual(postsStart);
    }
    const anchors = view.charts.map((chart) => chart.anchor.row);
    expect(anchors[0]).toBe(1);
    expect(anchors[2]).toBe(dashboard.at('Creators ranked by ROI').row + 1);
    const platformHeader = dashboard.at('By platform').row + 2;
    expect(view.charts[1].ranges).toEqual([`Dashboard!A${platformHeader}:C${platformHeader + 6}`]);
    const day = dashboard.at('Day');
    expect(view.charts[0].ranges[0]).toMatch(
      new RegExp(`^Dashboard!${columnLetter(day.column + 1)}${day.row + 1}:`),
    );
    expect(view.charts[2].ranges.map((range) => range.replace(/\d+/g, ''))).toEqual([
      'Dashboard!B:B',
      'Dashboard!H:H',
    ]);
  });

  it('hides the working tables (daily sales by day, creators) and shows every post', () => {
    const { emulator } = sampleWorkbook();
    const sheet =
      emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Dashboard');
    if (!sheet) throw new Error('no dashboard');
    const dashboard = readDashboard(emulator);
    const hidden = (column: number) => sheet.isColumnHiddenByUser(column + 1);
    expect(hidden(dashboard.at('Campaign').column)).toBe(false);
    expect(hidden(dashboard.at('Day').column)).toBe(true);
    expect(hidden(dashboard.at('Sort: ROI').column)).toBe(true);
    expect(hidden(sheet.getMaxColumns() - 1)).toBe(true);
    // Hidden data still draws: the daily chart reads the hidden daily table.
    const daily = sheet.getCharts()[0];
    expect(daily.getHiddenDimensionStrategy()).toBe(
      emulator.services.Charts.ChartHiddenDimensionStrategy.SHOW_BOTH,
    );
  });

  it('keeps what the team typed on the dashboard: settings and awareness figures', () => {
    const sample = sampleWorkbook();
    const { emulator } = sample;
    const first = readDashboard(emulator);
    const { row } = first.at('Too early below (orders)');
    emulator.type('Dashboard', `A${row + 2}`, [[90]]);
    sample.run('buildDashboard', [{}]);
    const again = readDashboard(emulator);
    expect(again.labelled('Too early below (orders)')['Too early below (orders)']).toBe(90);
    expect(again.block("Awareness: type each campaign's figures for its period")[0]).toMatchObject({
      'Referral visits': 2400,
    });
    // With 90 orders needed, only two creators have enough; the others are marked too early.
    const ranked = again
      .spill('Creators ranked by ROI', 1)
      .filter((r) => typeof r.Rank === 'number');
    expect(ranked.map((r) => r.Creator)).toEqual(['@labcoatlena', '@glassskingabe']);
    expect(again.spill('Creators ranked by ROI', 1)[2].Rank).toBe('3 (too early)');
    // The sidebar's change wins over the sheet's.
    const outcome = sample.run('buildDashboard', [{ settings: { minOrders: 10 } }]);
    expect(outcome.status).toBe('ok');
    expect(readDashboard(emulator).labelled('Too early below (orders)')).toMatchObject({
      'Too early below (orders)': 10,
    });
  });

  it('counts rows added to a tracker later, without a refresh', () => {
    const { emulator, build } = workbook({ name: 'Spring launch', rows: [JANE] });
    build();
    emulator.type('Spring launch', 'A20', [TOM]);
    const dashboard = readDashboard(emulator);
    expect(dashboard.labelled('Spend')).toMatchObject({ Spend: 700, Revenue: 3200 });
    expect(dashboard.spill('Every post').map((row) => row.Creator)).toEqual(['@jane', '@tom']);
    expect(dashboard.values[0][1]).toBe('');
  });

  it('says how many rows added past the room of the last build are not counted, until a refresh', () => {
    const { emulator, build, sheet } = workbook({ name: 'Spring launch', rows: [JANE] });
    build();
    const tracker = sheet('Spring launch');
    // The dashboard made room for the tracker's rows when built, and 200 more.
    const room = tracker.getMaxRows() - 7 + 200;
    const added = room + 3;
    tracker.insertRowsAfter(tracker.getMaxRows(), added);
    const handles = Array.from({ length: added }, (_, i) => [`@creator${i}`]);
    tracker.getRange(9, 1, added, 1).setValues(handles);
    expect(readDashboard(emulator).values[0][1]).toBe(
      `${added + 1 - room} rows added since the last refresh are not counted: refresh (Extensions > Influencer ROI).`,
    );
    build();
    expect(readDashboard(emulator).values[0][1]).toBe('');
  });
});

describe('trackers on the dashboard', () => {
  it('an older tracker gets the new columns at the right of its table; no old cell changes', () => {
    const { emulator, build, sheet } = workbook({ name: 'Spring launch', rows: [JANE, TOM] });
    // A tracker made before the import work: nothing after the computed columns.
    const old = sheet('Spring launch');
    old.deleteColumns(28, old.getMaxColumns() - 27);
    const view = emulator.sheet('Spring launch');
    const before = {
      values: view.values('A1:AA32'),
      formulas: view.formulas('A1:AA32'),
      formats: view.numberFormats('A1:AA32'),
      notes: view.notes('A1:AA32'),
      validations: view.validations('A1:AA32'),
    };
    const built = build();
    expect(built.columnsAdded).toEqual([
      {
        tracker: 'Spring launch',
        headers: [
          'Brand Referral Bonus',
          'Last import',
          'Usual engagement rate',
          'Sentiment',
          'Sentiment note',
          'Reusable content value',
        ],
      },
    ]);
    expect(view.values('AB7:AG7')[0]).toEqual(built.columnsAdded[0].headers);
    expect({
      values: view.values('A1:AA32'),
      formulas: view.formulas('A1:AA32'),
      formats: view.numberFormats('A1:AA32'),
      notes: view.notes('A1:AA32'),
      validations: view.validations('A1:AA32'),
    }).toEqual(before);
    expect(view.validations('AE8')[0][0]).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      args: [['positive', 'neutral', 'negative'], true],
    });
    // The new columns feed the dashboard.
    emulator.type('Spring launch', 'AE8', [['negative']]);
    expect(readDashboard(emulator).labelled('Total value')['Negative posts']).toBe(1);
    // And a second build adds nothing.
    expect(build().columnsAdded).toEqual([]);
  });

  it('with several trackers: one row per campaign, creators added up across them', () => {
    const jane2 = [...JANE];
    jane2[0] = ' @Jane';
    const { emulator, build } = workbook(
      { name: 'Spring launch', rows: [JANE, TOM] },
      { name: 'Summer drop', rows: [jane2] },
    );
    expect(build().trackers).toEqual(['Spring launch', 'Summer drop']);
    const dashboard = readDashboard(emulator);
    expect(
      dashboard
        .block('By campaign')
        .map((row) => [
          row.Campaign,
          row.Posts,
          row.Spend,
          row.Revenue,
          row.ROI,
          row['Goal progress'],
        ]),
    ).toEqual([
      ['Spring launch', 2, 700, 3200, 2500 / 700, 0.7],
      ['Summer drop', 1, 500, 2000, 3, 0.3],
    ]);
    expect(dashboard.labelled('Spend')).toMatchObject({ Spend: 1200, 'Goal progress': 0.5 });
    const jane = dashboard.spill('Creators ranked by ROI', 1).find((r) => r.Creator === '@jane');
    expect(jane).toMatchObject({ Spend: 1000, Revenue: 4000, Orders: 60, ROI: 3 });
    // None typed: a creator's usual engagement rate is engagements / followers over all their
    // posts, the same on each of them.
    const posts = dashboard.spill('Every post');
    expect(posts.map((row) => [row.Campaign, row.Creator, row['Usual engagement rate']])).toEqual([
      ['Spring launch', '@jane', 2000 / 30000],
      ['Summer drop', ' @Jane', 2000 / 30000],
      ['Spring launch', '@tom', 0.08],
    ]);
  });

  it('a tracker renamed or deleted since the last refresh is left out with a note, not an error', () => {
    const { emulator, script, build, sheet } = workbook(
      { name: 'Spring launch', rows: [JANE] },
      { name: 'Summer drop', rows: [TOM] },
    );
    build({ trackers: ['Spring launch', 'Summer drop'] });
    sheet('Summer drop').setName('Summer 2026');
    const renamed = build({ trackers: ['Spring launch', 'Summer drop'] });
    expect(renamed.trackers).toEqual(['Spring launch']);
    expect(renamed.notes).toEqual([
      '"Summer drop" was renamed "Summer 2026" since the last refresh: it is left out; choose it again to include it.',
    ]);
    const dashboard = readDashboard(emulator);
    expect(dashboard.values[2][0]).toBe(renamed.notes[0]);
    expect(dashboard.labelled('Spend')).toMatchObject({ Spend: 500 });
    // The menu's refresh replays the same choice; a deleted tracker is noted the same way.
    emulator.services.SpreadsheetApp.getActiveSpreadsheet().deleteSheet(sheet('Spring launch'));
    const refreshed = script.call('refreshDashboard') as Built;
    expect(refreshed.trackers).toEqual(['Summer 2026']);
    expect(refreshed.notes[0]).toMatch(/"Spring launch" is no longer in this spreadsheet/);
    expect(emulator.toasts.at(-1)?.message).toMatch(/Spring launch/);
    expect(readDashboard(emulator).errors()).toEqual([]);
    // Built for every tracker, a deleted one is noted too.
    build();
    sheet('Summer 2026').setName('Summer');
    const all = build();
    expect(all.trackers).toEqual(['Summer']);
    expect(all.notes).toEqual(['"Summer 2026" is now called "Summer".']);
  });

  it('never replaces a sheet named "Dashboard" that the add-on did not make', () => {
    const { emulator, build } = workbook({ name: 'Spring launch', rows: [JANE] });
    emulator.services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Dashboard');
    emulator.type('Dashboard', 'A1', [['my notes']]);
    expect(errorOf(() => build())).toMatch(/already has a sheet named "Dashboard"/);
    expect(emulator.sheet('Dashboard').values('A1')).toEqual([['my notes']]);
  });

  it('needs a tracker first', () => {
    const emulator = createEmulator();
    expect(errorOf(() => emulator.load().call('buildDashboard', {}))).toMatch(
      /no campaign tracker yet/,
    );
  });
});

describe.each(ZONES)('daily sales, in a spreadsheet in %s', (zone) => {
  it('reads dates typed as text or as real dates, and adds up the sources of a day', () => {
    const jane = [...JANE];
    jane[3] = '2026-05-08';
    const { emulator, build } = workbookIn(zone, { name: 'Spring launch', rows: [jane] });
    const days: unknown[][] = [['Date', 'Units', 'Sales', 'Source']];
    for (let d = 1; d <= 14; d++) {
      const date = `2026-05-${String(d).padStart(2, '0')}`;
      const sales = d < 8 ? 100 + (d % 2) * 10 : 300;
      // Imported days are text; a person typed the second week as real dates.
      days.push([d < 8 ? `'${date}` : date, 3, sales, 'Amazon']);
    }
    days.push(["'2026-05-03", 1, 20, 'Shopify']);
    emulator.services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Daily sales');
    emulator.type('Daily sales', 'A1', days);
    build();
    const dashboard = readDashboard(emulator);
    const daily = dashboard.spill('Daily sales by day');
    expect(daily).toHaveLength(14);
    expect(daily[2]['Daily sales']).toBe(130);
    const [post] = dashboard.spill('Every post');
    // Days 1-7: 110, 100, 130 (two sources), 100, 110, 100, 110; days 8-14: 300.
    const before = (110 + 100 + 130 + 100 + 110 + 100 + 110) / 7;
    expect(post).toMatchObject({ 'Days before': 7, 'Days from post': 7 });
    expect(cents(post['Lift/day'])).toBe(cents(300 - before));
    expect(post['Lift check']).toBe('stands out');
    expect(dashboard.view.charts.map((chart) => chart.type)).toEqual(['LINE', 'COLUMN', 'BAR']);
  });

  it('without daily sales, the lift stays blank and the line chart is left out', () => {
    const { emulator, build } = workbook({ name: 'Spring launch', rows: [JANE] });
    build();
    const dashboard = readDashboard(emulator);
    expect(dashboard.lineUnder('Every post')).toMatch(/^Sales lift needs daily sales/);
    expect(dashboard.spill('Every post')[0]['Lift/day']).toBe('');
    expect(dashboard.labelled('Total value')['Sales lift (est.)']).toBe('');
    expect(dashboard.view.charts.map((chart) => chart.type)).toEqual(['COLUMN', 'BAR']);
  });
});
