import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/import/import-error';
import { fixture, read } from '../helpers';

const AMBIGUOUS =
  'Date,Ordered Product Sales,Units Ordered\n03/04/25,$10.00,1\n03/05/25,$20.00,2\n';

describe('Amazon Business Report by date', () => {
  it('gives daily sales, the day order settled by a value over 12', () => {
    const { report, detection } = read(fixture('business-report.csv'));
    expect(detection.kind).toBe('businessReport');
    expect(detection.dateOrder).toBe('mdy');
    expect(report.target).toBe('dailySales');
    if (report.target !== 'dailySales') return;
    expect(report.days).toEqual([
      { date: '2025-03-12', units: 41, sales: 1234.5 },
      { date: '2025-03-13', units: 30, sales: 899.1 },
      { date: '2025-03-14', units: 67, sales: 2005.23 },
    ]);
  });

  it('asks for the order of ambiguous dates, and reads them once told', () => {
    let error: unknown;
    try {
      read(AMBIGUOUS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toBe('ambiguousDates');
    expect((error as ImportError).message).toBe(
      'The dates in column "Date" (e.g. 03/04/25) could be month/day/year or day/month/year: choose which.',
    );
    const { report } = read(AMBIGUOUS, { dateOrder: 'dmy' });
    expect(report.target === 'dailySales' && report.days.map((day) => day.date)).toEqual([
      '2025-04-03',
      '2025-05-03',
    ]);
  });
});
