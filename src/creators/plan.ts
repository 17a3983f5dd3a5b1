// Plan the next campaign from the team's own data: for each candidate creator, expected clicks,
// orders, revenue and ROI as low / likely / high, from (1) their own posts, else (2) posts by
// creators of the same tier on the same platform, else (3) the domain brief's platform norms
// with the assumed rates below. Then a greedy pick of the candidates that fit the budget.
import { findPlatform } from '../metrics/platforms';
import { roi } from '../metrics/returns';
import { influencerTier, type Tier } from '../metrics/tiers';
import { convert, MISSING_RATE, money, type RateTable } from '../money/money';
import { formatMoney, formatPercent, plural } from '../shared/words';
import { displayHandle, type Identity, identify } from './identity';
import type { Creator, HistoryPost } from './roster';

export interface Range {
  low: number;
  likely: number;
  high: number;
}

/**
 * Assumed share of engagements that become a click on the bio or description link, used only
 * without any history: creator links get a small fraction of the people who engage.
 */
export const ASSUMED_CLICKS_PER_ENGAGEMENT: Range = { low: 0.05, likely: 0.1, high: 0.2 };
/**
 * Assumed orders per click for creator traffic to a product page (the brief's worked example
 * is 5%; typical ecommerce pages convert 1% to 3%).
 */
export const ASSUMED_CONVERSION: Range = { low: 0.01, likely: 0.025, high: 0.05 };
/** Peers count as a basis from this many posts of the same tier and platform. */
export const MIN_PEER_POSTS = 3;
/** Low and high are the 25th and 75th percentiles of the reference posts, likely the median. */
export const LOW_PERCENTILE = 0.25;
export const HIGH_PERCENTILE = 0.75;

export const GREEDY_RULE =
  'Suggested greedily by expected ROI per dollar (the likely case): candidates in order of ' +
  'likely ROI, each taken while its cost still fits the budget. Forced-in candidates come first, ' +
  'forced-out ones never; none expected to lose money or without an estimate is suggested. ' +
  'Greedy is quick and explainable, not always the best possible set.';

export interface Candidate {
  handle: string;
  platform: string;
  followers?: number;
  /** The fee the creator asked, in `currency`. */
  fee: number;
  /** Blank: the reporting currency. */
  currency?: string;
  /** Product, shipping and other costs of booking them, in `currency`. */
  otherCost?: number;
  /** The team's override. */
  force?: 'in' | 'out';
}

export interface PlanSettings {
  /** In the reporting currency. */
  budget: number;
  rates: RateTable;
  /** Average order value for the norms basis; default: the team's own (revenue / orders). */
  orderValue?: number;
}

export type Basis = 'own' | 'peers' | 'norms' | 'none';

export const BASIS_WORDS: Record<Basis, string> = {
  own: 'Their own history',
  peers: 'Same tier and platform',
  norms: 'Platform norms',
  none: 'No basis',
};

export type Decision =
  | 'forcedIn'
  | 'forcedOut'
  | 'suggested'
  | 'overBudget'
  | 'losesMoney'
  | 'noEstimate'
  | 'noRate';

/** What is expected of one candidate, before any choice. */
export interface CandidateEstimate {
  candidate: Candidate;
  identity?: Identity;
  handle: string;
  platform: string;
  followers?: number;
  tier?: Tier;
  basis: Basis;
  /** Which data the ranges come from, in words. */
  basisWords: string;
  /** Cost (fee + other cost) in the reporting currency; undefined without a rate. */
  cost?: number;
  clicks?: Range;
  orders?: Range;
  revenue?: Range;
  roi?: Range;
  /** The currency without a rate when the cost could not be converted. */
  noRateFor?: string;
}

export interface Estimate extends CandidateEstimate {
  chosen: boolean;
  decision: Decision;
  /** The decision in words, e.g. "Suggested: likely ROI 85.0%, fits the budget". */
  why: string;
}

export interface Plan {
  currency: string;
  budget: number;
  /** The candidates in the order given. */
  estimates: Estimate[];
  /** Cost of the chosen candidates with a rate. */
  chosenCost: number;
  remaining: number;
  /** Forced-in candidates cost more than the budget. */
  overBudget: boolean;
  /** Sums over the chosen candidates that have an estimate. */
  expected: { clicks?: Range; orders?: Range; revenue?: Range; roi?: Range };
  rule: string;
}

