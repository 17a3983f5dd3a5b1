// Shopify's orders export: one row per line item, grouped by order Name; revenue is Subtotal
// less Refunded Amount; the order's date is Created at (Paid at in older exports).
import type { ReportFamily } from '../recognize';
import { aggregateOrders } from './orders';

const report = { kind: 'shopifyOrders', label: 'Shopify orders', source: 'Shopify' } as const;

export const shopifyOrders: ReportFamily = {
  kind: 'shopifyOrders',
  label: 'Shopify orders',
  aliases: {
    orderId: ['Name'],
    status: ['Financial Status'],
    revenue: ['Subtotal'],
    code: ['Discount Code'],
    discount: ['Discount Amount'],
    refunded: ['Refunded Amount'],
    date: ['Created at', 'Paid at'],
    units: ['Lineitem quantity'],
    currency: ['Currency'],
    cancelled: ['Cancelled at'],
    customer: ['Email'],
  },
  signature: ['orderId', 'status', 'revenue', 'code'],
  aggregate: (table, mapping, options) => aggregateOrders(report, table, mapping, options),
};
