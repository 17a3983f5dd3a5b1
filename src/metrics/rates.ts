// Rates are fractions: 0.05 means 5%.

/** Engagements per member of the audience (followers by default; reach or views if passed). */
export function engagementRate(engagements: number, audience: number): number {
  return engagements / audience;
}

/** Orders per click (or per view where a platform gives no clicks). */
export function conversionRate(orders: number, clicks: number): number {
  return orders / clicks;
}
