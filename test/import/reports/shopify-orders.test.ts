import { describe, expect, it } from 'vitest';
import { byKey, cents, fixture, sales } from '../helpers';

describe('Shopify orders export', () => {
  const { report, detection } = sales(fixture('shopify-orders.csv'));

  it('is recognised, with the columns it uses', () => {
    expect(detection.kind).toBe('shopifyOrders');
    // Every known column (10 of 11) but "Cancelled at", which this export lacks.
    expect(detection.confidence).toBe(0.91);
    expect(detection.mapping).toMatchObject({
      code: 'Discount Code',
      orderId: 'Name',
      revenue: 'Subtotal',
      refunded: 'Refunded Amount',
      status: 'Financial Status',
      date: 'Created at',
      units: 'Lineitem quantity',
    });
    expect(report.currency).toBe('USD');
    expect(report.dateRange).toEqual({ from: '2025-03-14', to: '2025-03-17' });
  });

  it('counts each order once, revenue = Subtotal less refunds, without refunded or voided orders', () => {
    expect(byKey(report)).toEqual({
      // #1001 (two line items, 1 + 1 units, $10 discount) and #1002 (code in lower case);
      // #1003 is refunded and does not count.
      JANE10: {
        orders: 2,
        revenue: cents(90.0, 45.5),
        units: 1 + 1 + 1,
        discount: cents(10, 5.05),
      },
      // #1005 partially refunded (120.00 - 20.00, units 2 + 1) and #1008 pending; #1004 voided.
      TOM5: {
        orders: 2,
        revenue: cents(120.0, -20.0, 64.99),
        units: 2 + 1 + 1,
        discount: cents(6.32, 3.42),
      },
      LEAKED20: { orders: 1, revenue: 25.0, units: 1, discount: 6.25 },
    });
  });

  it('keeps one entry per order, dated by Created at', () => {
    const jane = report.entries.filter((entry) => entry.key.toUpperCase() === 'JANE10');
    expect(jane.map((entry) => [entry.orderId, entry.date])).toEqual([
      ['#1001', '2025-03-14'],
      ['#1002', '2025-03-15'],
    ]);
  });

  it('covers every order in the file, refunded ones too, so a re-import replaces them', () => {
    expect(report.coverage).toMatchObject({ by: 'orders', from: '2025-03-14', to: '2025-03-17' });
    if (report.coverage.by !== 'orders') throw new Error('orders coverage expected');
    const orders = report.coverage.orders;
    expect(orders.map((order) => [order.id, order.date])).toEqual([
      ['#1001', '2025-03-14'],
      ['#1002', '2025-03-15'],
      ['#1003', '2025-03-15'],
      ['#1004', '2025-03-16'],
      ['#1005', '2025-03-16'],
      ['#1006', '2025-03-16'],
      ['#1007', '2025-03-17'],
      ['#1008', '2025-03-17'],
    ]);
    // A fingerprint of subtotal and customer: the same order in any export, another one differs.
    const again = sales(fixture('shopify-orders.csv').replace(',paid,', ',refunded,')).report;
    if (again.coverage.by !== 'orders') throw new Error('orders coverage expected');
    expect(again.coverage.orders.map((order) => order.print)).toEqual(orders.map((o) => o.print));
    expect(new Set(orders.map((order) => order.print)).size).toBe(orders.length);
  });

  it('a cancelled order does not count even when paid', () => {
    const text =
      'Name,Financial Status,Subtotal,Discount Code,Created at,Cancelled at\n' +
      '#1,paid,10.00,JANE10,2025-03-14,2025-03-15\n#2,paid,20.00,JANE10,2025-03-14,\n';
    expect(byKey(sales(text).report)).toEqual({ JANE10: { orders: 1, revenue: 20 } });
  });

  it('warns of refunds over the subtotal only for orders that count', () => {
    // #1004 is refunded in full (48.20 with shipping and taxes, over its 40.00 subtotal): it is
    // left out anyway, so no warning.
    const storeA = sales(fixture('store-a-orders.csv')).report;
    expect(storeA.warnings).toEqual([]);
    // #1006 is partially refunded, 70.00 with shipping over its 60.00 subtotal: it counts, at 0.
    const over = fixture('store-a-orders.csv').replace(
      'TOM5,3.16,Free,2025-03-12 15:20:00 -0400,2,Glow Serum,31.58,10.00',
      'TOM5,3.16,Free,2025-03-12 15:20:00 -0400,2,Glow Serum,31.58,70.00',
    );
    const report = sales(over).report;
    expect(report.warnings).toEqual([
      '1 order(s) refunded more than their subtotal (shipping or taxes refunded too): their ' +
        'revenue counts as 0.',
    ]);
    expect(byKey(report).TOM5).toEqual({
      orders: 2,
      revenue: 20,
      units: 1 + 2,
      discount: cents(1.05, 3.16),
    });
  });
});
