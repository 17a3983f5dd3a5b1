// Ranges go row by row, as in =ROI(R2:R, H2:H): one result row per input row.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/functions/arguments';
import {
  BRAND_REFERRAL_BONUS,
  CPE,
  ENGAGEMENT_BENCHMARK,
  ENGAGEMENT_RATE,
  INFLUENCER_TIER,
  LTV,
  ROI,
  UTM_LINK,
} from '../../src/functions/catalog';

/** A one-column range, as Sheets passes it. */
const column = (...cells: Cell[]): Cell[][] => cells.map((cell) => [cell]);

describe('ranges', () => {
  it('compute one result row per input row', () => {
    expect(ROI(column(2000, 1000, 500), column(500, 500, 250))).toEqual([[3], [1], [1]]);
  });

  it('a single value applies to every row', () => {
    expect(ROI(column(2000, 1000), 500)).toEqual([[3], [1]]);
    expect(ROI(1000, column(500, 250))).toEqual([[1], [3]]);
  });

  it('a blank row stays blank, so a formula over an open column shows nothing below the data', () => {
    expect(ROI(column(2000, '', ''), column(500, '', 250))).toEqual([[3], [''], ['']]);
  });

  it('different heights are an error naming both arguments and their sizes', () => {
    expect(() => ROI(column(1, 2, 3), column(1, 2))).toThrow(
      'ROI: revenue has 3 rows but cost has 2 rows; give ranges of the same height',
    );
    expect(() => LTV(column(40), 3, column(1, 2))).toThrow(
      'LTV: order_value has 1 row but years has 2 rows; give ranges of the same height',
    );
  });

  it('a range of several columns for a one-column argument is an error', () => {
    expect(() => ROI([[2000, 100]], column(500))).toThrow(
      'ROI: revenue must be one column, but the range has 2 columns',
    );
  });

  it('one bad row holds its reason, starting with #, and the other rows compute', () => {
    expect(ROI(column(2000, 'lots', 1000, -5), column(500, 500, 0, 500))).toEqual([
      [3],
      ['#ROI: revenue is "lots", not an amount of money (row 2)'],
      ['#ROI: cost is 0: ROI is undefined when nothing was spent (row 3)'],
      ['#ROI: revenue must not be negative (got -5) (row 4)'],
    ]);
  });

  it('a bad single value is reported on every row it applies to', () => {
    expect(ROI(column(2000, 1000), 0)).toEqual([
      ['#ROI: cost is 0: ROI is undefined when nothing was spent (row 1)'],
      ['#ROI: cost is 0: ROI is undefined when nothing was spent (row 2)'],
    ]);
  });

  it('text, numbers and dates mix in one column', () => {
    expect(INFLUENCER_TIER(column(5000, '15000', '', new Date(2024, 0, 1)))).toEqual([
      ['nano'],
      ['micro'],
      [''],
      ['#INFLUENCER_TIER: followers is a date, not a number (row 4)'],
    ]);
  });
});

describe('engagements over several columns', () => {
  it('ENGAGEMENT_RATE sums likes, comments, shares and saves per row', () => {
    const engagements = [
      [600, 300, 80, 20],
      [100, 50, 0, 0],
    ];
    expect(ENGAGEMENT_RATE(engagements, column(15000, 1500))).toEqual([[1000 / 15000], [0.1]]);
  });

  it('CPE sums the engagement columns per row: $300 on 1,000 + 400 + 100 is $0.20', () => {
    expect(CPE(column(300), [[1000, 400, 100]])).toEqual([[0.2]]);
  });

  it('blank cells among the columns count as nothing; an all-blank row stays blank', () => {
    expect(
      ENGAGEMENT_RATE(
        [
          [1000, '', ''],
          ['', '', ''],
        ],
        10000,
      ),
    ).toEqual([[0.1], ['']]);
  });

  it('a bad cell names its column and row', () => {
    expect(ENGAGEMENT_RATE([[1000, 'lots', 5]], 10000)).toEqual([
      ['#ENGAGEMENT_RATE: engagements column 2 is "lots", not a number (row 1)'],
    ]);
  });

  it('engagements summing to 0 cannot be divided by', () => {
    expect(CPE(300, [[0, 0, 0]])).toEqual([
      ['#CPE: engagements is 0: the cost per engagement is undefined with no engagements (row 1)'],
    ]);
  });

  it('the audience stays one column', () => {
    expect(() => ENGAGEMENT_RATE(column(1000), [[15000, 20000]])).toThrow(
      'ENGAGEMENT_RATE: audience must be one column, but the range has 2 columns',
    );
  });
});

describe('optional arguments in ranges', () => {
  it('a blank margin row uses no margin on that row only', () => {
    expect(LTV(column(40, 40), 3, 2, column(0.5, ''))).toEqual([[120], [240]]);
  });

  it('BRAND_REFERRAL_BONUS takes 10% on rows without a rate', () => {
    expect(BRAND_REFERRAL_BONUS(column(2000, 1000), column('', 0.05))).toEqual([[200], [50]]);
  });
});

describe('ENGAGEMENT_BENCHMARK over a column', () => {
  it('returns two cells per row, blank pairs for blank rows and the reason in the first cell', () => {
    expect(ENGAGEMENT_BENCHMARK(column('TikTok', '', 'facebook', 'MySpace'))).toEqual([
      [0.1, 0.13],
      ['', ''],
      [0.01, 0.02],
      [
        '#ENGAGEMENT_BENCHMARK: platform "MySpace" is not one of Instagram, TikTok, YouTube, Pinterest, Facebook (row 4)',
        '',
      ],
    ]);
  });
});

describe('UTM_LINK over a column', () => {
  it('builds one link per row from a column of handles', () => {
    expect(
      UTM_LINK('https://shop.com/p', 'instagram', 'influencer', 'spring', column('anna', '', 'bo')),
    ).toEqual([
      [
        'https://shop.com/p?utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=anna',
      ],
      ['https://shop.com/p?utm_source=instagram&utm_medium=influencer&utm_campaign=spring'],
      [
        'https://shop.com/p?utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=bo',
      ],
    ]);
  });

  it('a bad link fails its own row only', () => {
    expect(
      UTM_LINK(column('www.shop.com', 'https://shop.com'), 'ig', 'influencer', 'spring'),
    ).toEqual([
      ['#UTM_LINK: url "www.shop.com" is not an http:// or https:// link (row 1)'],
      ['https://shop.com?utm_source=ig&utm_medium=influencer&utm_campaign=spring'],
    ]);
  });
});
