// What one unit of attention cost. Callers guarantee non-zero denominators.

export function cpe(cost: number, engagements: number): number {
  return cost / engagements;
}

/** Cost per thousand impressions. */
export function cpm(cost: number, impressions: number): number {
  return (cost / impressions) * 1000;
}

export function cpc(cost: number, clicks: number): number {
  return cost / clicks;
}

/** Earned media value: what the same impressions would cost as a paid ad at that CPM. */
export function emv(impressions: number, paidCpm: number): number {
  return (impressions * paidCpm) / 1000;
}
