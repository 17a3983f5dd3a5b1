// Money done right in a tracker built by the bundle in the Sheets emulator: rows paid and sold
// in USD, EUR and GBP plus one in CAD whose rate was never typed, commission, a customer
// discount, a row margin, a net-of-refund revenue and two leaked codes. Every figure is
// computed again here from the rows alone and compared with what the sheet's formulas show.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { errorOf, TRACKER_FORM } from '../harness/fixtures';

const NAME = 'Spring launch';
const RATES: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.25 };
const MARGIN = 0.6;

interface Row {
  handle: string;
  fee: number;
  product: number;
  clicks: number;
  orders: number;
  revenue: number;
  currency?: string;
  sales?: string;
  discount?: number;
  commission?: number;
  agency?: number;
  margin?: number;
}

const ROWS: Row[] = [
  // $1,300 sold, $50 refunded: revenue is net of the refund.
  {
    handle: '@Jane.Doe',
    fee: 300,
    product: 50,
    clicks: 620,
    orders: 31,
    revenue: 1300 - 50,
    discount: 125,
    commission: 0.1,
  },
  {
    handle: '@tom_bakes',
    fee: 150,
    product: 25,
    clicks: 300,
    orders: 12,
    revenue: 420,
    discount: 42,
  },
  // More orders than clicks: the code is on a coupon site.
  { handle: '@leo.unboxes', fee: 200, product: 0, clicks: 60, orders: 85, revenue: 3400 },
  {
    handle: 'mia.makes',
    fee: 250,
    product: 30,
    clicks: 400,
    orders: 20,
    revenue: 900,
    currency: 'EUR',
    discount: 60,
    commission: 0.05,
    agency: 50,
    margin: 0.5,
  },
  {
    handle: '@kim',
    fee: 100,
    product: 0,
    clicks: 200,
    orders: 10,
    revenue: 500,
    currency: 'gbp',
    sales: 'EUR',
    discount: 20,
  },
  {
    handle: '@maple',
    fee: 100,
    product: 10,
    clicks: 100,
    orders: 5,
    revenue: 300,
    currency: 'CAD',
  },
  // 40 orders from 100 clicks: over 3x the rate of the other rows with 100 clicks and 5 orders.
  { handle: '@zoe', fee: 120, product: 0, clicks: 100, orders: 40, revenue: 1100 },
];

const cents = (value: unknown) => Math.round((value as number) * 100);

function rateOf(currency: string | undefined): number | undefined {
  return RATES[(currency || 'USD').toUpperCase()];
}

/** The row's money in dollars, or undefined when one of its currencies has no rate. */
function expected(row: Row) {
  const paid = rateOf(row.currency);
  const sold = rateOf(row.sales || row.currency);
  if (paid === undefined || sold === undefined) return undefined;
  const cost =
    (row.fee + row.product + (row.agency ?? 0)) * paid +
    ((row.discount ?? 0) + (row.commission ?? 0) * row.revenue) * sold;
  const revenue = row.revenue * sold;
  const margin = row.margin ?? MARGIN;
  return { cost, revenue, profitRoi: (revenue * margin - cost) / cost, margin };
}

function tracker() {
  const emulator = createEmulator();
  const script = emulator.load();
  script.call('createTracker', TRACKER_FORM);
  emulator.type('Rates', 'A2', [
    ['EUR', 1.08, '2025-09-01'],
    ['GBP', 1.25, '2025-09-01'],
    ['CAD', '', ''],
  ]);
  emulator.type(NAME, 'G3', [[MARGIN]]);
  emulator.type(
    NAME,
    'A8',
    ROWS.map((r) => [
      r.handle,
      'Instagram',
      10000,
      '2025-03-03',
      '',
      '',
      '',
      r.fee,
      r.product,
      '',
      '',
      '',
      '',
      '',
      r.clicks,
      r.orders,
      r.revenue,
    ]),
  );
  emulator.type(
    NAME,
    'AH8',
    ROWS.map((r) => [
      r.currency ?? '',
      r.sales ?? '',
      r.discount ?? '',
      r.commission ?? '',
      r.agency ?? '',
      r.margin ?? '',
    ]),
  );
  const sheet = emulator.sheet(NAME);
  const totals = () => {
    const [labels, values] = sheet.values('A4:Q5');
    return Object.fromEntries(labels.map((label, i) => [label, values[i]]));
  };
  return { emulator, script, sheet, totals };
}

