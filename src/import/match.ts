// Which tracker row each key of a report belongs to: by promo code, by tracking link or the ids
// and tags it carries, or by an ad group, creative or tracking ID named like the influencer.
// Exact matches win over names; a key two different influencers could claim is a conflict.
import { influencerKey } from '../team/codes';
import { addValues, addValuesInto, type KeyKind, type Values } from './recognize';

export interface TrackerRow {
  /** Sheet row number. */
  row: number;
  handle: string;
  code: string;
  link: string;
}

/** A key's numbers over the whole report or ledger. */
export interface KeyTotals {
  key: string;
  keyKind: KeyKind;
  /** Another name for the key (an ad group's name beside its id); '' if none. */
  label: string;
  values: Values;
}

export interface MatchedRow {
  row: number;
  handle: string;
  /** The keys whose numbers this row receives. */
  keys: string[];
  values: Values;
}

export interface Conflict {
  key: string;
  keyKind: KeyKind;
  /** The tracker rows of the different influencers that could claim the key. */
  rows: number[];
  handles: string[];
  values: Values;
}

export interface MatchResult {
  matched: MatchedRow[];
  /** Keys no influencer claims: a leaked or mistyped code shows here with its numbers. */
  unmatched: KeyTotals[];
  conflicts: Conflict[];
  /** Rows with a handle whose influencer got nothing from the file. */
  withoutData: { row: number; handle: string }[];
  /** Key (kind and text, see keyId) -> the tracker row it was given to. */
  assignment: Map<string, number>;
}

/** Letters and digits only, lower case: "@Jane_Doe" and "jane-doe" are named alike. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "jane-20" -> "jane": Associates tracking IDs end in a marketplace suffix. */
function trackingIdName(trackingId: string): string {
  return nameKey(trackingId.trim().replace(/-\d{2}$/, ''));
}

/** The identity of a key across reports: its kind and its case-folded text. */
export function keyId(keyKind: KeyKind, key: string): string {
  return `${keyKind}\u0000${key.trim().toUpperCase()}`;
}

/** Query values of a link, lower-case names, decoded; empty for a link without a query. */
export function queryValues(link: string): Map<string, string> {
  const values = new Map<string, string>();
  const query = link.trim().split('#')[0].split('?')[1];
  if (!query) return values;
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const name = pair.slice(0, equals).toLowerCase();
    let value = pair.slice(equals + 1).replace(/\+/g, ' ');
    try {
      value = decodeURIComponent(value);
    } catch {
      // A stray "%" stays as written.
    }
    if (value && !values.has(name)) values.set(name, value.trim());
  }
  return values;
}

/** A link compared loosely: no scheme, no "www.", no fragment, no trailing "/", any case. */
export function linkKey(link: string): string {
  return link
    .trim()
    .split('#')[0]
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+(?=\?|$)/, '')
    .toLowerCase();
}

/** Query values that identify an influencer's link. */
const LINK_PARAMS = ['aa_adgroupid', 'aa_creativeid', 'tag', 'utm_content', 'maas'];

class Index {
  private readonly map = new Map<string, TrackerRow[]>();

  add(key: string, row: TrackerRow): void {
    if (!key) return;
    const rows = this.map.get(key);
    if (rows) rows.push(row);
    else this.map.set(key, [row]);
  }

  get(key: string): TrackerRow[] {
    return key ? (this.map.get(key) ?? []) : [];
  }
}

interface TrackerIndex {
  code: Index;
  link: Index;
  /** "aa_adgroupid=123" and the like, values lower case. */
  param: Index;
  /** Handles and codes as name keys. */
  name: Index;
}

function indexTracker(rows: readonly TrackerRow[]): TrackerIndex {
  const index: TrackerIndex = {
    code: new Index(),
    link: new Index(),
    param: new Index(),
    name: new Index(),
  };
  for (const row of rows) {
    if (!influencerKey(row.handle)) continue;
    index.code.add(row.code.trim().toUpperCase(), row);
    index.link.add(linkKey(row.link), row);
    for (const [name, value] of queryValues(row.link))
      if (LINK_PARAMS.includes(name)) index.param.add(`${name}=${value.toLowerCase()}`, row);
    index.name.add(nameKey(row.handle), row);
    index.name.add(nameKey(row.code), row);
  }
  return index;
}

function paramRows(index: TrackerIndex, params: string[], value: string): TrackerRow[] {
  const lower = value.trim().toLowerCase();
  const rows: TrackerRow[] = [];
  for (const param of params) rows.push(...index.param.get(`${param}=${lower}`));
  return rows;
}

