import { describe, expect, it } from 'vitest';
import {
  compareReports,
  type PeriodFigures,
  previousPeriod,
} from '../../src/report/report-changes';

const MAY: PeriodFigures = {
  currency: 'USD',
  from: '2025-05-01',
  to: '2025-05-31',
  trackers: ['Spring launch', 'Summer sale'],
  figures: {
    spend: 1287,
    revenue: 5718,
    roi: 3.443,
    profitRoi: null,
    roas: 4.443,
    orders: 143,
    newCustomers: 117,
    cac: 11,
    creators: 4,
    posts: 5,
    leftOut: 0,
  },
};

const JUNE: PeriodFigures = {
  currency: 'USD',
  from: '2025-06-01',
  to: '2025-06-30',
  trackers: ['Spring launch', 'Summer sale'],
  figures: {
    spend: 2571.3,
    revenue: 8686.3,
    roi: 2.378,
    profitRoi: 1.05,
    roas: 3.378,
    orders: 207,
    newCustomers: 172,
    cac: 14.95,
    creators: 4,
    posts: 6,
    leftOut: 1,
  },
};

describe('the previous period', () => {
  it('is the same number of days just before, across month and year ends', () => {
    expect(previousPeriod('2025-06-01', '2025-06-30')).toEqual({
      from: '2025-05-02',
      to: '2025-05-31',
      days: 30,
    });
    expect(previousPeriod('2025-06-01', '2025-08-31')).toEqual({
      from: '2025-03-01',
      to: '2025-05-31',
      days: 92,
    });
    expect(previousPeriod('2025-01-01', '2025-01-01')).toEqual({
      from: '2024-12-31',
      to: '2024-12-31',
      days: 1,
    });
    // 2024 is a leap year: 29 February counts.
    expect(previousPeriod('2024-03-01', '2024-03-10')).toEqual({
      from: '2024-02-20',
      to: '2024-02-29',
      days: 10,
    });
  });
});

describe('what changed since the previous period', () => {
  it('with no posts in the previous period, says so and compares nothing', () => {
    const empty = { ...MAY, figures: { posts: 0, spend: 0 } };
    expect(compareReports(empty, JUNE)).toEqual({
      comparable: false,
      summary:
        'No posts dated 2025-05-01 to 2025-05-31 (the 30 days before) in Spring launch, Summer sale: nothing to compare with.',
      changes: [],
    });
  });

  it('each figure in numbers and in words, with whether it is good news', () => {
    const result = compareReports(MAY, JUNE);
    expect(result.summary).toBe(
      'Against 2025-05-01 to 2025-05-31 (the 30 days before), in the same trackers (Spring launch, Summer sale):',
    );
    const byKey = Object.fromEntries(result.changes.map((c) => [c.key, c]));
    expect(byKey.revenue).toMatchObject({
      previous: 5718,
      current: 8686.3,
      direction: 'up',
      verdict: 'better',
    });
    expect(byKey.revenue.difference).toBeCloseTo(8686.3 - 5718, 2);
    expect(byKey.revenue.relative).toBeCloseTo((8686.3 - 5718) / 5718, 10);
    expect(byKey.revenue.words).toBe(
      `Revenue rose from $5,718.00 to $8,686.30 (+$2,968.30, +${(((8686.3 - 5718) / 5718) * 100).toFixed(1)}%)`,
    );
    expect(byKey.roi.words).toBe('ROI fell from 344.3% to 237.8% (-106.5 points)');
    expect(byKey.roi.verdict).toBe('worse');
    expect(byKey.cac.words).toBe('CAC rose from $11.00 to $14.95 (+$3.95, +35.9%)');
    expect(byKey.cac.verdict).toBe('worse');
    expect(byKey.spend.verdict).toBe('neutral');
    expect(byKey.roas.words).toBe('ROAS fell from 4.44x to 3.38x (-1.07x)');
    expect(byKey.orders.words).toBe('Orders rose from 143 to 207 (+64, +44.8%)');
    expect(byKey.creators.words).toBe('Creators unchanged at 4');
    expect(byKey.profitRoi.words).toBe('Profit ROI: 105.0% (none in the previous period)');
    expect(byKey.posts.words).toBe('Posts rose from 5 to 6 (+1, +20.0%)');
    expect(byKey.leftOut.words).toBe('Rows left out (no rate) rose from 0 to 1 (+1)');
    expect(byKey.leftOut.relative).toBeUndefined();
    // Figures in neither report are not mentioned.
    expect(byKey.conversionRate).toBeUndefined();
  });

  it('a figure that disappeared says what it was', () => {
    const result = compareReports(JUNE, { ...JUNE, figures: { ...JUNE.figures, cac: null } });
    expect(result.changes.find((c) => c.key === 'cac')?.words).toBe(
      'CAC: no figure now (was $14.95)',
    );
  });
});
