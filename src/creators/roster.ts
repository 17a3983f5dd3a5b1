// The roster: every tracker's posts merged into one row per creator (identity: normalised
// handle + platform), money in the reporting currency, and the columns the team types into
// (contact, payment status, notes) carried over from the existing roster by identity.
// Linear in the number of posts: one Map of creators, one pass over the rows.

import { findPlatform, type PlatformNorm } from '../metrics/platforms';
import {
  engagementRate,
  USUAL_RATE_WORDS,
  type UsualRatePost,
  usualEngagementRate,
} from '../metrics/rates';
import { cac, roi } from '../metrics/returns';
import { influencerTier, type Tier } from '../metrics/tiers';
import { BASELINE_WORDS, findLeaks, type LeakRow } from '../money/leaks';
import {
  addMoney,
  type CellValue,
  convert,
  grossMargin,
  leftOutNote,
  type Money,
  money,
  type PostMoney,
  profitRoi,
  type RateTable,
  valuePost,
} from '../money/money';
import { formatPercent } from '../shared/words';
import type { ValueType } from '../tracker/columns';
import {
  displayHandle,
  findNearDuplicates,
  type Identity,
  identify,
  type NearDuplicate,
  type Sighting,
} from './identity';

/** One tracker row as the wiring reads it; blanks are undefined. Dates are "YYYY-MM-DD". */
export interface PostRow extends Omit<PostMoney, 'currency'>, LeakRow {
  handle: string;
  platform: string;
  /** Blank: the tracker's currency. */
  currency?: string;
  followers?: number;
  postDate?: string;
  newCustomers?: number;
  engagements?: number;
  /** The tracker's "Usual engagement rate", as typed for this post. */
  usualRate?: number;
  reach?: number;
  /** The tracker's "Delivered on time" yes/no. */
  deliveredOnTime?: boolean;
  paymentStatus?: string;
}

export interface TrackerPosts {
  /** The tracker's sheet name: the campaign, as the team calls it. */
  tracker: string;
  /** The tracker's currency, for rows that don't name their own. */
  currency: string;
  /** The campaign's gross margin setting, if it has one. */
  grossMargin?: number;
  rows: readonly PostRow[];
}

/** Columns the team types into: a sync never overwrites them. */
export const TYPED_KEYS = ['contact', 'paymentStatus', 'notes'] as const;
export type TypedKey = (typeof TYPED_KEYS)[number];
export type TypedValues = Partial<Record<TypedKey, CellValue>>;

export type CreatorStatus = 'active' | 'gone';
export const STATUS_WORDS: Record<CreatorStatus, string> = {
  active: 'Active',
  gone: 'No longer in any tracker',
};

/** One post of a creator, money in the reporting currency: the plan's history. */
export interface HistoryPost {
  tracker: string;
  platform: string;
  postDate?: string;
  followers?: number;
  clicks?: number;
  orders?: number;
  engagements?: number;
  /** Undefined when the row's currency had no rate. */
  revenue?: number;
  fullCost?: number;
  fee?: number;
  /** Product and shipping as typed (undefined when blank), converted. */
  product?: number;
}

export type NormComparison = 'below' | 'within' | 'above';

