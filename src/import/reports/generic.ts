// Any other CSV: the user says which column holds the code, tag or link, and which hold orders,
// revenue, date and so on. Each row is a sale line: it counts as one order unless an orders
// column says otherwise. Without a key column, a date with units or sales makes it daily sales.
import {
  type AggregateOptions,
  CurrencySeen,
  columnsOf,
  type DailySalesReport,
  DateSpan,
  datesCoverage,
  EntryGroups,
  type KeyKind,
  type Mapping,
  type Measure,
  type Report,
  type ReportFamily,
  type SalesReport,
  StatusTally,
  settleDateOrder,
  sumDailySales,
  type Values,
} from '../recognize';
import type { Table } from '../text';
import { CellReader, roundCents } from '../values';

function dailySales(
  table: Table,
  columns: ReturnType<typeof columnsOf>,
  read: CellReader,
  options: AggregateOptions,
): DailySalesReport {
  return sumDailySales(table, columns, read, {
    kind: 'generic',
    label: 'Daily sales (CSV)',
    source: options.source ?? 'CSV',
  });
}

function aggregate(table: Table, mapping: Mapping, options: AggregateOptions): Report {
  const columns = columnsOf(table, mapping);
  const read = new CellReader(table.headers, {
    ...options,
    dateOrder: settleDateOrder(table, columns.date, options.dateOrder),
  });
  const keyField = (['code', 'tag', 'link'] as const).find((field) => columns[field] !== undefined);
  if (!keyField) return dailySales(table, columns, read, options);
  const keyKind: KeyKind = keyField;
  const measures: Measure[] = ['orders'];
  if (columns.revenue !== undefined) measures.push('revenue');
  const counts: [Measure, number | undefined][] = (
    [
      ['units', columns.units],
      ['clicks', columns.clicks],
      ['newCustomers', columns.newCustomers],
    ] as [Measure, number | undefined][]
  ).filter(([, column]) => column !== undefined);
  for (const [measure] of counts) measures.push(measure);
  const groups = new EntryGroups();
  const span = new DateSpan();
  const currencies = new CurrencySeen();
  const statuses = new StatusTally(options.statuses);
  for (const { row, cells } of table.rows) {
    const key = read.text(cells, columns[keyField]);
    const date = read.date(cells, columns.date, row);
    span.add(date);
    if (!key) continue;
    const revenue =
      columns.revenue === undefined
        ? 0
        : roundCents(
            read.money(cells, columns.revenue, row) -
              Math.abs(read.money(cells, columns.refunded, row)),
          );
    if (!statuses.counts(read.text(cells, columns.status), revenue)) continue;
    currencies.add(read.text(cells, columns.currency));
    const values: Values = {
      orders: columns.orders === undefined ? 1 : read.count(cells, columns.orders, row),
    };
    if (columns.revenue !== undefined) values.revenue = revenue;
    for (const [measure, column] of counts) values[measure] = read.count(cells, column, row);
    groups.add({ key, keyKind, label: '', date, orderId: '' }, values);
  }
  const report: SalesReport = {
    target: 'tracker',
    kind: 'generic',
    label: 'CSV',
    source: options.source ?? 'CSV',
    keyKind,
    measures,
    coverage: datesCoverage(span),
    statuses: statuses.figures,
    entries: groups.entries,
    rows: table.rows.length,
    dateRange: span.range,
    currency: currencies.currency,
    warnings: currencies.warnings(),
  };
  return report;
}

export const generic: ReportFamily = {
  kind: 'generic',
  label: 'CSV',
  aliases: {
    code: [
      'Promo code',
      'Discount code',
      'Coupon code',
      'Code',
      'Coupon',
      'Voucher',
      'Referral code',
    ],
    tag: ['Tag', 'Tracking ID', 'Tracking tag', 'utm_content', 'Affiliate ID'],
    link: ['Tracking link', 'Link', 'URL', 'Landing page'],
    orders: ['Orders', 'Order count', 'Purchases', 'Conversions'],
    revenue: ['Revenue', 'Net sales', 'Sales', 'Amount', 'Total sales'],
    units: ['Units', 'Units sold', 'Quantity', 'Items'],
    clicks: ['Clicks'],
    newCustomers: ['New customers'],
    date: ['Date', 'Day', 'Order date', 'Created at'],
    status: ['Status', 'Order status'],
    refunded: ['Refunded', 'Refunds', 'Refunded amount'],
    currency: ['Currency'],
  },
  signature: [],
  aggregate,
};
