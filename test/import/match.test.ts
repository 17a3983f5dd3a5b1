import { describe, expect, it } from 'vitest';
import { linkKey, matchKeys, queryValues, totalsByKey } from '../../src/import/match';
import { cents, fixture, sales } from './helpers';
import { TRACKER } from './tracker';

function matchFixture(name: string) {
  return matchKeys(totalsByKey(sales(fixture(name)).report.entries), TRACKER);
}

describe('matching keys to influencers', () => {
  it('by promo code, any case; a second post of the same influencer gets nothing twice', () => {
    const result = matchFixture('shopify-orders.csv');
    expect(
      result.matched.map((row) => [row.row, row.keys, row.values.orders, row.values.revenue]),
    ).toEqual([
      [8, ['JANE10'], 2, cents(90, 45.5)],
      [9, ['TOM5'], 2, cents(120, -20, 64.99)],
    ]);
  });

  it('lists unmatched codes with their orders and revenue, and influencers without data', () => {
    const result = matchFixture('shopify-orders.csv');
    expect(result.unmatched.map((key) => [key.key, key.values.orders, key.values.revenue])).toEqual(
      [['LEAKED20', 1, 25]],
    );
    expect(result.withoutData).toEqual([
      { row: 11, handle: '@bo' },
      { row: 12, handle: '@ann' },
      { row: 13, handle: '@cat' },
    ]);
  });

  it('a code held by two influencers is a conflict, never written', () => {
    const result = matchKeys(
      [{ key: 'shared', keyKind: 'code', label: '', values: { orders: 3, revenue: 30 } }],
      TRACKER,
    );
    expect(result.matched).toEqual([]);
    expect(result.conflicts).toEqual([
      {
        key: 'shared',
        keyKind: 'code',
        rows: [12, 13],
        handles: ['@ann', '@cat'],
        values: { orders: 3, revenue: 30 },
      },
    ]);
    expect(result.withoutData.map((row) => row.row)).toEqual([8, 9, 10, 11]);
  });

  it("Attribution: by the link's aa_adgroupid, or an ad group named like the code", () => {
    const result = matchFixture('attribution-api.csv');
    expect(result.matched.map((row) => [row.row, row.keys])).toEqual([
      [8, ['AG123']],
      [9, ['ag-tom']],
    ]);
  });

  it('Attribution console: ad groups named like the handle; others unmatched', () => {
    const result = matchFixture('attribution-console.csv');
    expect(result.matched.map((row) => [row.row, row.keys])).toEqual([
      [8, ['Jane']],
      [9, ['TOM5']],
    ]);
    expect(result.unmatched.map((key) => key.key)).toEqual(['Unknown group']);
  });

  it("Associates: the link's tag= value, or a tracking ID named like the handle", () => {
    const result = matchFixture('associates.csv');
    expect(result.matched.map((row) => [row.row, row.keys, row.values])).toEqual([
      [8, ['jane-20'], { units: 1, revenue: cents(59.98, -29.99) }],
      [9, ['tomtok-20'], { units: 1, revenue: 1299 }],
    ]);
  });

  it('links: the same page however written, or the same identifying query value', () => {
    expect(linkKey('HTTPS://www.Shop.com/p/?a=1#x')).toBe(linkKey('http://shop.com/p?a=1'));
    expect(queryValues('https://x.com/?utm_content=tom%20k&tag=a+b').get('utm_content')).toBe(
      'tom k',
    );
    const result = matchKeys(
      [
        {
          key: 'https://shop.com?utm_content=tom&utm_source=x',
          keyKind: 'link',
          label: '',
          values: { orders: 1 },
        },
        {
          key: 'https://www.amazon.com/dp/B0C9999AAA/?tag=tomtok-20',
          keyKind: 'link',
          label: '',
          values: { orders: 2 },
        },
      ],
      [
        { row: 9, handle: '@tom', code: '', link: 'https://shop.com/?utm_content=tom' },
        ...TRACKER.slice(1),
      ],
    );
    expect(result.matched).toEqual([
      { row: 9, handle: '@tom', keys: expect.any(Array), values: { orders: 3 } },
    ]);
  });
});