const num = (value: number | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Linear interpolation between closest ranks, as Sheets' PERCENTILE. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function quartiles(values: readonly number[]): Range | undefined {
  if (values.length === 0) return undefined;
  return {
    low: percentile(values, LOW_PERCENTILE),
    likely: percentile(values, 0.5),
    high: percentile(values, HIGH_PERCENTILE),
  };
}

function times(range: Range, factor: Range | number): Range {
  const f = typeof factor === 'number' ? { low: factor, likely: factor, high: factor } : factor;
  return { low: range.low * f.low, likely: range.likely * f.likely, high: range.high * f.high };
}

function add(a: Range | undefined, b: Range): Range {
  return a ? { low: a.low + b.low, likely: a.likely + b.likely, high: a.high + b.high } : b;
}

/** Quartile ranges of a set of posts, with how many posts they come from. */
export interface Yields {
  posts: number;
  clicks?: Range;
  orders?: Range;
  revenue?: Range;
}

/**
 * Quartiles of each figure over the posts that have it: per follower (posts without followers
 * skipped), or per post as recorded.
 */
function yieldsOf(posts: readonly HistoryPost[], perFollower: boolean): Yields {
  const usable = perFollower ? posts.filter((post) => num(post.followers)) : posts;
  const of = (pick: (post: HistoryPost) => number | undefined) => {
    const values: number[] = [];
    for (const post of usable) {
      const value = pick(post);
      if (num(value)) values.push(perFollower ? value / (post.followers as number) : value);
    }
    return quartiles(values);
  };
  return {
    posts: usable.length,
    clicks: of((post) => post.clicks),
    orders: of((post) => post.orders),
    revenue: of((post) => post.revenue),
  };
}

function scaleYields(yields: Yields, factor: number): Yields {
  return {
    posts: yields.posts,
    clicks: yields.clicks && times(yields.clicks, factor),
    orders: yields.orders && times(yields.orders, factor),
    revenue: yields.revenue && times(yields.revenue, factor),
  };
}

export interface HistoryIndex {
  byIdentity: ReadonlyMap<string, HistoryPost[]>;
  /** Per-follower yields of the posts of one platform and tier (at the time of the post). */
  peers(platform: string, tier: Tier): Yields | undefined;
  /** Revenue / orders over every converted post with orders. */
  orderValue?: number;
}

function peerKey(platform: string, tier: Tier): string {
  return `${platform.toLowerCase()}|${tier}`;
}

/** Indexes the roster's posts once; each group's quartiles are computed once, on first use. */
export function historyIndex(creators: readonly Creator[]): HistoryIndex {
  const byIdentity = new Map<string, HistoryPost[]>();
  const byPeers = new Map<string, HistoryPost[]>();
  const peerYields = new Map<string, Yields>();
  let revenue = 0;
  let orders = 0;
  for (const creator of creators) {
    if (creator.history.length === 0) continue;
    byIdentity.set(creator.identity.key, creator.history);
    for (const post of creator.history) {
      if (num(post.followers)) {
        const key = peerKey(post.platform, influencerTier(post.followers));
        const list = byPeers.get(key);
        if (list) list.push(post);
        else byPeers.set(key, [post]);
      }
      if (num(post.revenue) && num(post.orders) && post.orders > 0) {
        revenue += post.revenue;
        orders += post.orders;
      }
    }
  }
  const peers = (platform: string, tier: Tier) => {
    const key = peerKey(platform, tier);
    const posts = byPeers.get(key);
    if (!posts) return undefined;
    let yields = peerYields.get(key);
    if (!yields) {
      yields = yieldsOf(posts, true);
      peerYields.set(key, yields);
    }
    return yields;
  };
  return { byIdentity, peers, orderValue: orders > 0 ? revenue / orders : undefined };
}

const hasEstimate = (ranges: Yields) => ranges.revenue !== undefined || ranges.orders !== undefined;

