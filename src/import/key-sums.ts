// What one tracker's ledger adds up to, per key and then per tracker row. Sums are kept per key
// so that an import re-sums only the keys whose entries it replaces; every other key's sums are
// carried over and the new entries added to them. Money adds in cents, so the order in which
// entries are added never changes a total.
import { type LedgerEntry, labelOf, sourceOf } from './ledger';
import { keyId, type MatchResult, matchKeys, type TrackerRow } from './match';
import { addValues, addValuesInto, type KeyKind, type Values } from './recognize';
import { addCents } from './values';

/** One source's entries of a key or row: measures summed, and its latest import. */
interface SourceSums {
  values: Values;
  /** The latest "Imported at", the label of its first entry, and that entry's position. */
  at: string;
  label: string;
  latest: number;
  /** Position of the source's first entry: sources are listed in the order they first appear. */
  first: number;
}

/** What a key's entries (or a row's keys) add up to. */
interface Sums {
  sources: Map<string, SourceSums>;
  /** The earliest day with an order, "YYYY-MM-DD" ('' while none). */
  firstOrder: string;
  /** Amazon Attribution contributed: its Brand Referral Bonus, else its sales x the rate. */
  amazon: boolean;
  bonus: number;
  sales: number;
}

export interface KeySums extends Sums {
  key: string;
  keyKind: KeyKind;
  label: string;
  /** Positions (ledger indexes) of the entries summed here. */
  entries: number[];
}

/** An entry that records a sale: orders, or revenue from a report without an orders count. */
function hasOrder(entry: LedgerEntry): boolean {
  const { orders, revenue } = entry.values;
  return orders !== undefined ? orders > 0 : (revenue ?? 0) > 0;
}

function addSource(
  sums: Sums,
  source: string,
  values: Values,
  latest: { at: string; label: string; latest: number; first: number },
): void {
  const seen = sums.sources.get(source);
  if (!seen) {
    const { at, label, first } = latest;
    sums.sources.set(source, {
      values: addValues({}, values),
      at,
      label,
      latest: latest.latest,
      first,
    });
    return;
  }
  addValuesInto(seen.values, values);
  if (latest.at > seen.at || (latest.at === seen.at && latest.latest < seen.latest)) {
    seen.at = latest.at;
    seen.label = latest.label;
    seen.latest = latest.latest;
  }
  if (latest.first < seen.first) seen.first = latest.first;
}

function addEntry(sums: KeySums, entry: LedgerEntry, position: number): void {
  if (!sums.label && entry.label) sums.label = entry.label;
  sums.entries.push(position);
  const at = entry.importedAt;
  addSource(sums, sourceOf(entry), entry.values, {
    at,
    label: labelOf(entry),
    latest: position,
    first: position,
  });
  if (entry.date && hasOrder(entry) && (!sums.firstOrder || entry.date < sums.firstOrder))
    sums.firstOrder = entry.date;
  if (entry.report === 'amazonAttribution') {
    sums.amazon = true;
    if (entry.values.bonus !== undefined) sums.bonus = addCents(sums.bonus, entry.values.bonus);
    else sums.sales = addCents(sums.sales, entry.values.revenue ?? 0);
  }
}

function emptySums(entry: LedgerEntry): KeySums {
  return {
    key: entry.key,
    keyKind: entry.keyKind,
    label: '',
    entries: [],
    sources: new Map(),
    firstOrder: '',
    amazon: false,
    bonus: 0,
    sales: 0,
  };
}

/** keyId, remembered per kind and text: a ledger repeats each key on many rows. */
function keyIds(): (entry: LedgerEntry) => string {
  const byKind = new Map<string, Map<string, string>>();
  return (entry) => {
    let ids = byKind.get(entry.keyKind);
    if (!ids) {
      ids = new Map();
      byKind.set(entry.keyKind, ids);
    }
    let id = ids.get(entry.key);
    if (id === undefined) {
      id = keyId(entry.keyKind, entry.key);
      ids.set(entry.key, id);
    }
    return id;
  };
}

function addTo(sums: Map<string, KeySums>, id: string, entry: LedgerEntry, position: number) {
  let key = sums.get(id);
  if (!key) {
    key = emptySums(entry);
    sums.set(id, key);
  }
  addEntry(key, entry, position);
}

/** The sums of one tracker's entries of the ledger, per key (see keyId), keys in order of first appearance. */
export function sumLedger(ledger: readonly LedgerEntry[], tracker?: string): Map<string, KeySums> {
  const idOf = keyIds();
  const sums = new Map<string, KeySums>();
  for (let i = 0; i < ledger.length; i++) {
    const entry = ledger[i];
    if (tracker === undefined || entry.tracker === tracker) addTo(sums, idOf(entry), entry, i);
  }
  return sums;
}

