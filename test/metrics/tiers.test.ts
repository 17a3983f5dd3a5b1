import { describe, expect, it } from 'vitest';
import { influencerTier } from '../../src/metrics/tiers';

describe('influencer tiers', () => {
  it.each([
    [0, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [99_999, 'micro'],
    [100_000, 'mid'],
    [499_999, 'mid'],
    [500_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [250_000_000, 'mega'],
  ])('%i followers is %s', (followers, tier) => {
    expect(influencerTier(followers)).toBe(tier);
  });

  it('a fraction below a boundary stays in the lower tier', () => {
    expect(influencerTier(9_999.5)).toBe('nano');
  });
});
