// WooCommerce's coupons export: per code, Orders and Amount discounted (no sales figure).
import type { ReportFamily } from '../recognize';
import { aggregateCodeSummary } from './code-summary';

const report = { kind: 'wooCoupons', label: 'WooCommerce coupons', source: 'WooCommerce' } as const;

export const wooCoupons: ReportFamily = {
  kind: 'wooCoupons',
  label: report.label,
  aliases: {
    code: ['Coupon code', 'Coupon'],
    orders: ['Orders'],
    discount: ['Amount discounted'],
  },
  signature: ['code', 'orders', 'discount'],
  aggregate: (table, mapping, options) => aggregateCodeSummary(report, table, mapping, options),
};
