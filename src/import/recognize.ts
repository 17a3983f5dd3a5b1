// Recognising an imported CSV: what every report family shares (the mapping of fields to the
// file's headers, the numbers an import yields per key and day or order, what the report
// covers) and each family's own description (aliases, signature, aggregation).
import type { ImportField } from '../shared/api';
import { ImportError } from './import-error';
import { headerKey, type Table } from './text';
import { addCents, type CellReader, type DateOrder, inferDateOrder } from './values';

/** The fields the panel shows and a user may map (ImportMapping in src/shared/api.ts). */
export const IMPORT_FIELDS = [
  'code',
  'tag',
  'link',
  'orders',
  'revenue',
  'units',
  'clicks',
  'newCustomers',
  'date',
  'status',
  'refunded',
] as const;

/** Every field a report's columns can fill: the visible ones, then those the reports use inside. */
export const MAPPING_FIELDS = [
  ...IMPORT_FIELDS,
  'name',
  'orderId',
  'discount',
  'haloOrders',
  'haloRevenue',
  'bonus',
  'currency',
  'cancelled',
  'customer',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/** Each field to one header of the file, as the file spells it. */
export type Mapping = Partial<Record<MappingField, string>>;

/** The numbers an import can bring; money in the report's currency, to the cent. */
export const MEASURES = [
  'orders',
  'revenue',
  'units',
  'clicks',
  'newCustomers',
  'discount',
  'haloOrders',
  'haloRevenue',
  'bonus',
] as const;
export type Measure = (typeof MEASURES)[number];
export const MONEY_MEASURES: ReadonlySet<Measure> = new Set<Measure>([
  'revenue',
  'discount',
  'haloRevenue',
  'bonus',
]);

/** Only the measures the report has: a missing one is not zero, it's not this import's cell. */
export type Values = Partial<Record<Measure, number>>;

/** What the key in the file is, which decides how it matches a tracker row. */
export type KeyKind = 'code' | 'tag' | 'link' | 'adGroup' | 'creative' | 'trackingId';

export type ReportKind =
  | 'amazonAttribution'
  | 'shopifyOrders'
  | 'shopifySalesByDiscount'
  | 'wooOrders'
  | 'wooOrderExport'
  | 'wooCoupons'
  | 'amazonAssociates'
  | 'businessReport'
  | 'generic';

/** One key's numbers for one day, or one order, or (in a dateless report) the whole report. */
export interface Entry {
  key: string;
  keyKind: KeyKind;
  /** Another name the key goes by (the ad group's name beside its id); '' if none. */
  label: string;
  /** YYYY-MM-DD, '' in a dateless report. */
  date: string;
  /** '' unless the report lists orders. */
  orderId: string;
  values: Values;
}

/** An order of an orders export: its name, day and a fingerprint of its total and customer. */
export interface OrderPrint {
  id: string;
  date: string;
  print: string;
}

/**
 * What a new import of the same source replaces in the ledger: the days from..to (an orders
 * export restates every order of its days, and lists them all, counted or not), or everything.
 */
export type Coverage =
  | { by: 'dates'; from: string; to: string }
  | { by: 'orders'; from: string; to: string; orders: OrderPrint[] }
  | { by: 'snapshot' };

/** Each report's name and the source it restates (one source: imports replace each other). */
export const REPORT_NAMES: Record<ReportKind, { label: string; source: string }> = {
  amazonAttribution: { label: 'Amazon Attribution', source: 'Amazon Attribution' },
  shopifyOrders: { label: 'Shopify orders', source: 'Shopify' },
  shopifySalesByDiscount: { label: 'Shopify sales by discount', source: 'Shopify' },
  wooOrders: { label: 'WooCommerce orders', source: 'WooCommerce' },
  wooOrderExport: { label: 'WooCommerce order export', source: 'WooCommerce' },
  wooCoupons: { label: 'WooCommerce coupons', source: 'WooCommerce' },
  amazonAssociates: { label: 'Amazon Associates earnings', source: 'Amazon Associates' },
  businessReport: { label: 'Amazon Business Report by date', source: 'Amazon' },
  generic: { label: 'CSV', source: 'CSV' },
};

interface ReportSummary {
  kind: ReportKind;
  /** "Shopify orders": for the panel and the tracker's "last import" cell. */
  label: string;
  /** Data rows read (total rows and blank rows excluded). */
  rows: number;
  dateRange: { from: string; to: string } | null;
  currency: string | null;
  warnings: string[];
}

/** A report about influencers' sales: entries for the ledger. */
export interface SalesReport extends ReportSummary {
  target: 'tracker';
  /** The ledger's source: imports of one source restate each other, other sources add. */
  source: string;
  keyKind: KeyKind;
  measures: Measure[];
  coverage: Coverage;
  entries: Entry[];
  /** The status column's values with their rows and revenue ([] without a status column). */
  statuses: StatusFigures[];
}

export interface DailySale {
  date: string;
  units: number;
  sales: number;
}

/** Store-wide sales per day, for the "Daily sales" sheet (lift around post dates). */
export interface DailySalesReport extends ReportSummary {
  target: 'dailySales';
  source: string;
  days: DailySale[];
}

export type Report = SalesReport | DailySalesReport;

export interface AggregateOptions {
  decimalComma: boolean;
  /** Whether each status value counts, as the user chose (values compared folded). */
  statuses?: Readonly<Record<string, boolean>>;
  dateOrder?: DateOrder;
  /** Overrides the family's source name (e.g. a generic CSV named after its platform). */
  source?: string;
}

export interface ReportFamily {
  kind: ReportKind;
  label: string;
  /** Header aliases per field, most specific first; compared folded (see headerKey). */
  aliases: Partial<Record<MappingField, string[]>>;
  /** Fields whose columns must all be found for the file to be this report. */
  signature: MappingField[];
  /** Headers the aggregation reads by name besides its aliases (e.g. Woo's shipping_total). */
  readsByName?: string[];
  aggregate(table: Table, mapping: Mapping, options: AggregateOptions): Report;
}

/** Column index of each mapped field in the table (undefined when the field isn't mapped). */
export function columnsOf(table: Table, mapping: Mapping): Partial<Record<MappingField, number>> {
  const index = new Map<string, number>();
  table.headers.forEach((header, i) => {
    const key = headerKey(header);
    if (key && !index.has(key)) index.set(key, i);
  });
  const columns: Partial<Record<MappingField, number>> = {};
  for (const field of MAPPING_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    const column = index.get(headerKey(header));
    if (column !== undefined) columns[field] = column;
  }
  return columns;
}

const EXCLUDED_STATUSES = new Set([
  'refunded',
  'voided',
  'void',
  'cancelled',
  'canceled',
  'declined',
  'reversed',
  'failed',
  'expired',
  'trash',
  'draft',
  'pendingpayment',
  'wcrefunded',
  'wccancelled',
  'wcfailed',
]);

/** Words that mean a sale stands (or will): paid, complete, approved, pending and their kin. */
const COUNTED_STATUSES = new Set([
  'paid',
  'complete',
  'completed',
  'approved',
  'pending',
  'processing',
  'partiallyrefunded',
  'partiallypaid',
  'authorized',
  'wccompleted',
  'wcprocessing',
]);

/** Orders that don't count: refunded in full, voided, cancelled, declined, failed, never paid. */
export function isExcludedStatus(status: string): boolean {
  return EXCLUDED_STATUSES.has(headerKey(status));
}

/** Whether a status counts by default: true, false, or null for a number or an unknown word. */
export function defaultStatus(status: string): boolean | null {
  const key = headerKey(status);
  if (EXCLUDED_STATUSES.has(key)) return false;
  return COUNTED_STATUSES.has(key) ? true : null;
}

/** A status value of the file, with what it holds and whether it counts (null: to choose). */
export interface StatusFigures {
  value: string;
  rows: number;
  revenue: number;
  counts: boolean | null;
}

/**
 * The statuses of a file, tallied as rows (or orders) are read: the user's choice for a value,
 * else its default. A value nobody chose and no default covers doesn't count meanwhile.
 */
export class StatusTally {
  private readonly seen = new Map<string, StatusFigures>();
  private readonly chosen: Map<string, boolean>;

  constructor(choices: Readonly<Record<string, boolean>> = {}) {
    this.chosen = new Map(Object.entries(choices).map(([value, on]) => [headerKey(value), on]));
  }

  /** Records one row or order of this status and its revenue; returns whether it counts. */
  counts(status: string, revenue: number): boolean {
    const value = status.trim();
    if (!value) return true;
    const key = headerKey(value) || value;
    let figures = this.seen.get(key);
    if (!figures) {
      const chosen = this.chosen.get(headerKey(value));
      figures = { value, rows: 0, revenue: 0, counts: chosen ?? defaultStatus(value) };
      this.seen.set(key, figures);
    }
    figures.rows++;
    figures.revenue = addCents(figures.revenue, revenue);
    return figures.counts === true;
  }

  get figures(): StatusFigures[] {
    return [...this.seen.values()];
  }
}

/**
 * "JANE10, tom5" -> ["JANE10", "tom5"]: Woo joins an order's coupons with ", ". A comma inside
 * quotes or brackets is part of a code (`=HYPERLINK("a","x")` stays one code).
 */
export function splitCodes(text: string): string[] {
  const codes: string[] = [];
  const add = (part: string) => {
    const code = part.trim();
    if (code && !codes.includes(code)) codes.push(code);
  };
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(' || c === '[' || c === '{') depth += 1;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth -= 1;
    else if (c === ',' && depth === 0) {
      add(text.slice(start, i));
      start = i + 1;
    }
  }
  add(text.slice(start));
  return codes;
}

/** Adds b into a, money to the cent; the result has every measure either has. */
export function addValues(a: Values, b: Values): Values {
  return addValuesInto({ ...a }, b);
}

/** Adds `b` into `sum` in place (for running totals over a whole ledger: no copy per entry). */
export function addValuesInto(sum: Values, b: Values): Values {
  for (const measure of MEASURES) {
    const value = b[measure];
    if (value === undefined) continue;
    const before = sum[measure] ?? 0;
    sum[measure] = MONEY_MEASURES.has(measure) ? addCents(before, value) : before + value;
  }
  return sum;
}

/**
 * The order of "03/04/25" style dates in a column: the user's choice, else what the values
 * settle; an unsettled or inconsistent column stops with a question for the user.
 */
export function settleDateOrder(
  table: Table,
  column: number | undefined,
  given: DateOrder | undefined,
): DateOrder | undefined {
  if (column === undefined) return given;
  const finding = inferDateOrder(table.rows.map((row) => row.cells[column] ?? ''));
  const header = table.headers[column];
  if (finding === 'mixed' && !given)
    throw new ImportError(
      'mixedDates',
      `Column "${header}" mixes day-first and month-first dates: fix the file or choose the order.`,
    );
  if (finding === 'mdy' || finding === 'dmy') return given ?? finding;
  if (finding === 'ambiguous' && !given) {
    const sample = table.rows.find((row) => (row.cells[column] ?? '').trim() !== '');
    throw new ImportError(
      'ambiguousDates',
      `The dates in column "${header}" (e.g. ${sample?.cells[column].trim()}) could be ` +
        'month/day/year or day/month/year: choose which.',
    );
  }
  return given;
}

/** Tracks the earliest and latest day seen. */
export class DateSpan {
  from = '';
  to = '';

  add(date: string): void {
    if (!date) return;
    if (!this.from || date < this.from) this.from = date;
    if (!this.to || date > this.to) this.to = date;
  }

  get range(): { from: string; to: string } | null {
    return this.from ? { from: this.from, to: this.to } : null;
  }
}

/** Currencies named in a column: the first is the report's; more than one is a warning. */
export class CurrencySeen {
  private readonly seen = new Set<string>();

  add(currency: string): void {
    const code = currency.trim().toUpperCase();
    if (code) this.seen.add(code);
  }

  get currency(): string | null {
    for (const code of this.seen) return code;
    return null;
  }

  warnings(): string[] {
    return this.seen.size > 1
      ? [`The file mixes currencies (${[...this.seen].join(', ')}): amounts are added as they are.`]
      : [];
  }
}

/**
 * Groups entries by key and day (or order): the aggregation every family ends with, linear in
 * the rows thanks to one Map.
 */
export class EntryGroups {
  private readonly groups = new Map<string, Entry>();

  add(entry: Omit<Entry, 'values'>, values: Values): void {
    const id = `${entry.keyKind}\u0000${entry.key.toUpperCase()}\u0000${entry.date}\u0000${entry.orderId}`;
    const existing = this.groups.get(id);
    if (existing) {
      existing.values = addValues(existing.values, values);
      if (!existing.label && entry.label) existing.label = entry.label;
    } else this.groups.set(id, { ...entry, values: addValues({}, values) });
  }

  get entries(): Entry[] {
    return [...this.groups.values()];
  }
}

/** Coverage of a dated report: every day from its first to its last, restated as a whole. */
export function datesCoverage(span: DateSpan): Coverage {
  const range = span.range;
  return range ? { by: 'dates', ...range } : { by: 'snapshot' };
}

/** Sales per day (several rows of one day add up), for the "Daily sales" sheet. */
export function sumDailySales(
  table: Table,
  columns: ReturnType<typeof columnsOf>,
  read: CellReader,
  report: Pick<DailySalesReport, 'kind' | 'label' | 'source'>,
): DailySalesReport {
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
      day.sales = addCents(day.sales, sales);
    } else days.set(date, { date, units, sales });
  }
  return {
    target: 'dailySales',
    ...report,
    days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    rows: table.rows.length,
    dateRange: span.range,
    currency: null,
    warnings: [],
  };
}

// The panel's fields and the API's must stay one list: this type fails to compile otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ImportFieldsMatchApi = Holds<Same<(typeof IMPORT_FIELDS)[number], ImportField>>;
