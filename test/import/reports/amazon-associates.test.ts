import { describe, expect, it } from 'vitest';
import { byKey, cents, fixture, sales } from '../helpers';

describe('Amazon Associates earnings', () => {
  it('skips the title line and the Total row; returns count against the tag', () => {
    const { report, detection } = sales(fixture('associates.csv'));
    expect(detection.kind).toBe('amazonAssociates');
    expect(detection.table.headerRow).toBe(2);
    expect(report.rows).toBe(3);
    expect(report.keyKind).toBe('trackingId');
    expect(byKey(report)).toEqual({
      'JANE-20': { units: 2 - 1, revenue: cents(59.98, -29.99) },
      'TOMTOK-20': { units: 1, revenue: 1299 },
    });
    expect(report.coverage).toEqual({ by: 'dates', from: '2025-03-14', to: '2025-03-16' });
  });
});
