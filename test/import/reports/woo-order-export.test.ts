import { describe, expect, it } from 'vitest';
import { byKey, cents, fixture, sales } from '../helpers';

describe('WooCommerce order export (coupon_items, refund_items)', () => {
  const { report, detection } = sales(fixture('woo-order-export.csv'));

  it('is recognised, with its currency', () => {
    expect(detection.kind).toBe('wooOrderExport');
    expect(detection.mapping).toMatchObject({
      orderId: 'order_number',
      code: 'coupon_items',
      revenue: 'order_total',
      refunded: 'refund_items',
      status: 'status',
      currency: 'order_currency',
    });
    expect(report.currency).toBe('EUR');
    expect(report.dateRange).toEqual({ from: '2025-03-14', to: '2025-03-17' });
  });

  it('takes every code of coupon_items; revenue is order_total less shipping, taxes and refunds', () => {
    expect(byKey(report)).toEqual({
      // 4101: 54.00 - 5.00 shipping - 4.00 tax; 4102: 32.40 - 2.40 tax (two coupons, one order
      // each); 4107: 110.00 - 10.00 tax - 15.00 - 5.00 refunded. 4104 refunded in full.
      JANE10: {
        orders: 3,
        revenue: cents(54, -5, -4, 32.4, -2.4, 110, -10, -15, -5),
        discount: cents(5, 5, 10),
      },
      // 4102 again; 4103: 91.40 - 5.00 - 6.40 - 20.00 refunded. 4105 cancelled.
      TOM5: { orders: 2, revenue: cents(32.4, -2.4, 91.4, -5, -6.4, -20), discount: cents(5, 8) },
    });
  });

  it('lists its statuses with their orders and revenue; refunded and cancelled do not count', () => {
    expect(report.statuses).toEqual([
      { value: 'completed', rows: 4, revenue: cents(45, 60, 25, 80), counts: true },
      { value: 'processing', rows: 1, revenue: 30, counts: true },
      { value: 'refunded', rows: 1, revenue: 0, counts: false },
      { value: 'cancelled', rows: 1, revenue: cents(26, -5, -2), counts: false },
    ]);
  });
});
