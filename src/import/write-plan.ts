// What an import will do to the tracker, worked out before anything is written: the ledger
// after it, each row's numbers derived from that ledger (all sources summed, the sources named
// in "Last import"), the cells that change, and what the file holds that no row takes.
// Pure: the sheet side reads the cells and writes the result.
import type {
  FieldChange,
  ImportedField,
  ImportMapping,
  KeyFigures,
  RowChange,
} from '../shared/api';
import { type KeySums, sourcesOf, sumLedger, sumRows, sumsAfter, totalOf } from './key-sums';
import { type LedgerEntry, labelOf, ledgerHeader, recordImport } from './ledger';
import { keyId, matchKeys, type TrackerRow, totalsByKey } from './match';
import {
  IMPORT_FIELDS,
  type KeyKind,
  type Mapping,
  type ReportKind,
  type SalesReport,
  type Values,
} from './recognize';
import { roundCents } from './values';

/** The tracker's header for each field the import fills. */
export const FIELD_LABELS: Record<ImportedField, string> = {
  clicks: 'Clicks',
  orders: 'Orders',
  revenue: 'Revenue',
  newCustomers: 'New customers',
  bonus: 'Brand Referral Bonus',
  lastImport: 'Last import',
  firstOrderDate: 'First order date',
};
export const IMPORTED_FIELDS = Object.keys(FIELD_LABELS) as ImportedField[];
const MEASURE_FIELDS = ['clicks', 'orders', 'revenue', 'newCustomers'] as const;

const KEY_WORDS: Record<KeyKind, string> = {
  code: 'promo code',
  tag: 'tag',
  link: 'link',
  adGroup: 'ad group',
  creative: 'creative',
  trackingId: 'tracking ID',
};

export type CellValue = string | number | boolean;
export type TrackerCells = Partial<Record<ImportedField, CellValue>>;

/** One row's cells as the ledger says they should be; only the fields it has numbers for. */
export type RowValues = Partial<Record<ImportedField, string | number>>;

/** What a cell the ledger no longer gives a value becomes. */
function cleared(field: ImportedField, lastImport: string): string | number {
  if (field === 'lastImport') return lastImport;
  return field === 'firstOrderDate' ? '' : 0;
}

/**
 * Each row's cells derived from one tracker's ledger sums (see sumLedger): clicks, orders,
 * revenue and new customers summed over every source and store (only measures some report had),
 * the Brand Referral Bonus where Amazon Attribution contributed (Amazon's figure, else its
 * attributed sales x the rate), the sources, latest first, in "Last import", and the day of the
 * earliest order in "First order date" (only when some entry with orders is dated).
 */
export function rowValues(
  sums: ReadonlyMap<string, KeySums>,
  rows: readonly TrackerRow[],
  bonusRate: number,
): Map<number, RowValues> {
  const result = new Map<number, RowValues>();
  for (const [row, rowSums] of sumRows(sums, rows).byRow) {
    const values: RowValues = {};
    const total = totalOf(rowSums);
    for (const field of MEASURE_FIELDS) {
      const value = total[field];
      if (value !== undefined) values[field] = value;
    }
    if (rowSums.amazon) values.bonus = roundCents(rowSums.bonus + rowSums.sales * bonusRate);
    values.lastImport = sourcesOf(rowSums)
      .map(([, source]) => source)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .map((source) => `${source.label}, ${source.at}`)
      .join('; ');
    if (rowSums.firstOrder) values.firstOrderDate = rowSums.firstOrder;
    result.set(row, values);
  }
  return result;
}

function figures(key: {
  key: string;
  keyKind: KeyKind;
  label: string;
  values: Values;
}): KeyFigures {
  return {
    key: key.key,
    kind: KEY_WORDS[key.keyKind],
    label: key.label,
    orders: key.values.orders ?? null,
    revenue: key.values.revenue ?? null,
  };
}

export interface TrackerPlan {
  /** The ledger's header after the import (columns some entry needs are added at the right). */
  header: string[];
  /** Indexes of the ledger entries the import replaces, and the entries it appends. */
  removed: number[];
  added: LedgerEntry[];
  ledgerChanged: boolean;
  /** Per row, the cells to write (only those whose value changes). */
  writes: Map<number, RowValues>;
  changes: RowChange[];
  unmatched: KeyFigures[];
  conflicts: (KeyFigures & { rows: number[]; handles: string[] })[];
  withoutData: { row: number; handle: string }[];
  halo: { row: number; handle: string; orders: number; revenue: number }[];
  warnings: string[];
}

export interface TrackerPlanInput {
  report: SalesReport;
  /** The whole ledger (every tracker's entries) and its current header. */
  ledger: readonly LedgerEntry[];
  header?: readonly string[];
  /** The tracker's sheet id, as text, and the store the file comes from ('' unnamed). */
  tracker: string;
  store: string;
  rows: readonly TrackerRow[];
  /** What the tracker's cells hold now, by sheet row. */
  cells: ReadonlyMap<number, TrackerCells>;
  importedAt: string;
  bonusRate: number;
}

