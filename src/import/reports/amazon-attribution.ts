// Amazon Attribution: one row per ad group or creative (tag), per day when the report has dates.
// Attributed sales are the revenue; the "Total ..." (brand halo) columns are kept apart, and
// Amazon's Brand Referral Bonus is kept when the seller is enrolled (the column is absent otherwise).
import {
  type AggregateOptions,
  columnsOf,
  DateSpan,
  datesCoverage,
  EntryGroups,
  type KeyKind,
  type Mapping,
  type Measure,
  type ReportFamily,
  type SalesReport,
  settleDateOrder,
  type Values,
} from '../recognize';
import { headerKey, type Table } from '../text';
import { CellReader } from '../values';

function keyKindOf(header: string): KeyKind {
  return headerKey(header).includes('creative') ? 'creative' : 'adGroup';
}

function aggregate(table: Table, mapping: Mapping, options: AggregateOptions): SalesReport {
  const columns = columnsOf(table, mapping);
  const keyHeader = mapping.tag ?? mapping.name ?? '';
  const keyColumn = columns.tag ?? columns.name;
  const keyKind = keyKindOf(keyHeader);
  // A name column labels the key only when it names the same thing (a creative, or an ad group).
  const nameColumn =
    columns.name !== undefined &&
    columns.name !== keyColumn &&
    keyKindOf(mapping.name ?? '') === keyKind
      ? columns.name
      : undefined;
  const read = new CellReader(table.headers, {
    ...options,
    dateOrder: settleDateOrder(table, columns.date, options.dateOrder),
  });
  const measures: [Measure, number | undefined, 'money' | 'count'][] = [
    ['clicks', columns.clicks, 'count'],
    ['orders', columns.orders, 'count'],
    ['units', columns.units, 'count'],
    ['revenue', columns.revenue, 'money'],
    ['haloOrders', columns.haloOrders, 'count'],
    ['haloRevenue', columns.haloRevenue, 'money'],
    ['bonus', columns.bonus, 'money'],
  ];
  const present = measures.filter(([, column]) => column !== undefined);
  const groups = new EntryGroups();
  const span = new DateSpan();
  for (const { row, cells } of table.rows) {
    const key = read.text(cells, keyColumn);
    const date = read.date(cells, columns.date, row);
    span.add(date);
    if (!key) continue;
    const values: Values = {};
    for (const [measure, column, kind] of present)
      values[measure] =
        kind === 'money' ? read.money(cells, column, row) : read.count(cells, column, row);
    groups.add({ key, keyKind, label: read.text(cells, nameColumn), date, orderId: '' }, values);
  }
  return {
    target: 'tracker',
    kind: 'amazonAttribution',
    label: 'Amazon Attribution',
    source: options.source ?? 'Amazon Attribution',
    keyKind,
    measures: present.map(([measure]) => measure),
    coverage: datesCoverage(span),
    statuses: [],
    entries: groups.entries,
    rows: table.rows.length,
    dateRange: span.range,
    currency: null,
    warnings: [],
  };
}

export const amazonAttribution: ReportFamily = {
  kind: 'amazonAttribution',
  label: 'Amazon Attribution',
  aliases: {
    tag: ['creativeId', 'Creative ID', 'adGroupId', 'Ad group ID'],
    name: ['Creative', 'Creative name', 'creativeName', 'Ad group', 'Ad group name', 'adGroupName'],
    date: ['date', 'Day'],
    clicks: ['Click-throughs', 'clickThroughs'],
    orders: ['attributedPurchases14d', 'Purchases', 'attributedPurchases'],
    units: ['unitsSold14d', 'Units sold'],
    revenue: ['attributedSales14d', 'Product sales', 'attributedSales'],
    haloOrders: ['attributedTotalPurchases14d', 'Total purchases', 'totalPurchases14d'],
    haloRevenue: ['totalAttributedSales14d', 'Total product sales', 'totalSales14d', 'Total sales'],
    bonus: [
      'brb_bonus_amount',
      'Brand Referral Bonus',
      'brbBonusAmount',
      'Brand referral bonus amount',
    ],
  },
  signature: ['clicks', 'revenue'],
  aggregate,
};
