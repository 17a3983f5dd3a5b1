// One value per argument, as in =ROI(2000, 500): the worked examples of the domain brief.
import { describe, expect, it } from 'vitest';
import {
  AOV,
  AWARENESS_VALUE,
  BRAND_REFERRAL_BONUS,
  CAC,
  CONVERSION_RATE,
  CPC,
  CPE,
  CPM,
  EMV,
  ENGAGEMENT_BENCHMARK,
  ENGAGEMENT_RATE,
  INFLUENCER_TIER,
  LTV,
  ROAS,
  ROI,
  UTM_LINK,
} from '../../src/functions/catalog';

describe('custom functions on single values', () => {
  it('ROI(2000, 500) is 3', () => expect(ROI(2000, 500)).toBe(3));
  it('ROAS(2000, 500) is 4', () => expect(ROAS(2000, 500)).toBe(4));
  it('CAC(200, 40) is 5', () => expect(CAC(200, 40)).toBe(5));
  it('ENGAGEMENT_RATE(1000, 15000) is about 0.0667', () => {
    expect(ENGAGEMENT_RATE(1000, 15000)).toBeCloseTo(0.0667, 4);
  });
  it('CONVERSION_RATE(30, 600) is 0.05', () => expect(CONVERSION_RATE(30, 600)).toBe(0.05));
  it('CPE(300, 1500) is 0.2', () => expect(CPE(300, 1500)).toBe(0.2));
  it('CPM(300, 100000) is 3', () => expect(CPM(300, 100000)).toBe(3));
  it('CPC(300, 600) is 0.5', () => expect(CPC(300, 600)).toBe(0.5));
  it('AOV(2000, 50) is 40', () => expect(AOV(2000, 50)).toBe(40));
  it('EMV(100000, 8) is 800', () => expect(EMV(100000, 8)).toBe(800));
  it('AWARENESS_VALUE(10000, 10%, 5%, 40) is 2000', () => {
    expect(AWARENESS_VALUE(10000, 0.1, 0.05, 40)).toBeCloseTo(2000, 9);
    expect(AWARENESS_VALUE(10000, '10%', '5%', 40)).toBeCloseTo(2000, 9);
  });
  it('a loss is a negative ROI, not an error', () => expect(ROI(0, 500)).toBe(-1));

  it('INFLUENCER_TIER names the tier of a follower count', () => {
    expect(INFLUENCER_TIER(9999)).toBe('nano');
    expect(INFLUENCER_TIER(15000)).toBe('micro');
    expect(INFLUENCER_TIER(1000000)).toBe('mega');
  });
});

describe('optional arguments', () => {
  it('LTV without a margin is revenue LTV', () => expect(LTV(40, 3, 2)).toBe(240));
  it('LTV applies a margin given as a fraction or a percent', () => {
    expect(LTV(40, 3, 2, 0.5)).toBe(120);
    expect(LTV(40, 3, 2, '50%')).toBe(120);
  });
  it('LTV with a blank margin cell uses no margin', () => expect(LTV(40, 3, 2, '')).toBe(240));

  it('BRAND_REFERRAL_BONUS uses 10% when no rate is given', () => {
    expect(BRAND_REFERRAL_BONUS(2000)).toBe(200);
    expect(BRAND_REFERRAL_BONUS(2000, '')).toBe(200);
  });
  it('BRAND_REFERRAL_BONUS uses the rate given', () => {
    expect(BRAND_REFERRAL_BONUS(2000, 0.05)).toBe(100);
    expect(BRAND_REFERRAL_BONUS(2000, '30%')).toBeCloseTo(600, 9);
  });
  it('a blank optional argument does not blank the result, a blank required one does', () => {
    expect(BRAND_REFERRAL_BONUS('', 0.05)).toBe('');
    expect(LTV(40, '', 2, 0.5)).toBe('');
  });
});

describe('ENGAGEMENT_BENCHMARK', () => {
  it('returns one row of two cells: the low and high engagement norm', () => {
    expect(ENGAGEMENT_BENCHMARK('Instagram')).toEqual([[0.03, 0.04]]);
    expect(ENGAGEMENT_BENCHMARK('YouTube')).toEqual([[0.05, 0.08]]);
  });
  it('finds the platform whatever its case', () => {
    expect(ENGAGEMENT_BENCHMARK('tiktok')).toEqual([[0.1, 0.13]]);
    expect(ENGAGEMENT_BENCHMARK(' PINTEREST ')).toEqual([[0.02, 0.05]]);
  });
  it('a blank platform gives a blank row of two cells', () => {
    expect(ENGAGEMENT_BENCHMARK('')).toEqual([['', '']]);
  });
  it('an unknown platform is an error listing the known ones', () => {
    expect(() => ENGAGEMENT_BENCHMARK('MySpace')).toThrow(
      'ENGAGEMENT_BENCHMARK: platform "MySpace" is not one of Instagram, TikTok, YouTube, Pinterest, Facebook',
    );
  });
});

describe('UTM_LINK', () => {
  const UTM = 'utm_source=instagram&utm_medium=influencer&utm_campaign=spring';

  it('adds the utm_ parameters to the landing page', () => {
    expect(UTM_LINK('https://shop.com/p', 'instagram', 'influencer', 'spring')).toBe(
      `https://shop.com/p?${UTM}`,
    );
  });
  it('adds utm_content when given and leaves it out when blank', () => {
    expect(UTM_LINK('https://shop.com/p', 'instagram', 'influencer', 'spring', '@anna')).toBe(
      `https://shop.com/p?${UTM}&utm_content=%40anna`,
    );
    expect(UTM_LINK('https://shop.com/p', 'instagram', 'influencer', 'spring', '')).toBe(
      `https://shop.com/p?${UTM}`,
    );
  });
  it('keeps the query string and #fragment and percent-encodes values', () => {
    expect(UTM_LINK('https://shop.com/p?id=7#top', 'Insta Gram', 'influencer', 'spring')).toBe(
      'https://shop.com/p?id=7&utm_source=Insta%20Gram&utm_medium=influencer&utm_campaign=spring#top',
    );
  });
  it('takes a number as text, as in a campaign named 2024', () => {
    expect(UTM_LINK('https://shop.com', 'instagram', 'influencer', 2024)).toBe(
      'https://shop.com?utm_source=instagram&utm_medium=influencer&utm_campaign=2024',
    );
  });
  it('refuses a link that is not http or https', () => {
    expect(() => UTM_LINK('ftp://shop.com/p', 'instagram', 'influencer', 'spring')).toThrow(
      'UTM_LINK: url "ftp://shop.com/p" is not an http:// or https:// link',
    );
  });
  it('refuses TRUE/FALSE where text is expected', () => {
    expect(() => UTM_LINK('https://shop.com', true, 'influencer', 'spring')).toThrow(
      'UTM_LINK: source is TRUE, not text',
    );
  });
  it('a blank required part gives a blank cell', () => {
    expect(UTM_LINK('https://shop.com', 'instagram', '', 'spring')).toBe('');
  });
});
