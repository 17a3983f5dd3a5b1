// Rates are fractions: 0.05 means 5%.

/** Engagements per member of the audience (followers by default; reach or views if passed). */
export function engagementRate(engagements: number, audience: number): number {
  return engagements / audience;
}

/** Orders per click (or per view where a platform gives no clicks). */
export function conversionRate(orders: number, clicks: number): number {
  return orders / clicks;
}

/** One post as the usual rate reads it; blanks are undefined. */
export interface UsualRatePost {
  /** The "Usual engagement rate" typed in the tracker for this post. */
  typedRate?: number;
  engagements?: number;
  followers?: number;
}

/** The rule in words, for notes on the dashboard and the Creators sheet. */
export const USUAL_RATE_WORDS =
  'the usual rates typed in the trackers, averaged; none typed, engagements / followers over their posts that have both';

/**
 * A creator's usual engagement rate, one definition for the dashboard and the Creators sheet:
 * the rates typed for them averaged, else engagements / followers added up over the posts that
 * have both (followers above zero). Undefined when neither is known.
 */
export function usualEngagementRate(posts: readonly UsualRatePost[]): number | undefined {
  const typed = posts.map((p) => p.typedRate).filter(isNumber);
  if (typed.length > 0) return typed.reduce((sum, rate) => sum + rate, 0) / typed.length;
  let engagements = 0;
  let followers = 0;
  for (const post of posts) {
    if (!isNumber(post.engagements) || !isNumber(post.followers) || post.followers <= 0) continue;
    engagements += post.engagements;
    followers += post.followers;
  }
  return followers > 0 ? engagementRate(engagements, followers) : undefined;
}

function isNumber(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
