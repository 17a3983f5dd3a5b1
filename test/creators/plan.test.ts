import { describe, expect, it } from 'vitest';
import {
  ASSUMED_CLICKS_PER_ENGAGEMENT,
  ASSUMED_CONVERSION,
  bookedFormula,
  budgetLeftFormula,
  type Candidate,
  type Estimate,
  type Plan,
  percentile,
  planCampaign,
  type Range,
} from '../../src/creators/plan';
import { fromRosterValues, mergeRoster } from '../../src/creators/roster';
import { roiFormula } from '../../src/sheet/formulas';
import { workbook } from './engine';
import { EUR, GBP, RATES, ROSTER_SHEET, TRACKERS } from './fixtures';

const CREATORS = mergeRoster(TRACKERS, fromRosterValues(ROSTER_SHEET), RATES).creators;

const CANDIDATES: Candidate[] = [
  { handle: '@JANE.DOE', platform: 'Instagram', followers: 30_000, fee: 400 },
  { handle: '@new.face', platform: 'Instagram', followers: 20_000, fee: 300, currency: 'EUR' },
  { handle: '@pin.queen', platform: 'Pinterest', followers: 15_000, fee: 150 },
  { handle: '@gamer', platform: 'Twitch', followers: 40_000, fee: 500 },
  { handle: '@maple.mae', platform: 'Instagram', followers: 18_000, fee: 200, currency: 'CAD' },
  { handle: 'Kofi.Reviews', platform: 'YouTube', followers: 52_000, fee: 450, currency: 'GBP' },
  { handle: '@tom_bakes', platform: 'TikTok', followers: 10_500, fee: 170, force: 'out' },
  { handle: '@leo.unboxes', platform: 'YouTube', followers: 15_000, fee: 250, force: 'in' },
];

const BUDGET = 1_300;

function plan(): Plan {
  return planCampaign(CANDIDATES, CREATORS, { budget: BUDGET, rates: RATES });
}

function estimate(p: Plan, handle: string): Estimate {
  const found = p.estimates.find((e) => e.handle === handle);
  if (!found) throw new Error(`no ${handle}`);
  return found;
}

/** Sheets' PERCENTILE by hand: sorted values, linear between ranks. */
function at(values: number[], p: number): number {
  const s = values.slice().sort((a, b) => a - b);
  const x = (s.length - 1) * p;
  const i = Math.floor(x);
  return s[i] + (s[Math.min(i + 1, s.length - 1)] - s[i]) * (x - i);
}

/** Likely at the median, low and high at the 25th and 75th percentiles, times `scale`. */
function handQuartiles(values: number[], scale: number): Range {
  return {
    low: at(values, 0.25) * scale,
    likely: at(values, 0.5) * scale,
    high: at(values, 0.75) * scale,
  };
}

/** A likely case with the low/likely and high/likely ratios of `spreadFrom`'s quartiles. */
function borrowed(likely: number, spreadFrom: number[]): Range {
  const median = at(spreadFrom, 0.5);
  return {
    low: (likely * at(spreadFrom, 0.25)) / median,
    likely,
    high: (likely * at(spreadFrom, 0.75)) / median,
  };
}

function expectRange(actual: Range | undefined, expected: Range, digits = 2): void {
  expect(actual).toBeDefined();
  expect(actual?.low).toBeCloseTo(expected.low, digits);
  expect(actual?.likely).toBeCloseTo(expected.likely, digits);
  expect(actual?.high).toBeCloseTo(expected.high, digits);
}

const scaled = (range: Range, factor: number): Range => ({
  low: range.low * factor,
  likely: range.likely * factor,
  high: range.high * factor,
});

const roiOf = (revenue: Range, cost: number): Range => ({
  low: (revenue.low - cost) / cost,
  likely: (revenue.likely - cost) / cost,
  high: (revenue.high - cost) / cost,
});

/** Orders per follower of the five micro Instagram posts (Nora's 9,000 followers are nano). */
const MICRO_INSTAGRAM = [31 / 24_000, 24 / 26_000, 15 / 12_000, 33 / 27_000, 19 / 13_500];
/** Product and shipping per post where typed: Jane's 40 + 10, Tom's 25 and Kofi's GBP 30. */
const PRODUCT_PER_POST = (50 + 25 + 30 * GBP) / 3;

