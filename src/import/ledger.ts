// The ledger: what each import contributed, per source, key and day (or order), so the tracker's
// numbers are derived rather than added to. A new import of a source replaces the days (or
// orders) it covers and keeps the rest; other sources are untouched. Stored as plain rows in a
// hidden sheet (toLedgerRows / fromLedgerRows).
import { ImportError } from './errors';
import { keyId, type MatchResult, matchKeys, type TrackerRow, totalsByKey } from './match';
import {
  addValues,
  type Coverage,
  type Entry,
  type KeyKind,
  MEASURES,
  type ReportKind,
  type SalesReport,
  type Values,
} from './recognize';
import { headerKey } from './text';
import { dayOfDate } from './values';

export interface LedgerEntry extends Entry {
  source: string;
  report: ReportKind;
  /** Label of the report, e.g. "Shopify orders", for the tracker's "last import" cell. */
  reportLabel: string;
  /** When the import ran, "YYYY-MM-DD HH:MM" so that text order is time order. */
  importedAt: string;
}

export interface Recorded {
  ledger: LedgerEntry[];
  added: number;
  replaced: number;
  kept: number;
  /** Earlier reports of the same source replaced in full because they can't be split by day. */
  warnings: string[];
}

function replaces(coverage: Coverage, orderIds: ReadonlySet<string>, entry: LedgerEntry): boolean {
  const dateless = entry.date === '' && entry.orderId === '';
  switch (coverage.by) {
    case 'snapshot':
      return true;
    case 'dates':
      return dateless || (entry.date >= coverage.from && entry.date <= coverage.to);
    case 'orders':
      return dateless || orderIds.has(entry.orderId);
  }
}

/**
 * The ledger after an import: the same source's entries for the days or orders the report
 * covers are replaced (a dateless report replaces the whole source, and a dated one replaces
 * a dateless one, which can't be split by day); everything else is kept, in order.
 * Recording the same report twice gives the same ledger.
 */
export function recordImport(
  ledger: readonly LedgerEntry[],
  report: SalesReport,
  importedAt: string,
): Recorded {
  const orderIds = new Set(report.coverage.by === 'orders' ? report.coverage.orderIds : []);
  const kept: LedgerEntry[] = [];
  const replacedLabels = new Set<string>();
  let replaced = 0;
  for (const entry of ledger) {
    if (entry.source === report.source && replaces(report.coverage, orderIds, entry)) {
      replaced++;
      if (entry.report !== report.kind) replacedLabels.add(entry.reportLabel);
    } else kept.push(entry);
  }
  const added = report.entries.map(
    (entry): LedgerEntry => ({
      ...entry,
      source: report.source,
      report: report.kind,
      reportLabel: report.label,
      importedAt,
    }),
  );
  const warnings = [...replacedLabels].map(
    (label) =>
      `Replaces the earlier ${label} import of ${report.source}: one of the two reports has ` +
      'no dates, so they would count the same sales twice.',
  );
  return {
    ledger: kept.concat(added),
    added: added.length,
    replaced,
    kept: kept.length,
    warnings,
  };
}

export interface SourceTotals {
  source: string;
  values: Values;
}

export interface InfluencerTotals {
  row: number;
  handle: string;
  bySource: SourceTotals[];
  /** All sources summed: what the tracker's orders and revenue show. */
  total: Values;
  /** The latest import that contributed, e.g. "Shopify orders, 2025-06-30 14:02". */
  lastImport: string;
}

/**
 * Each influencer's numbers as the ledger says: keys matched to tracker rows, summed per
 * source and in total. Linear in the ledger's length.
 */
export function influencerTotals(
  ledger: readonly LedgerEntry[],
  rows: readonly TrackerRow[],
): { totals: InfluencerTotals[]; match: MatchResult } {
  const match = matchKeys(totalsByKey(ledger), rows);
  const handles = new Map(rows.map((row) => [row.row, row.handle]));
  const byRow = new Map<number, { sources: Map<string, Values>; last: LedgerEntry }>();
  for (const entry of ledger) {
    const row = match.assignment.get(keyId(entry.keyKind, entry.key));
    if (row === undefined) continue;
    let totals = byRow.get(row);
    if (!totals) {
      totals = { sources: new Map(), last: entry };
      byRow.set(row, totals);
    }
    totals.sources.set(
      entry.source,
      addValues(totals.sources.get(entry.source) ?? {}, entry.values),
    );
    if (entry.importedAt > totals.last.importedAt) totals.last = entry;
  }
  const result: InfluencerTotals[] = [];
  for (const [row, { sources, last }] of byRow) {
    const bySource = [...sources].map(([source, values]) => ({ source, values }));
    result.push({
      row,
      handle: handles.get(row) ?? '',
      bySource,
      total: bySource.reduce((sum, source) => addValues(sum, source.values), {} as Values),
      lastImport: `${last.reportLabel}, ${last.importedAt}`,
    });
  }
  return { totals: result.sort((a, b) => a.row - b.row), match };
}

