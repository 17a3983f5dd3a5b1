import { describe, expect, it } from 'vitest';
import { byKey, fixture, sales } from '../helpers';

describe('reports summed per code, without dates', () => {
  it('Shopify sales by discount: orders and net sales per code, total row dropped', () => {
    const { report, detection } = sales(fixture('shopify-sales-by-discount.csv'));
    expect(detection.kind).toBe('shopifySalesByDiscount');
    expect(detection.mapping).toMatchObject({ code: 'Discount name', revenue: 'Net sales' });
    expect(report.rows).toBe(2);
    expect(byKey(report)).toEqual({
      JANE10: { orders: 1514, revenue: 17850, discount: 2000 },
      TOM5: { orders: 12, revenue: 570, discount: 30 },
    });
    expect(report.coverage).toEqual({ by: 'snapshot' });
    expect(report.dateRange).toBeNull();
  });

  it('WooCommerce coupons: orders and amount discounted, no revenue', () => {
    const { report, detection } = sales(fixture('woo-coupons.csv'));
    expect(detection.kind).toBe('wooCoupons');
    expect(report.measures).toEqual(['orders', 'discount']);
    expect(byKey(report)).toEqual({
      JANE10: { orders: 1204, discount: 2408 },
      TOM5: { orders: 7, discount: 35 },
    });
  });
});
