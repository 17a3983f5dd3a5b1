// The dashboard on the preview's sample campaign (12 creators, five platforms, two under 10
// orders, 60 days of daily sales with three posts, two of them 4 days apart), built by the
// bundle in the Sheets emulator. Every figure is computed again here from the fixture alone and
// compared with what the engine computes from the dashboard's formulas, to the cent.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_AWARENESS,
  SAMPLE_CAMPAIGN,
  SAMPLE_INSIGHTS,
  SAMPLE_VALUE,
  sampleDailySales,
  sampleRows,
  sampleWorkbook,
} from '../../preview/sample';
import { SAMPLE_SHEETS } from '../../preview/sample-sheets';
import type { PreviewWorkbook } from '../../preview/workbook';
import {
  awarenessValue,
  byPlatform,
  headline,
  lifts,
  postsFrom,
  ranking,
  type Settings,
  tier,
} from './expected';
import { cents, readDashboard } from './read';

const SETTINGS: Settings = { minOrders: 10, priorClicks: 20, liftDays: 7, ...SAMPLE_INSIGHTS };
const CAMPAIGN = SAMPLE_CAMPAIGN.campaignName;
const posts = postsFrom(CAMPAIGN, sampleRows(), SAMPLE_VALUE);

let workbook: PreviewWorkbook;
let dashboard: ReturnType<typeof readDashboard>;

beforeAll(() => {
  workbook = sampleWorkbook();
  dashboard = readDashboard(workbook.emulator);
});

/** Money to the cent, rates to 1e-9. */
function expectFigures(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  for (const [label, value] of Object.entries(expected)) {
    if (typeof value === 'number' && Math.abs(value) >= 1 && !Number.isInteger(value))
      expect(cents(actual[label]), label).toBe(cents(value));
    else if (typeof value === 'number') expect(actual[label], label).toBeCloseTo(value, 9);
    else expect(actual[label], label).toEqual(value);
  }
}

