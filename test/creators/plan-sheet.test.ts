// buildPlan on the built bundle: candidates typed on the "Plan" sheet, estimated from the three
// campaigns' history (own posts, same tier and platform, or platform norms) with one model per
// candidate (revenue = orders x an order value, ROI over fee + product and shipping), a greedy
// pick within the budget, and native formulas that follow a changed fee, product cost, override
// or budget. Every expected figure is computed here from the campaign rows and the domain
// brief's norms.
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
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const FOLLOWERS = 12_000; // every fixture post
const teamOrderValue = sum(posts.map((p) => p.revenue)) / sum(posts.map((p) => p.orders));
/** Product and shipping per post over the trackers: every fixture post has it typed. */
const productPerPost = sum(posts.map((p) => p.product)) / posts.length;

const CANDIDATES = [
  ['@JANE.DOE', 'Instagram', 12_000, 350, '', ''],
  ['@newbie', 'TikTok', 20_000, 150, '', ''],
  ['@fresh.face', 'Instagram', 24_000, 200, 40, ''],
  ['@pricey', 'YouTube', 12_000, 5_000, '', ''],
  ['@mia.makes', 'YouTube', 12_000, 300, '', ''],
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

/** Revenue = orders x order value and ROI = (revenue - cost) / cost, level by level. */
function expectOneModel(row: Record<string, unknown>, cost: number): void {
  close(row.Cost, cost);
  for (const level of LEVELS) {
    close(
      row[`Revenue ${level}`],
      (row[`Orders ${level}`] as number) * (row['Order value'] as number),
    );
    close(row[`ROI ${level}`], ((row[`Revenue ${level}`] as number) - cost) / cost);
  }
}

describe('planning the next campaign', () => {
  it('estimates a creator from their own posts: their median orders, quartiles, conversion and order value', () => {
    const { row } = planned();
    const jane = posts.filter((p) => key(p.handle) === 'jane.doe');
    const r = row('@JANE.DOE');
    expect(r.Basis).toBe('Their own history: 3 posts of their own, per follower');
    const orders = quartiles(jane.map((p) => p.orders));
    closeRange(r, 'Orders', orders);
    const conversion = sum(jane.map((p) => p.orders)) / sum(jane.map((p) => p.clicks));
    closeRange(
      r,
      'Clicks',
      orders.map((o) => o / conversion),
    );
    close(r['Order value'], sum(jane.map((p) => p.revenue)) / sum(jane.map((p) => p.orders)));
    // No product typed for her: the trackers' average per post counts in her cost.
    expectOneModel(r, 350 + productPerPost);
  });

  it('falls back on creators of the same tier and platform, scaled to the followers', () => {
    const { row } = planned();
    const peers = posts.filter((p) => p.platform === 'Instagram');
    const perFollower = quartiles(peers.map((p) => p.orders / FOLLOWERS));
    const r = row('@fresh.face');
    expect(r.Basis).toBe(
      'Same tier and platform: 5 posts by micro creators on Instagram, per follower',
    );
    closeRange(
      r,
      'Orders',
      perFollower.map((v) => v * 24_000),
    );
    close(r['Order value'], sum(peers.map((p) => p.revenue)) / sum(peers.map((p) => p.orders)));
    // Product and shipping typed: 40, not the average.
    expectOneModel(r, 200 + 40);
  });

  it("then on the platform's norms, with the team's own order value", () => {
    const { row } = planned();
    const r = row('@newbie');
    expect(String(r.Basis)).toMatch(/^Platform norms: TikTok norms/);
    // TikTok 10% to 13% engagement; 5/10/20% of engagements click; 1/2.5/5% of clicks buy.
    const orders = [0.1 * 0.05 * 0.01, 0.115 * 0.1 * 0.025, 0.13 * 0.2 * 0.05].map(
      (share) => 20_000 * share,
    );
    closeRange(r, 'Orders', orders);
    // Clicks from the orders at the assumed 2.5% conversion: one model, so the figures agree.
    closeRange(
      r,
      'Clicks',
      orders.map((o) => o / 0.025),
    );
    close(r['Order value'], teamOrderValue);
    expectOneModel(r, 150 + productPerPost);
  });

  it('a creator with one post keeps her likely case but borrows a wider range, and says so', () => {
    const { row } = planned();
    const mia = posts.find((p) => key(p.handle) === 'mia.makes');
    if (!mia) throw new Error('no mia');
    const r = row('@mia.makes');
    expect(r.Basis).toBe(
      'Their own history: 1 post of their own, per follower; range borrowed from YouTube norms',
    );
    // YouTube 5% to 8%: low and high as multiples of the likely norm case.
    const likely = 0.065 * 0.1 * 0.025;
    const spread = [(0.05 * 0.05 * 0.01) / likely, 1, (0.08 * 0.2 * 0.05) / likely];
    closeRange(
      r,
      'Orders',
      spread.map((s) => mia.orders * s),
    );
    expect(r['Orders low'] as number).toBeLessThan(mia.orders);
    expect(r['Orders high'] as number).toBeGreaterThan(mia.orders);
    close(r['Order value'], mia.revenue / mia.orders);
    expectOneModel(r, 300 + productPerPost);
  });

  it("shows counts whole, and the trackers' product and shipping per post above the candidates", () => {
    const { sheet } = planned();
    const view = sheet();
    const header = view.values()[5];
    for (const figure of ['Clicks', 'Orders'])
      for (const level of LEVELS) {
        const column = String.fromCharCode(65 + header.indexOf(`${figure} ${level}`));
        expect(view.numberFormats(`${column}7`)[0][0], `${figure} ${level}`).toBe('#,##0');
      }
    expect(view.values('E2:E3')).toEqual([['Product + shipping per post'], [productPerPost]]);
  });

  it('suggests greedily by expected ROI within the budget, counting product and shipping', () => {
    const { row, sheet, result } = planned(600);
    const cost = (handle: string) => row(handle).Cost as number;
    const likelyRoi = (handle: string) => row(handle)['ROI likely'] as number;
    // The greedy order by likely ROI, checked from the computed rows.
    const open = ['@JANE.DOE', '@newbie', '@fresh.face', '@mia.makes']
      .filter((h) => likelyRoi(h) > 0)
      .sort((a, b) => likelyRoi(b) - likelyRoi(a));
    let left = 600;
    const chosen: string[] = [];
    for (const handle of open)
      if (cost(handle) <= left) {
        chosen.push(key(handle));
        left -= cost(handle);
      }
    expect(chosen.length).toBeGreaterThan(0);
    expect(result.suggested.map(key).sort()).toEqual(chosen.sort());
    expect(row('@pricey').Suggested).toBe('No'); // expected to lose money
    expect(String(row('@pricey').Why)).toMatch(/expected to lose money/);
    expect(String(sheet().values('A4')[0][0])).toMatch(/greedily by expected ROI per dollar/);
    const booked = 600 - left;
    const [[budget, total, remaining, currency]] = sheet().values('A3:D3');
    expect([budget, currency]).toEqual([600, 'USD']);
    close(total, booked);
    close(remaining, left);
  });

  it('recomputes cost, ROI, booked total and budget left when the team edits the sheet', () => {
    const { emulator, sheet, row } = planned(600);
    const before = sheet().values('B3')[0][0] as number;
    const newbieBooked = row('@newbie').Booked === 'Yes';
    emulator.type('Plan', 'F8', [['In']]); // book @newbie anyway
    expect(row('@newbie').Booked).toBe('Yes');
    const newbieCost = 150 + productPerPost;
    close(sheet().values('B3')[0][0], newbieBooked ? before : before + newbieCost);
    emulator.type('Plan', 'A3', [[1000]]);
    close(sheet().values('C3')[0][0], 1000 - (sheet().values('B3')[0][0] as number));
    emulator.type('Plan', 'D7:E7', [[500, 60]]); // Jane asks more and gets a pricier product
    const jane = row('@JANE.DOE');
    expectOneModel(jane, 560);
  });

  it('a rebuild keeps the candidates and overrides the team typed', () => {
    const { emulator, plan, sheet } = planned(600);
    emulator.type('Plan', 'F8', [['In']]);
    const built = plan(1000);
    expect(built.candidates).toBe(5);
    expect(sheet().values('A7:F11')).toEqual(
      CANDIDATES.map((c, i) => (i === 1 ? [...c.slice(0, 5), 'In'] : c)),
    );
    expect(sheet().values('A3')[0][0]).toBe(1000);
  });

  it('refuses a bad budget, a candidate without a fee or a bad product cost, changing nothing', () => {
    const { emulator, plan, sheet } = planned(600);
    const before = sheet().values();
    expect(errorOf(() => plan(-5))).toMatch(/budget must be an amount of 0 or more/);
    expect(errorOf(() => plan('a lot'))).toMatch(/budget must be an amount/);
    emulator.type('Plan', 'A12', [['@nofee', 'Instagram', 5000]]);
    expect(errorOf(() => plan(600))).toMatch(/Row 12: type the Asked fee/);
    emulator.type('Plan', 'A12', [['@nofee', 'Instagram', 5000, 100, 'a box']]);
    expect(errorOf(() => plan(600))).toMatch(/Row 12: Product \+ shipping must be an amount/);
    expect(sheet().values().slice(0, 11)).toEqual(before.slice(0, 11));
  });
});