/**
 * The tracker after the import: rows the ledger gave numbers before or gives now get their
 * cells derived again (a row the report no longer credits goes to 0); all other rows and cells
 * are left alone, and other trackers' ledger entries are neither read into it nor changed.
 */
export function planTrackerImport(input: TrackerPlanInput): TrackerPlan {
  const { report, rows, cells, importedAt, bonusRate, tracker } = input;
  const fileMatch = matchKeys(totalsByKey(report.entries), rows);
  const used = new Set(fileMatch.assignment.keys());
  for (const conflict of fileMatch.conflicts) used.add(keyId(conflict.keyKind, conflict.key));
  const recorded = recordImport(input.ledger, report, {
    tracker,
    store: input.store,
    importedAt,
    keeps: (keyKind, key) => used.has(keyId(keyKind, key)),
  });
  const sums = sumLedger(input.ledger, tracker);
  const before = rowValues(sums, rows, bonusRate);
  const after = rowValues(
    sumsAfter(sums, input.ledger, recorded.removed, recorded.added),
    rows,
    bonusRate,
  );
  const lastImport = `${labelOf({ report: report.kind, store: input.store })}, ${importedAt}`;
  const handles = new Map(rows.map((row) => [row.row, row.handle]));
  const writes = new Map<number, RowValues>();
  const changes: RowChange[] = [];
  const touched = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
  for (const row of touched) {
    const old = before.get(row) ?? {};
    const next = after.get(row) ?? {};
    const current = cells.get(row) ?? {};
    const write: RowValues = {};
    const fields: FieldChange[] = [];
    for (const field of IMPORTED_FIELDS) {
      if (!(field in old) && !(field in next)) continue;
      const value = next[field] ?? cleared(field, lastImport);
      const was = current[field] ?? '';
      if (was === value) continue;
      write[field] = value;
      fields.push({ field, label: FIELD_LABELS[field], before: was, after: value });
    }
    if (fields.length === 0) continue;
    writes.set(row, write);
    changes.push({ row, handle: handles.get(row) ?? '', fields });
  }
  const halo = fileMatch.matched
    .filter((row) => row.values.haloOrders !== undefined || row.values.haloRevenue !== undefined)
    .map((row) => ({
      row: row.row,
      handle: row.handle,
      orders: row.values.haloOrders ?? 0,
      revenue: row.values.haloRevenue ?? 0,
    }));
  return {
    header: ledgerHeader(recorded.added, input.header),
    removed: recorded.removed,
    added: recorded.added,
    ledgerChanged: recorded.removed.length > 0 || recorded.added.length > 0,
    writes,
    changes,
    unmatched: fileMatch.unmatched.map(figures),
    conflicts: fileMatch.conflicts.map((conflict) => ({
      ...figures({ ...conflict, label: '' }),
      rows: conflict.rows,
      handles: conflict.handles,
    })),
    withoutData: fileMatch.withoutData,
    halo,
    warnings: recorded.warnings,
  };
}

const quoted = (header: string | undefined) => `"${header}"`;

/** Which column the revenue came from, in the words the panel shows. */
export function revenueColumn(kind: ReportKind, mapping: Mapping): string {
  const revenue = mapping.revenue;
  if (!revenue)
    return kind === 'wooCoupons'
      ? 'None: a coupons report has no sales column, so only orders are imported.'
      : 'None: no revenue column was chosen, so revenue is not imported.';
  const less = mapping.refunded ? ` less ${quoted(mapping.refunded)}` : '';
  switch (kind) {
    case 'wooOrderExport':
      return (
        `${quoted(revenue)} less shipping, taxes and the refunds in ${quoted(mapping.refunded)}, ` +
        'counted once per order; refunded, cancelled and failed orders left out.'
      );
    case 'shopifyOrders':
    case 'wooOrders':
      return (
        `${quoted(revenue)}${less}, counted once per order; refunded, voided and cancelled ` +
        'orders left out (shipping and taxes are not in it).'
      );
    case 'amazonAttribution':
      return (
        `${quoted(revenue)}: Amazon's attributed sales. The brand halo ("total") columns are ` +
        'shown apart, never added.'
      );
    case 'amazonAssociates':
      return `${quoted(revenue)}, returns subtracted.`;
    case 'businessReport':
      return `${quoted(revenue)}, per day, into the "Daily sales" sheet.`;
    default:
      return `${quoted(revenue)}${less}.`;
  }
}

/** The mapping as the panel shows it: the fields a user may change. */
export function visibleMapping(mapping: Mapping): ImportMapping {
  // An Attribution console report names its ad groups: that column is the tag.
  const shown: ImportMapping = !mapping.tag && mapping.name ? { tag: mapping.name } : {};
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (header) shown[field] = header;
  }
  return shown;
}
