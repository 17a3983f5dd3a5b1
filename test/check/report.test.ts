// The report a team shares with us: what was checked where, and each mismatch as text.
import { describe, expect, it } from 'vitest';
import { checkResult, reportRows } from '../../src/check/report';

const ABOUT = { when: '2026-12-03 09:00', timeZone: 'Europe/Berlin', locale: 'de_DE' };

describe('the check report', () => {
  it('says all figures agree when none disagrees', () => {
    const rows = reportRows({ checked: 990, mismatches: [], sheetsLeft: 0, seconds: 12 }, ABOUT);
    expect(rows[2][0]).toBe("'All 990 figures agree with the add-on's own arithmetic.");
    expect(rows[1]).toEqual([
      'Checked',
      "'2026-12-03 09:00",
      'Time zone',
      "'Europe/Berlin",
      'Locale',
      "'de_DE",
    ]);
    expect(rows).toHaveLength(5);
  });

  it('writes each mismatch as text: a formula is shown, never run', () => {
    const mismatch = {
      sheet: 'Dashboard',
      cell: 'AB9',
      what: 'Headline: ROI',
      formula: '=IF(ISNUMBER(A9), A9/B9, "")',
      expected: 2.5,
      got: '',
    };
    const rows = reportRows(
      { checked: 990, mismatches: [mismatch], sheetsLeft: 0, seconds: 12 },
      ABOUT,
    );
    expect(rows[2][0]).toBe(
      "'1 figure disagrees with the add-on's own arithmetic (of 990 compared).",
    );
    expect(rows[5]).toEqual([
      "'Dashboard",
      "'AB9",
      "'Headline: ROI",
      `'${mismatch.formula}`,
      2.5,
      '',
    ]);
  });

  it('refuses a result it cannot read', () => {
    expect(() => checkResult({ checked: 'many' })).toThrow(/run the check again/);
    expect(() => checkResult(null)).toThrow(/run the check again/);
  });
});
