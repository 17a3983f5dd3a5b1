import { describe, expect, it } from 'vitest';
import { byKey, cents, fixture, sales } from '../helpers';

describe('Amazon Attribution', () => {
  it('reads the API / connector names in snake_case, float noise rounded to the cent', () => {
    const { report, detection } = sales(fixture('attribution-api.csv'));
    expect(detection.kind).toBe('amazonAttribution');
    expect(detection.mapping).toMatchObject({
      tag: 'ad_group_id',
      name: 'ad_group_name',
      clicks: 'click_throughs',
      revenue: 'attributed_sales_14_d',
      haloRevenue: 'total_attributed_sales_14_d',
    });
    expect(detection.mapping.bonus).toBeUndefined();
    expect(report.keyKind).toBe('adGroup');
    expect(report.measures).not.toContain('bonus');
    expect(byKey(report)).toEqual({
      AG123: {
        clicks: 1514 + 210,
        orders: 4 + 1,
        units: 4 + 1,
        revenue: cents(191.96, 63.99),
        haloOrders: 5 + 1,
        haloRevenue: cents(239.95, 63.99),
      },
      'AG-TOM': { clicks: 9, orders: 0, units: 0, revenue: 0, haloOrders: 0, haloRevenue: 0 },
    });
    expect(report.entries[0]).toMatchObject({
      key: 'AG123',
      label: 'Spring jane',
      date: '2025-03-14',
    });
    expect(report.coverage).toEqual({ by: 'dates', from: '2025-03-14', to: '2025-03-15' });
  });

  it('reads console labels, ";" with decimal commas, and the Brand Referral Bonus', () => {
    const { report, detection } = sales(fixture('attribution-console.csv'));
    expect(detection.kind).toBe('amazonAttribution');
    expect(detection.mapping).toMatchObject({
      name: 'Ad group',
      revenue: 'Product sales',
      haloRevenue: 'Total product sales',
      bonus: 'Brand Referral Bonus',
    });
    expect(report.dateRange).toEqual({ from: '2025-03-14', to: '2025-03-15' });
    expect(byKey(report).JANE).toEqual({
      clicks: 120 + 80,
      orders: 3 + 2,
      units: 3 + 2,
      revenue: cents(89.97, 1059.9),
      haloOrders: 4 + 2,
      haloRevenue: cents(119.96, 1059.9),
      bonus: cents(9.0, 105.99),
    });
    expect(byKey(report).TOM5).toMatchObject({ orders: 0, revenue: 0, haloRevenue: 29.99 });
  });

  it('by creative when the report has creatives', () => {
    const text =
      'date,adGroupId,creativeId,Click-throughs,attributedPurchases14d,attributedSales14d\n' +
      '20250314,AG1,CR9,10,1,"$25.00"\n20250314,AG1,CR8,5,0,0\n';
    const { report } = sales(text);
    expect(report.keyKind).toBe('creative');
    expect(byKey(report).CR9).toEqual({ clicks: 10, orders: 1, revenue: 25 });
  });
});