describe('money in the tracker', () => {
  it('creates a Rates sheet the team fills, refusing a rate of 0 or less', () => {
    const { emulator } = tracker();
    const rates = emulator.sheet('Rates');
    expect(rates.values('A1:C1')[0]).toEqual(['Currency', 'Rate to reporting currency', 'Date']);
    expect(errorOf(() => emulator.type('Rates', 'B5', [[0]]))).toMatch(
      /A rate is a number above 0/,
    );
    expect(errorOf(() => emulator.type('Rates', 'B5', [[-1.2]]))).toMatch(/above 0/);
  });

  it('converts each row at its own rates: full cost, revenue and profit ROI in dollars, to the cent', () => {
    const { emulator, sheet } = tracker();
    const shown = sheet.values(`AP8:AT${7 + ROWS.length}`);
    ROWS.forEach((row, i) => {
      const want = expected(row);
      const [rate, salesRate, cost, revenue, profitRoi] = shown[i];
      if (!want) {
        expect([rate, cost, revenue, profitRoi], row.handle).toEqual([
          'No rate',
          'No rate',
          'No rate',
          'No rate',
        ]);
        return;
      }
      expect(rate, row.handle).toBe(rateOf(row.currency));
      expect(salesRate, row.handle).toBe(rateOf(row.sales || row.currency));
      expect(cents(cost), row.handle).toBe(cents(want.cost));
      expect(cents(revenue), row.handle).toBe(cents(want.revenue));
      expect(profitRoi as number, row.handle).toBeCloseTo(want.profitRoi, 9);
    });
    // The domain brief's ROI stays as it is: (revenue - total cost) / total cost, in the row's currency.
    expect(sheet.values('Z8')[0][0]).toBeCloseTo((1250 - 350) / 350, 9);
    expect(emulator.unsupportedFunctions).toEqual([]);
  });

  it('totals convert through the rate table, leave out the row with no rate and say so', () => {
    const { totals } = tracker();
    const valued = ROWS.map(expected).filter((v) => v !== undefined);
    const cost = valued.reduce((sum, v) => sum + v.cost, 0);
    const revenue = valued.reduce((sum, v) => sum + v.revenue, 0);
    const profit = valued.reduce((sum, v) => sum + v.revenue * v.margin - v.cost, 0);
    const t = totals();
    expect(cents(t['Full cost (reporting)'])).toBe(cents(cost));
    expect(cents(t['Revenue (reporting)'])).toBe(cents(revenue));
    expect(t['Profit ROI'] as number).toBeCloseTo(profit / cost, 9);
    expect(t['Left out']).toBe('1 row left out: no rate');
  });

  it('never adds two currencies: Spend and Revenue count only rows wholly in dollars', () => {
    const { totals } = tracker();
    const dollars = ROWS.filter((r) => !r.currency && !r.sales);
    const t = totals();
    expect(t.Spend).toBe(dollars.reduce((sum, r) => sum + r.fee + r.product, 0));
    expect(t.Revenue).toBe(dollars.reduce((sum, r) => sum + r.revenue, 0));
    const raw = ROWS.reduce((sum, r) => sum + r.fee + r.product, 0);
    expect(t.Spend).not.toBe(raw);
  });

  it('flags possible code leaks with the reason, against the other rows with 100 clicks and 5 orders', () => {
    const { sheet, totals } = tracker();
    const orders = ROWS.reduce((sum, r) => sum + r.orders, 0);
    const clicks = ROWS.reduce((sum, r) => sum + r.clicks, 0);
    expect(totals()['Conversion rate'] as number).toBeCloseTo(orders / clicks, 12);
    const leaks = sheet.values(`AU8:AU${7 + ROWS.length}`).map((row) => row[0]);
    expect(Object.fromEntries(ROWS.map((r, i) => [r.handle, leaks[i]]))).toEqual({
      '@Jane.Doe': '',
      '@tom_bakes': '',
      '@leo.unboxes': 'More orders than clicks.',
      'mia.makes': '',
      '@kim': '',
      '@maple': '',
      '@zoe': "Conversion over 3x the other rows'.",
    });
  });

  it('typing the missing rate brings the row back into the totals', () => {
    const { emulator, totals } = tracker();
    emulator.type('Rates', 'B4', [[0.74]]);
    const t = totals();
    expect(t['Left out']).toBe('');
    const maple = (100 + 10) * 0.74;
    const valued = ROWS.map(expected).filter((v) => v !== undefined);
    const cost = valued.reduce((sum, v) => sum + v.cost, 0) + maple;
    expect(cents(t['Full cost (reporting)'])).toBe(cents(cost));
  });
});