/** The rows that could claim a key: exact matches first, names like the influencer's after. */
function candidates(index: TrackerIndex, key: KeyTotals): TrackerRow[] {
  const text = key.key.trim();
  const names = () => [...index.name.get(nameKey(text)), ...index.name.get(nameKey(key.label))];
  let exact: TrackerRow[];
  switch (key.keyKind) {
    case 'code':
      return index.code.get(text.toUpperCase());
    case 'adGroup':
      exact = paramRows(index, ['aa_adgroupid'], text);
      return exact.length > 0 ? exact : names();
    case 'creative':
      exact = paramRows(index, ['aa_creativeid'], text);
      return exact.length > 0 ? exact : names();
    case 'trackingId':
      exact = paramRows(index, ['tag'], text);
      return exact.length > 0 ? exact : index.name.get(trackingIdName(text));
    case 'tag':
      exact = paramRows(index, LINK_PARAMS, text);
      return exact.length > 0 ? exact : names();
    case 'link': {
      exact = index.link.get(linkKey(text));
      if (exact.length > 0) return exact;
      const rows: TrackerRow[] = [];
      for (const [name, value] of queryValues(text))
        if (LINK_PARAMS.includes(name)) rows.push(...paramRows(index, [name], value));
      return rows;
    }
  }
}

/**
 * Gives each key to one tracker row: the first row of the one influencer that claims it (the
 * same influencer may have several post rows). Linear: one index of the tracker, one pass.
 */
export function matchKeys(keys: readonly KeyTotals[], rows: readonly TrackerRow[]): MatchResult {
  const index = indexTracker(rows);
  const matched = new Map<number, MatchedRow>();
  const unmatched: KeyTotals[] = [];
  const conflicts: Conflict[] = [];
  const assignment = new Map<string, number>();
  const claimed = new Set<string>();
  for (const key of keys) {
    const byInfluencer = new Map<string, TrackerRow>();
    for (const row of candidates(index, key)) {
      const influencer = influencerKey(row.handle);
      const first = byInfluencer.get(influencer);
      if (!first || row.row < first.row) byInfluencer.set(influencer, row);
    }
    const owners = [...byInfluencer.values()].sort((a, b) => a.row - b.row);
    if (owners.length === 0) {
      unmatched.push(key);
      continue;
    }
    for (const owner of owners) claimed.add(influencerKey(owner.handle));
    if (owners.length > 1) {
      conflicts.push({
        key: key.key,
        keyKind: key.keyKind,
        rows: owners.map((row) => row.row),
        handles: owners.map((row) => row.handle),
        values: key.values,
      });
      continue;
    }
    const owner = owners[0];
    assignment.set(keyId(key.keyKind, key.key), owner.row);
    const existing = matched.get(owner.row);
    if (existing) {
      existing.keys.push(key.key);
      existing.values = addValues(existing.values, key.values);
    } else
      matched.set(owner.row, {
        row: owner.row,
        handle: owner.handle,
        keys: [key.key],
        values: addValues({}, key.values),
      });
  }
  const withoutData = rows
    .filter((row) => influencerKey(row.handle) && !claimed.has(influencerKey(row.handle)))
    .map((row) => ({ row: row.row, handle: row.handle }));
  return {
    matched: [...matched.values()].sort((a, b) => a.row - b.row),
    unmatched,
    conflicts,
    withoutData,
    assignment,
  };
}

/** A report's entries summed per key, in the order keys first appear. */
export function totalsByKey(
  entries: readonly { key: string; keyKind: KeyKind; label: string; values: Values }[],
): KeyTotals[] {
  const totals = new Map<string, KeyTotals>();
  for (const entry of entries) {
    const id = keyId(entry.keyKind, entry.key);
    const existing = totals.get(id);
    if (existing) {
      addValuesInto(existing.values, entry.values);
      if (!existing.label && entry.label) existing.label = entry.label;
    } else
      totals.set(id, {
        key: entry.key,
        keyKind: entry.keyKind,
        label: entry.label,
        values: addValues({}, entry.values),
      });
  }
  return [...totals.values()];
}

/** "shop.example.com" of a link (no scheme, no "www."), '' when it has none. */
function hostOf(link: string): string {
  return linkKey(link).split(/[/?]/)[0];
}

const TRACKING_PARAM = /^(?:utm_.+|aa_.+|tag)$/;

/**
 * Whether a column's values look like the tracker's links: most of its first 50 values on a
 * host the tracker's links use, or carrying utm_, aa_ or tag= parameters. A publisher's website
 * in an affiliate export does not, so it is never taken as the link column unasked.
 */
export function looksLikeTrackerLinks(
  values: readonly string[],
  trackerLinks: readonly string[],
): boolean {
  const hosts = new Set(trackerLinks.map(hostOf).filter(Boolean));
  const sample = values
    .map((value) => value.trim())
    .filter(Boolean)
    .slice(0, 50);
  if (sample.length === 0) return false;
  const alike = sample.filter(
    (value) =>
      hosts.has(hostOf(value)) ||
      [...queryValues(value).keys()].some((name) => TRACKING_PARAM.test(name)),
  );
  return alike.length * 2 >= sample.length;
}
