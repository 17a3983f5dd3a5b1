// Plan the next campaign from the team's own data: one model per candidate creator, from (1)
// their own posts, else (2) posts by creators of the same tier on the same platform, else (3) the
// domain brief's platform norms with the assumed rates below. Likely orders are the basis's
// median; low and high follow its quartiles (thin own history borrows them); clicks are orders
// at the basis's conversion rate and revenue orders x one order value, so the figures agree.
// ROI counts the fee and the product and shipping. Then a greedy pick within the budget.
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
/**
 * Peers count as a basis from this many posts of the same tier and platform; own history under
 * it keeps its likely case but borrows the spread of its range (peers', else the norms').
 */
export const MIN_POSTS = 3;
/** Likely orders are the basis's median; low and high follow its 25th and 75th percentiles. */
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
  /** Product and shipping of booking them, in `currency`; blank: the trackers' average per post. */
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
  /**
   * Cost in the reporting currency: fee + product and shipping (as typed, else the trackers'
   * average per post); undefined without a rate.
   */
  cost?: number;
  /** Clicks = orders / the basis's conversion rate. */
  clicks?: Range;
  orders?: Range;
  /** Revenue / order: the basis's own, else the set or team's. */
  orderValue?: number;
  /** Orders x order value. */
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
  /** Product and shipping per post in the trackers: a candidate's cost when none is typed. */
  productPerPost?: number;
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

function times(range: Range, factor: number): Range {
  return { low: range.low * factor, likely: range.likely * factor, high: range.high * factor };
}

function add(a: Range | undefined, b: Range): Range {
  return a ? { low: a.low + b.low, likely: a.likely + b.likely, high: a.high + b.high } : b;
}

/** Low and high as multiples of the likely case. */
export interface Spread {
  low: number;
  high: number;
}

/** Without peers or a norm to borrow from: half to one and a half times the likely case. */
export const ASSUMED_SPREAD: Spread = { low: 0.5, high: 1.5 };

/** What a set of posts says: orders per post and the rates that turn orders into clicks and revenue. */
export interface Evidence {
  /** Orders of each post that has them: per follower, or as recorded. */
  orders: number[];
  /** Orders / clicks over the posts with both. */
  conversion?: number;
  /** Revenue / orders over the posts with both. */
  orderValue?: number;
}

function evidenceOf(posts: readonly HistoryPost[], perFollower: boolean): Evidence {
  const orders: number[] = [];
  const sums = { clicks: 0, clickOrders: 0, revenue: 0, revenueOrders: 0 };
  for (const post of posts) {
    if (!num(post.orders) || (perFollower && !num(post.followers))) continue;
    orders.push(perFollower ? post.orders / (post.followers as number) : post.orders);
    if (num(post.clicks) && post.clicks > 0) {
      sums.clicks += post.clicks;
      sums.clickOrders += post.orders;
    }
    if (num(post.revenue) && post.orders > 0) {
      sums.revenue += post.revenue;
      sums.revenueOrders += post.orders;
    }
  }
  return {
    orders,
    conversion: sums.clicks > 0 ? sums.clickOrders / sums.clicks : undefined,
    orderValue: sums.revenueOrders > 0 ? sums.revenue / sums.revenueOrders : undefined,
  };
}

/** The 25th and 75th percentiles over the median, from 3 posts (none around a median of 0). */
function spreadOf(evidence: Evidence | undefined): Spread | undefined {
  if (!evidence || evidence.orders.length < MIN_POSTS) return undefined;
  const likely = percentile(evidence.orders, 0.5);
  if (!(likely > 0)) return undefined;
  return {
    low: percentile(evidence.orders, LOW_PERCENTILE) / likely,
    high: percentile(evidence.orders, HIGH_PERCENTILE) / likely,
  };
}

export interface HistoryIndex {
  byIdentity: ReadonlyMap<string, HistoryPost[]>;
  /** Per-follower evidence of the posts of one platform and tier (at the time of the post). */
  peers(platform: string, tier: Tier): Evidence | undefined;
  /** Revenue / orders over every converted post with orders. */
  orderValue?: number;
  /** Product and shipping per post, over the posts where it is typed. */
  productPerPost?: number;
}

function peerKey(platform: string, tier: Tier): string {
  return `${platform.toLowerCase()}|${tier}`;
}

/** Indexes the roster's posts once; each group's evidence is gathered once, on first use. */
export function historyIndex(creators: readonly Creator[]): HistoryIndex {
  const byIdentity = new Map<string, HistoryPost[]>();
  const byPeers = new Map<string, HistoryPost[]>();
  const peerEvidence = new Map<string, Evidence>();
  const totals = { revenue: 0, orders: 0, product: 0, productPosts: 0 };
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
        totals.revenue += post.revenue;
        totals.orders += post.orders;
      }
      if (num(post.product)) {
        totals.product += post.product;
        totals.productPosts++;
      }
    }
  }
  const peers = (platform: string, tier: Tier) => {
    const key = peerKey(platform, tier);
    const posts = byPeers.get(key);
    if (!posts) return undefined;
    let evidence = peerEvidence.get(key);
    if (!evidence) {
      evidence = evidenceOf(posts, true);
      peerEvidence.set(key, evidence);
    }
    return evidence;
  };
  return {
    byIdentity,
    peers,
    orderValue: totals.orders > 0 ? totals.revenue / totals.orders : undefined,
    productPerPost: totals.productPosts > 0 ? totals.product / totals.productPosts : undefined,
  };
}