function normsRanges(
  platform: string,
  followers: number | undefined,
  orderValue: number | undefined,
): (Yields & { words: string }) | undefined {
  const norm = findPlatform(platform);
  if (!norm || followers === undefined) return undefined;
  const engagements: Range = {
    low: followers * norm.low,
    likely: (followers * (norm.low + norm.high)) / 2,
    high: followers * norm.high,
  };
  const clicks = times(engagements, ASSUMED_CLICKS_PER_ENGAGEMENT);
  const orders = times(clicks, ASSUMED_CONVERSION);
  const words =
    `${norm.name} norms: ${formatPercent(norm.low)} to ${formatPercent(norm.high)} engagement, ` +
    `${formatPercent(ASSUMED_CLICKS_PER_ENGAGEMENT.low, 0)} to ${formatPercent(ASSUMED_CLICKS_PER_ENGAGEMENT.high, 0)} of engagements click (assumed), ` +
    `${formatPercent(ASSUMED_CONVERSION.low)} to ${formatPercent(ASSUMED_CONVERSION.high)} of clicks buy (assumed)` +
    (orderValue === undefined ? '; no order value, so no revenue' : '');
  return {
    posts: 0,
    clicks,
    orders,
    revenue: orderValue === undefined ? undefined : times(orders, orderValue),
    words,
  };
}

/** A candidate's ranges and the basis they come from; cost and ROI in the reporting currency. */
export function estimateCandidate(
  candidate: Candidate,
  index: HistoryIndex,
  settings: PlanSettings,
): CandidateEstimate {
  const identity = identify(candidate.handle, candidate.platform);
  const own = identity ? index.byIdentity.get(identity.key) : undefined;
  let latestFollowers: number | undefined;
  let latestDate = '';
  for (const post of own ?? [])
    if (num(post.followers) && (post.postDate ?? '') >= latestDate) {
      latestFollowers = post.followers;
      latestDate = post.postDate ?? '';
    }
  const followers =
    num(candidate.followers) && candidate.followers > 0 ? candidate.followers : latestFollowers;
  const tier = followers !== undefined ? influencerTier(followers) : undefined;
  const platform = identity?.platform ?? candidate.platform.trim();
  const orderValue = settings.orderValue ?? index.orderValue;

  let basis: Basis = 'none';
  let basisWords = 'No history for them or their tier and platform, and no platform norm';
  let ranges: Yields = { posts: 0 };
  // Without the candidate's followers, their own posts count as recorded; peers need followers.
  const mine = own && scaleYields(yieldsOf(own, followers !== undefined), followers ?? 1);
  const peerYields = tier ? index.peers(platform, tier) : undefined;
  const peerRanges = peerYields && scaleYields(peerYields, followers ?? 1);
  const norms = normsRanges(platform, followers, orderValue);
  const scaledTo = followers !== undefined ? ', per follower' : '';
  if (mine && mine.posts > 0 && hasEstimate(mine)) {
    basis = 'own';
    ranges = mine;
    basisWords = `${plural(mine.posts, 'post')} of their own${scaledTo}`;
  } else if (peerRanges && peerRanges.posts >= MIN_PEER_POSTS && hasEstimate(peerRanges)) {
    basis = 'peers';
    ranges = peerRanges;
    basisWords = `${plural(peerRanges.posts, 'post')} by ${tier} creators on ${platform}${scaledTo}`;
  } else if (norms) {
    basis = 'norms';
    ranges = norms;
    basisWords = norms.words;
  }

  const paidIn = candidate.currency?.trim() || settings.rates.reporting;
  const converted = convert(
    money(candidate.fee + (candidate.otherCost ?? 0), paidIn),
    settings.rates,
  );
  const cost = converted.ok ? converted.money.amount : undefined;
  const revenue = ranges.revenue;
  const roiRange =
    revenue && cost !== undefined && cost > 0
      ? {
          low: roi(revenue.low, cost),
          likely: roi(revenue.likely, cost),
          high: roi(revenue.high, cost),
        }
      : undefined;
  return {
    candidate,
    identity,
    handle: identity ? displayHandle(identity) : candidate.handle.trim(),
    platform,
    followers,
    tier,
    basis,
    basisWords,
    cost,
    clicks: ranges.clicks,
    orders: ranges.orders,
    revenue,
    roi: roiRange,
    noRateFor: converted.ok ? undefined : converted.missing,
  };
}

/** Likely ROI for ranking; a free booking with revenue ranks first. */
function rankOf(estimate: CandidateEstimate): number | undefined {
  if (estimate.cost === undefined || !estimate.revenue) return undefined;
  if (estimate.cost === 0)
    return estimate.revenue.likely > 0 ? Number.POSITIVE_INFINITY : undefined;
  return estimate.roi?.likely;
}

