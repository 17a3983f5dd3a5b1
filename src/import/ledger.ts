// The ledger: what each import into a tracker contributed, so the tracker's numbers are derived
// rather than added to. One row per tracker, report, store, key and day, only for keys an
// influencer of that tracker claims (unmatched codes stay in the preview), with the orders it
// counts listed by name and fingerprint, so a re-export restates them and another store's
// orders of the same names are told apart. A new import of a source into a tracker replaces the
// days it covers for its store and keeps everything else; other trackers are never touched.
// Stored as plain rows in a hidden sheet (toLedgerRows / readLedgerRows).
import type { DayOf } from '../sheet/dates';
import { ImportError } from './import-error';
import { keyId } from './match';
import {
  addValues,
  type Entry,
  type KeyKind,
  type OrderPrint,
  REPORT_NAMES,
  type ReportKind,
  type SalesReport,
  type Values,
} from './recognize';
import { headerKey } from './text';

/** The measures trackers use: the ledger keeps these and no others. */
export const LEDGER_MEASURES = ['orders', 'revenue', 'clicks', 'newCustomers', 'bonus'] as const;
export type LedgerMeasure = (typeof LEDGER_MEASURES)[number];

export interface LedgerEntry {
  /** The tracker's sheet id, as text: each tracker's figures come only from its own imports. */
  tracker: string;
  report: ReportKind;
  /** '' for the store imported without a name; another name for each other store. */
  store: string;
  keyKind: KeyKind;
  key: string;
  /** Another name the key goes by (the ad group's name beside its id); '' if none. */
  label: string;
  /** YYYY-MM-DD, '' in a dateless report. */
  date: string;
  /** The orders counted here, as "name~fingerprint" (see orderRef); empty without orders. */
  orders: string[];
  /** When the import ran, "YYYY-MM-DD HH:MM" so that text order is time order. */
  importedAt: string;
  values: Partial<Record<LedgerMeasure, number>>;
}

/** The source a report restates: imports of one source replace each other, others add up. */
export function sourceOf(entry: { report: ReportKind; store: string }): string {
  const source = REPORT_NAMES[entry.report].source;
  return entry.store ? `${source} (${entry.store})` : source;
}

/** "Shopify orders" or "Shopify orders (EU shop)": what "Last import" names. */
export function labelOf(entry: { report: ReportKind; store: string }): string {
  const label = REPORT_NAMES[entry.report].label;
  return entry.store ? `${label} (${entry.store})` : label;
}

/** An order as the ledger lists it: its name (spaces folded) and its fingerprint. */
export function orderRef(order: OrderPrint): string {
  return `${order.id.trim().replace(/\s+/g, '_')}~${order.print}`;
}

/** An order's name in a ref, without splitting it (the ledger's every ref is checked). */
function nameOf(ref: string): string {
  const at = ref.lastIndexOf('~');
  return at < 0 ? ref : ref.slice(0, at);
}

function splitRef(ref: string): { name: string; print: string } {
  const at = ref.lastIndexOf('~');
  return at < 0 ? { name: ref, print: '' } : { name: ref.slice(0, at), print: ref.slice(at + 1) };
}

/** Where the import goes and what it keeps. */
export interface RecordTarget {
  tracker: string;
  store: string;
  importedAt: string;
  /** Whether the tracker uses a key (an influencer claims it); others are left out. */
  keeps: (keyKind: KeyKind, key: string) => boolean;
}

export interface Recorded {
  /** Indexes into the ledger of the entries the import replaces (ascending). */
  removed: number[];
  /** New entries, appended after what is kept. */
  added: LedgerEntry[];
  /** The ledger after the import, kept entries in their order, then the new ones. */
  ledger: LedgerEntry[];
  /** Entries restated with the same numbers, which keep their first import time. */
  restated: number;
  /** Earlier reports of the same source replaced in full because they can't be split by day. */
  warnings: string[];
}

function inScope(entry: LedgerEntry, report: SalesReport, target: RecordTarget): boolean {
  return (
    entry.tracker === target.tracker &&
    entry.store === target.store &&
    REPORT_NAMES[entry.report].source === report.source
  );
}

