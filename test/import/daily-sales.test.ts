import { describe, expect, it } from 'vitest';
import {
  fromDailySalesRows,
  mergeDailySales,
  toDailySalesRows,
} from '../../src/import/daily-sales';
import type { DailySalesReport } from '../../src/import/recognize';
import { dayIn, midnightIn, ZONES } from '../harness/zones';
import { fixture, read } from './helpers';

function daily(text: string): DailySalesReport {
  const { report } = read(text);
  if (report.target !== 'dailySales') throw new Error('expected daily sales');
  return report;
}

describe('the Daily sales sheet', () => {
  it('one row per day, replaced on re-import, other days kept', () => {
    const first = mergeDailySales([], daily(fixture('business-report.csv')));
    const restated = daily(
      'Date,Ordered Product Sales,Units Ordered\n03/14/25,"$2,100.00",70\n03/15/25,$500.00,20\n',
    );
    expect(mergeDailySales(first, restated)).toEqual([
      { date: '2025-03-12', units: 41, sales: 1234.5, source: 'Amazon' },
      { date: '2025-03-13', units: 30, sales: 899.1, source: 'Amazon' },
      { date: '2025-03-14', units: 70, sales: 2100, source: 'Amazon' },
      { date: '2025-03-15', units: 20, sales: 500, source: 'Amazon' },
    ]);
    expect(mergeDailySales(first, daily(fixture('business-report.csv')))).toEqual(first);
  });

  it.each(ZONES)('round-trips through sheet rows, Date cells read as days in %s', (zone) => {
    const days = mergeDailySales([], daily(fixture('business-report.csv')));
    const rows = toDailySalesRows(days);
    expect(fromDailySalesRows(rows, dayIn(zone))).toEqual(days);
    const withDate = [rows[0], [midnightIn('2025-03-12', zone), 41, 1234.5, 'Amazon']];
    expect(fromDailySalesRows(withDate, dayIn(zone))[0].date).toBe('2025-03-12');
  });
});
