// WooCommerce's orders export (Analytics > Orders): one row per order, coupons joined by ", ",
// Net Sales after discounts without shipping and taxes; Customer type "new" counts a new customer.
import type { ReportFamily } from '../recognize';
import { aggregateOrders } from './orders';

const report = { kind: 'wooOrders', label: 'WooCommerce orders', source: 'WooCommerce' } as const;

export const wooOrders: ReportFamily = {
  kind: 'wooOrders',
  label: 'WooCommerce orders',
  aliases: {
    orderId: ['Order #', 'Order', 'Order ID'],
    status: ['Status'],
    revenue: ['Net Sales'],
    code: ['Coupon(s)', 'Coupons'],
    date: ['Date', 'Date created'],
    units: ['Items sold'],
    newCustomers: ['Customer type'],
    customer: ['Customer', 'Email', 'Billing email'],
  },
  signature: ['orderId', 'status', 'revenue', 'code'],
  aggregate: (table, mapping, options) => aggregateOrders(report, table, mapping, options),
};
