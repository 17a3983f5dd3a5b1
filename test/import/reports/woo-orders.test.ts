import { describe, expect, it } from 'vitest';
import { byKey, fixture, sales } from '../helpers';

describe('WooCommerce orders', () => {
  const { report, detection } = sales(fixture('woo-orders.csv'));

  it('is recognised despite empty trailing columns', () => {
    expect(detection.kind).toBe('wooOrders');
    expect(detection.table.headers).toHaveLength(11);
    expect(detection.mapping).toMatchObject({
      code: 'Coupon(s)',
      revenue: 'Net Sales',
      orderId: 'Order #',
    });
  });

  it('splits joined coupons, drops refunded and cancelled orders, counts new customers', () => {
    expect(byKey(report)).toEqual({
      // Order 2001 (new customer, 2 items); 2002 is refunded.
      JANE10: { orders: 1, revenue: 50, units: 2, newCustomers: 1 },
      WELCOME5: { orders: 1, revenue: 50, units: 2, newCustomers: 1 },
      // Order 2003 (returning, 3 items); 2004 is cancelled.
      TOM5: { orders: 1, revenue: 61.5, units: 3, newCustomers: 0 },
      '=1+2': { orders: 1, revenue: 12, units: 1, newCustomers: 1 },
    });
  });

  it('keeps a formula-looking code as the text it is', () => {
    const entry = report.entries.find((candidate) => candidate.orderId === '2005');
    expect(entry?.key).toBe('=1+2');
    expect(typeof entry?.key).toBe('string');
  });
});
