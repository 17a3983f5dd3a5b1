import { describe, expect, it } from 'vitest';
import { conversionRate, engagementRate, usualEngagementRate } from '../../src/metrics/rates';

describe('rates', () => {
  it('1,000 likes and comments on 15,000 followers is an engagement rate of about 6.7%', () => {
    expect(engagementRate(1000, 15_000)).toBeCloseTo(0.0667, 4);
  });

  it('engagement rate is a fraction, not a percent', () => {
    expect(engagementRate(450, 15_000)).toBe(0.03);
  });

  it('30 orders from 600 clicks is a conversion rate of 5%', () => {
    expect(conversionRate(30, 600)).toBe(0.05);
  });

  it('no orders is a conversion rate of 0', () => {
    expect(conversionRate(0, 600)).toBe(0);
  });
});

describe("a creator's usual engagement rate", () => {
  it('is the rates typed for them, averaged, when any is typed', () => {
    expect(
      usualEngagementRate([
        { typedRate: 0.08, engagements: 1000, followers: 15_000 },
        { typedRate: 0.05 },
        { engagements: 10, followers: 100 },
      ]),
    ).toBeCloseTo(0.065, 12);
  });

  it('is engagements / followers over the posts that have both, when none is typed', () => {
    expect(
      usualEngagementRate([
        { engagements: 912, followers: 24_000 },
        { engagements: 1_040, followers: 26_000 },
        { engagements: 500 },
        { followers: 0, engagements: 3 },
      ]),
    ).toBe((912 + 1_040) / (24_000 + 26_000));
  });

  it('is not known without a typed rate or a post with both', () => {
    expect(usualEngagementRate([{ engagements: 500 }, { followers: 1000 }])).toBeUndefined();
    expect(usualEngagementRate([])).toBeUndefined();
  });
});
