export type Tier = 'nano' | 'micro' | 'mid' | 'macro' | 'mega';

/** Lower follower bound of each tier, largest first. */
export const TIERS: readonly { tier: Tier; minFollowers: number }[] = [
  { tier: 'mega', minFollowers: 1_000_000 },
  { tier: 'macro', minFollowers: 500_000 },
  { tier: 'mid', minFollowers: 100_000 },
  { tier: 'micro', minFollowers: 10_000 },
  { tier: 'nano', minFollowers: 0 },
];

export function influencerTier(followers: number): Tier {
  for (const { tier, minFollowers } of TIERS) {
    if (followers >= minFollowers) return tier;
  }
  return 'nano';
}
