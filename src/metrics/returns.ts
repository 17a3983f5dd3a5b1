// Money back versus money spent, as defined in the domain brief. Plain arithmetic on
// numbers the caller has already checked (no negatives, no zero denominators).

/** (revenue - cost) / cost: net of cost, so 3 means 300% back on top of the spend. */
export function roi(revenue: number, cost: number): number {
  return (revenue - cost) / cost;
}

/** revenue / cost: what some vendors call "ROI"; here it is ROAS, and ROI = ROAS - 1. */
export function roas(revenue: number, cost: number): number {
  return revenue / cost;
}

export function cac(cost: number, customers: number): number {
  return cost / customers;
}

export function aov(revenue: number, orders: number): number {
  return revenue / orders;
}

/** AOV x purchases per year x years retained, times gross margin when it is known. */
export function ltv(orderValue: number, ordersPerYear: number, years: number, margin = 1): number {
  return orderValue * ordersPerYear * years * margin;
}

/** Amazon credits brand-registered sellers about 10% of attributed sales (5% to 30% by category). */
export const DEFAULT_BRAND_REFERRAL_RATE = 0.1;

export function brandReferralBonus(sales: number, rate = DEFAULT_BRAND_REFERRAL_RATE): number {
  return sales * rate;
}

/** Visits x signup rate x purchase rate x order value: what reach is worth before it sells. */
export function awarenessValue(
  visits: number,
  signupRate: number,
  purchaseRate: number,
  orderValue: number,
): number {
  return visits * signupRate * purchaseRate * orderValue;
}
