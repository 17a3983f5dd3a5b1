// buildPlan on the built bundle: candidates typed on the "Plan" sheet, estimated from the three
// campaigns' history (own posts, same tier and platform, or platform norms), a greedy pick within
// the budget, and native formulas that follow a changed override or budget. Every expected range
// is computed here from the campaign rows and the domain brief's norms.
import { describe, expect, it } from 'vitest';
import { errorOf } from '../harness/fixtures';
import { CAMPAIGNS, workbook } from './campaigns';

/** Sheets' PERCENTILE: linear between closest ranks. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  return sorted[below] + (sorted[Math.ceil(position)] - sorted[below]) * (position - below);
}
const quartiles = (values: number[]) => [0.25, 0.5, 0.75].map((p) => percentile(values, p));

const posts = CAMPAIGNS.flatMap((c) => c.posts);
const key = (handle: string) => handle.trim().toLowerCase().replace(/^@/, '');
const FOLLOWERS = 12_000; // every fixture post
const orderValue =
  posts.reduce((sum, p) => sum + p.revenue, 0) / posts.reduce((sum, p) => sum + p.orders, 0);

const CANDIDATES = [
  ['@JANE.DOE', 'Instagram', 12_000, 350, ''],
  ['@newbie', 'TikTok', 20_000, 150, ''],
  ['@fresh.face', 'Instagram', 24_000, 200, ''],
  ['@pricey', 'YouTube', 12_000, 5_000, ''],
];

function planned(budget = 600) {
  const book = workbook();
  book.plan(budget);
  book.emulator.type('Plan', 'A7', CANDIDATES);
  const result = book.plan(budget);
  const sheet = () => book.emulator.sheet('Plan');
  const row = (handle: string) => {
    const values = sheet().values();
    const header = values[5];
    const found = values.find((r) => r[0] === handle);
    if (!found) throw new Error(`no ${handle}`);
    return Object.fromEntries(header.map((h, i) => [h, found[i]]));
  };
  return { ...book, result, sheet, row };
}

const close = (actual: unknown, expected: number): void => {
  expect(actual as number).toBeCloseTo(expected, 6);
};

const LEVELS = ['low', 'likely', 'high'];
/** A figure's low / likely / high cells against the expected three values. */
function closeRange(row: Record<string, unknown>, figure: string, expected: number[]): void {
  LEVELS.forEach((level, i) => {
    close(row[`${figure} ${level}`], expected[i]);
  });
}

describe('planning the next campaign', () => {
  it('estimates a creator from their own posts: quartiles of their clicks, orders and revenue', () => {
    const { row } = planned();
    const jane = posts.filter((p) => key(p.handle) === 'jane.doe');
    const r = row('@JANE.DOE');
    expect(r.Basis).toBe('Their own history: 3 posts of their own, per follower');
    closeRange(r, 'Revenue', quartiles(jane.map((p) => p.revenue)));
    closeRange(r, 'Clicks', quartiles(jane.map((p) => p.clicks)));
    closeRange(r, 'Orders', quartiles(jane.map((p) => p.orders)));
    close(r['ROI likely'], (quartiles(jane.map((p) => p.revenue))[1] - 350) / 350);
  });

  it('falls back on creators of the same tier and platform, scaled to the followers', () => {
    const { row } = planned();
    const peers = posts.filter((p) => p.platform === 'Instagram');
    const perFollower = quartiles(peers.map((p) => p.revenue / FOLLOWERS));
    const r = row('@fresh.face');
    expect(r.Basis).toBe(
      'Same tier and platform: 5 posts by micro creators on Instagram, per follower',
    );
    closeRange(
      r,
      'Revenue',
      perFollower.map((v) => v * 24_000),
    );
  });

  it("then on the platform's norms, with the team's own order value", () => {
    const { row } = planned();
    const r = row('@newbie');
    expect(String(r.Basis)).toMatch(/^Platform norms: TikTok norms/);
    // TikTok 10% to 13% engagement; 5/10/20% of engagements click; 1/2.5/5% of clicks buy.
    const engagements = [0.1, 0.115, 0.13].map((rate) => 20_000 * rate);
    const clicks = engagements.map((e, i) => e * [0.05, 0.1, 0.2][i]);
    const orders = clicks.map((c, i) => c * [0.01, 0.025, 0.05][i]);
    ['low', 'likely', 'high'].forEach((level, i) => {
      close(r[`Clicks ${level}`], clicks[i]);
      close(r[`Orders ${level}`], orders[i]);
      close(r[`Revenue ${level}`], orders[i] * orderValue);
    });
  });

  it('suggests greedily by expected ROI within the budget, and says so on the sheet', () => {
    const { row, sheet, result } = planned(600);
    expect(result.suggested).toEqual(['@jane.doe', '@fresh.face']);
    expect(row('@fresh.face').Suggested).toBe('Yes');
    expect(row('@JANE.DOE').Suggested).toBe('Yes');
    expect(row('@newbie').Suggested).toBe('No'); // its $150 is more than the $50 left
    expect(row('@pricey').Suggested).toBe('No'); // expected to lose money
    expect(String(row('@pricey').Why)).toMatch(/expected to lose money/);
    expect(String(sheet().values('A4')[0][0])).toMatch(/greedily by expected ROI per dollar/);
    expect(sheet().values('A3:D3')).toEqual([[600, 550, 50, 'USD']]);
  });

  it('recomputes booked total and budget left when the team overrides or changes the budget', () => {
    const { emulator, sheet, row } = planned(600);
    emulator.type('Plan', 'E8', [['In']]); // book @newbie anyway
    expect(row('@newbie').Booked).toBe('Yes');
    expect(sheet().values('B3:C3')).toEqual([[700, -100]]);
    emulator.type('Plan', 'A3', [[1000]]);
    expect(sheet().values('C3')[0][0]).toBe(300);
    emulator.type('Plan', 'D7', [[500]]); // Jane asks more: her ROI follows
    const revenue = quartiles(
      posts.filter((p) => key(p.handle) === 'jane.doe').map((p) => p.revenue),
    );
    close(row('@JANE.DOE')['ROI likely'], (revenue[1] - 500) / 500);
  });

  it('a rebuild keeps the candidates and overrides the team typed', () => {
    const { emulator, plan, sheet } = planned(600);
    emulator.type('Plan', 'E8', [['In']]);
    const built = plan(1000);
    expect(built.candidates).toBe(4);
    expect(sheet().values('A7:E10')).toEqual(
      CANDIDATES.map((c, i) => (i === 1 ? [...c.slice(0, 4), 'In'] : c)),
    );
    expect(sheet().values('A3')[0][0]).toBe(1000);
  });

  it('refuses a bad budget or a candidate without a fee, changing nothing', () => {
    const { emulator, plan, sheet } = planned(600);
    const before = sheet().values();
    expect(errorOf(() => plan(-5))).toMatch(/budget must be an amount of 0 or more/);
    expect(errorOf(() => plan('a lot'))).toMatch(/budget must be an amount/);
    emulator.type('Plan', 'A11', [['@nofee', 'Instagram', 5000]]);
    expect(errorOf(() => plan(600))).toMatch(/Row 11: type the Asked fee/);
    expect(sheet().values().slice(0, 10)).toEqual(before.slice(0, 10));
  });
});