export interface Creator {
  identity: Identity;
  /** "@jane.doe". */
  handle: string;
  platform: string;
  status: CreatorStatus;
  /** Tracker names, in the order given. */
  campaigns: string[];
  posts: number;
  firstPost?: string;
  lastPost?: string;
  /** From the latest post that has them. */
  followers?: number;
  tier?: Tier;
  /** Fee of the latest post with a fee, reporting currency. */
  lastFee?: number;
  averageFee?: number;
  /** Sum of full cost, reporting currency. */
  spend: number;
  revenue: number;
  orders: number;
  clicks: number;
  newCustomers: number;
  roi?: number;
  profitRoi?: number;
  cac?: number;
  /** Orders / clicks over the posts with clicks. */
  conversionRate?: number;
  /** Their usual engagement (usualEngagementRate: the dashboard's rule too). */
  engagementRate?: number;
  lastEngagementRate?: number;
  /** Last post's rate against their usual one: -0.3 is 30% below; needs two posts. */
  lastVersusUsual?: number;
  platformNorm?: PlatformNorm;
  versusNorm?: NormComparison;
  /** Share of the posts with a yes/no that were delivered on time. */
  onTimeShare?: number;
  /** Possible code leaks, one line each, with the campaign. */
  leaks: string[];
  /** Posts left out of the money totals: their currency had no rate. */
  leftOut: number;
  missing: string[];
  typed: TypedValues;
  /** A creator no longer in any tracker: the derived cells as the sheet last showed them. */
  previous?: Partial<Record<RosterKey, CellValue>>;
  history: HistoryPost[];
}

export interface ExistingCreator {
  handle: string;
  platform: string;
  typed: TypedValues;
  /** The row's other cells, by column key: kept as they were for a creator who left. */
  previous?: Partial<Record<RosterKey, CellValue>>;
}

export interface Roster {
  currency: string;
  /** The existing roster's order first, then new creators in the order first seen. */
  creators: Creator[];
  duplicates: NearDuplicate[];
  posts: number;
  leftOut: number;
  missing: string[];
  /** "2 rows left out: no rate for CHF", or ''. */
  note: string;
}

interface Accumulator {
  identity: Identity;
  campaigns: string[];
  posts: number;
  /** Order of arrival, for "latest" among posts of the same day or without a date. */
  latestKey: string;
  firstPost?: string;
  lastPost?: string;
  followersKey: string;
  followers?: number;
  feeKey: string;
  lastFee?: number;
  feeSum: number;
  feeCount: number;
  paymentKey: string;
  paymentStatus?: string;
  spend: Money;
  revenue: Money;
  marginRevenue: Money;
  marginCost: Money;
  orders: number;
  clicks: number;
  newCustomers: number;
  convertingOrders: number;
  convertingClicks: number;
  rates: { key: string; rate: number }[];
  /** What their usual engagement rate is made of, post by post. */
  usual: UsualRatePost[];
  onTime: number;
  late: number;
  leaks: string[];
  leftOut: number;
  missing: string[];
  history: HistoryPost[];
}

