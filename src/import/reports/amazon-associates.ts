// Amazon Associates earnings: one row per item shipped or returned, keyed by Tracking ID
// ("jane-20"). Returned items are subtracted and their revenue is written negative. Associates
// reports items, not orders, so the import fills units and revenue only.
import {
  type AggregateOptions,
  columnsOf,
  DateSpan,
  datesCoverage,
  EntryGroups,
  type Mapping,
  type ReportFamily,
  type SalesReport,
  settleDateOrder,
} from '../recognize';
import type { Table } from '../text';
import { CellReader } from '../values';

function aggregate(table: Table, mapping: Mapping, options: AggregateOptions): SalesReport {
  const columns = columnsOf(table, mapping);
  const read = new CellReader(table.headers, {
    ...options,
    dateOrder: settleDateOrder(table, columns.date, options.dateOrder),
  });
  const groups = new EntryGroups();
  const span = new DateSpan();
  for (const { row, cells } of table.rows) {
    const key = read.text(cells, columns.tag);
    const date = read.date(cells, columns.date, row);
    span.add(date);
    if (!key) continue;
    const shipped = read.count(cells, columns.units, row);
    const returned = Math.abs(read.count(cells, columns.refunded, row));
    groups.add(
      { key, keyKind: 'trackingId', label: '', date, orderId: '' },
      { units: shipped - returned, revenue: read.money(cells, columns.revenue, row) },
    );
  }
  return {
    target: 'tracker',
    kind: 'amazonAssociates',
    label: 'Amazon Associates earnings',
    source: options.source ?? 'Amazon Associates',
    keyKind: 'trackingId',
    measures: ['units', 'revenue'],
    coverage: datesCoverage(span),
    statuses: [],
    entries: groups.entries,
    rows: table.rows.length,
    dateRange: span.range,
    currency: null,
    warnings: [],
  };
}

export const amazonAssociates: ReportFamily = {
  kind: 'amazonAssociates',
  label: 'Amazon Associates earnings',
  aliases: {
    tag: ['Tracking ID', 'trackingId', 'Tag'],
    date: ['Date Shipped', 'Date'],
    units: ['Items Shipped'],
    refunded: ['Returns'],
    revenue: ['Revenue($)', 'Revenue'],
  },
  signature: ['tag', 'units', 'revenue'],
  aggregate,
};