const MEASURE_HEADERS: Record<(typeof MEASURES)[number], string> = {
  orders: 'Orders',
  revenue: 'Revenue',
  units: 'Units',
  clicks: 'Clicks',
  newCustomers: 'New customers',
  discount: 'Discount',
  haloOrders: 'Halo orders',
  haloRevenue: 'Halo revenue',
  bonus: 'Brand Referral Bonus',
};

/** The hidden ledger sheet's columns, in order. */
export const LEDGER_HEADERS = [
  'Source',
  'Report',
  'Report label',
  'Key type',
  'Key',
  'Name',
  'Date',
  'Order',
  'Imported at',
  ...MEASURES.map((measure) => MEASURE_HEADERS[measure]),
];
const FIXED = 9;
const KEY_KINDS: KeyKind[] = ['code', 'tag', 'link', 'adGroup', 'creative', 'trackingId'];

export type LedgerCell = string | number;

/**
 * The ledger as rows of plain values, header first; a measure the report didn't have is ''.
 * Text columns hold text as imported ("=HYPERLINK" stays a string): the sheet writes them as text.
 */
export function toLedgerRows(ledger: readonly LedgerEntry[]): LedgerCell[][] {
  const rows: LedgerCell[][] = [LEDGER_HEADERS.slice()];
  for (const entry of ledger) {
    const row: LedgerCell[] = [
      entry.source,
      entry.report,
      entry.reportLabel,
      entry.keyKind,
      entry.key,
      entry.label,
      entry.date,
      entry.orderId,
      entry.importedAt,
    ];
    for (const measure of MEASURES) row.push(entry.values[measure] ?? '');
    rows.push(row);
  }
  return rows;
}

function ledgerChanged(detail: string): ImportError {
  return new ImportError(
    'ledgerChanged',
    `The hidden "Import ledger" sheet was changed (${detail}), so earlier imports can't be ` +
      'restated safely. Undo the change, or delete the sheet and import the reports again.',
  );
}

function cellText(cell: unknown): string {
  if (cell == null) return '';
  if (cell instanceof Date) return dayOfDate(cell);
  return String(cell);
}

/** Reads the rows toLedgerRows wrote (as getValues returns them); refuses a changed layout. */
export function fromLedgerRows(rows: readonly (readonly unknown[])[]): LedgerEntry[] {
  if (rows.length === 0) return [];
  const header = rows[0].map((cell) => headerKey(cellText(cell)));
  LEDGER_HEADERS.forEach((expected, i) => {
    if (header[i] !== headerKey(expected))
      throw ledgerChanged(`column ${i + 1} isn't "${expected}"`);
  });
  const ledger: LedgerEntry[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i].map(cellText);
    if (cells.every((cell) => cell.trim() === '')) continue;
    const keyKind = cells[3] as KeyKind;
    if (!KEY_KINDS.includes(keyKind))
      throw ledgerChanged(`row ${i + 1} has key type "${cells[3]}"`);
    const values: Values = {};
    MEASURES.forEach((measure, m) => {
      const cell = rows[i][FIXED + m];
      if (cell === '' || cell == null) return;
      const value = typeof cell === 'number' ? cell : Number(cell);
      if (!Number.isFinite(value)) throw ledgerChanged(`row ${i + 1} has "${cell}" as a number`);
      values[measure] = value;
    });
    ledger.push({
      source: cells[0],
      report: cells[1] as ReportKind,
      reportLabel: cells[2],
      keyKind,
      key: cells[4],
      label: cells[5],
      date: cells[6],
      orderId: cells[7],
      importedAt: cells[8],
      values,
    });
  }
  return ledger;
}
