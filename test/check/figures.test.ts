// How closely a figure read back from Sheets must agree with the add-on's own arithmetic.
import { describe, expect, it } from 'vitest';
import { agrees, cellPosition, compareSheet, type Figure } from '../../src/check/figures';

const money: Figure = { cell: 'B2', what: 'Spend', expected: 1180, kind: 'money' };
const rate: Figure = { cell: 'C2', what: 'ROI', expected: 3.3333333333, kind: 'ratio' };
const blank: Figure = { cell: 'D2', what: 'CAC of @ann', expected: '', kind: 'money' };

describe('a figure agrees', () => {
  it('to the cent for money, never a cent off', () => {
    expect(agrees(money, 1180.004)).toBe(true);
    expect(agrees(money, 1180.01)).toBe(false);
    expect(agrees(money, '1180')).toBe(false);
  });

  it('to a millionth for ratios, relative to their size', () => {
    expect(agrees(rate, 10 / 3)).toBe(true);
    expect(agrees(rate, 3.3334)).toBe(false);
  });

  it('only as a blank where a blank is expected: 0 is not "not known yet"', () => {
    expect(agrees(blank, '')).toBe(true);
    expect(agrees(blank, 0)).toBe(false);
    expect(agrees({ ...money, expected: 0 }, '')).toBe(false);
  });

  it('as one of the texts that are as right: a rate TEXT writes with a decimal comma', () => {
    const rule: Figure = {
      cell: 'A40',
      what: 'the ranking rule',
      expected: 'campaign rate 7.3%',
      kind: 'text',
      alternatives: ['campaign rate 7,3%'],
    };
    expect(agrees(rule, 'campaign rate 7,3%')).toBe(true);
    expect(agrees(rule, 'campaign rate 7%')).toBe(false);
  });

  it('exactly for words', () => {
    const words: Figure = {
      cell: 'A6',
      what: 'words',
      expected: 'ROI over all 2 rows',
      kind: 'text',
    };
    expect(agrees(words, 'ROI over all 2 rows')).toBe(true);
    expect(agrees(words, 'ROI over all 2 rows ')).toBe(false);
  });
});

describe('comparing a sheet', () => {
  it('reports each disagreement with its formula, and a date as its day', () => {
    const values = [
      ['', 'Spend', 'ROI', 'CAC'],
      [new Date('2026-03-10T00:00:00Z'), 1180.5, 10 / 3, 0],
    ];
    const formulas = [
      ['', '', '', ''],
      ['', '=SUM(B8:B)', '=C1*2', ''],
    ];
    const day: Figure = { cell: 'A2', what: 'Post date', expected: '2026-03-10', kind: 'text' };
    const spilled: Figure = { ...blank, formulaCell: 'C2' };
    const found = compareSheet('Tracker', [day, money, rate, spilled], { values, formulas }, (d) =>
      d.toISOString().slice(0, 10),
    );
    expect(found).toEqual([
      {
        sheet: 'Tracker',
        cell: 'B2',
        what: 'Spend',
        formula: '=SUM(B8:B)',
        expected: 1180,
        got: 1180.5,
      },
      { sheet: 'Tracker', cell: 'D2', what: 'CAC of @ann', formula: '=C1*2', expected: '', got: 0 },
    ]);
  });

  it('reads A1 addresses past Z', () => {
    expect(cellPosition('AB12')).toEqual({ row: 12, column: 28 });
    expect(() => cellPosition('12A')).toThrow(/Not a cell address/);
  });
});
