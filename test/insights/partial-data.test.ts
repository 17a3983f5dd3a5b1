// The dashboard on campaigns in progress, built by the bundle with the formulas computed: each
// ratio uses only the posts that have its inputs, on the headline, per platform and per campaign,
// and says how many posts it used.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { JANE, TOM, TRACKER_FORM } from '../harness/fixtures';
import { cents, readDashboard } from './read';

/** Results imported from a report with no new-customer count. */
const TOM_NO_NEW = [...TOM.slice(0, 17), ''];
/** Booked on Instagram, nothing in yet. */
const ANN = ['@ann', 'Instagram', 10000, '2026-04-01', '', 'ANN10', '', 300, 0];

function dashboardOf(...campaigns: { name: string; rows: unknown[][]; form?: object }[]) {
  const emulator = createEmulator();
  const script = emulator.load();
  for (const { name, rows, form } of campaigns) {
    script.call('createTracker', { ...TRACKER_FORM, ...form, campaignName: name });
    emulator.type(name, 'A8', rows);
  }
  script.call('buildDashboard', {});
  return readDashboard(emulator);
}

describe('the dashboard on partial data', () => {
  let dashboard: ReturnType<typeof readDashboard>;
  beforeAll(() => {
    dashboard = dashboardOf(
      { name: 'Spring', rows: [JANE, TOM_NO_NEW] },
      { name: 'Summer', rows: [ANN] },
    );
  });

  it('computes the headline ratios over the posts that have their inputs, and says how many', () => {
    expect(dashboard.errors()).toEqual([]);
    const figures = dashboard.labelled('Spend');
    expect(figures.Spend).toBe(1000);
    expect(figures.CAC).toBe(12.5); // Jane's $500 over her 40 new customers
    expect(figures.ROI).toBeCloseTo((3200 - 700) / 700, 9);
    expect(figures['Engagement rate']).toBeCloseTo(5000 / 65000, 9);
    expect(figures['Conversion rate']).toBeCloseTo(70 / 1400, 9);
    const { row } = dashboard.at('CAC');
    const words = (label: string) =>
      dashboard.values[row + 2][dashboard.values[row].indexOf(label)];
    expect(words('CAC')).toBe('CAC over 1 of 3 posts: 2 have no new customers yet');
    expect(words('ROI')).toBe('ROI over 2 of 3 posts: 1 has no revenue yet');
    expect(words('Engagement rate')).toBe(
      'Engagement rate over 2 of 3 posts: 1 has no engagements or followers yet',
    );
    expect(words('Conversion rate')).toBe(
      'Conversion over 2 of 3 posts: 1 has no clicks or orders yet',
    );
  });

  it('leaves a campaign and a platform with no results blank, not a loss', () => {
    const byCampaign = Object.fromEntries(
      dashboard.block('By campaign').map((row) => [row.Campaign, row]),
    );
    expect(byCampaign.Summer).toMatchObject({
      Posts: 1,
      Spend: 300,
      Revenue: '',
      ROI: '',
      Orders: '',
      'New customers': '',
      CAC: '',
      'Engagement rate': '',
    });
    expect(byCampaign.Spring).toMatchObject({ Spend: 700, Revenue: 3200, CAC: 12.5 });
    const instagram = dashboard.block('By platform').find((row) => row.Platform === 'Instagram');
    // Jane and Ann on Instagram: Jane's figures only.
    expect(instagram).toMatchObject({ Posts: 2, Spend: 800, Revenue: 2000, CAC: 12.5 });
    expect(instagram?.ROI).toBeCloseTo((2000 - 500) / 500, 9);
    expect(instagram?.['Engagement rate']).toBeCloseTo(1000 / 15000, 9);
  });

  it('adds up goal progress across campaigns of one goal type, leaving out one with no results', () => {
    // Both count orders: Spring has 70 of its 100; Summer has none in yet and counts nowhere.
    expect(dashboard.labelled('Spend')['Goal progress']).toBeCloseTo(70 / 100, 9);
    const byCampaign = Object.fromEntries(
      dashboard.block('By campaign').map((row) => [row.Campaign, row['Goal progress']]),
    );
    expect(byCampaign).toEqual({ Spring: 0.7, Summer: '' });
  });
});

describe('goal progress across campaigns with different goal types', () => {
  it("gives no headline figure, only each campaign's own", () => {
    const dashboard = dashboardOf(
      { name: 'Spring', rows: [JANE] },
      { name: 'Summer', rows: [TOM], form: { goalType: 'revenue', goalTarget: 4000 } },
    );
    expect(dashboard.labelled('Spend')['Goal progress']).toBe('see by campaign');
    const byCampaign = Object.fromEntries(
      dashboard.block('By campaign').map((row) => [row.Campaign, row['Goal progress']]),
    );
    expect(byCampaign).toEqual({ Spring: 30 / 100, Summer: 1200 / 4000 });
  });
});

/** Daily sales of 100 a day (200 from `jump` on) on the given days of May 2026. */
function mayDays(days: number[], jump = 99): unknown[][] {
  return [
    ['Date', 'Units', 'Sales'],
    ...days.map((d) => [`'2026-05-${String(d).padStart(2, '0')}`, 1, d >= jump ? 200 : 100]),
  ];
}

/**
 * A dashboard over Jane (posted May `janeDay`) and Tom (May 20) in "Spring", with these daily
 * sales; `summer` adds a second tracker with Ann (April 1).
 */
