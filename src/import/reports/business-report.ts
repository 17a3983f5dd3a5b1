// Amazon's Business Report (Detail Page Sales and Traffic) by date: the store's sales per day,
// for the "Daily sales" sheet behind the lift around post dates. Not matched to influencers.
import {
  type AggregateOptions,
  columnsOf,
  type DailySale,
  type DailySalesReport,
  DateSpan,
  type Mapping,
  type ReportFamily,
  settleDateOrder,
} from '../report';
import type { Table } from '../text';
import { addMoney, CellReader } from '../values';

function aggregate(table: Table, mapping: Mapping, options: AggregateOptions): DailySalesReport {
  const columns = columnsOf(table, mapping);
  const read = new CellReader(table.headers, {
    ...options,
    dateOrder: settleDateOrder(table, columns.date, options.dateOrder),
  });
  const days = new Map<string, DailySale>();
  const span = new DateSpan();
  for (const { row, cells } of table.rows) {
    const date = read.date(cells, columns.date, row);
    if (!date) continue;
    span.add(date);
    const units = read.count(cells, columns.units, row);
    const sales = read.money(cells, columns.revenue, row);
    const day = days.get(date);
    if (day) {
      day.units += units;
      day.sales = addMoney(day.sales, sales);
    } else days.set(date, { date, units, sales });
  }
  return {
    target: 'dailySales',
    kind: 'businessReport',
    label: 'Amazon Business Report by date',
    source: options.source ?? 'Amazon',
    days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    rows: table.rows.length,
    dateRange: span.range,
    currency: null,
    warnings: [],
  };
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