function replaces(report: SalesReport, entry: LedgerEntry): boolean {
  const coverage = report.coverage;
  if (coverage.by === 'snapshot' || entry.date === '') return true;
  return entry.date >= coverage.from && entry.date <= coverage.to;
}

/** What a ledger row says, without when it was imported: equal means restated unchanged. */
function signature(entry: LedgerEntry): string {
  return JSON.stringify([
    entry.tracker,
    entry.report,
    entry.store,
    entry.keyKind,
    entry.key,
    entry.label,
    entry.date,
    entry.orders,
    LEDGER_MEASURES.map((measure) => entry.values[measure] ?? ''),
  ]);
}

/**
 * The report's entries as ledger rows: only keys the tracker uses, summed per key and day, the
 * counted orders listed; measures trackers don't use are left out.
 */
export function ledgerEntries(report: SalesReport, target: RecordTarget): LedgerEntry[] {
  const prints = new Map<string, string>();
  if (report.coverage.by === 'orders')
    for (const order of report.coverage.orders) prints.set(order.id, orderRef(order));
  const groups = new Map<string, LedgerEntry>();
  for (const entry of report.entries) {
    if (!target.keeps(entry.keyKind, entry.key)) continue;
    const id = `${keyId(entry.keyKind, entry.key)}\u0000${entry.date}`;
    let row = groups.get(id);
    if (!row) {
      row = {
        tracker: target.tracker,
        report: report.kind,
        store: target.store,
        keyKind: entry.keyKind,
        key: entry.key,
        label: entry.label,
        date: entry.date,
        orders: [],
        importedAt: target.importedAt,
        values: {},
      };
      groups.set(id, row);
    }
    if (!row.label && entry.label) row.label = entry.label;
    row.values = addValues(row.values, kept(entry));
    const ref = entry.orderId ? prints.get(entry.orderId) : undefined;
    if (ref && !row.orders.includes(ref)) row.orders.push(ref);
  }
  return [...groups.values()];
}

function kept(entry: Entry): Values {
  const values: Values = {};
  for (const measure of LEDGER_MEASURES)
    if (entry.values[measure] !== undefined) values[measure] = entry.values[measure];
  return values;
}

/**
 * The ledger after an import into one tracker: that tracker's entries of the same source and
 * store for the days the report covers are replaced (a dateless report replaces the whole
 * source, and a dated one the dateless entries, which can't be split by day); everything else is
 * kept, in order, and the new entries come after. An entry restated with the same numbers stays
 * where it is with its first import time, so recording the same report twice changes nothing.
 */
export function recordImport(
  ledger: readonly LedgerEntry[],
  report: SalesReport,
  target: RecordTarget,
): Recorded {
  const fresh = ledgerEntries(report, target);
  const bySignature = new Map<string, LedgerEntry[]>();
  for (const entry of fresh) {
    const key = signature(entry);
    bySignature.set(key, [...(bySignature.get(key) ?? []), entry]);
  }
  const removed: number[] = [];
  const unchanged = new Set<LedgerEntry>();
  const next: LedgerEntry[] = [];
  const replacedLabels = new Set<string>();
  ledger.forEach((entry, i) => {
    if (!inScope(entry, report, target) || !replaces(report, entry)) {
      next.push(entry);
      return;
    }
    const same = bySignature.get(signature(entry))?.find((candidate) => !unchanged.has(candidate));
    if (same) {
      unchanged.add(same);
      next.push(entry);
      return;
    }
    removed.push(i);
    if (entry.report !== report.kind) replacedLabels.add(labelOf(entry));
  });
  const added = fresh.filter((entry) => !unchanged.has(entry));
  const warnings = [...replacedLabels].map(
    (label) =>
      `Replaces the earlier ${label} import of ${report.source}: one of the two reports has ` +
      'no dates, so they would count the same sales twice.',
  );
  return { removed, added, ledger: next.concat(added), restated: unchanged.size, warnings };
}

