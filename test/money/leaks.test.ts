import { describe, expect, it } from 'vitest';
import {
  baselineConversionRate,
  campaignConversionFormula,
  campaignConversionRate,
  findLeaks,
  type LeakRow,
  leakFormula,
} from '../../src/money/leaks';
import { type Cell, workbook } from '../creators/engine';
import { SPRING } from '../creators/fixtures';

/** 10/500 and 8/400 are ordinary; 12/40 is 30%; 2/5 converts well but is too few orders. */
const CAMPAIGN: LeakRow[] = [
  { row: 8, handle: '@ana', orders: 10, clicks: 500, postDate: '2025-03-03' },
  { row: 9, handle: '@ben', orders: 8, clicks: 400, postDate: '2025-03-04' },
  { row: 10, handle: '@cam', orders: 12, clicks: 40, postDate: '2025-03-05' },
  { row: 11, handle: '@dee', orders: 2, clicks: 5, postDate: '2025-03-06' },
  { row: 12, handle: '@eve', orders: 9, postDate: '2025-03-07' },
  {
    row: 13,
    handle: '@fay',
    orders: 3,
    clicks: 90,
    postDate: '2025-03-10',
    firstOrderDate: '2025-03-10',
  },
];

describe('possible code leaks', () => {
  it("the campaign's conversion rate counts only rows with clicks and orders", () => {
    expect(campaignConversionRate(CAMPAIGN)).toBeCloseTo(
      (10 + 8 + 12 + 2 + 3) / (500 + 400 + 40 + 5 + 90),
      12,
    );
  });

  it('more orders than clicks, and orders before the post: both reasons, in words', () => {
    const leaks = findLeaks(SPRING.rows);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ index: 2, row: 10, handle: '@leo.unboxes' });
    expect(leaks[0].signs.map((sign) => sign.reason)).toEqual([
      'ordersOverClicks',
      'ordersBeforePost',
    ]);
    expect(leaks[0].words).toBe(
      '85 orders from 60 clicks: more orders than clicks; first order on 2025-03-08, before the post on 2025-03-10',
    );
  });

  it('a conversion rate over 3x that of the other rows with 100 clicks and 5 orders, from 5 orders up', () => {
    const leaks = findLeaks(CAMPAIGN);
    // Ana's and Ben's rows are the baseline: 18 orders from 900 clicks, 2.0%.
    const rate = (10 + 8) / (500 + 400);
    expect(12 / 40 > 3 * rate && 2 / 5 > 3 * rate).toBe(true);
    expect(leaks.map((leak) => leak.handle)).toEqual(['@cam']);
    expect(leaks[0].words).toBe(
      'conversion 30.0% (12 orders / 40 clicks) is over 3x the 2.0% of the other rows with at least 100 clicks and 5 orders',
    );
  });

  it('a normal rate is not flagged because rows whose orders are not in yet drag the campaign down', () => {
    // The issue's case: 5 orders from 200 clicks (2.5%) beside two rows with few orders imported.
    const rows: LeakRow[] = [
      { handle: '@ok', orders: 5, clicks: 200 },
      { handle: '@early', orders: 1, clicks: 400 },
      { handle: '@later', orders: 0, clicks: 300 },
    ];
    expect(campaignConversionRate(rows)).toBeLessThan(0.025 / 3);
    expect(baselineConversionRate(rows, 0)).toBeUndefined();
    expect(findLeaks(rows)).toEqual([]);
  });

  it('a row never counts in its own baseline', () => {
    const rows: LeakRow[] = [
      { handle: '@hot', orders: 60, clicks: 300 },
      { handle: '@usual', orders: 5, clicks: 250 },
    ];
    expect(baselineConversionRate(rows, 0)).toBe(0.02);
    expect(baselineConversionRate(rows, 1)).toBe(0.2);
    expect(findLeaks(rows).map((leak) => leak.handle)).toEqual(['@hot']);
  });

  it('a code-only creator (no clicks) and an order on the post date are not leaks', () => {
    const flagged = findLeaks(CAMPAIGN).map((leak) => leak.handle);
    expect(flagged).not.toContain('@eve');
    expect(flagged).not.toContain('@fay');
  });

  it('the tracker formula flags the same rows, per cell and as a column', () => {
    const rows = [
      ...CAMPAIGN,
      { orders: 20, clicks: 10, postDate: '2025-03-10', firstOrderDate: '2025-03-01' },
      // Hot against the others' 2.0%, and part of the baseline itself.
      { orders: 40, clicks: 300, postDate: '2025-03-11' },
      { orders: 3, clicks: 120, postDate: '2025-03-11' },
    ];
    const n = rows.length;
    const all = { orders: `$A$1:$A$${n}`, clicks: `$B$1:$B$${n}` };
    const date = (text?: string) =>
      text ? `=DATE(${text.slice(0, 4)}, ${+text.slice(5, 7)}, ${+text.slice(8)})` : null;
    const sheet: Cell[][] = rows.map((row, i) => [
      row.orders ?? null,
      row.clicks ?? null,
      date(row.postDate),
      date(row.firstOrderDate),
      `=${leakFormula({ orders: `A${i + 1}`, clicks: `B${i + 1}`, postDate: `C${i + 1}`, firstOrderDate: `D${i + 1}` }, all)}`,
      i === 0
        ? `=ARRAYFORMULA(${leakFormula({ orders: `A1:A${n}`, clicks: `B1:B${n}`, postDate: `C1:C${n}`, firstOrderDate: `D1:D${n}` }, all)})`
        : null,
      null,
      i === 0 ? `=${campaignConversionFormula(`A1:A${n}`, `B1:B${n}`)}` : null,
    ]);
    const book = workbook({ Tracker: sheet });
    expect(book.value('Tracker!H1')).toBeCloseTo(campaignConversionRate(rows) as number, 12);
    const single = rows.map((_, i) => book.value(`Tracker!E${i + 1}`));
    const column = rows.map((_, i) => book.value(`Tracker!F${i + 1}`));
    expect(single).toEqual([
      '',
      '',
      "Conversion over 3x the other rows'.",
      '',
      '',
      '',
      'More orders than clicks. Orders before the post date.',
      "Conversion over 3x the other rows'.",
      '',
    ]);
    expect(column).toEqual(single);
    // The pure check flags exactly the rows the formula flags.
    const flagged = single.flatMap((text, i) => (text === '' ? [] : [i]));
    expect(findLeaks(rows).map((leak) => leak.index)).toEqual(flagged);
  });
});