describe('the dashboard on the sample campaign', () => {
  it('computes every figure with formulas both Sheets and the engine know, with no error', () => {
    expect(workbook.emulator.unsupportedFunctions).toEqual([]);
    expect(dashboard.errors()).toEqual([]);
    // The figures are live formulas, not values the add-on computed.
    const { row } = dashboard.at('Spend');
    const figures = dashboard.view.formulas(`A${row + 2}:J${row + 2}`)[0];
    expect(figures.every((formula) => formula.startsWith('='))).toBe(true);
  });

  it('shows the headline figures: spend, revenue, ROI, ROAS, CAC, orders, engagement, goal', () => {
    const expected = headline(posts);
    expectFigures(dashboard.labelled('Spend'), {
      Spend: expected.spend,
      Revenue: expected.revenue,
      ROI: expected.roi,
      ROAS: expected.roas,
      CAC: expected.cac,
      Orders: expected.orders,
      'New customers': expected.newCustomers,
      'Engagement rate': expected.engagementRate,
      'Conversion rate': expected.conversion,
      'Goal progress': expected.orders / SAMPLE_CAMPAIGN.goalTarget,
    });
  });

  it('adds up each platform, against its usual engagement', () => {
    const rows = dashboard.block('By platform');
    expect(rows.map((row) => row.Platform)).toEqual([
      'Instagram',
      'TikTok',
      'YouTube',
      'Pinterest',
      'Facebook',
      'Other',
    ]);
    for (const row of rows.slice(0, 5)) {
      const expected = byPlatform(posts, String(row.Platform));
      expectFigures(row, {
        Posts: expected.posts,
        Spend: expected.spend,
        Revenue: expected.revenue,
        Orders: expected.orders,
        ROI: expected.roi,
        CAC: expected.cac,
        'Engagement rate': expected.engagementRate,
      });
    }
    expect(rows[0]).toMatchObject({ 'Platform norm': '3% to 4%', 'Against norm': 'above' });
    expect(rows[4]).toMatchObject({ 'Against norm': 'within' });
    expect(rows[5]).toMatchObject({ Posts: 0, Spend: 0, ROI: '' });
  });

  it('ranks creators by ROI, the two under 10 orders last as too early to judge', () => {
    const expected = ranking(posts, SETTINGS);
    const rows = dashboard.spill('Creators ranked by ROI', 1);
    expect(rows.map((row) => row.Creator)).toEqual(expected.map((c) => c.creator));
    expect(rows.slice(-2).map((row) => [row.Creator, row.Rank, row.Evidence])).toEqual([
      ['@momsknowbest', '11 (too early)', 'too early to judge'],
      ['@nightowlnia', '12 (too early)', 'too early to judge'],
    ]);
    expect(rows.slice(0, 10).map((row) => row.Rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    rows.forEach((row, i) => {
      const creator = expected[i];
      expectFigures(row, {
        Platform: creator.platform,
        Tier: creator.tier,
        Spend: creator.spend,
        Revenue: creator.revenue,
        Orders: creator.orders,
        ROI: creator.roi,
        'Conversion rate': creator.conversion,
        'Shrunk conversion': creator.shrunk,
        'ER by followers': creator.engagements / creator.followers,
        'ER by reach': creator.engagements / creator.reach,
        Evidence: creator.evidence,
      });
    });
    expect(dashboard.lineUnder('Creators ranked by ROI')).toMatch(
      /^Ranked by ROI\. Creators with fewer than 10 orders are too early to judge and listed after the others\. Conversion \(shrunk\) = \(orders \+ 20 x campaign rate 4\.7%\) \/ \(clicks \+ 20\)/,
    );
  });

  it('compares creators with peers of their size, engagement by followers and by reach', () => {
    const creators = ranking(posts, SETTINGS);
    const rows = dashboard.block('By tier: creators compared with peers of their size');
    expect(rows.map((row) => row.Tier)).toEqual(['nano', 'micro', 'mid', 'macro', 'mega']);
    for (const row of rows) {
      const expected = tier(creators, String(row.Tier), posts, SETTINGS);
      if (expected.creators === 0) {
        expect(row).toMatchObject({ Creators: 0, Spend: 0, ROI: '', 'Best creator': '' });
        continue;
      }
      expectFigures(row, {
        Creators: expected.creators,
        Spend: expected.spend,
        Revenue: expected.revenue,
        ROI: expected.roi,
        'ER by followers': expected.byFollowers,
        'ER by reach': expected.byReach,
        'Shrunk conversion': expected.shrunk,
        'Best creator': expected.best,
      });
    }
    // In the ranking, each creator's tier ROI is their peers' ROI.
    const micro = rows.find((row) => row.Tier === 'micro');
    const leo = dashboard
      .spill('Creators ranked by ROI', 1)
      .find((r) => r.Creator === '@skinbyleo');
    expect(leo?.['Tier ROI']).toBeCloseTo(Number(micro?.ROI), 9);
  });

  it('measures the sales lift around the three posts in the daily sales; the pair 4 days apart counts once', () => {
    const expected = lifts(posts, sampleDailySales(), SETTINGS.liftDays);
    const rows = dashboard.spill('Every post');
    const dated = rows.filter((row) => row['Lift/day'] !== '');
    expect(dated.map((row) => row.Creator)).toEqual([
      '@labcoatlena',
      '@glassskingabe',
      '@plantbasedpia',
    ]);
    for (const row of rows) {
      const lift = expected.find((l) => l.handle === row.Creator);
      if (!lift) throw new Error(`no expected lift for ${row.Creator}`);
      expect(row['Days before'], String(row.Creator)).toBe(lift.daysBefore);
      expect(row['Days from post']).toBe(lift.daysAfter);
      expect(row['Lift/day'] === '' ? null : cents(row['Lift/day'])).toBe(
        lift.lift === null ? null : cents(lift.lift),
      );
      expect(row['Extra sales (est.)'] === '' ? null : cents(row['Extra sales (est.)'])).toBe(
        lift.extra === null ? null : cents(lift.extra),
      );
      if (lift.lift !== null) {
        expect(cents(row['Sales/day before'])).toBe(cents(lift.before));
        expect(cents(row['Normal variation (SD)'])).toBe(cents(lift.spread));
      }
      expect(row['Lift check']).toBe(lift.check);
      expect(row['In lift total']).toBe(lift.counted ? 'yes' : '');
    }
    // A missing day is missing, not a zero: Lena's week before has 6 days.
    expect(dated[0]).toMatchObject({
      'Days before': 6,
      'Lift check': 'stands out; overlaps @glassskingabe',
    });
    expect(dated[1]['Lift check']).toBe('overlaps @labcoatlena');
    expect(dated[2]['Lift check']).toBe('within normal variation');
    const total = expected.filter((l) => l.counted).reduce((sum, l) => sum + (l.extra ?? 0), 0);
    expect(cents(dashboard.labelled('Sales lift (est.)')['Sales lift (est.)'])).toBe(cents(total));
  });

  it('leaves the lift blank and says "no data" for posts without daily sales around them', () => {
    const march = dashboard.spill('Every post').filter((row) => row.Creator === '@glowwithmaya');
    expect(march[0]).toMatchObject({
      'Days before': 0,
      'Sales/day before': '',
      'Lift/day': '',
      'Extra sales (est.)': '',
      'Lift check': 'no data',
      'In lift total': '',
    });
  });

  it('says under the lift total how many dated posts it used', () => {
    const expected = lifts(posts, sampleDailySales(), SETTINGS.liftDays);
    const used = expected.filter((l) => l.counted).length;
    const short = expected.filter((l) => l.lift === null).length;
    expect([used, short]).toEqual([1, expected.length - 3]);
    const { row, column } = dashboard.at('Sales lift (est.)');
    expect(dashboard.values[row + 2][column]).toBe(
      `Sales lift from ${used} of ${expected.length} posts with a date (${short} without enough days of daily sales)`,
    );
  });

  it('adds the value beyond sales into a total value, beside the strict ROI and apart from it', () => {
    const expected = headline(posts);
    const bonus = posts.reduce((sum, p) => sum + p.bonus, 0);
    const content = posts.reduce((sum, p) => sum + p.contentValue, 0);
    const awareness = awarenessValue(SAMPLE_AWARENESS[3], SETTINGS);
    expectFigures(dashboard.labelled('Total value'), {
      'Attributed revenue': expected.revenue,
      'Brand Referral Bonus': bonus,
      'Reusable content': content,
      'Awareness (est.)': awareness,
      'Total value': expected.revenue + bonus + content + awareness,
      'ROI (strict)': expected.roi,
      'Positive posts': 4,
      'Neutral posts': 2,
      'Negative posts': 1,
    });
    expect(dashboard.block("Awareness: type each campaign's figures for its period")).toEqual([
      {
        Campaign: CAMPAIGN,
        'Followers before': 12000,
        'Followers after': 13150,
        'Follower change': 1150,
        Mentions: 86,
        'Referral visits': 2400,
        'Branded searches': 310,
        'Awareness (est.)': awareness,
      },
    ]);
  });

  it("flags a post far below its creator's usual engagement", () => {
    const rows = dashboard.spill('Every post');
    const nia = rows.find((row) => row.Creator === '@nightowlnia');
    expect(nia).toMatchObject({
      'Usual engagement rate': 0.08,
      'Engagement check': 'far below own usual',
    });
    expect(rows.filter((row) => row['Engagement check'] !== '')).toHaveLength(1);
  });
});

describe('the sample workbook', () => {
  it('has the sheet tabs SAMPLE_SHEETS lists, in order (the README picture is checked against it)', () => {
    const { emulator } = workbook;
    const tabs = emulator.sheetNames().filter((name) => !emulator.sheet(name).hidden);
    expect(tabs).toEqual(SAMPLE_SHEETS);
  });
});
