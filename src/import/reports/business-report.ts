// Amazon's Business Report (Detail Page Sales and Traffic) by date: the store's sales per day,
// for the "Daily sales" sheet behind the lift around post dates. Not matched to influencers.
import {
  type AggregateOptions,
  columnsOf,
  type DailySalesReport,
  type Mapping,
  type ReportFamily,
  settleDateOrder,
  sumDailySales,
} from '../recognize';
import type { Table } from '../text';
import { CellReader } from '../values';

function aggregate(table: Table, mapping: Mapping, options: AggregateOptions): DailySalesReport {
  const columns = columnsOf(table, mapping);
  const read = new CellReader(table.headers, {
    ...options,
    dateOrder: settleDateOrder(table, columns.date, options.dateOrder),
  });
  return sumDailySales(table, columns, read, {
    kind: 'businessReport',
    label: 'Amazon Business Report by date',
    source: options.source ?? 'Amazon',
  });
}

export const businessReport: ReportFamily = {
  kind: 'businessReport',
  label: 'Amazon Business Report by date',
  aliases: {
    date: ['Date'],
    revenue: ['Ordered Product Sales'],
    units: ['Units Ordered'],
  },
  signature: ['date', 'revenue', 'units'],
  aggregate,
};