describe('expected results per candidate', () => {
  it("Jane's two posts give her likely case; the range is borrowed from her peers, and says so", () => {
    const jane = estimate(plan(), '@jane.doe');
    expect([jane.basis, jane.basisWords]).toEqual([
      'own',
      '2 posts of their own, per follower; range borrowed from peers (5 posts by micro creators on Instagram)',
    ]);
    const orders = borrowed(at([31 / 24_000, 24 / 26_000], 0.5) * 30_000, MICRO_INSTAGRAM);
    expectRange(jane.orders, orders);
    expect(jane.orders?.low).toBeLessThan(jane.orders?.likely ?? 0);
    // One model: clicks at her conversion, revenue at her order value.
    expectRange(jane.clicks, scaled(orders, (620 + 700) / (31 + 24)));
    const orderValue = (1250 + 980) / (31 + 24);
    expect(jane.orderValue).toBeCloseTo(orderValue, 9);
    const revenue = scaled(orders, orderValue);
    expectRange(jane.revenue, revenue);
    // Her fee and the trackers' product and shipping per post.
    expect(jane.cost).toBeCloseTo(400 + PRODUCT_PER_POST, 9);
    expectRange(jane.roi, roiOf(revenue, 400 + PRODUCT_PER_POST), 6);
  });

  it('a new Instagram creator of 20,000: the five micro Instagram posts in the roster', () => {
    const face = estimate(plan(), '@new.face');
    expect([face.basis, face.tier]).toEqual(['peers', 'micro']);
    expect(face.basisWords).toBe('5 posts by micro creators on Instagram, per follower');
    const orders = handQuartiles(MICRO_INSTAGRAM, 20_000);
    expectRange(face.orders, orders);
    const orderValue = (1250 + 980 + 600 * EUR + 1400 + 700 * EUR) / (31 + 24 + 15 + 33 + 19);
    expectRange(face.revenue, scaled(orders, orderValue));
    const cost = 300 * EUR + PRODUCT_PER_POST;
    expect(face.cost).toBeCloseTo(cost, 2);
    expectRange(face.roi, roiOf(scaled(orders, orderValue), cost), 6);
  });

  it("no Pinterest history: the platform norm, the assumed rates and the team's order value", () => {
    const pin = estimate(plan(), '@pin.queen');
    expect(pin.basis).toBe('norms');
    expect(pin.basisWords).toBe(
      'Pinterest norms: 2.0% to 5.0% engagement, 5% to 20% of engagements click (assumed), 1.0% to 5.0% of clicks buy (assumed)',
    );
    expect(ASSUMED_CLICKS_PER_ENGAGEMENT).toEqual({ low: 0.05, likely: 0.1, high: 0.2 });
    expect(ASSUMED_CONVERSION).toEqual({ low: 0.01, likely: 0.025, high: 0.05 });
    const orders = {
      low: 15_000 * 0.02 * 0.05 * 0.01,
      likely: 15_000 * ((0.02 + 0.05) / 2) * 0.1 * 0.025,
      high: 15_000 * 0.05 * 0.2 * 0.05,
    };
    expectRange(pin.orders, orders, 6);
    // Clicks are the orders at the assumed conversion rate.
    expectRange(pin.clicks, scaled(orders, 1 / 0.025), 6);
    // Every converted post with orders: revenue / orders (Nora's has no rate, Tom's autumn no orders).
    const aov =
      (1250 +
        980 +
        420 +
        510 * EUR +
        3400 +
        600 * EUR +
        700 * EUR +
        1150 * GBP +
        1300 * GBP +
        1400) /
      (31 + 24 + 12 + 17 + 85 + 15 + 19 + 23 + 26 + 33);
    expectRange(pin.revenue, scaled(orders, aov));
  });

  it('a set order value replaces the team average', () => {
    const p = planCampaign([CANDIDATES[2]], CREATORS, {
      budget: BUDGET,
      rates: RATES,
      orderValue: 40,
    });
    expect(p.estimates[0].revenue?.likely).toBeCloseTo(15_000 * 0.035 * 0.1 * 0.025 * 40, 6);
  });

  it('a platform without a norm and no history has no basis', () => {
    const gamer = estimate(plan(), '@gamer');
    expect([gamer.basis, gamer.revenue, gamer.decision]).toEqual(['none', undefined, 'noEstimate']);
  });

  it("a fee in a currency without a rate can't be costed, so it isn't suggested", () => {
    const maple = estimate(plan(), '@maple.mae');
    expect([maple.cost, maple.decision, maple.why]).toEqual([
      undefined,
      'noRate',
      'Not suggested: No rate for CAD',
    ]);
  });

  it("a candidate without followers is scaled to their latest post's; a typed product cost counts", () => {
    const p = planCampaign(
      [{ handle: 'mia.makes', platform: 'Instagram', fee: 200, otherCost: 15 }],
      CREATORS,
      { budget: BUDGET, rates: RATES },
    );
    expect(p.estimates[0].followers).toBe(13_500);
    expectRange(
      p.estimates[0].orders,
      borrowed(at([15 / 12_000, 19 / 13_500], 0.5) * 13_500, MICRO_INSTAGRAM),
    );
    expect(p.estimates[0].cost).toBe(215);
  });

  it('one post and nothing to borrow from: the assumed half to one and a half times', () => {
    const twitch = mergeRoster(
      [
        {
          tracker: 'Streams',
          currency: 'USD',
          rows: [
            {
              row: 8,
              handle: '@gamer',
              platform: 'Twitch',
              followers: 40_000,
              postDate: '2025-05-01',
              fee: 100,
              revenue: 500,
              orders: 10,
              clicks: 200,
            },
          ],
        },
      ],
      [],
      RATES,
    ).creators;
    const [gamer] = planCampaign([CANDIDATES[3]], twitch, {
      budget: BUDGET,
      rates: RATES,
    }).estimates;
    expect(gamer.basisWords).toBe(
      '1 post of their own, per follower; range assumed at half to one and a half times likely',
    );
    expectRange(gamer.orders, { low: 5, likely: 10, high: 15 }, 9);
    expectRange(gamer.revenue, { low: 250, likely: 500, high: 750 }, 9);
  });
});

