// What the dashboard must show, computed here from the fixture alone, in plain arithmetic: the
// domain brief's definitions, not the add-on's formulas.

export interface Post {
  campaign: string;
  handle: string;
  platform: string;
  followers: number;
  date: string | null;
  reach: number;
  engagements: number;
  clicks: number;
  orders: number;
  revenue: number;
  cost: number;
  newCustomers: number;
  bonus: number;
  contentValue: number;
  sentiment: string;
  usual: number | null;
}

export interface Settings {
  minOrders: number;
  priorClicks: number;
  liftDays: number;
  signupRate: number;
  purchaseRate: number;
  orderValue: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** Posts from typed tracker rows (the tracker's input columns A to R) and their extra values. */
export function postsFrom(
  campaign: string,
  rows: (string | number)[][],
  extra: Record<string, Partial<Record<string, string | number>>> = {},
): Post[] {
  const n = (value: unknown) => (typeof value === 'number' ? value : 0);
  return rows.map((row) => {
    const handle = String(row[0]);
    const more = extra[handle] ?? {};
    return {
      campaign,
      handle,
      platform: String(row[1]),
      followers: n(row[2]),
      date: row[3] ? String(row[3]) : null,
      reach: n(row[9]),
      engagements: n(row[10]) + n(row[11]) + n(row[12]) + n(row[13]),
      clicks: n(row[14]),
      orders: n(row[15]),
      revenue: n(row[16]),
      cost: n(row[7]) + n(row[8]),
      newCustomers: n(row[17]),
      bonus: n(more.bonus),
      contentValue: n(more.contentValue),
      sentiment: String(more.sentiment ?? ''),
      usual: typeof more.usualEngagementRate === 'number' ? more.usualEngagementRate : null,
    };
  });
}

export function headline(posts: Post[]) {
  const spend = sum(posts.map((p) => p.cost));
  const revenue = sum(posts.map((p) => p.revenue));
  const withFollowers = posts.filter((p) => p.followers > 0);
  return {
    spend,
    revenue,
    roi: (revenue - spend) / spend,
    roas: revenue / spend,
    cac: spend / sum(posts.map((p) => p.newCustomers)),
    orders: sum(posts.map((p) => p.orders)),
    newCustomers: sum(posts.map((p) => p.newCustomers)),
    engagementRate:
      sum(withFollowers.map((p) => p.engagements)) / sum(withFollowers.map((p) => p.followers)),
    conversion: sum(posts.map((p) => p.orders)) / sum(posts.map((p) => p.clicks)),
  };
}

export function byPlatform(posts: Post[], platform: string) {
  const mine = posts.filter((p) => p.platform.toLowerCase() === platform.toLowerCase());
  const spend = sum(mine.map((p) => p.cost));
  const revenue = sum(mine.map((p) => p.revenue));
  return {
    posts: mine.length,
    spend,
    revenue,
    orders: sum(mine.map((p) => p.orders)),
    roi: spend > 0 ? (revenue - spend) / spend : '',
    cac: spend / sum(mine.map((p) => p.newCustomers)),
    engagementRate: sum(mine.map((p) => p.engagements)) / sum(mine.map((p) => p.followers)),
  };
}

export function tierOf(followers: number): string {
  if (followers >= 1_000_000) return 'mega';
  if (followers >= 500_000) return 'macro';
  if (followers >= 100_000) return 'mid';
  if (followers >= 10_000) return 'micro';
  return 'nano';
}

export interface Creator {
  creator: string;
  platform: string;
  tier: string;
  spend: number;
  revenue: number;
  orders: number;
  clicks: number;
  engagements: number;
  followers: number;
  reach: number;
  roi: number;
  conversion: number;
  shrunk: number;
  evidence: string;
}

/** One per handle and platform (any case), ranked: enough orders first by ROI, then the rest. */
export function ranking(posts: Post[], settings: Settings): Creator[] {
  const rate = headline(posts).conversion;
  const groups = new Map<string, Post[]>();
  for (const post of posts) {
    const key = `${post.handle.trim().toLowerCase()}|${post.platform.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), post]);
  }
  const creators = [...groups.values()].map((mine): Creator => {
    const spend = sum(mine.map((p) => p.cost));
    const revenue = sum(mine.map((p) => p.revenue));
    const orders = sum(mine.map((p) => p.orders));
    const clicks = sum(mine.map((p) => p.clicks));
    const followers = sum(mine.map((p) => p.followers));
    return {
      creator: mine[0].handle,
      platform: mine[0].platform,
      tier: tierOf(followers / mine.length),
      spend,
      revenue,
      orders,
      clicks,
      engagements: sum(mine.map((p) => p.engagements)),
      followers,
      reach: sum(mine.map((p) => p.reach)),
      roi: (revenue - spend) / spend,
      conversion: orders / clicks,
      shrunk: (orders + settings.priorClicks * rate) / (clicks + settings.priorClicks),
      evidence: orders >= settings.minOrders ? 'enough data' : 'too early to judge',
    };
  });
  const enough = (c: Creator) => (c.evidence === 'enough data' ? 0 : 1);
  return creators.sort((a, b) => enough(a) - enough(b) || b.roi - a.roi);
}

export function tier(creators: Creator[], name: string, posts: Post[], settings: Settings) {
  const peers = creators.filter((c) => c.tier === name);
  const spend = sum(peers.map((c) => c.spend));
  const revenue = sum(peers.map((c) => c.revenue));
  const rate = headline(posts).conversion;
  const ranked = peers.filter((c) => c.evidence === 'enough data').sort((a, b) => b.roi - a.roi);
  return {
    creators: peers.length,
    spend,
    revenue,
    roi: spend > 0 ? (revenue - spend) / spend : '',
    byFollowers: sum(peers.map((c) => c.engagements)) / sum(peers.map((c) => c.followers)),
    byReach: sum(peers.map((c) => c.engagements)) / sum(peers.map((c) => c.reach)),
    shrunk:
      peers.length > 0
        ? (sum(peers.map((c) => c.orders)) + settings.priorClicks * rate) /
          (sum(peers.map((c) => c.clicks)) + settings.priorClicks)
        : '',
    best: ranked[0]?.creator ?? '',
  };
}

/** Days of daily sales each lift window needs (the rule). */
const MIN_DAYS = 5;

export interface Lift {
  handle: string;
  daysBefore: number;
  before: number | null;
  daysAfter: number;
  after: number | null;
  lift: number | null;
  extra: number | null;
  spread: number | null;
  check: string;
  counted: boolean;
}

/**
 * The domain brief's sales lift, for every post with a date: days missing from the daily sales
 * count as missing. `days` are the daily sales rows (several rows for one day add up).
 */
export function lifts(posts: Post[], days: { date: string; sales: number }[], n: number): Lift[] {
  const daily = new Map<number, number>();
  for (const day of days)
    daily.set(dayNumber(day.date), (daily.get(dayNumber(day.date)) ?? 0) + day.sales);
  const window = (from: number, to: number) => {
    const values: number[] = [];
    for (let d = from; d <= to; d++) if (daily.has(d)) values.push(daily.get(d) as number);
    return values;
  };
  const dated = posts
    .map((post, order) => ({ post, order, day: post.date ? dayNumber(post.date) : null }))
    .filter((p): p is { post: Post; order: number; day: number } => p.day !== null)
    .sort((a, b) => a.day - b.day || a.order - b.order);
  return dated.map(({ post, day }, i) => {
    const before = window(day - n, day - 1);
    const after = window(day, day + n - 1);
    const mean = (values: number[]) => (values.length > 0 ? sum(values) / values.length : null);
    const beforeMean = mean(before);
    const afterMean = mean(after);
    const enough = before.length >= MIN_DAYS && after.length >= MIN_DAYS;
    const lift = enough ? (afterMean as number) - (beforeMean as number) : null;
    const spread =
      before.length >= 2
        ? Math.sqrt(sum(before.map((v) => (v - (beforeMean as number)) ** 2)) / (before.length - 1))
        : null;
    const earlier = dated.slice(0, i).filter((other) => other.day >= day - n);
    const later = dated.slice(i + 1).filter((other) => other.day <= day + n - 1);
    let check: string;
    if (lift === null)
      check =
        before.length + after.length === 0
          ? 'no data'
          : `not enough days: ${before.length} before, ${after.length} from the post (needs ${MIN_DAYS} each)`;
    else if (earlier.length > 0) check = `overlaps ${earlier[earlier.length - 1].post.handle}`;
    else {
      check = lift > 2 * (spread as number) ? 'stands out' : 'within normal variation';
      if (later.length > 0) check += `; overlaps ${later[0].post.handle}`;
    }
    return {
      handle: post.handle,
      daysBefore: before.length,
      before: beforeMean,
      daysAfter: after.length,
      after: afterMean,
      lift,
      extra: lift === null ? null : lift * n,
      spread,
      check,
      counted: check.startsWith('stands out'),
    };
  });
}

export function awarenessValue(visits: number, settings: Settings): number {
  return visits * settings.signupRate * settings.purchaseRate * settings.orderValue;
}
