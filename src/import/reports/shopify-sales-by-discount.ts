// Shopify's "Sales by discount" report: per code, Orders and Net sales (gross sales less
// discounts and returns, without shipping and taxes).
import type { ReportFamily } from '../recognize';
import { aggregateCodeSummary } from './code-summary';

const report = {
  kind: 'shopifySalesByDiscount',
  label: 'Shopify sales by discount',
  source: 'Shopify',
} as const;

export const shopifySalesByDiscount: ReportFamily = {
  kind: 'shopifySalesByDiscount',
  label: report.label,
  aliases: {
    code: ['Discount code', 'Discount name', 'Discount'],
    orders: ['Orders'],
    revenue: ['Net sales'],
    discount: ['Discounts'],
  },
  signature: ['code', 'orders', 'revenue'],
  aggregate: (table, mapping, options) => aggregateCodeSummary(report, table, mapping, options),
};