function copySums(sums: KeySums): KeySums {
  const sources = new Map<string, SourceSums>();
  for (const [source, seen] of sums.sources)
    sources.set(source, { ...seen, values: { ...seen.values } });
  return { ...sums, sources, entries: sums.entries.slice() };
}

/**
 * The sums after an import that removes the entries at `removed` (indexes into `ledger`, which
 * `before` summed) and appends `added`: keys that lost an entry are summed again from their
 * remaining entries, the others copied; then the new entries are added, placed after the ledger.
 */
export function sumsAfter(
  before: ReadonlyMap<string, KeySums>,
  ledger: readonly LedgerEntry[],
  removed: readonly number[],
  added: readonly LedgerEntry[],
): Map<string, KeySums> {
  const idOf = keyIds();
  const gone = new Set(removed);
  const changed = new Set(removed.map((index) => idOf(ledger[index])));
  const sums = new Map<string, KeySums>();
  for (const [id, key] of before) {
    if (!changed.has(id)) {
      sums.set(id, copySums(key));
      continue;
    }
    for (const position of key.entries)
      if (!gone.has(position)) addTo(sums, id, ledger[position], position);
  }
  added.forEach((entry, j) => {
    addTo(sums, idOf(entry), entry, ledger.length + j);
  });
  return sums;
}

export interface RowSums extends Sums {
  row: number;
  handle: string;
}

/** The keys' sums given to tracker rows (see matchKeys), per row. */
export function sumRows(
  keys: ReadonlyMap<string, KeySums>,
  rows: readonly TrackerRow[],
): { byRow: Map<number, RowSums>; match: MatchResult } {
  const match = matchKeys(
    [...keys.values()].map((key) => ({
      key: key.key,
      keyKind: key.keyKind,
      label: key.label,
      values: totalOf(key),
    })),
    rows,
  );
  const handles = new Map(rows.map((row) => [row.row, row.handle]));
  const byRow = new Map<number, RowSums>();
  for (const [id, key] of keys) {
    const row = match.assignment.get(id);
    if (row === undefined) continue;
    let sums = byRow.get(row);
    if (!sums) {
      sums = {
        row,
        handle: handles.get(row) ?? '',
        sources: new Map(),
        firstOrder: '',
        amazon: false,
        bonus: 0,
        sales: 0,
      };
      byRow.set(row, sums);
    }
    for (const [source, seen] of key.sources) addSource(sums, source, seen.values, seen);
    if (key.firstOrder && (!sums.firstOrder || key.firstOrder < sums.firstOrder))
      sums.firstOrder = key.firstOrder;
    if (key.amazon) {
      sums.amazon = true;
      sums.bonus = addCents(sums.bonus, key.bonus);
      sums.sales = addCents(sums.sales, key.sales);
    }
  }
  return { byRow, match };
}

/** Sources in the order they first appear. */
export function sourcesOf(sums: Sums): [string, SourceSums][] {
  return [...sums.sources].sort((a, b) => a[1].first - b[1].first);
}

/** Every source summed: what the tracker's orders and revenue show. */
export function totalOf(sums: Sums): Values {
  const total: Values = {};
  for (const [, seen] of sourcesOf(sums)) addValuesInto(total, seen.values);
  return total;
}

/** The source imported last (the first to appear among equals). */
export function latestOf(sums: Sums): SourceSums {
  let latest: SourceSums | undefined;
  for (const seen of sums.sources.values())
    if (!latest || seen.at > latest.at || (seen.at === latest.at && seen.latest < latest.latest))
      latest = seen;
  if (!latest) throw new Error('sums of no entry');
  return latest;
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
 * Each influencer's numbers as the ledger says (give it one tracker's entries): keys matched to
 * tracker rows, summed per source and store, and in total. Linear in the ledger's length.
 */
export function influencerTotals(
  ledger: readonly LedgerEntry[],
  rows: readonly TrackerRow[],
): { totals: InfluencerTotals[]; match: MatchResult } {
  const { byRow, match } = sumRows(sumLedger(ledger), rows);
  const totals = [...byRow.values()]
    .sort((a, b) => a.row - b.row)
    .map((sums) => {
      const last = latestOf(sums);
      return {
        row: sums.row,
        handle: sums.handle,
        bySource: sourcesOf(sums).map(([source, seen]) => ({ source, values: seen.values })),
        total: totalOf(sums),
        lastImport: `${last.label}, ${last.at}`,
      };
    });
  return { totals, match };
}
