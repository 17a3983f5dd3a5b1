import { describe, expect, it } from 'vitest';
import {
  type Creator,
  fromRosterValues,
  mergeRoster,
  ROSTER_COLUMNS,
  type Roster,
  toRosterValues,
} from '../../src/creators/roster';
import { EUR, GBP, RATES, ROSTER_SHEET, TRACKERS } from './fixtures';

function sync(sheet = ROSTER_SHEET): Roster {
  return mergeRoster(TRACKERS, fromRosterValues(sheet), RATES);
}

function creator(roster: Roster, handle: string): Creator {
  const found = roster.creators.find((c) => c.handle === handle);
  if (!found) throw new Error(`no ${handle} in the roster`);
  return found;
}

/** The sheet's cell of a creator, by header. */
function cell(values: unknown[][], handle: string, header: string): unknown {
  const column = values[0].indexOf(header);
  const row = values.find((r) => r[values[0].indexOf('Creator')] === handle);
  if (column < 0 || !row) throw new Error(`no ${header} for ${handle}`);
  return row[column];
}

describe('the roster: one row per creator across trackers', () => {
  it('the same creator under case and "@" variations is one row; existing order first', () => {
    const roster = sync();
    expect(roster.creators.map((c) => [c.handle, c.platform, c.status])).toEqual([
      ['@jane.doe', 'Instagram', 'active'],
      ['@old.friend', 'TikTok', 'gone'],
      ['@tom_bakes', 'TikTok', 'active'],
      ['@leo.unboxes', 'YouTube', 'active'],
      ['@mia.makes', 'Instagram', 'active'],
      ['@kofi.reviews', 'YouTube', 'active'],
      ['@nora.nl', 'Instagram', 'active'],
      ['@janedoe', 'Instagram', 'active'],
    ]);
    expect(roster.posts).toBe(12);
  });

  it('"@jane.doe" and "janedoe" stay two rows and are listed for the team to confirm', () => {
    const roster = sync();
    expect(roster.duplicates.map((d) => [d.a.handle, d.b.handle, d.reason])).toEqual([
      ['jane.doe', 'janedoe', 'punctuation'],
    ]);
    // The sheet is named as a source only for a creator no tracker has: a second sync words it alike.
    expect(roster.duplicates[0].aSources).toEqual(['Spring launch', 'Summer sale']);
    expect(roster.duplicates[0].bSources).toEqual(['Autumn bundle']);
  });

  it("Jane's campaigns, posts, fees and money, converted per side", () => {
    const jane = creator(sync(), '@jane.doe');
    const spring = 300 + 40 + 10 + 125 + 0.1 * 1250;
    const summer = (320 + 50) * EUR + (98 + 0.1 * 980);
    const spend = spring + summer;
    const revenue = 1250 + 980;
    expect(jane.campaigns).toEqual(['Spring launch', 'Summer sale']);
    expect([jane.posts, jane.firstPost, jane.lastPost]).toEqual([2, '2025-03-03', '2025-06-02']);
    expect([jane.followers, jane.tier]).toEqual([26_000, 'micro']);
    expect(jane.lastFee).toBeCloseTo(320 * EUR, 2);
    expect(jane.averageFee).toBeCloseTo((300 + 320 * EUR) / 2, 2);
    expect(jane.spend).toBeCloseTo(spend, 2);
    expect(jane.revenue).toBeCloseTo(revenue, 2);
    expect(jane.roi).toBeCloseTo((revenue - spend) / spend, 6);
    // Spring takes the campaign's 60% margin, summer the row's own 50%.
    expect(jane.profitRoi).toBeCloseTo((1250 * 0.6 + 980 * 0.5 - spend) / spend, 6);
    expect(jane.cac).toBeCloseTo(spend / (25 + 20), 2);
    expect(jane.conversionRate).toBeCloseTo((31 + 24) / (620 + 700), 10);
    expect(jane.onTimeShare).toBe(1);
  });

  it('engagement against the platform norm and against their own usual rate', () => {
    const roster = sync();
    const jane = creator(roster, '@jane.doe');
    // None typed: engagements / followers over all their posts.
    const janeUsual = (912 + 1_040) / (24_000 + 26_000);
    expect(jane.engagementRate).toBeCloseTo(janeUsual, 12);
    expect(jane.lastVersusUsual).toBeCloseTo(1_040 / 26_000 / janeUsual - 1, 12);
    expect(jane.versusNorm).toBe('within');

    const tom = creator(roster, '@tom_bakes');
    const tomRates = [1_020 / 8_500, 1_150 / 9_200, 800 / 10_100];
    const tomUsual = (1_020 + 1_150 + 800) / (8_500 + 9_200 + 10_100);
    expect(tom.engagementRate).toBeCloseTo(tomUsual, 12);
    expect(tom.lastEngagementRate).toBeCloseTo(tomRates[2], 12);
    expect(tom.lastVersusUsual).toBeCloseTo(800 / 10_100 / tomUsual - 1, 12);
    expect(tom.versusNorm).toBe('within');

    const mia = creator(roster, '@mia.makes');
    expect(mia.engagementRate).toBeCloseTo((300 + 270) / (12_000 + 13_500), 12);
    expect(mia.versusNorm).toBe('below');
    const values = toRosterValues(roster);
    expect(cell(values, '@mia.makes', 'vs platform norm')).toBe("below Instagram's 3.0% to 4.0%");
  });

  it('a usual rate typed in the trackers wins over the posts, averaged over the posts that have one', () => {
    let typed = 0;
    const trackers = TRACKERS.map((tracker) => ({
      ...tracker,
      rows: tracker.rows.map((row) =>
        /jane\.doe/i.test(row.handle) ? { ...row, usualRate: [0.08, 0.05][typed++] } : row,
      ),
    }));
    expect(typed).toBe(2);
    const jane = creator(mergeRoster(trackers, fromRosterValues(ROSTER_SHEET), RATES), '@jane.doe');
    expect(jane.engagementRate).toBeCloseTo(0.065, 12);
    expect(jane.lastVersusUsual).toBeCloseTo(1_040 / 26_000 / 0.065 - 1, 12);
    expect(jane.versusNorm).toBe('above');
  });

  it("Tom's refund-only autumn post lowers his revenue and claws back commission", () => {
    const tom = creator(sync(), '@tom_bakes');
    const spend = 150 + 25 + 42 + 140 * EUR + (160 + 0.05 * -40);
    const revenue = 420 + 510 * EUR - 40;
    expect(tom.posts).toBe(3);
    expect(tom.spend).toBeCloseTo(spend, 2);
    expect(tom.revenue).toBeCloseTo(revenue, 2);
    expect(tom.roi).toBeCloseTo((revenue - spend) / spend, 6);
    expect(tom.cac).toBeCloseTo(spend / (10 + 15 + 0), 2);
    expect(tom.onTimeShare).toBeCloseTo(2 / 3, 12);
    expect([tom.followers, tom.tier]).toEqual([10_100, 'micro']);
  });

  it('Mia: paid in euros then pounds, sold in euros; last and average fee in dollars', () => {
    const mia = creator(sync(), '@mia.makes');
    expect(mia.lastFee).toBeCloseTo(200 * GBP, 2);
    expect(mia.averageFee).toBeCloseTo((250 * EUR + 200 * GBP) / 2, 2);
    expect(mia.spend).toBeCloseTo(250 * EUR + 200 * GBP, 2);
    expect(mia.revenue).toBeCloseTo(600 * EUR + 700 * EUR, 2);
    expect(mia.onTimeShare).toBe(0.5);
  });

  it('a post without a rate is left out of the money and counted, never added raw', () => {
    const roster = sync();
    const nora = creator(roster, '@nora.nl');
    expect([nora.posts, nora.spend, nora.revenue, nora.roi]).toEqual([1, 0, 0, undefined]);
    expect([nora.leftOut, nora.missing]).toEqual([1, ['CAD']]);
    expect([roster.leftOut, roster.missing, roster.note]).toEqual([
      1,
      ['CAD'],
      '1 row left out: no rate for CAD',
    ]);
    expect(cell(toRosterValues(roster), '@nora.nl', 'Left out of totals')).toBe(
      '1: no rate for CAD',
    );
    // The orders still count: they are not money.
    expect(nora.orders).toBe(7);
  });

  it('the leaked code shows on the creator with the campaign, the date and the reasons', () => {
    const leo = creator(sync(), '@leo.unboxes');
    expect(leo.leaks).toEqual([
      'Spring launch 2025-03-10: 85 orders from 60 clicks: more orders than clicks; first order on 2025-03-08, before the post on 2025-03-10',
    ]);
    expect(creator(sync(), '@jane.doe').leaks).toEqual([]);
  });
});

