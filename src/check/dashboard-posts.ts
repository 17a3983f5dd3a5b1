// "Every post" as the dashboard must show it, by plain arithmetic over the sample campaigns: each
// post in date order with its tracker numbers, the creator's usual engagement (one rule with the
// Creators sheet, over the posts listed), engagement checks against the platform norm, and the sales lift around its date.

import { MIN_LIFT_DAYS } from '../insights/lift';
import type { PostKey } from '../insights/posts';
import { FAR_BELOW_SHARE, PLATFORM_NORMS } from '../metrics/platforms';
import { usualEngagementRate } from '../metrics/rates';
import type { ColumnKey } from '../tracker/columns';
import type { SampleRow } from './sample';
import { derivedRow, type TrackerSample } from './tracker-figures';

export type PostValue = number | string;

export interface ExpectedPost {
  /** The tracker's sheet name, and what the check calls it. */
  campaign: string;
  label: string;
  createdAt: string;
  row: SampleRow;
  values: Partial<Record<PostKey, PostValue>>;
  /** Day number of the post date. */
  day: number;
}

export interface CampaignSample extends TrackerSample {
  /** The tracker's sheet name, and what the check calls it ("Tracker"). */
  name: string;
  label: string;
  createdAt: string;
}

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

const raw = (row: SampleRow, key: ColumnKey): PostValue => row[key] ?? '';
const isNumber = (value: unknown): value is number => typeof value === 'number';

export function creatorKey(handle: unknown, platform: unknown): string {
  const clean = (v: unknown) =>
    String(v ?? '')
      .trim()
      .toLowerCase();
  return `${clean(handle).split('@').join('')} on ${clean(platform)}`;
}

function trackerValues(campaign: CampaignSample, index: number): ExpectedPost {
  const row = campaign.rows[index];
  const derived = derivedRow(campaign.rows, index, campaign);
  const values: Partial<Record<PostKey, PostValue>> = {
    campaign: campaign.name,
    key: creatorKey(row.handle, row.platform),
    creator: raw(row, 'handle'),
    platform: raw(row, 'platform'),
    postDate: raw(row, 'postDate'),
    followers: raw(row, 'followers'),
    reach: raw(row, 'reach'),
    engagements: derived.engagements ?? '',
    clicks: raw(row, 'clicks'),
    orders: raw(row, 'orders'),
    revenue: raw(row, 'revenue'),
    cost: derived.totalCost ?? '',
    newCustomers: raw(row, 'newCustomers'),
    bonus: raw(row, 'bonus'),
    contentValue: raw(row, 'contentValue'),
    sentiment: raw(row, 'sentiment'),
    sentimentNote: raw(row, 'sentimentNote'),
    typedRate: raw(row, 'usualEngagementRate'),
  };
  return {
    campaign: campaign.name,
    label: campaign.label,
    createdAt: campaign.createdAt,
    row,
    values,
    day: dayNumber(String(row.postDate)),
  };
}

/** The creator's usual rate over the posts listed: the metric's own definition, or "". */
function usualRate(post: ExpectedPost, posts: readonly ExpectedPost[]): PostValue {
  const number = (value: PostValue | undefined) => (isNumber(value) ? value : undefined);
  const same = posts.filter((other) => other.values.key === post.values.key);
  const rate = usualEngagementRate(
    same.map((other) => ({
      typedRate: number(other.values.typedRate),
      // Only posts whose engagement rate is known count (engagements and followers above 0).
      engagements: isNumber(other.values.engagementRate)
        ? number(other.values.engagements)
        : undefined,
      followers: isNumber(other.values.engagementRate) ? number(other.values.followers) : undefined,
    })),
  );
  return rate ?? '';
}

function engagementRateOf(post: ExpectedPost): PostValue {
  const { engagements, followers } = post.values;
  return isNumber(engagements) && isNumber(followers) && followers > 0
    ? engagements / followers
    : '';
}

function engagement(post: ExpectedPost): Partial<Record<PostKey, PostValue>> {
  const { engagementRate: rate = '', usualRate: usual, platform } = post.values;
  const norm = PLATFORM_NORMS.find(
    (p) => p.name.toLowerCase() === String(platform).trim().toLowerCase(),
  );
  const below = (reference: PostValue | undefined) =>
    isNumber(reference) && isNumber(rate) && rate < reference * FAR_BELOW_SHARE;
  const low = norm ? norm.low : '';
  let check = '';
  if (below(usual))
    check = below(low) ? 'far below own usual and platform norm' : 'far below own usual';
  else if (below(low)) check = 'far below platform norm';
  return { engagementRate: rate, platformNorm: low, engagementCheck: isNumber(rate) ? check : '' };
}