/** The platform norms as a model per follower: orders, their spread, and words. */
function normsModel(platform: string) {
  const norm = findPlatform(platform);
  if (!norm) return undefined;
  const click = ASSUMED_CLICKS_PER_ENGAGEMENT;
  const buy = ASSUMED_CONVERSION;
  const likely = ((norm.low + norm.high) / 2) * click.likely * buy.likely;
  const words =
    `${norm.name} norms: ${formatPercent(norm.low)} to ${formatPercent(norm.high)} engagement, ` +
    `${formatPercent(click.low, 0)} to ${formatPercent(click.high, 0)} of engagements click (assumed), ` +
    `${formatPercent(buy.low)} to ${formatPercent(buy.high)} of clicks buy (assumed)`;
  return {
    name: norm.name,
    ordersPerFollower: likely,
    spread: {
      low: (norm.low * click.low * buy.low) / likely,
      high: (norm.high * click.high * buy.high) / likely,
    },
    words,
  };
}

/** One candidate's model: likely orders, how far low and high go, and the rates it uses. */
interface Model {
  basis: Basis;
  words: string;
  orders?: Range;
  conversion?: number;
  orderValue?: number;
}

interface Sources {
  own?: Evidence;
  peers?: Evidence;
  peerWords: string;
  norms?: ReturnType<typeof normsModel>;
  /** Followers to scale per-follower evidence to; undefined: own posts as recorded. */
  followers?: number;
}

/** The spread for thin own history: the peers', else the norms', else the assumed one, in words. */
function borrowedSpread(sources: Sources): { spread: Spread; words: string } {
  const peers = spreadOf(sources.peers);
  if (peers) return { spread: peers, words: `range borrowed from peers (${sources.peerWords})` };
  if (sources.norms)
    return {
      spread: sources.norms.spread,
      words: `range borrowed from ${sources.norms.name} norms`,
    };
  return { spread: ASSUMED_SPREAD, words: 'range assumed at half to one and a half times likely' };
}

const around = (likely: number, spread: Spread): Range => ({
  low: likely * spread.low,
  likely,
  high: likely * spread.high,
});

function modelOf(sources: Sources): Model {
  const { own, peers, norms, followers } = sources;
  const scale = followers ?? 1;
  const perFollower = followers !== undefined ? ', per follower' : '';
  if (own && own.orders.length > 0) {
    // spreadOf needs MIN_POSTS posts: thinner own history borrows its range, and says so.
    const ownSpread = spreadOf(own);
    const borrowed = ownSpread ? undefined : borrowedSpread(sources);
    const spread = ownSpread ?? (borrowed as { spread: Spread }).spread;
    return {
      basis: 'own',
      words: `${plural(own.orders.length, 'post')} of their own${perFollower}${borrowed ? `; ${borrowed.words}` : ''}`,
      orders: around(percentile(own.orders, 0.5) * scale, spread),
      conversion: own.conversion ?? peers?.conversion,
      orderValue: own.orderValue,
    };
  }
  if (peers && followers !== undefined && peers.orders.length >= MIN_POSTS) {
    return {
      basis: 'peers',
      words: `${sources.peerWords}${perFollower}`,
      orders: around(
        percentile(peers.orders, 0.5) * followers,
        spreadOf(peers) ?? borrowedSpread({ ...sources, peers: undefined }).spread,
      ),
      conversion: peers.conversion,
      orderValue: peers.orderValue,
    };
  }
  if (norms && followers !== undefined)
    return {
      basis: 'norms',
      words: norms.words,
      orders: around(norms.ordersPerFollower * followers, norms.spread),
      conversion: ASSUMED_CONVERSION.likely,
    };
  return {
    basis: 'none',
    words: 'No history for them or their tier and platform, and no platform norm',
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
  const peers = tier ? index.peers(platform, tier) : undefined;
  // Without the candidate's followers, their own posts count as recorded; peers need followers.
  const model = modelOf({
    own: own && evidenceOf(own, followers !== undefined),
    peers,
    peerWords: `${plural(peers?.orders.length ?? 0, 'post')} by ${tier} creators on ${platform}`,
    norms: normsModel(platform),
    followers,
  });
  const orderValue = model.orderValue ?? settings.orderValue ?? index.orderValue;
  const orders = model.orders;
  const noValue = orders && orderValue === undefined ? '; no order value, so no revenue' : '';

  // A typed product cost is in the candidate's currency; the trackers' average is converted.
  const typed = num(candidate.otherCost) ? candidate.otherCost : 0;
  const average = num(candidate.otherCost) ? 0 : (index.productPerPost ?? 0);
  const paidIn = candidate.currency?.trim() || settings.rates.reporting;
  const converted = convert(money(candidate.fee + typed, paidIn), settings.rates);
  const cost = converted.ok ? converted.money.amount + average : undefined;
  const revenue = orders && orderValue !== undefined ? times(orders, orderValue) : undefined;
  const roiRange =
    revenue && cost !== undefined && cost > 0
      ? {
          low: roi(revenue.low, cost),
          likely: roi(revenue.likely, cost),
          high: roi(revenue.high, cost),
        }
      : undefined;
  const conversion = model.conversion;
  return {
    candidate,
    identity,
    handle: identity ? displayHandle(identity) : candidate.handle.trim(),
    platform,
    followers,
    tier,
    basis: model.basis,
    basisWords: model.words + noValue,
    cost,
    clicks: orders && conversion ? times(orders, 1 / conversion) : undefined,
    orders,
    orderValue: revenue ? orderValue : undefined,
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
    productPerPost: index.productPerPost,
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