/**
 * Every candidate estimated, then chosen: forced-in first (even over budget, which the plan
 * says), then greedily by likely ROI while the cost fits what is left of the budget.
 */
export function planCampaign(
  candidates: readonly Candidate[],
  creators: readonly Creator[],
  settings: PlanSettings,
): Plan {
  const index = historyIndex(creators);
  const currency = settings.rates.reporting;
  const say = (amount: number) => formatMoney(amount, currency);
  const estimates: Estimate[] = candidates.map((candidate) => ({
    ...estimateCandidate(candidate, index, settings),
    chosen: false,
    decision: 'noEstimate',
    why: '',
  }));
  const noRate = (estimate: Estimate) => `${MISSING_RATE} for ${estimate.noRateFor}`;
  let spent = 0;
  for (const estimate of estimates) {
    if (estimate.candidate.force !== 'in') continue;
    estimate.chosen = true;
    estimate.decision = 'forcedIn';
    if (estimate.cost !== undefined) {
      spent += estimate.cost;
      estimate.why = 'Forced in by the team';
    } else estimate.why = `Forced in by the team; its cost is not counted (${noRate(estimate)})`;
  }
  const open: { estimate: Estimate; rank: number; order: number }[] = [];
  estimates.forEach((estimate, order) => {
    if (estimate.chosen) return;
    if (estimate.candidate.force === 'out') {
      estimate.decision = 'forcedOut';
      estimate.why = 'Forced out by the team';
      return;
    }
    if (estimate.noRateFor) {
      estimate.decision = 'noRate';
      estimate.why = `Not suggested: ${noRate(estimate)}`;
      return;
    }
    const rank = rankOf(estimate);
    if (rank === undefined) {
      estimate.decision = 'noEstimate';
      estimate.why = 'Not suggested: no estimate of revenue';
    } else if (rank <= 0) {
      estimate.decision = 'losesMoney';
      estimate.why = `Not suggested: expected to lose money (likely ROI ${formatPercent(rank)})`;
    } else open.push({ estimate, rank, order });
  });
  open.sort(
    (a, b) =>
      b.rank - a.rank ||
      (b.estimate.revenue?.likely ?? 0) - (a.estimate.revenue?.likely ?? 0) ||
      a.order - b.order,
  );
  for (const { estimate, rank } of open) {
    const cost = estimate.cost as number;
    const left = settings.budget - spent;
    const roiWords =
      rank === Number.POSITIVE_INFINITY ? 'no cost' : `likely ROI ${formatPercent(rank)}`;
    if (cost <= left + 1e-9) {
      estimate.chosen = true;
      estimate.decision = 'suggested';
      estimate.why = `Suggested: ${roiWords}, fits the budget`;
      spent += cost;
    } else {
      estimate.decision = 'overBudget';
      estimate.why = `Not suggested: ${say(cost)} is more than the ${say(Math.max(left, 0))} left (${roiWords})`;
    }
  }
  const expected: Plan['expected'] = {};
  for (const estimate of estimates) {
    if (!estimate.chosen) continue;
    if (estimate.clicks) expected.clicks = add(expected.clicks, estimate.clicks);
    if (estimate.orders) expected.orders = add(expected.orders, estimate.orders);
    if (estimate.revenue) expected.revenue = add(expected.revenue, estimate.revenue);
  }
  if (expected.revenue && spent > 0)
    expected.roi = {
      low: roi(expected.revenue.low, spent),
      likely: roi(expected.revenue.likely, spent),
      high: roi(expected.revenue.high, spent),
    };
  return {
    currency,
    budget: settings.budget,
    estimates,
    chosenCost: spent,
    remaining: settings.budget - spent,
    overBudget: spent > settings.budget + 1e-9,
    expected,
    rule: GREEDY_RULE,
  };
}

// Native formulas for the "Plan" sheet, so it recomputes when the team edits a fee, an override
// or the budget. Plan rows are single cells (no ARRAYFORMULA).

/** The team's override ("In" / "Out") wins over the suggestion ("Yes" / "No"). */
export function bookedFormula(override: string, suggested: string): string {
  return `IF(${override}="In", "Yes", IF(${override}="Out", "No", ${suggested}))`;
}

/** Budget minus the cost of the booked candidates. */
export function budgetLeftFormula(budget: string, booked: string, costs: string): string {
  return `${budget}-SUMIF(${booked}, "Yes", ${costs})`;
}