/** Sales per day number, days reported twice added up. */
export function dailyTotals(daily: readonly [string, number][]): Map<number, number> {
  const totals = new Map<number, number>();
  for (const [day, sales] of daily)
    totals.set(dayNumber(day), (totals.get(dayNumber(day)) ?? 0) + sales);
  return totals;
}

function windowOf(totals: Map<number, number>, from: number, to: number): number[] {
  const values: number[] = [];
  for (let d = from; d <= to; d++) if (totals.has(d)) values.push(totals.get(d) as number);
  return values;
}

/** The verdict on a lift, or why there is none ("not enough days", "no data"). */
function liftWords(
  posts: readonly ExpectedPost[],
  i: number,
  change: PostValue,
  spread: PostValue,
  days: [number, number],
  n: number,
): string {
  const { day } = posts[i];
  const previous = posts[i - 1];
  const next = posts[i + 1];
  if (!isNumber(change)) {
    const [before, after] = days;
    if (before + after === 0) return 'no data';
    return `not enough days: ${before} before, ${after} from the post (needs ${MIN_LIFT_DAYS} each)`;
  }
  if (previous && day - previous.day <= n) return `overlaps ${previous.values.creator}`;
  const verdict = change > 2 * (spread as number) ? 'stands out' : 'within normal variation';
  return next && next.day - day <= n - 1 ? `${verdict}; overlaps ${next.values.creator}` : verdict;
}

function lift(posts: readonly ExpectedPost[], i: number, totals: Map<number, number>, n: number) {
  const { day } = posts[i];
  const before = windowOf(totals, day - n, day - 1);
  const after = windowOf(totals, day, day + n - 1);
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const mean = (values: number[]): PostValue =>
    values.length > 0 ? total(values) / values.length : '';
  const beforeMean = mean(before);
  const afterMean = mean(after);
  const enough = before.length >= MIN_LIFT_DAYS && after.length >= MIN_LIFT_DAYS;
  const change = enough ? (afterMean as number) - (beforeMean as number) : '';
  let spread: PostValue = '';
  if (before.length >= 2) {
    const variance =
      (total(before.map((v) => v * v)) - total(before) ** 2 / before.length) / (before.length - 1);
    spread = variance > 0 ? Math.sqrt(variance) : 0;
  }
  const check = liftWords(posts, i, change, spread, [before.length, after.length], n);
  return {
    daysBefore: before.length,
    before: beforeMean,
    daysAfter: after.length,
    after: afterMean,
    lift: change,
    extra: isNumber(change) ? change * n : '',
    spread,
    liftCheck: check,
    inTotal: check.slice(0, 10) === 'stands out' ? 'yes' : '',
  };
}

/** Every post of the campaigns (or of a period), in post-date order, with every column shown. */
export function expectedPosts(
  campaigns: readonly CampaignSample[],
  daily: readonly [string, number][],
  liftDays: number,
  period?: { from: string; to: string },
): ExpectedPost[] {
  const all: ExpectedPost[] = [];
  for (const campaign of campaigns)
    campaign.rows.forEach((row, i) => {
      if (row.handle) all.push(trackerValues(campaign, i));
    });
  const inPeriod = (post: ExpectedPost) =>
    !period || (post.day >= dayNumber(period.from) && post.day <= dayNumber(period.to));
  const posts = all.filter(inPeriod).sort((a, b) => a.day - b.day);
  for (const post of posts) {
    const rate = engagementRateOf(post);
    post.values.engagementRate = rate;
    post.values.typedKey = isNumber(post.values.typedRate) ? (post.values.key as string) : '';
    post.values.ratedKey = isNumber(rate) ? (post.values.key as string) : '';
  }
  // The creator's usual rate comes from the posts listed (a report: those of its period).
  for (const post of posts) post.values.usualRate = usualRate(post, posts);
  const totals = dailyTotals(daily);
  posts.forEach((post, i) => {
    Object.assign(post.values, engagement(post), lift(posts, i, totals, liftDays));
  });
  return posts;
}