/** What a file's orders say about the orders a store already has in the tracker's ledger. */
export interface StoreCheck {
  store: string;
  /** Order names in both, with another date, total or customer. */
  clashing: string[];
  /** Orders of the store on the file's days that the file doesn't have. */
  missing: string[];
  /** Orders in both, the same. */
  same: number;
}

/** Compares the file's orders with each store's orders of the same source in the tracker. */
export function checkStores(
  ledger: readonly LedgerEntry[],
  report: SalesReport,
  tracker: string,
): StoreCheck[] {
  const checks = new Map<string, StoreCheck>();
  if (report.coverage.by !== 'orders') return [];
  const { from, to } = report.coverage;
  const file = new Map<string, { date: string; print: string }>();
  for (const order of report.coverage.orders)
    file.set(splitRef(orderRef(order)).name, { date: order.date, print: order.print });
  for (const entry of ledger) {
    if (entry.tracker !== tracker || REPORT_NAMES[entry.report].source !== report.source) continue;
    let check = checks.get(entry.store);
    if (!check) {
      check = { store: entry.store, clashing: [], missing: [], same: 0 };
      checks.set(entry.store, check);
    }
    const onFileDays = entry.date >= from && entry.date <= to;
    for (const ref of entry.orders) {
      const name = nameOf(ref);
      const found = file.get(name);
      if (found) {
        if (found.date !== entry.date || found.print !== splitRef(ref).print)
          check.clashing.push(name);
        else check.same++;
      } else if (onFileDays) check.missing.push(name);
    }
  }
  return [...checks.values()];
}

const MEASURE_HEADERS: Record<LedgerMeasure, string> = {
  orders: 'Orders',
  revenue: 'Revenue',
  clicks: 'Clicks',
  newCustomers: 'New customers',
  bonus: 'Brand Referral Bonus',
};

/** The columns every ledger has, in order. */
export const LEDGER_FIXED = [
  'Tracker',
  'Report',
  'Store',
  'Key type',
  'Key',
  'Date',
  'Imported at',
] as const;
/** Columns added at the right the first time an entry needs them, in this order. */
const OPTIONAL = ['Name', 'Order names', ...LEDGER_MEASURES.map((m) => MEASURE_HEADERS[m])];
const KEY_KINDS: KeyKind[] = ['code', 'tag', 'link', 'adGroup', 'creative', 'trackingId'];

export type LedgerCell = string | number;

/** The ledger's header: the fixed columns and the optional ones some entry uses. */
export function ledgerHeader(
  entries: readonly LedgerEntry[],
  current: readonly string[] = [],
): string[] {
  const header = current.length > 0 ? current.slice() : LEDGER_FIXED.slice();
  const needed = new Set<string>();
  for (const entry of entries) {
    if (entry.label) needed.add('Name');
    if (entry.orders.length > 0) needed.add('Order names');
    for (const measure of LEDGER_MEASURES)
      if (entry.values[measure] !== undefined) needed.add(MEASURE_HEADERS[measure]);
  }
  for (const column of OPTIONAL)
    if (needed.has(column) && !header.includes(column)) header.push(column);
  return header;
}

/**
 * Entries as rows of plain values under the given header; a measure an entry doesn't have is ''.
 * Text columns hold text as imported ("=HYPERLINK" stays a string): the sheet writes them as text.
 */
export function toLedgerRows(
  entries: readonly LedgerEntry[],
  header: readonly string[],
): LedgerCell[][] {
  const measureAt = new Map<string, LedgerMeasure>(
    LEDGER_MEASURES.map((measure) => [MEASURE_HEADERS[measure], measure]),
  );
  return entries.map((entry) =>
    header.map((column): LedgerCell => {
      const measure = measureAt.get(column);
      if (measure) return entry.values[measure] ?? '';
      switch (column) {
        case 'Tracker':
          return entry.tracker;
        case 'Report':
          return entry.report;
        case 'Store':
          return entry.store;
        case 'Key type':
          return entry.keyKind;
        case 'Key':
          return entry.key;
        case 'Name':
          return entry.label;
        case 'Date':
          return entry.date;
        case 'Order names':
          return entry.orders.join(' ');
        default:
          return entry.importedAt;
      }
    }),
  );
}