describe('the suggested set', () => {
  it('greedy by likely ROI within the budget; forced in and out honoured', () => {
    const p = plan();
    const jane = estimate(p, '@jane.doe');
    const face = estimate(p, '@new.face');
    const kofi = estimate(p, '@kofi.reviews');
    // The order the greedy rule uses, checked by hand: Jane, then the new face, then Kofi.
    const kofiOrders = at([23 / 48_000, 26 / 51_000], 0.5) * 52_000;
    const kofiCost = 450 * GBP + PRODUCT_PER_POST;
    const kofiRoi = ((kofiOrders * ((1150 + 1300) * GBP)) / (23 + 26) - kofiCost) / kofiCost;
    expect(kofi.roi?.likely).toBeCloseTo(kofiRoi, 6);
    expect((jane.roi?.likely ?? 0) > (face.roi?.likely ?? 0)).toBe(true);
    expect((face.roi?.likely ?? 0) > kofiRoi).toBe(true);

    expect(p.estimates.map((e) => [e.handle, e.chosen, e.decision])).toEqual([
      ['@jane.doe', true, 'suggested'],
      ['@new.face', true, 'suggested'],
      ['@pin.queen', false, 'losesMoney'],
      ['@gamer', false, 'noEstimate'],
      ['@maple.mae', false, 'noRate'],
      ['@kofi.reviews', false, 'overBudget'],
      ['@tom_bakes', false, 'forcedOut'],
      ['@leo.unboxes', true, 'forcedIn'],
    ]);
    // Each with the trackers' product and shipping per post.
    const spent = 250 + 400 + 300 * EUR + 3 * PRODUCT_PER_POST;
    expect(p.chosenCost).toBeCloseTo(spent, 2);
    expect(p.remaining).toBeCloseTo(BUDGET - spent, 2);
    expect(kofi.why).toBe(
      `Not suggested: $${kofiCost.toFixed(2)} is more than the $${(BUDGET - spent).toFixed(2)} left (likely ROI ${(kofiRoi * 100).toFixed(1)}%)`,
    );
    expect(p.overBudget).toBe(false);
    expect(p.rule).toMatch(/greedily by expected ROI per dollar/);
  });

  it('the expected totals add the chosen ranges', () => {
    const p = plan();
    const chosen = ['@jane.doe', '@new.face', '@leo.unboxes'].map((h) => estimate(p, h));
    const revenue = {
      low: chosen.reduce((t, e) => t + (e.revenue?.low ?? 0), 0),
      likely: chosen.reduce((t, e) => t + (e.revenue?.likely ?? 0), 0),
      high: chosen.reduce((t, e) => t + (e.revenue?.high ?? 0), 0),
    };
    // Leo's one post is his likely case, 3,400 at the same 15,000 followers; the range around it
    // is his YouTube peers' (his post and Kofi's two), no longer a single point.
    const leo = estimate(p, '@leo.unboxes');
    expect(leo.basisWords).toBe(
      '1 post of their own, per follower; range borrowed from peers (3 posts by micro creators on YouTube)',
    );
    expectRange(leo.revenue, scaled(borrowed(85, [85 / 15_000, 23 / 48_000, 26 / 51_000]), 40));
    expect(leo.revenue?.low).toBeLessThan(3400);
    expect(leo.revenue?.high).toBeGreaterThan(3400);
    expectRange(p.expected.revenue, revenue);
    expectRange(p.expected.roi, roiOf(revenue, p.chosenCost), 6);
  });

  it('forced-in candidates beyond the budget are kept, and the plan says it is over', () => {
    const p = planCampaign(
      CANDIDATES.map((c) => ({ ...c, force: 'in' as const })),
      CREATORS,
      { budget: 500, rates: RATES },
    );
    expect(p.estimates.every((e) => e.chosen)).toBe(true);
    expect(p.overBudget).toBe(true);
    expect(estimate(p, '@maple.mae').why).toBe(
      'Forced in by the team; its cost is not counted (No rate for CAD)',
    );
  });
});

