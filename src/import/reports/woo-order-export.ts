// WooCommerce's order export (order_id, order_number, order_date, status, ..., order_total,
// order_currency, ..., coupon_items, refund_items): one row per order; its coupons are entries
// of coupon_items ("code:jane10|amount:5.00", several joined by ";"), its refunds entries of
// refund_items with an amount each. Revenue is order_total less shipping, taxes and refunds.
import type { Mapping, ReportFamily } from '../recognize';
import { headerKey, type Table } from '../text';
import { CellReader } from '../values';
import { aggregateOrders } from './orders';

const report = {
  kind: 'wooOrderExport',
  label: 'WooCommerce order export',
  source: 'WooCommerce',
} as const;

/** The value of `name:` in each ";"-separated entry of "name:value|name:value" pairs. */
function entryValues(text: string, name: string): string[] {
  const values: string[] = [];
  for (const entry of text.split(';')) {
    for (const pair of entry.split('|')) {
      const colon = pair.indexOf(':');
      if (colon > 0 && pair.slice(0, colon).trim().toLowerCase() === name)
        values.push(pair.slice(colon + 1).trim());
    }
  }
  return values;
}

const CODES = 'Coupon codes (coupon_items)';
const NET = 'Sales before refunds (order_total less shipping and taxes)';
const REFUNDS = 'Refunds (refund_items)';

export const wooOrderExport: ReportFamily = {
  kind: 'wooOrderExport',
  label: report.label,
  aliases: {
    orderId: ['order_number', 'order_id'],
    date: ['order_date'],
    status: ['status'],
    revenue: ['order_total'],
    code: ['coupon_items'],
    refunded: ['refund_items'],
    currency: ['order_currency'],
    discount: ['discount_total'],
    customer: ['billing_email', 'customer_email'],
  },
  signature: ['orderId', 'status', 'revenue', 'code', 'refunded'],
  readsByName: ['shipping_total', 'tax_total'],
  aggregate(table, mapping, options) {
    const column = (header: string | undefined) =>
      header === undefined
        ? undefined
        : table.headers.findIndex((name) => headerKey(name) === headerKey(header));
    const at = (header: string | undefined) => {
      const index = column(header);
      return index === undefined || index < 0 ? undefined : index;
    };
    const read = new CellReader(table.headers, options);
    const total = at(mapping.revenue);
    const shipping = at('shipping_total');
    const tax = at('tax_total');
    const coupons = at(mapping.code);
    const refunds = at(mapping.refunded);
    const refundReader = new CellReader([mapping.refunded ?? 'refund_items'], options);
    const money = (text: string, row: number) => refundReader.money([text], 0, row);
    // Derived amounts are written the way the file writes its own, so they read back the same.
    const written = (amount: number) =>
      options.decimalComma ? amount.toFixed(2).replace('.', ',') : amount.toFixed(2);
    const derived: Table = {
      headers: [...table.headers, CODES, NET, REFUNDS],
      headerRow: table.headerRow,
      rows: table.rows.map(({ row, cells }) => {
        const net =
          read.money(cells, total, row) -
          read.money(cells, shipping, row) -
          read.money(cells, tax, row);
        const refunded = entryValues(read.text(cells, refunds), 'amount').reduce(
          (sum, amount) => sum + Math.abs(money(amount, row)),
          0,
        );
        return {
          row,
          cells: [
            ...cells,
            entryValues(read.text(cells, coupons), 'code').join(', '),
            written(net),
            written(refunded),
          ],
        };
      }),
    };
    const derivedMapping: Mapping = { ...mapping, code: CODES, revenue: NET, refunded: REFUNDS };
    return aggregateOrders(report, derived, derivedMapping, options);
  },
};
