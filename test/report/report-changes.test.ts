import { describe, expect, it } from 'vitest';
import {
  compareReports,
  type ReportSnapshot,
  snapshotFromJson,
  snapshotToJson,
} from '../../src/report/report-changes';

const MAY: ReportSnapshot = {
  version: 1,
  currency: 'USD',
  from: '2025-05-01',
  to: '2025-05-31',
  trackers: ['Spring launch'],
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
    leftOut: 0,
  },
};

const JUNE: ReportSnapshot = {
  version: 1,
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
    leftOut: 1,
  },
};

describe('what changed since the previous report', () => {
  it('a first report has nothing to compare with', () => {
    expect(compareReports(undefined, JUNE)).toEqual({
      comparable: false,
      summary: 'First report: nothing to compare with yet.',
      changes: [],
    });
  });

  it('each figure in numbers and in words, with whether it is good news', () => {
    const result = compareReports(MAY, JUNE);
    expect(result.summary).toBe(
      'Since the previous report (2025-05-01 to 2025-05-31 (Spring launch)), for 2025-06-01 to 2025-06-30 (Spring launch, Summer sale):',
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
    expect(byKey.profitRoi.words).toBe('Profit ROI: 105.0% (not in the previous report)');
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

  it('money in another reporting currency is not compared; rates and counts still are', () => {
    const result = compareReports(MAY, { ...JUNE, currency: 'EUR' });
    const revenue = result.changes.find((c) => c.key === 'revenue');
    expect(revenue?.direction).toBe('notCompared');
    expect(revenue?.difference).toBeUndefined();
    expect(revenue?.words).toBe(
      'Revenue: €8,686.30 (the previous report was in USD, so not compared)',
    );
    expect(result.changes.find((c) => c.key === 'orders')?.direction).toBe('up');
  });

  it('the snapshot survives document properties as JSON', () => {
    expect(snapshotFromJson(snapshotToJson(JUNE))).toEqual(JUNE);
  });

  it('a missing, edited or foreign snapshot reads as none, never as an error', () => {
    expect(snapshotFromJson(null)).toBeUndefined();
    expect(snapshotFromJson('')).toBeUndefined();
    expect(snapshotFromJson('{not json')).toBeUndefined();
    expect(snapshotFromJson('[]')).toBeUndefined();
    expect(snapshotFromJson(JSON.stringify({ ...JUNE, version: 2 }))).toBeUndefined();
    const tampered = snapshotFromJson(
      JSON.stringify({ ...JUNE, figures: { revenue: '8686', orders: 207, mystery: 1 } }),
    );
    expect(tampered?.figures).toEqual({ orders: 207 });
  });
});