const num = (value: number | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Sorts posts by date, undated ones first (older), then in reading order. */
function orderKey(postDate: string | undefined, sequence: number): string {
  return `${postDate ?? ''}\u0000${String(sequence).padStart(10, '0')}`;
}

function compareWithNorm(rate: number, norm: PlatformNorm): NormComparison {
  if (rate < norm.low) return 'below';
  if (rate > norm.high) return 'above';
  return 'within';
}

function textOf(value: CellValue | undefined): string {
  if (value === undefined) return '';
  return value instanceof Date ? value.toISOString() : String(value).trim();
}

/** Two roster rows for one creator: each typed cell keeps every distinct text, joined. */
function mergeTyped(a: TypedValues, b: TypedValues): TypedValues {
  const merged: TypedValues = { ...a };
  for (const key of TYPED_KEYS) {
    const mine = a[key];
    const theirs = b[key];
    if (textOf(theirs) === '') continue;
    if (textOf(mine) === '') merged[key] = theirs;
    else if (textOf(mine) !== textOf(theirs)) merged[key] = `${textOf(mine)}; ${textOf(theirs)}`;
  }
  return merged;
}

function newAccumulator(identity: Identity, currency: string): Accumulator {
  return {
    identity,
    campaigns: [],
    posts: 0,
    latestKey: '',
    followersKey: '',
    feeKey: '',
    feeSum: 0,
    feeCount: 0,
    paymentKey: '',
    spend: money(0, currency),
    revenue: money(0, currency),
    marginRevenue: money(0, currency),
    marginCost: money(0, currency),
    orders: 0,
    clicks: 0,
    newCustomers: 0,
    convertingOrders: 0,
    convertingClicks: 0,
    rates: [],
    usual: [],
    onTime: 0,
    late: 0,
    leaks: [],
    leftOut: 0,
    missing: [],
    history: [],
  };
}

function addPost(
  acc: Accumulator,
  tracker: TrackerPosts,
  row: PostRow,
  sequence: number,
  rates: RateTable,
): string[] | undefined {
  const key = orderKey(row.postDate, sequence);
  acc.posts++;
  if (!acc.campaigns.includes(tracker.tracker)) acc.campaigns.push(tracker.tracker);
  if (row.postDate) {
    if (!acc.firstPost || row.postDate < acc.firstPost) acc.firstPost = row.postDate;
    if (!acc.lastPost || row.postDate > acc.lastPost) acc.lastPost = row.postDate;
  }
  if (num(row.followers) && row.followers > 0 && key > acc.followersKey) {
    acc.followers = row.followers;
    acc.followersKey = key;
  }
  if (row.paymentStatus?.trim() && key > acc.paymentKey) {
    acc.paymentStatus = row.paymentStatus.trim();
    acc.paymentKey = key;
  }
  const orders = num(row.orders) ? row.orders : 0;
  acc.orders += orders;
  acc.newCustomers += num(row.newCustomers) ? row.newCustomers : 0;
  if (num(row.clicks)) {
    acc.clicks += row.clicks;
    if (row.clicks > 0) {
      acc.convertingClicks += row.clicks;
      acc.convertingOrders += orders;
    }
  }
  if (num(row.engagements) && num(row.followers) && row.followers > 0)
    acc.rates.push({ key, rate: engagementRate(row.engagements, row.followers) });
  acc.usual.push({
    typedRate: row.usualRate,
    engagements: row.engagements,
    followers: row.followers,
  });
  if (row.deliveredOnTime === true) acc.onTime++;
  if (row.deliveredOnTime === false) acc.late++;

  const valued = valuePost({ ...row, currency: row.currency?.trim() || tracker.currency }, rates);
  const history: HistoryPost = {
    tracker: tracker.tracker,
    platform: acc.identity.platform,
    postDate: row.postDate,
    followers: num(row.followers) && row.followers > 0 ? row.followers : undefined,
    clicks: num(row.clicks) ? row.clicks : undefined,
    orders: num(row.orders) ? row.orders : undefined,
    engagements: num(row.engagements) ? row.engagements : undefined,
  };
  if (valued.ok) {
    const v = valued.value;
    const inReporting = (amount: number) => money(amount, v.currency);
    acc.spend = addMoney(acc.spend, inReporting(v.fullCost));
    acc.revenue = addMoney(acc.revenue, inReporting(v.revenue));
    const margin = grossMargin(row.grossMargin, tracker.grossMargin);
    if (margin !== undefined) {
      acc.marginRevenue = addMoney(acc.marginRevenue, inReporting(v.revenue * margin));
      acc.marginCost = addMoney(acc.marginCost, inReporting(v.fullCost));
    }
    if (num(row.fee)) {
      acc.feeSum += v.fee;
      acc.feeCount++;
      if (key > acc.feeKey) {
        acc.lastFee = v.fee;
        acc.feeKey = key;
      }
    }
    history.revenue = v.revenue;
    history.fullCost = v.fullCost;
    history.fee = num(row.fee) ? v.fee : undefined;
    if (num(row.product) || num(row.shipping)) {
      const given = (row.product ?? 0) + (row.shipping ?? 0);
      const converted = convert(money(given, row.currency?.trim() || tracker.currency), rates);
      if (converted.ok) history.product = converted.money.amount;
    }
  } else {
    acc.leftOut++;
    for (const code of valued.missing) if (!acc.missing.includes(code)) acc.missing.push(code);
  }
  acc.history.push(history);
  return valued.ok ? undefined : valued.missing;
}

function toCreator(acc: Accumulator, typed: TypedValues): Creator {
  const spend = acc.spend.amount;
  const revenue = acc.revenue.amount;
  const norm = findPlatform(acc.identity.platform);
  const byDate = acc.rates.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const usual = usualEngagementRate(acc.usual);
  const last = byDate.length > 0 ? byDate[byDate.length - 1].rate : undefined;
  const known = acc.onTime + acc.late;
  return {
    identity: acc.identity,
    handle: displayHandle(acc.identity),
    platform: acc.identity.platform,
    status: 'active',
    campaigns: acc.campaigns,
    posts: acc.posts,
    firstPost: acc.firstPost,
    lastPost: acc.lastPost,
    followers: acc.followers,
    tier: acc.followers !== undefined ? influencerTier(acc.followers) : undefined,
    lastFee: acc.lastFee,
    averageFee: acc.feeCount > 0 ? acc.feeSum / acc.feeCount : undefined,
    spend,
    revenue,
    orders: acc.orders,
    clicks: acc.clicks,
    newCustomers: acc.newCustomers,
    roi: spend > 0 ? roi(revenue, spend) : undefined,
    profitRoi:
      acc.marginCost.amount > 0
        ? profitRoi(acc.marginRevenue.amount, acc.marginCost.amount, 1)
        : undefined,
    cac: acc.newCustomers > 0 && spend > 0 ? cac(spend, acc.newCustomers) : undefined,
    conversionRate:
      acc.convertingClicks > 0 ? acc.convertingOrders / acc.convertingClicks : undefined,
    engagementRate: usual,
    lastEngagementRate: last,
    lastVersusUsual:
      byDate.length >= 2 && usual !== undefined && last !== undefined && usual > 0
        ? last / usual - 1
        : undefined,
    platformNorm: norm,
    versusNorm: norm && usual !== undefined ? compareWithNorm(usual, norm) : undefined,
    onTimeShare: known > 0 ? acc.onTime / known : undefined,
    leaks: acc.leaks,
    leftOut: acc.leftOut,
    missing: acc.missing,
    typed,
    history: acc.history,
  };
}

function goneCreator(identity: Identity, existing: ExistingCreator): Creator {
  return {
    identity,
    handle: displayHandle(identity),
    platform: identity.platform,
    status: 'gone',
    campaigns: [],
    posts: 0,
    spend: 0,
    revenue: 0,
    orders: 0,
    clicks: 0,
    newCustomers: 0,
    leaks: [],
    leftOut: 0,
    missing: [],
    typed: existing.typed,
    previous: existing.previous,
    history: [],
  };
}

export interface RosterOptions {
  /** Near-duplicate pairs the team said are two people (NearDuplicate.id). */
  dismissed?: ReadonlySet<string>;
}

/**
 * One row per creator from every tracker's rows, the existing roster's typed cells kept by
 * identity. A creator in the roster but in no tracker stays, marked "No longer in any tracker".
 * A new creator's payment status starts from their latest post's; after that it is the team's.
 */
export function mergeRoster(
  trackers: readonly TrackerPosts[],
  existing: readonly ExistingCreator[],
  rates: RateTable,
  options: RosterOptions = {},
): Roster {
  const accumulators = new Map<string, Accumulator>();
  const sightings: Sighting[] = [];
  const missing: string[] = [];
  let sequence = 0;
  let posts = 0;
  let leftOut = 0;
  for (const tracker of trackers) {
    const leaksByIndex = new Map<number, string>();
    for (const leak of findLeaks(tracker.rows)) leaksByIndex.set(leak.index, leak.words);
    tracker.rows.forEach((row, index) => {
      const identity = identify(row.handle, row.platform);
      if (!identity) return;
      sightings.push({ handle: row.handle, platform: row.platform, source: tracker.tracker });
      let acc = accumulators.get(identity.key);
      if (!acc) {
        acc = newAccumulator(identity, rates.reporting);
        accumulators.set(identity.key, acc);
      }
      const noRate = addPost(acc, tracker, row, sequence++, rates);
      posts++;
      if (noRate) {
        leftOut++;
        for (const code of noRate) if (!missing.includes(code)) missing.push(code);
      }
      const leak = leaksByIndex.get(index);
      if (leak)
        acc.leaks.push(`${tracker.tracker}${row.postDate ? ` ${row.postDate}` : ''}: ${leak}`);
    });
  }

  const existingByKey = new Map<string, { identity: Identity; entry: ExistingCreator }>();
  for (const entry of existing) {
    const identity = identify(entry.handle, entry.platform);
    if (!identity) continue;
    // Only a creator no tracker has is sighted on the sheet, so a second sync words pairs alike.
    if (!accumulators.has(identity.key))
      sightings.push({ handle: entry.handle, platform: entry.platform, source: 'Creators sheet' });
    const seen = existingByKey.get(identity.key);
    if (seen) seen.entry = { ...seen.entry, typed: mergeTyped(seen.entry.typed, entry.typed) };
    else existingByKey.set(identity.key, { identity, entry });
  }

  const creators: Creator[] = [];
  for (const [key, { identity, entry }] of existingByKey) {
    const acc = accumulators.get(key);
    creators.push(acc ? toCreator(acc, entry.typed) : goneCreator(identity, entry));
  }
  for (const [key, acc] of accumulators) {
    if (existingByKey.has(key)) continue;
    creators.push(toCreator(acc, acc.paymentStatus ? { paymentStatus: acc.paymentStatus } : {}));
  }
  return {
    currency: rates.reporting,
    creators,
    duplicates: findNearDuplicates(sightings, options.dismissed),
    posts,
    leftOut,
    missing,
    note: leftOutNote(leftOut, missing),
  };
}

// ---------------------------------------------------------------------------------------------
// The "Creators" sheet as data: one entry per column; its header, values and reading back
// are derived from this table, so a column is added in one place.

export type RosterKey =
  | 'handle'
  | 'platform'
  | 'status'
  | 'campaigns'
  | 'campaignNames'
  | 'firstPost'
  | 'lastPost'
  | 'posts'
  | 'followers'
  | 'tier'
  | 'lastFee'
  | 'averageFee'
  | 'spend'
  | 'revenue'
  | 'roi'
  | 'profitRoi'
  | 'cac'
  | 'conversionRate'
  | 'engagementRate'
  | 'versusNorm'
  | 'lastVersusUsual'
  | 'onTime'
  | 'leaks'
  | 'leftOut'
  | TypedKey;

export interface RosterColumn {
  key: RosterKey;
  header: string;
  /** Typed columns belong to the team; derived ones are rewritten by every sync. */
  kind: 'derived' | 'typed';
  type: ValueType;
  note: string;
  value?: (creator: Creator) => CellValue | undefined;
}

function normWords(creator: Creator): string | undefined {
  const norm = creator.platformNorm;
  if (!norm || !creator.versusNorm) return undefined;
  return `${creator.versusNorm} ${norm.name}'s ${formatPercent(norm.low)} to ${formatPercent(norm.high)}`;
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    key: 'handle',
    header: 'Creator',
    kind: 'derived',
    type: 'text',
    note: 'The handle, in lower case without "@" variations: one row per handle and platform.',
    value: (c) => c.handle,
  },
  {
    key: 'platform',
    header: 'Platform',
    kind: 'derived',
    type: 'platform',
    note: 'Where they post; the same handle on two platforms is two rows.',
    value: (c) => c.platform,
  },
  {
    key: 'status',
    header: 'Status',
    kind: 'derived',
    type: 'text',
    note: 'Active, or "No longer in any tracker": kept with their last numbers, never deleted.',
    value: (c) => STATUS_WORDS[c.status],
  },
  {
    key: 'campaigns',
    header: 'Campaigns',
    kind: 'derived',
    type: 'count',
    note: 'How many trackers they appear in.',
    value: (c) => c.campaigns.length,
  },
  {
    key: 'campaignNames',
    header: 'Campaign names',
    kind: 'derived',
    type: 'text',
    note: 'The trackers they appear in.',
    value: (c) => c.campaigns.join(', '),
  },
  {
    key: 'firstPost',
    header: 'First post',
    kind: 'derived',
    type: 'date',
    note: 'Earliest post date.',
    value: (c) => c.firstPost,
  },
  {
    key: 'lastPost',
    header: 'Last post',
    kind: 'derived',
    type: 'date',
    note: 'Latest post date.',
    value: (c) => c.lastPost,
  },
  {
    key: 'posts',
    header: 'Posts',
    kind: 'derived',
    type: 'count',
    note: 'Tracker rows across all trackers.',
    value: (c) => c.posts,
  },
  {
    key: 'followers',
    header: 'Followers',
    kind: 'derived',
    type: 'count',
    note: 'Followers at their latest post.',
    value: (c) => c.followers,
  },
  {
    key: 'tier',
    header: 'Tier',
    kind: 'derived',
    type: 'text',
    note: 'nano under 10,000 followers; micro to 99,999; mid to 499,999; macro to 999,999; mega above.',
    value: (c) => c.tier,
  },
  {
    key: 'lastFee',
    header: 'Last fee',
    kind: 'derived',
    type: 'money',
    note: 'Fee of their latest post, in the reporting currency.',
    value: (c) => c.lastFee,
  },
  {
    key: 'averageFee',
    header: 'Average fee',
    kind: 'derived',
    type: 'money',
    note: 'Average fee over their posts with a fee, in the reporting currency.',
    value: (c) => c.averageFee,
  },
  {
    key: 'spend',
    header: 'Total spend',
    kind: 'derived',
    type: 'money',
    note: 'Sum of full cost (fee, product, shipping, discount, commission, agency fees), converted.',
    value: (c) => (c.status === 'active' ? c.spend : undefined),
  },
  {
    key: 'revenue',
    header: 'Revenue',
    kind: 'derived',
    type: 'money',
    note: 'Attributed revenue net of refunds, converted.',
    value: (c) => (c.status === 'active' ? c.revenue : undefined),
  },
  {
    key: 'roi',
    header: 'ROI',
    kind: 'derived',
    type: 'rate',
    note: 'ROI = (revenue - total spend) / total spend.',
    value: (c) => c.roi,
  },
  {
    key: 'profitRoi',
    header: 'Profit ROI',
    kind: 'derived',
    type: 'rate',
    note: 'Profit ROI = (revenue x gross margin - total spend) / total spend, over posts with a margin.',
    value: (c) => c.profitRoi,
  },
  {
    key: 'cac',
    header: 'CAC',
    kind: 'derived',
    type: 'money',
    note: 'CAC = total spend / new customers.',
    value: (c) => c.cac,
  },
  {
    key: 'conversionRate',
    header: 'Conversion rate',
    kind: 'derived',
    type: 'rate',
    note: 'Orders / clicks, over posts with clicks.',
    value: (c) => c.conversionRate,
  },
  {
    key: 'engagementRate',
    header: 'Usual engagement',
    kind: 'derived',
    type: 'rate',
    note: `The same rate the dashboard compares each post with: ${USUAL_RATE_WORDS}.`,
    value: (c) => c.engagementRate,
  },
  {
    key: 'versusNorm',
    header: 'vs platform norm',
    kind: 'derived',
    type: 'text',
    note: 'Their usual engagement against the typical range for their platform.',
    value: normWords,
  },
  {
    key: 'lastVersusUsual',
    header: 'Last post vs usual',
    kind: 'derived',
    type: 'rate',
    note: "Last post's engagement rate / their usual - 1: -30% means 30% below their usual.",
    value: (c) => c.lastVersusUsual,
  },
  {
    key: 'onTime',
    header: 'Delivered on time',
    kind: 'derived',
    type: 'rate',
    note: 'Share of posts marked "yes" in the trackers\' "Delivered on time" column.',
    value: (c) => c.onTimeShare,
  },
  {
    key: 'leaks',
    header: 'Possible code leak',
    kind: 'derived',
    type: 'text',
    note: `More orders than clicks, a conversion rate over 3x that of ${BASELINE_WORDS} in the same tracker (none: no test), or orders before the post.`,
    value: (c) => c.leaks.join('\n'),
  },
  {
    key: 'leftOut',
    header: 'Left out of totals',
    kind: 'derived',
    type: 'text',
    note: 'Posts whose currency has no rate in the "Rates" sheet: not in spend, revenue or ROI.',
    value: (c) => (c.leftOut > 0 ? `${c.leftOut}: no rate for ${c.missing.join(', ')}` : ''),
  },
  {
    key: 'contact',
    header: 'Contact',
    kind: 'typed',
    type: 'text',
    note: 'Yours to fill: a sync never changes it.',
  },
  {
    key: 'paymentStatus',
    header: 'Payment status',
    kind: 'typed',
    type: 'text',
    note: "Yours to fill: a new creator starts with their latest post's; a sync never changes it after.",
  },
  {
    key: 'notes',
    header: 'Notes',
    kind: 'typed',
    type: 'text',
    note: 'Yours to fill: a sync never changes it.',
  },
];

