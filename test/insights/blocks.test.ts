// The dashboard's pieces as pure builders: settings checks, formula literals, the layout's
// geometry and functions, and a block placed elsewhere (as the report will) for a period.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { ALLOWED_FUNCTIONS } from '../../emulator/sheets-engine';
import { functionNames } from '../../emulator/sheets-refs';
import { CHART_COLUMN, dashboardLayout, ROW_HEIGHT } from '../../src/insights/dashboard-layout';
import { postsTable } from '../../src/insights/posts';
import {
  checkSettings,
  DEFAULT_INSIGHTS,
  mergeSettings,
  sheetSettings,
  storedSettings,
} from '../../src/insights/settings';
import { readTracker, type TrackerSource, toSource } from '../../src/insights/sources';
import { exactly, sheetRef, text } from '../../src/sheet/formulas';
import { errorOf, JANE, TOM, TRACKER_FORM } from '../harness/fixtures';

function source(name: string, sheetId: number, rows = 25): TrackerSource {
  const header = [
    'Influencer',
    'Platform',
    'Followers',
    'Post date',
    'Post URL',
    'Promo code',
    'Tracking link',
    'Fee',
    'Product + shipping',
    'Reach / impressions',
    'Likes',
    'Comments',
    'Shares',
    'Saves',
    'Clicks',
    'Orders',
    'Revenue',
    'New customers',
    'Total cost',
    'Engagements',
    'Engagement rate',
    'Conversion rate',
    'CPE',
    'CAC',
    'AOV',
    'ROI',
    'ROAS',
    'Brand Referral Bonus',
    'Last import',
    'Usual engagement rate',
    'Sentiment',
    'Sentiment note',
    'Reusable content value',
  ];
  const values = [
    [name],
    ['Product', 'Currency'],
    ['', 'USD'],
    ['Progress to goal'],
    [0.5],
    [],
    header,
    ...Array.from({ length: rows }, () => []),
  ];
  return toSource(readTracker(name, values), { name, sheetId, createdAt: `2026-0${sheetId}` });
}

describe('the team settings', () => {
  it('refuses what makes no sense, naming the field', () => {
    expect(errorOf(() => checkSettings({ minOrders: 0 }))).toBe(
      'Too early below (orders) must be a whole number from 1 to 100000 (got 0).',
    );
    expect(errorOf(() => checkSettings({ signupRate: 1.5 }))).toBe(
      'Signup rate must be from 0% to 100% (got 150%).',
    );
    // A lift needs 5 days of daily sales in each window, so a shorter window is refused.
    expect(errorOf(() => checkSettings({ liftDays: 3 }))).toBe(
      'Lift days (N) must be a whole number from 5 to 90 (got 3).',
    );
    expect(errorOf(() => checkSettings({ liftDays: 'a week' }))).toBe(
      'Lift days (N) must be a number.',
    );
    expect(checkSettings({ liftDays: '14', orderValue: '' })).toEqual({
      liftDays: 14,
      orderValue: null,
    });
  });

  it('keeps the newest change: the sidebar over the sheet, the sheet over what was stored', () => {
    const stored = { ...DEFAULT_INSIGHTS, signupRate: 0.1 };
    const sheet = sheetSettings([12, 20, 7, 0.2, 'oops', '']);
    expect(sheet).toEqual({
      minOrders: 12,
      priorClicks: 20,
      liftDays: 7,
      signupRate: 0.2,
      orderValue: null,
    });
    expect(mergeSettings(stored, sheet, {})).toMatchObject({ minOrders: 12, signupRate: 0.2 });
    expect(mergeSettings(stored, sheet, { minOrders: 5, signupRate: 0.1 })).toMatchObject({
      minOrders: 5,
      signupRate: 0.2,
    });
    expect(storedSettings({ minOrders: -3, liftDays: 14 })).toEqual({
      ...DEFAULT_INSIGHTS,
      liftDays: 14,
    });
    // A window stored before the floor of 5 days falls back to the default.
    expect(storedSettings({ liftDays: 2 }).liftDays).toBe(DEFAULT_INSIGHTS.liftDays);
  });
});

