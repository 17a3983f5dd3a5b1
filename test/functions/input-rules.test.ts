// What counts as a number, what is refused, and how the refusal reads: the same for every function.
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
  ENGAGEMENT_RATE,
  INFLUENCER_TIER,
  LTV,
  ROAS,
  ROI,
} from '../../src/functions/catalog';

describe('text that is a plain number counts as that number', () => {
  it('"1200" is 1200', () => expect(CAC('1200', 40)).toBe(30));
  it('"12.5" is 12.5', () => expect(AOV('12.5', 1)).toBe(12.5));
  it('"15%" is 0.15 where a rate is expected', () => {
    expect(BRAND_REFERRAL_BONUS(1000, '15%')).toBeCloseTo(150, 9);
  });
  it('surrounding spaces are ignored', () => expect(ROI(' 2000 ', '500 ')).toBe(3));
  it('text and numbers mix in one call', () => expect(ROAS('2000', 500)).toBe(4));
});

describe('anything else is an error naming the function and the argument', () => {
  it('a word', () => {
    expect(() => ROI('lots', 500)).toThrow('ROI: revenue is "lots", not an amount of money');
  });
  it('a money amount with a currency sign or thousands separator', () => {
    expect(() => ROI('$2,000', 500)).toThrow('ROI: revenue is "$2,000", not an amount of money');
  });
  it('TRUE and FALSE', () => {
    expect(() => CAC(200, true)).toThrow('CAC: customers is TRUE, not a number');
    expect(() => CAC(false, 40)).toThrow('CAC: cost is FALSE, not an amount of money');
  });
  it('a date where money is expected', () => {
    expect(() => ROI(2000, new Date(2024, 0, 15))).toThrow(
      'ROI: cost is a date, not an amount of money',
    );
  });
  it('a date where a rate is expected', () => {
    expect(() => LTV(40, 3, 2, new Date(2024, 0, 15))).toThrow(
      'LTV: margin is a date, not a rate (like 0.15 or 15%)',
    );
  });
  it('a number too large to be finite', () => {
    expect(() => CONVERSION_RATE(5, '1e400')).toThrow('CONVERSION_RATE: clicks is "1e400"');
    expect(() => INFLUENCER_TIER('1e400')).toThrow('INFLUENCER_TIER: followers is "1e400"');
  });
  it('a result too large to be finite', () => {
    expect(() => EMV(1e300, 1e300)).toThrow('EMV: values are too large to compute with');
  });
});

describe('money and counts may not be negative', () => {
  it.each([
    ['ROI', () => ROI(-100, 500), 'ROI: revenue must not be negative (got -100)'],
    ['CPC', () => CPC(300, '-2'), 'CPC: clicks must not be negative (got -2)'],
    ['EMV', () => EMV(1000, -8), 'EMV: cpm must not be negative (got -8)'],
    [
      'INFLUENCER_TIER',
      () => INFLUENCER_TIER(-1),
      'INFLUENCER_TIER: followers must not be negative (got -1)',
    ],
  ])('%s refuses a negative input', (_name, call, text) => {
    expect(call).toThrow(text);
  });
});

describe('rates must lie between 0 and 1', () => {
  it('a rate written as 15 instead of 15% is refused with the fix', () => {
    expect(() => AWARENESS_VALUE(10000, 15, 0.05, 40)).toThrow(
      'AWARENESS_VALUE: signup_rate must be between 0 and 1 (got 15); write 15% or 0.15',
    );
  });
  it('150% is refused', () => {
    expect(() => BRAND_REFERRAL_BONUS(2000, '150%')).toThrow(
      'BRAND_REFERRAL_BONUS: rate must be between 0 and 1 (got 1.5)',
    );
  });
  it('a negative rate is refused', () => {
    expect(() => LTV(40, 3, 2, -0.1)).toThrow('LTV: margin must not be negative (got -0.1)');
  });
  it('0 and 1 are rates', () => {
    expect(AWARENESS_VALUE(10000, 0, 0.05, 40)).toBe(0);
    expect(AWARENESS_VALUE(10000, 1, 1, 40)).toBe(400000);
  });
});

describe('a zero denominator is an error that says why', () => {
  it.each([
    ['ROI', () => ROI(2000, 0), 'ROI: cost is 0: ROI is undefined when nothing was spent'],
    ['ROAS', () => ROAS(2000, '0'), 'ROAS: cost is 0: ROAS is undefined when nothing was spent'],
    ['CAC', () => CAC(200, 0), 'CAC: customers is 0: CAC is undefined with no customers'],
    [
      'ENGAGEMENT_RATE',
      () => ENGAGEMENT_RATE(1000, 0),
      'ENGAGEMENT_RATE: audience is 0: the engagement rate is undefined with no audience',
    ],
    [
      'CONVERSION_RATE',
      () => CONVERSION_RATE(30, 0),
      'CONVERSION_RATE: clicks is 0: the conversion rate is undefined with no clicks',
    ],
    [
      'CPE',
      () => CPE(300, 0),
      'CPE: engagements is 0: the cost per engagement is undefined with no engagements',
    ],
    ['CPM', () => CPM(300, 0), 'CPM: impressions is 0: CPM is undefined with no impressions'],
    ['CPC', () => CPC(300, 0), 'CPC: clicks is 0: CPC is undefined with no clicks'],
    [
      'AOV',
      () => AOV(2000, 0),
      'AOV: orders is 0: the average order value is undefined with no orders',
    ],
  ])('%s with a zero denominator', (_name, call, text) => {
    expect(call).toThrow(text);
  });

  it('zero in a numerator is fine', () => {
    expect(CAC(0, 40)).toBe(0);
    expect(CONVERSION_RATE(0, 600)).toBe(0);
  });
});

describe('a blank required input gives a blank cell', () => {
  it('"" and spaces are blank', () => {
    expect(ROI('', 500)).toBe('');
    expect(ROI(2000, '   ')).toBe('');
  });
  it('an argument left out of the formula is an error naming it', () => {
    expect(() => ROI(2000, undefined)).toThrow('ROI: cost is missing: ROI needs revenue and cost');
  });
  it('a blank wins over a bad input in the same row, whatever the argument order', () => {
    expect(ROI('lots', '')).toBe('');
    expect(ROI('', 'lots')).toBe('');
    expect(CAC('', 0)).toBe('');
  });
});

describe('a single-cell call throws', () => {
  it('an Error whose message is the reason, without a row number', () => {
    let thrown: unknown;
    try {
      ROI(2000, 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(
      'ROI: cost is 0: ROI is undefined when nothing was spent',
    );
  });
  it('reports the first bad argument', () => {
    expect(() => ROI('lots', -1)).toThrow('ROI: revenue is "lots"');
  });
});