function liftDashboard(daily: unknown[][], janeDay = 10, summer = false) {
  const emulator = createEmulator();
  const script = emulator.load();
  script.call('createTracker', { ...TRACKER_FORM, campaignName: 'Spring' });
  const jane = [...JANE];
  jane[3] = `2026-05-${String(janeDay).padStart(2, '0')}`;
  const tom = [...TOM];
  tom[3] = '2026-05-20';
  emulator.type('Spring', 'A8', [jane, tom]);
  if (summer) {
    script.call('createTracker', { ...TRACKER_FORM, campaignName: 'Summer' });
    emulator.type('Summer', 'A8', [ANN]);
  }
  emulator.services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Daily sales');
  emulator.type('Daily sales', 'A1', daily);
  script.call('buildDashboard', {});
  return readDashboard(emulator);
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('sales lift on partial daily sales', () => {
  it('says "no data" when the daily sales miss the windows, and leaves the total blank', () => {
    // Daily sales of June only: neither May post has a day in its windows.
    const daily = [
      ['Date', 'Units', 'Sales'],
      ...range(1, 20).map((d) => [`'2026-06-${String(d).padStart(2, '0')}`, 1, 100]),
    ];
    const dashboard = liftDashboard(daily);
    expect(dashboard.errors()).toEqual([]);
    const posts = dashboard.spill('Every post');
    for (const post of posts)
      expect(post).toMatchObject({
        'Days before': 0,
        'Days from post': 0,
        'Lift/day': '',
        'Extra sales (est.)': '',
        'Lift check': 'no data',
        'In lift total': '',
      });
    const { row, column } = dashboard.at('Sales lift (est.)');
    expect(dashboard.values[row + 1][column]).toBe('');
    expect(dashboard.values[row + 2][column]).toBe(
      'Sales lift from 0 of 2 posts with a date (2 without enough days of daily sales)',
    );
  });

  it('computes no lift from 3 days before a post, and says how many days each window had', () => {
    // Jane posts May 10: May 7-9 before (3 days), May 10-16 from the post (7 days, sales up).
    // Tom posts May 20: May 13-19 before, May 20-26 after, all there.
    const dashboard = liftDashboard(mayDays(range(7, 26), 10));
    expect(dashboard.errors()).toEqual([]);
    const [jane, tom] = dashboard.spill('Every post');
    expect(jane).toMatchObject({
      Creator: '@jane',
      'Days before': 3,
      'Days from post': 7,
      'Sales/day before': 100,
      'Lift/day': '',
      'Extra sales (est.)': '',
      'Lift check': 'not enough days: 3 before, 7 from the post (needs 5 each)',
      'In lift total': '',
    });
    // Tom's week before and after both sell 200 a day: a lift of zero, measured.
    expect(tom).toMatchObject({
      Creator: '@tom',
      'Days before': 7,
      'Days from post': 7,
      'Lift/day': 0,
      'Lift check': 'within normal variation',
    });
    const { row, column } = dashboard.at('Sales lift (est.)');
    expect(dashboard.values[row + 1][column]).toBe('');
    expect(dashboard.values[row + 2][column]).toBe(
      'Sales lift from 0 of 2 posts with a date (1 without enough days of daily sales)',
    );
  });

  it('counts a lift with 5 days in each window, and the total says it used that post', () => {
    // Jane posts May 10: May 5-9 before (100 a day, one day 120 for some variation), May 10-14 at 200.
    const daily = mayDays(range(5, 14), 10);
    daily[1][2] = 120;
    const dashboard = liftDashboard(daily);
    const [jane, tom] = dashboard.spill('Every post');
    const before = (120 + 100 * 4) / 5;
    expect(jane).toMatchObject({ 'Days before': 5, 'Days from post': 5 });
    expect(cents(jane['Lift/day'])).toBe(cents(200 - before));
    expect(jane['Lift check']).toBe('stands out');
    // Tom (May 20) has only May 13 and 14 before him, nothing after.
    expect(tom['Lift check']).toBe('not enough days: 2 before, 0 from the post (needs 5 each)');
    const { row, column } = dashboard.at('Sales lift (est.)');
    expect(cents(dashboard.values[row + 1][column])).toBe(cents((200 - before) * 7));
    expect(dashboard.values[row + 2][column]).toBe(
      'Sales lift from 1 of 2 posts with a date (1 without enough days of daily sales)',
    );
  });

  it('says per campaign how many of its dated posts the lift used', () => {
    const daily = mayDays(range(5, 14), 10);
    daily[1][2] = 120;
    const dashboard = liftDashboard(daily, 10, true);
    expect(dashboard.errors()).toEqual([]);
    const jane = dashboard.spill('Every post').find((post) => post.Creator === '@jane');
    const byCampaign = Object.fromEntries(
      dashboard.block('By campaign').map((row) => [row.Campaign, row]),
    );
    expect(cents(byCampaign.Spring['Sales lift (est.)'])).toBe(cents(jane?.['Extra sales (est.)']));
    expect(byCampaign.Spring['Lift posts']).toBe('1 of 2');
    // Ann's April post has no daily sales around it: no lift, not $0.00.
    expect(byCampaign.Summer['Sales lift (est.)']).toBe('');
    expect(byCampaign.Summer['Lift posts']).toBe('0 of 1');
  });
});
