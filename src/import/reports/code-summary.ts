// Reports that sum sales per discount code over a period they don't state (Shopify's sales by
// discount, WooCommerce's coupons): no dates, so an import replaces the source's earlier one.
import {
  type AggregateOptions,
  columnsOf,
  EntryGroups,
  type Mapping,
  type Measure,
  type ReportKind,
  type SalesReport,
  type Values,
} from '../recognize';
import type { Table } from '../text';
import { CellReader } from '../values';

export interface SummaryReportKind {
  kind: ReportKind;
  label: string;
  source: string;
}

export function aggregateCodeSummary(
  report: SummaryReportKind,
  table: Table,
  mapping: Mapping,
  options: AggregateOptions,
): SalesReport {
  const columns = columnsOf(table, mapping);
  const read = new CellReader(table.headers, options);
  const present: [Measure, number | undefined, 'money' | 'count'][] = (
    [
      ['orders', columns.orders, 'count'],
      ['revenue', columns.revenue, 'money'],
      ['units', columns.units, 'count'],
      ['discount', columns.discount, 'money'],
    ] as [Measure, number | undefined, 'money' | 'count'][]
  ).filter(([, column]) => column !== undefined);
  const groups = new EntryGroups();
  for (const { row, cells } of table.rows) {
    const key = read.text(cells, columns.code);
    if (!key) continue;
    const values: Values = {};
    for (const [measure, column, kind] of present) {
      const value =
        kind === 'money' ? read.money(cells, column, row) : read.count(cells, column, row);
      // Discounts are written negative in Shopify, positive in WooCommerce: a cost either way.
      values[measure] = measure === 'discount' ? Math.abs(value) : value;
    }
    groups.add({ key, keyKind: 'code', label: '', date: '', orderId: '' }, values);
  }
  return {
    target: 'tracker',
    kind: report.kind,
    label: report.label,
    source: options.source ?? report.source,
    keyKind: 'code',
    measures: present.map(([measure]) => measure),
    coverage: { by: 'snapshot' },
    statuses: [],
    entries: groups.entries,
    rows: table.rows.length,
    dateRange: null,
    currency: null,
    warnings: [
      `${report.label} has no dates: it replaces the previous ${report.source} import and ` +
        'covers the period chosen when it was exported.',
    ],
  };
}