describe('typed columns and creators who left', () => {
  it('contact, payment status and notes survive a sync, found by header', () => {
    const values = toRosterValues(sync());
    expect(cell(values, '@jane.doe', 'Contact')).toBe('jane@example.com');
    expect(cell(values, '@jane.doe', 'Notes')).toBe('Loves the blue bottle');
    expect(cell(values, '@jane.doe', 'Payment status')).toBe('Paid');
    expect(cell(values, '@tom_bakes', 'Notes')).toBe('Invoice monthly');
    // Tom's payment status was blank in the roster: the team's blank stays blank.
    expect(cell(values, '@tom_bakes', 'Payment status')).toBe('');
  });

  it("a new creator's payment status starts from their latest post's", () => {
    const values = toRosterValues(sync());
    expect(cell(values, '@mia.makes', 'Payment status')).toBe('Invoice sent');
    expect(cell(values, '@leo.unboxes', 'Payment status')).toBe('');
  });

  it('a second sync of the written sheet changes nothing the team typed', () => {
    const first = toRosterValues(sync());
    const edited = first.map((row) => row.slice());
    const notes = edited[0].indexOf('Notes');
    const leo = edited.findIndex((row) => row[0] === '@leo.unboxes');
    edited[leo][notes] = 'Ask about the coupon site';
    const second = toRosterValues(sync(edited as (string | number)[][]));
    expect(cell(second, '@leo.unboxes', 'Notes')).toBe('Ask about the coupon site');
    for (const header of ['Contact', 'Payment status', 'Notes'])
      for (const row of first.slice(1)) {
        const handle = String(row[0]);
        const expected =
          handle === '@leo.unboxes' && header === 'Notes'
            ? 'Ask about the coupon site'
            : cell(first, handle, header);
        expect(cell(second, handle, header)).toBe(expected);
      }
  });

  it('a creator in no tracker is kept, marked, with their last numbers', () => {
    const values = toRosterValues(sync());
    expect(cell(values, '@old.friend', 'Status')).toBe('No longer in any tracker');
    expect(cell(values, '@old.friend', 'Posts')).toBe(3);
    expect(cell(values, '@old.friend', 'Notes')).toBe('Moved to a competitor');
    expect(cell(values, '@jane.doe', 'Status')).toBe('Active');
  });

  it('two roster rows for one creator become one, keeping both notes', () => {
    const sheet = [
      ['Notes', 'Creator', 'Platform'],
      ['Prefers email', '@Mia.Makes', 'Instagram'],
      ['Ships from Leeds', 'mia.makes', 'instagram'],
    ];
    const mia = creator(mergeRoster(TRACKERS, fromRosterValues(sheet), RATES), '@mia.makes');
    expect(mia.typed.notes).toBe('Prefers email; Ships from Leeds');
  });

  it("the sheet has one header per column and every typed column is the team's", () => {
    const values = toRosterValues(sync());
    expect(values[0]).toEqual(ROSTER_COLUMNS.map((column) => column.header));
    expect(new Set(values[0]).size).toBe(values[0].length);
    expect(ROSTER_COLUMNS.filter((c) => c.kind === 'typed').map((c) => c.header)).toEqual([
      'Contact',
      'Payment status',
      'Notes',
    ]);
    expect(values.slice(1).every((row) => row.length === values[0].length)).toBe(true);
  });

  it('a sheet without a "Creator" header reads as empty', () => {
    expect(fromRosterValues([['Name', 'Notes']])).toEqual([]);
    expect(fromRosterValues([])).toEqual([]);
  });
});
