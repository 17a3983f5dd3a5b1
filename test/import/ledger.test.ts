import { describe, expect, it } from 'vitest';
import {
  fromLedgerRows,
  influencerTotals,
  LEDGER_HEADERS,
  type LedgerEntry,
  recordImport,
  toLedgerRows,
} from '../../src/import/ledger';
import { dayIn } from '../harness/zones';
import { cents, fixture, sales } from './helpers';
import { TRACKER } from './tracker';

const ATTRIBUTION_HEADER =
  'date,ad_group_id,click_throughs,attributed_purchases_14_d,attributed_sales_14_d\n';
const MARCH_14_15 = `${ATTRIBUTION_HEADER}20250314,AG123,100,2,40.00\n20250315,AG123,50,1,20.00\n`;
const MARCH_15_16_RESTATED = `${ATTRIBUTION_HEADER}20250315,AG123,55,2,45.00\n20250316,AG123,10,1,9.99\n`;
const MARCH_17_18 = `${ATTRIBUTION_HEADER}20250317,AG123,5,1,15.00\n20250318,AG123,5,0,0\n`;

function record(ledger: LedgerEntry[], text: string, at = '2025-03-20 10:00') {
  return recordImport(ledger, sales(text).report, at);
}

function jane(ledger: LedgerEntry[]) {
  return influencerTotals(ledger, TRACKER).totals.find((row) => row.row === 8);
}

describe('the ledger: restated and successive imports', () => {
  it('importing the same report twice gives the same ledger', () => {
    const once = record([], fixture('shopify-orders.csv')).ledger;
    const twice = record(once, fixture('shopify-orders.csv'));
    expect(twice.ledger).toEqual(once);
    expect(twice.replaced).toBe(once.length);
  });

  it('a report restating days already imported replaces those days only', () => {
    const first = record([], MARCH_14_15).ledger;
    const second = record(first, MARCH_15_16_RESTATED, '2025-03-21 09:00');
    expect(second.replaced).toBe(1);
    // March 14 kept (40.00), March 15 restated (45.00 replaces 20.00), March 16 new (9.99).
    expect(jane(second.ledger)?.total).toEqual({
      clicks: 100 + 55 + 10,
      orders: 2 + 2 + 1,
      revenue: cents(40, 45, 9.99),
    });
  });

  it('successive periods add up', () => {
    const ledger = record(record([], MARCH_14_15).ledger, MARCH_17_18).ledger;
    expect(jane(ledger)?.total).toEqual({
      clicks: 100 + 50 + 5 + 5,
      orders: 2 + 1 + 1,
      revenue: cents(40, 20, 15),
    });
  });

  it('an order re-exported after a refund stops counting', () => {
    const before = record([], fixture('shopify-orders.csv')).ledger;
    const refunded = fixture('shopify-orders.csv').replace(
      '#1002,bob@example.com,paid',
      '#1002,bob@example.com,refunded',
    );
    const after = record(before, refunded).ledger;
    expect(jane(after)?.total).toMatchObject({ orders: 1, revenue: 90 });
  });

  it('a report without dates replaces the earlier import of its kind', () => {
    const first = record([], fixture('shopify-sales-by-discount.csv')).ledger;
    const later = 'Discount name,Orders,Net sales\nJANE10,1600,"$18,900.00"\n';
    const ledger = record(first, later).ledger;
    expect(jane(ledger)?.total).toEqual({ orders: 1600, revenue: 18900 });
    expect(influencerTotals(ledger, TRACKER).totals.map((row) => row.row)).toEqual([8]);
  });

  it('a dated import of the same source replaces a dateless one, and says so', () => {
    const first = record([], fixture('shopify-sales-by-discount.csv')).ledger;
    const result = record(first, fixture('shopify-orders.csv'));
    expect(result.warnings).toEqual([
      'Replaces the earlier Shopify sales by discount import of Shopify: one of the two reports ' +
        'has no dates, so they would count the same sales twice.',
    ]);
    expect(jane(result.ledger)?.total.orders).toBe(2);
  });

  it('two sources for one influencer are kept apart, and summed in the total', () => {
    let ledger = record([], fixture('shopify-orders.csv'), '2025-03-20 10:00').ledger;
    ledger = record(ledger, MARCH_14_15, '2025-03-21 09:30').ledger;
    ledger = record(ledger, fixture('shopify-orders.csv'), '2025-03-20 10:00').ledger;
    const totals = jane(ledger);
    expect(totals?.bySource).toEqual([
      { source: 'Amazon Attribution', values: { clicks: 150, orders: 3, revenue: 60 } },
      {
        source: 'Shopify',
        values: { orders: 2, revenue: cents(90, 45.5), units: 3, discount: cents(10, 5.05) },
      },
    ]);
    expect(totals?.total).toEqual({
      clicks: 150,
      orders: 3 + 2,
      revenue: cents(60, 90, 45.5),
      units: 3,
      discount: cents(10, 5.05),
    });
    expect(totals?.lastImport).toBe('Amazon Attribution, 2025-03-21 09:30');
  });

  it('round-trips through plain sheet rows, formula-looking keys kept as text', () => {
    const ledger = record([], fixture('woo-orders.csv')).ledger;
    const rows = toLedgerRows(ledger);
    expect(rows[0]).toEqual(LEDGER_HEADERS);
    expect(rows.flat().every((cell) => typeof cell === 'string' || typeof cell === 'number')).toBe(
      true,
    );
    expect(rows.some((row) => row[4] === '=1+2')).toBe(true);
    expect(fromLedgerRows(rows, dayIn('UTC'))).toEqual(ledger);
  });

  it('refuses a ledger sheet whose columns were changed', () => {
    const rows = toLedgerRows(record([], MARCH_14_15).ledger);
    rows[0][4] = 'Code';
    expect(() => fromLedgerRows(rows, dayIn('UTC'))).toThrow(
      'The hidden "Import ledger" sheet was changed (column 5 isn\'t "Key"), so earlier imports ' +
        "can't be restated safely. Undo the change, or delete the sheet and import the reports again.",
    );
  });
});