function ledgerChanged(detail: string): ImportError {
  return new ImportError(
    'ledgerChanged',
    `The hidden "Import ledger" sheet was changed (${detail}), so earlier imports can't be ` +
      'restated safely. Undo the change, or delete the sheet and import the reports again.',
  );
}

function cellText(cell: unknown, dayOf: DayOf): string {
  if (cell == null) return '';
  if (cell instanceof Date) return dayOf(cell);
  return String(cell);
}

/** A row with nothing in its first `width` cells but blanks. */
function isBlank(row: readonly unknown[], width: number): boolean {
  for (let j = 0; j < width; j++) {
    const cell = row[j];
    if (cell == null || cell === '') continue;
    if (typeof cell !== 'string' || cell.trim() !== '') return false;
  }
  return true;
}

/** The ledger as read: its header, and each entry with its data row (0 = the row below the header). */
export interface LedgerRead {
  header: string[];
  entries: LedgerEntry[];
  at: number[];
  /** Data rows read, blank ones included. */
  rows: number;
}

/** Reads rows toLedgerRows wrote, header first (as getValues returns them); refuses a changed layout. */
/** `dayOf` reads a date cell on the spreadsheet's calendar, should one have been typed there. */
export function readLedgerRows(rows: readonly (readonly unknown[])[], dayOf: DayOf): LedgerRead {
  if (rows.length === 0) return { header: [], entries: [], at: [], rows: 0 };
  let width = rows[0].length;
  while (width > 0 && cellText(rows[0][width - 1], dayOf).trim() === '') width--;
  const header = rows[0].slice(0, width).map((cell) => cellText(cell, dayOf));
  if (headerKey(header[0] ?? '') === headerKey('Source'))
    throw new ImportError(
      'ledgerChanged',
      'The hidden "Import ledger" sheet was made by an earlier version, which mixed every ' +
        "tracker's imports: rename or delete it, then import the reports again into each tracker.",
    );
  LEDGER_FIXED.forEach((expected, i) => {
    if (headerKey(header[i] ?? '') !== headerKey(expected))
      throw ledgerChanged(`column ${i + 1} isn't "${expected}"`);
  });
  const columns = new Map<string, number>();
  header.forEach((name, i) => {
    const known = [...LEDGER_FIXED, ...OPTIONAL].find(
      (column) => headerKey(column) === headerKey(name),
    );
    if (!known || columns.has(known)) throw ledgerChanged(`column ${i + 1} is "${name}"`);
    columns.set(known, i);
  });
  const reader = (column: string): ((row: readonly unknown[]) => string) => {
    const index = columns.get(column);
    if (index === undefined) return () => '';
    return (row) => {
      const cell = row[index];
      return typeof cell === 'string' ? cell : cellText(cell, dayOf);
    };
  };
  const [tracker, reportOf, store, keyKindOf, key, label, date, orderNames, importedAt] = [
    'Tracker',
    'Report',
    'Store',
    'Key type',
    'Key',
    'Name',
    'Date',
    'Order names',
    'Imported at',
  ].map(reader);
  const measures = LEDGER_MEASURES.map((measure) => ({
    measure,
    index: columns.get(MEASURE_HEADERS[measure]),
  })).filter(
    (column): column is { measure: LedgerMeasure; index: number } => column.index !== undefined,
  );
  const entries: LedgerEntry[] = [];
  const at: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (isBlank(row, width)) continue;
    const keyKind = keyKindOf(row) as KeyKind;
    if (!KEY_KINDS.includes(keyKind)) throw ledgerChanged(`row ${i + 1} has key type "${keyKind}"`);
    const report = reportOf(row) as ReportKind;
    if (!(report in REPORT_NAMES)) throw ledgerChanged(`row ${i + 1} has report "${report}"`);
    const values: LedgerEntry['values'] = {};
    for (const { measure, index } of measures) {
      const raw = row[index];
      if (raw === '' || raw == null) continue;
      const value = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isFinite(value)) throw ledgerChanged(`row ${i + 1} has "${raw}" as a number`);
      values[measure] = value;
    }
    const orders = orderNames(row).trim();
    entries.push({
      tracker: tracker(row),
      report,
      store: store(row),
      keyKind,
      key: key(row),
      label: label(row),
      date: date(row),
      orders: orders ? orders.split(/\s+/) : [],
      importedAt: importedAt(row),
      values,
    });
    at.push(i - 1);
  }
  return { header, entries, at, rows: rows.length - 1 };
}