function cellOf(creator: Creator, column: RosterColumn): CellValue {
  if (column.kind === 'typed') return creator.typed[column.key as TypedKey] ?? '';
  const own = column.key === 'status' || column.key === 'handle' || column.key === 'platform';
  if (creator.status === 'gone' && !own) return creator.previous?.[column.key] ?? '';
  return column.value?.(creator) ?? '';
}

/** The whole sheet as one 2-D array: header, then one row per creator. */
export function toRosterValues(roster: Roster): CellValue[][] {
  return [
    ROSTER_COLUMNS.map((column) => column.header),
    ...roster.creators.map((creator) => ROSTER_COLUMNS.map((column) => cellOf(creator, column))),
  ];
}

const headerKey = (text: string) => text.trim().toLowerCase();

/**
 * The existing sheet read back by header (so columns the team moved are still found); rows
 * without a handle are skipped. A sheet without a "Creator" header reads as empty.
 */
export function fromRosterValues(values: readonly (readonly CellValue[])[]): ExistingCreator[] {
  if (values.length === 0) return [];
  const byHeader = new Map(ROSTER_COLUMNS.map((column) => [headerKey(column.header), column]));
  const positions: { index: number; column: RosterColumn }[] = [];
  values[0].forEach((header, index) => {
    const column = byHeader.get(headerKey(String(header)));
    if (column) positions.push({ index, column });
  });
  const at = (key: RosterKey) => positions.find((p) => p.column.key === key)?.index;
  const handleAt = at('handle');
  if (handleAt === undefined) return [];
  const platformAt = at('platform');
  const creators: ExistingCreator[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r];
    const handle = String(cells[handleAt] ?? '').trim();
    if (!handle) continue;
    const typed: TypedValues = {};
    const previous: Partial<Record<RosterKey, CellValue>> = {};
    for (const { index, column } of positions) {
      const value = cells[index];
      if (value === undefined) continue;
      if (column.kind === 'typed') {
        if (textOf(value) !== '') typed[column.key as TypedKey] = value;
      } else previous[column.key] = value;
    }
    creators.push({
      handle,
      platform: platformAt === undefined ? '' : String(cells[platformAt] ?? ''),
      typed,
      previous,
    });
  }
  return creators;
}