describe('formula literals', () => {
  it('quote sheet names and text, and match campaign names exactly', () => {
    expect(sheetRef("Bob's launch")).toBe("'Bob''s launch'");
    expect(text('say "hi"')).toBe('"say ""hi"""');
    expect(exactly('<50% *off*?')).toBe('"=<50% ~*off~*~?"');
  });
});

describe('the layout', () => {
  const layout = (count: number, daily = true) =>
    dashboardLayout({
      sources: Array.from({ length: count }, (_, i) => source(`Campaign ${i + 1}`, i + 1)),
      settings: DEFAULT_INSIGHTS,
      daily: daily
        ? { source: { sheet: 'Daily sales', dateColumn: 1, salesColumn: 3, firstRow: 2 }, rows: 60 }
        : null,
      awareness: () => ['', '', '', '', ''],
      notes: [],
      refreshedAt: '2026-07-24 09:30',
    });

  it('uses only functions Google Sheets and the test engine both compute', () => {
    const formulas = layout(3)
      .values.cells.flat()
      .filter((cell): cell is string => typeof cell === 'string' && cell.startsWith('='));
    const used = new Set(formulas.flatMap((formula) => functionNames(formula)));
    expect([...used].filter((name) => !ALLOWED_FUNCTIONS.has(name))).toEqual([]);
    // Never a function that recomputes on every edit, nor one a Sheets user can't see through.
    expect(
      [...used].filter((name) => ['INDIRECT', 'OFFSET', 'NOW', 'TODAY'].includes(name)),
    ).toEqual([]);
  });

  it('sizes the grid to hold every row the trackers can have, and sets no chart over another', () => {
    for (const count of [1, 2, 5]) {
      for (const daily of [true, false]) {
        const built = layout(count, daily);
        // 25 rows per tracker, plus room to grow.
        expect(built.rows).toBeGreaterThan(25 * count + 200);
        // The platform chart under the headline at column A; the others in the charts column.
        const columns = built.charts.map((chart) => chart.column);
        expect(columns).toEqual(daily ? [CHART_COLUMN, 1, CHART_COLUMN] : [1, CHART_COLUMN]);
        const beside = built.charts.filter((chart) => chart.column === CHART_COLUMN);
        const boxes = beside.map((chart) => ({
          top: (chart.row - 1) * ROW_HEIGHT,
          bottom: (chart.row - 1) * ROW_HEIGHT + chart.height,
        }));
        for (let i = 1; i < boxes.length; i++)
          expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
        expect(built.charts.map((chart) => chart.type)).toEqual(
          daily ? ['LINE', 'COLUMN', 'BAR'] : ['COLUMN', 'BAR'],
        );
      }
    }
  });
});

describe('a block placed elsewhere, for a period', () => {
  it('lists only the posts dated in the period, wherever it is written', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    script.call('createTracker', TRACKER_FORM);
    emulator.type('Spring launch', 'A8', [JANE, TOM]);
    const tracker = toSource(
      readTracker('Spring launch', emulator.sheet('Spring launch').values()),
      {
        name: 'Spring launch',
        sheetId: 1,
        createdAt: '2026-03-01',
      },
    );
    const { table, formulas } = postsTable(
      {
        sources: [tracker],
        settings: {
          minOrders: '10',
          priorClicks: '20',
          liftDays: '7',
          signupRate: '""',
          purchaseRate: '""',
          orderValue: '""',
        },
        daily: null,
        period: { from: '2026-03-15', to: '2026-03-31' },
      },
      3,
      2,
      40,
    );
    emulator.services.SpreadsheetApp.getActiveSpreadsheet()
      .insertSheet('Report')
      .insertColumnsAfter(26, table.width);
    emulator.type('Report', 'B3', table.cells(formulas));
    const rows = emulator.sheet('Report').values('B4:E5');
    expect(rows).toEqual([
      ['Spring launch', 'tom on tiktok', '@tom', 'TikTok'],
      ['', '', '', ''],
    ]);
    expect(emulator.unsupportedFunctions).toEqual([]);
  });
});
