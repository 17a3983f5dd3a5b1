import { describe, expect, it } from 'vitest';
import { conversionRate, engagementRate } from '../../src/metrics/rates';

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
