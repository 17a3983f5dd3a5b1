import { describe, expect, it } from 'vitest';
import { byKey, cents, read, sales } from '../helpers';

describe('any other CSV, mapped by the user', () => {
  it('Indian grouping in quoted rupees, columns the user chose', () => {
    const text =
      'Referral,Orders,Sales (INR),Day\n' +
      'JANE10,3,"₹1,08,218.36",2025-03-14\nJANE10,1,"₹1,781.64",2025-03-15\n';
    const mapping = { code: 'Referral', orders: 'Orders', revenue: 'Sales (INR)', date: 'Day' };
    const { report, detection } = sales(text, { mapping });
    expect(detection.kind).toBe('generic');
    expect(detection.mapping).toMatchObject(mapping);
    expect(byKey(report)).toEqual({
      JANE10: { orders: 3 + 1, revenue: cents(108218.36, 1781.64) },
    });
  });

  it('";" with decimal commas; one row is one order when there is no orders column', () => {
    const text =
      'Gutscheincode;Umsatz;Datum\nJANE10;1.234,50;14.03.2025\nJANE10;65,50;15.03.2025\n';
    const { report } = sales(text, {
      mapping: { code: 'Gutscheincode', revenue: 'Umsatz', date: 'Datum' },
    });
    expect(byKey(report)).toEqual({ JANE10: { orders: 2, revenue: cents(1234.5, 65.5) } });
  });

  it('recognises common code and revenue names without help', () => {
    const { report, detection } = sales(
      'Promo code,Revenue,Status\nJANE10,$12.00,paid\nJANE10,$8.00,refunded\n',
    );
    expect(detection.mapping).toMatchObject({
      code: 'Promo code',
      revenue: 'Revenue',
      status: 'Status',
    });
    expect(detection.confidence).toBeLessThanOrEqual(0.5);
    expect(byKey(report)).toEqual({ JANE10: { orders: 1, revenue: 12 } });
  });

  it('a date with sales and no key, mapped by the user, is daily sales', () => {
    const { report } = read('Day,Sales\n2025-03-14,$10.00\n2025-03-14,$5.00\n', {
      mapping: { date: 'Day', revenue: 'Sales' },
    });
    expect(report.target === 'dailySales' && report.days).toEqual([
      { date: '2025-03-14', units: 0, sales: 15 },
    ]);
  });
});
