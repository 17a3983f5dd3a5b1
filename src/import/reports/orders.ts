// Orders exports (Shopify, WooCommerce): rows grouped by order, the order's own fields read on
// its first row (Shopify writes them there only, one row per line item). Revenue is the
// merchandise value after discounts, without shipping and taxes, less refunds; refunded, voided
// and cancelled orders don't count; an order counts once for each code it carries.
import {
  type AggregateOptions,
  CurrencySeen,
  columnsOf,
  DateSpan,
  EntryGroups,
  type Mapping,
  type Measure,
  type SalesReport,
  StatusTally,
  settleDateOrder,
  splitCodes,
  type Values,
} from '../recognize';
import type { Table } from '../text';
import { CellReader, roundCents } from '../values';

interface Order {
  id: string;
  /** Fingerprint of the order's subtotal and customer: another store's #1001 differs. */
  print: string;
  codes: string[];
  date: string;
  counts: boolean;
  revenue: number;
  discount: number;
  units: number;
  newCustomers: number;
}

export interface OrdersReportKind {
  kind: 'shopifyOrders' | 'wooOrders' | 'wooOrderExport';
  label: string;
  source: string;
}

/** "new" / "returning" (WooCommerce's Customer type), or a count. */
function newCustomers(read: CellReader, cells: string[], column: number | undefined, row: number) {
  const text = read.text(cells, column).toLowerCase();
  if (text === 'new' || text === 'new customer') return 1;
  if (text === 'returning' || text === 'returning customer') return 0;
  return read.count(cells, column, row);
}

/** FNV-1a of the text, in base 36: short, and the same for the same order in any export. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** Orders exports, one row per order or per line item (the order's fields on its first row). */
export function aggregateOrders(
  report: OrdersReportKind,
  table: Table,
  mapping: Mapping,
  options: AggregateOptions,
): SalesReport {
  const columns = columnsOf(table, mapping);
  const read = new CellReader(table.headers, {
    ...options,
    dateOrder: settleDateOrder(table, columns.date, options.dateOrder),
  });
  const orders = new Map<string, Order>();
  const currencies = new CurrencySeen();
  const statuses = new StatusTally(options.statuses);
  let refundsOverSubtotal = 0;
  for (const { row, cells } of table.rows) {
    // Without an order column, every row is an order of its own.
    const id = columns.orderId === undefined ? `row ${row}` : read.text(cells, columns.orderId);
    if (!id) continue;
    const units = columns.units === undefined ? 0 : read.count(cells, columns.units, row);
    const existing = orders.get(id);
    if (existing) {
      existing.units += units;
      continue;
    }
    const status = read.text(cells, columns.status);
    const cancelled = read.text(cells, columns.cancelled) !== '';
    const subtotal = read.money(cells, columns.revenue, row);
    const refunded = read.money(cells, columns.refunded, row);
    const revenue = Math.max(0, roundCents(subtotal - Math.abs(refunded)));
    const counts = statuses.counts(status, revenue) && !cancelled;
    // Only orders that count: a refunded or cancelled order is left out anyway.
    if (counts && refunded > subtotal) refundsOverSubtotal++;
    currencies.add(read.text(cells, columns.currency));
    orders.set(id, {
      id,
      print: fingerprint(
        `${subtotal.toFixed(2)}|${read.text(cells, columns.customer).toLowerCase()}`,
      ),
      codes: splitCodes(read.text(cells, columns.code)),
      date: read.date(cells, columns.date, row),
      counts,
      revenue,
      discount: Math.abs(read.money(cells, columns.discount, row)),
      units,
      newCustomers: newCustomers(read, cells, columns.newCustomers, row),
    });
  }
  const measures: Measure[] = ['orders', 'revenue'];
  if (columns.units !== undefined) measures.push('units');
  if (columns.discount !== undefined) measures.push('discount');
  if (columns.newCustomers !== undefined) measures.push('newCustomers');
  const groups = new EntryGroups();
  const span = new DateSpan();
  for (const order of orders.values()) {
    span.add(order.date);
    if (!order.counts) continue;
    const values: Values = { orders: 1, revenue: order.revenue };
    if (columns.units !== undefined) values.units = order.units;
    if (columns.discount !== undefined) values.discount = order.discount;
    if (columns.newCustomers !== undefined) values.newCustomers = order.newCustomers;
    for (const code of order.codes)
      groups.add(
        { key: code, keyKind: 'code', label: '', date: order.date, orderId: order.id },
        values,
      );
  }
  const warnings = currencies.warnings();
  if (refundsOverSubtotal > 0)
    warnings.push(
      `${refundsOverSubtotal} order(s) refunded more than their subtotal (shipping or taxes ` +
        'refunded too): their revenue counts as 0.',
    );
  return {
    target: 'tracker',
    kind: report.kind,
    label: report.label,
    source: options.source ?? report.source,
    keyKind: 'code',
    measures,
    coverage: {
      by: 'orders',
      from: span.from,
      to: span.to,
      orders: [...orders.values()].map(({ id, date, print }) => ({ id, date, print })),
    },
    entries: groups.entries,
    statuses: statuses.figures,
    rows: table.rows.length,
    dateRange: span.range,
    currency: currencies.currency,
    warnings,
  };
}