export interface StoreChoice {
  /** The store the import is computed for. */
  store: string;
  /** Stores of the report's source already in the tracker's ledger, first imported first. */
  stores: string[];
  /** What the user must answer before applying; '' when the ledger settles it. */
  question: string;
}

/** "#1010-#1148 (60 orders)" or "#1010, #1012": order names in a sentence. */
function orderRange(names: readonly string[]): string {
  const sorted = [...new Set(names)].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
  if (sorted.length <= 3) return sorted.join(', ');
  return `${sorted[0]}-${sorted[sorted.length - 1]} (${sorted.length} orders)`;
}

function storeName(store: string): string {
  return store ? `"${store}"` : 'the store imported without a name';
}

/**
 * Which store an orders export comes from: the one the user named, else the only store whose
 * orders the file restates as they were (same names, days, totals and customers) or, with a
 * single store, one the file doesn't contradict. Otherwise a question, and the figures are
 * computed as for another store, so nothing already imported is replaced unasked.
 */
export function chooseStore(
  ledger: readonly LedgerEntry[],
  report: SalesReport,
  tracker: string,
  requested: string | undefined,
): StoreChoice {
  const checks = checkStores(ledger, report, tracker);
  const stores = checks.map((check) => check.store);
  if (requested !== undefined) return { store: requested, stores, question: '' };
  if (checks.length === 0) return { store: '', stores, question: '' };
  const fits = checks.filter((check) => check.clashing.length === 0 && check.missing.length === 0);
  const restating = fits.filter((check) => check.same > 0);
  if (restating.length === 1) return { store: restating[0].store, stores, question: '' };
  if (checks.length === 1 && fits.length === 1)
    return { store: fits[0].store, stores, question: '' };
  const asked = (question: string) => ({ store: ANOTHER_STORE, stores, question });
  if (fits.length > 0)
    return asked(
      `This tracker has ${report.source} orders from several stores (${stores.map(storeName).join(', ')}): ` +
        'which store is this file from?',
    );
  const parts: string[] = [];
  const clashing = checks.flatMap((check) => check.clashing);
  const missing = checks.flatMap((check) => check.missing);
  if (clashing.length > 0)
    parts.push(
      `orders ${orderRange(clashing)} are already imported into this tracker with other dates, ` +
        'totals or customers',
    );
  if (missing.length > 0)
    parts.push(`orders ${orderRange(missing)} imported before for these days are not in this file`);
  const sentence = parts.join(', and ');
  return asked(
    `${sentence[0].toUpperCase()}${sentence.slice(1)}. Is this file the same store restated ` +
      '(its orders replace those) or another store (give it a name)?',
  );
}

/** The store a preview is computed for while the store question is open: replaces nothing. */
export const ANOTHER_STORE = '(another store)';

/**
 * What an import writes to the ledger sheet: from data row `first` (0 = the row under the
 * header) down, the rows kept there then the new ones; every row above stays as it is. The
 * first replaced row starts it (or the end, when nothing is replaced).
 */
export function ledgerTail(
  read: LedgerRead,
  removed: readonly number[],
  added: readonly LedgerEntry[],
  header: readonly string[],
): { first: number; rows: LedgerCell[][] } {
  const first = removed.length > 0 ? read.at[removed[0]] : read.rows;
  const gone = new Set(removed);
  const kept = read.entries.filter((_, i) => read.at[i] >= first && !gone.has(i));
  return { first, rows: toLedgerRows(kept.concat(added), header) };
}