describe('plan formulas', () => {
  it('percentiles match the sheet PERCENTILE', () => {
    const values = [0.5, 3, 1, 10, 2.5];
    const book = workbook({
      Plan: [
        [
          ...values,
          '=PERCENTILE(A1:E1, 0.25)',
          '=PERCENTILE(A1:E1, 0.5)',
          '=PERCENTILE(A1:E1, 0.75)',
        ],
        [4, 1, null, null, null, '=PERCENTILE(A2:B2, 0.25)'],
      ],
    });
    expect(percentile(values, 0.25)).toBeCloseTo(book.value('Plan!F1') as number, 12);
    expect(percentile(values, 0.5)).toBeCloseTo(book.value('Plan!G1') as number, 12);
    expect(percentile(values, 0.75)).toBeCloseTo(book.value('Plan!H1') as number, 12);
    expect(percentile([4, 1], 0.25)).toBeCloseTo(book.value('Plan!F2') as number, 12);
  });

  it('ROI, booking and budget left recompute from the cells the team edits', () => {
    const book = workbook({
      Plan: [
        [1346.5, 400, 'Yes', null, `=${roiFormula('A1', 'B1')}`, `=${bookedFormula('D1', 'C1')}`],
        [1041.7, 324, 'Yes', 'Out', `=${roiFormula('A2', 'B2')}`, `=${bookedFormula('D2', 'C2')}`],
        [3400, 250, 'No', 'In', `=${roiFormula('A3', 'B3')}`, `=${bookedFormula('D3', 'C3')}`],
        [100, null, 'No', null, `=${roiFormula('A4', 'B4')}`, `=${bookedFormula('D4', 'C4')}`],
        [1300, `=${budgetLeftFormula('A5', 'F1:F4', 'B1:B4')}`],
      ],
    });
    expect(book.value('Plan!E1')).toBeCloseTo((1346.5 - 400) / 400, 10);
    expect(book.value('Plan!E4')).toBe('');
    expect(['F1', 'F2', 'F3', 'F4'].map((a) => book.value(`Plan!${a}`))).toEqual([
      'Yes',
      'No',
      'Yes',
      'No',
    ]);
    expect(book.value('Plan!B5')).toBeCloseTo(1300 - 400 - 250, 10);
  });
});
