import { describe, expect, it } from 'vitest';
import {
  aov,
  awarenessValue,
  brandReferralBonus,
  cac,
  DEFAULT_BRAND_REFERRAL_RATE,
  ltv,
  roas,
  roi,
} from '../../src/metrics/returns';

describe('returns', () => {
  it('ROI is net of cost: $2,000 back on $500 spent is 3 (300%)', () => {
    expect(roi(2000, 500)).toBe(3);
  });

  it('ROI is negative when a post sells less than it cost', () => {
    expect(roi(250, 500)).toBe(-0.5);
    expect(roi(0, 500)).toBe(-1);
  });

  it('ROAS is revenue over cost: $2,000 on $500 is 4', () => {
    expect(roas(2000, 500)).toBe(4);
  });

  it('ROI is ROAS minus 1 on the worked example', () => {
    expect(roi(2000, 500)).toBe(roas(2000, 500) - 1);
  });

  it('CAC is cost per new customer: $200 for 40 customers is $5', () => {
    expect(cac(200, 40)).toBe(5);
  });

  it('AOV is revenue per order', () => {
    expect(aov(2000, 50)).toBe(40);
  });

  it('LTV multiplies order value, orders a year and years retained', () => {
    expect(ltv(40, 3, 2)).toBe(240);
  });

  it('LTV applies the gross margin when one is given', () => {
    expect(ltv(40, 3, 2, 0.5)).toBe(120);
  });

  it('the Brand Referral Bonus is 10% of attributed sales by default', () => {
    expect(DEFAULT_BRAND_REFERRAL_RATE).toBe(0.1);
    expect(brandReferralBonus(2000)).toBe(200);
  });

  it('the Brand Referral Bonus uses the category rate when given', () => {
    expect(brandReferralBonus(2000, 0.05)).toBe(100);
    expect(brandReferralBonus(2000, 0.3)).toBe(600);
  });

  it('awareness: 10,000 visits, 10% join, 5% of those buy at $40 is $2,000', () => {
    expect(awarenessValue(10_000, 0.1, 0.05, 40)).toBeCloseTo(2000, 9);
  });
});
