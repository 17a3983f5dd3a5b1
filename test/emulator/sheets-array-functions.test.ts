// FILTER and SORT as Google documents them (support.google.com/docs/answer/3093197 and
// /3093150), where the engine alone would answer with Excel's meaning; and quotes doubled
// inside text, which Sheets reads as one quote.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';

/** A sheet "Data" with these rows from A1, and the result of `formula` typed in a free cell. */
function computed(rows: unknown[][], formula: string, area = 'H1:K6') {
  const emulator = createEmulator({ sheets: [{ name: 'Data', values: rows }] });
  emulator.type('Data', area.split(':')[0], [[formula]]);
  expect(emulator.unsupportedFunctions).toEqual([]);
  return emulator.sheet('Data').values(area);
}

const PEOPLE = [
  ['Ann', 7, 'x', 3],
  ['Bo', 2, 'y', 12],
  ['Cy', 9, 'z', 15],
  ['Di', 6, 'w', 1],
];

describe('FILTER, as Google documents it', () => {
  it('keeps the rows of a two-column range where every condition holds', () => {
    expect(computed(PEOPLE, '=FILTER(A1:B4, B1:B4 > 5, D1:D4 < 10)', 'H1:I3')).toEqual([
      ['Ann', 7],
      ['Di', 6],
      ['', ''],
    ]);
  });

  it('takes a column of TRUE and FALSE as the condition', () => {
    expect(
      computed(PEOPLE, '=FILTER(A1:C4, {TRUE; TRUE; FALSE; TRUE})', 'H1:J4').map((r) => r[0]),
    ).toEqual(['Ann', 'Bo', 'Di', '']);
  });

  it('filters columns with a row condition', () => {
    expect(computed(PEOPLE, '=FILTER(A1:D2, {TRUE, FALSE, TRUE, FALSE})', 'H1:K2')).toEqual([
      ['Ann', 'x', '', ''],
      ['Bo', 'y', '', ''],
    ]);
  });

  it('reads array expressions and blanks as conditions', () => {
    const rows = [
      ['Ann', 1],
      ['', 2],
      ['Cy', 3],
    ];
    expect(computed(rows, '=FILTER(A1:B3, NOT(ISBLANK(A1:A3)))', 'H1:I3')).toEqual([
      ['Ann', 1],
      ['Cy', 3],
      ['', ''],
    ]);
  });

  it('answers #N/A in one cell when nothing matches, and #VALUE! for mismatched sizes', () => {
    expect(computed(PEOPLE, '=FILTER(A1:B4, B1:B4 > 100)', 'H1:I2')).toEqual([
      ['#N/A', ''],
      ['', ''],
    ]);
    expect(computed(PEOPLE, '=FILTER(A1:B4, B1:B3 > 1)', 'H1')).toEqual([['#VALUE!']]);
  });
});

describe('SORT, as Google documents it', () => {
  it('sorts by a column index, ascending or descending (FALSE)', () => {
    expect(computed([], '=SORT({1, 2; 3, 4; 5, 6}, 2, FALSE)', 'H1:I3')).toEqual([
      [5, 6],
      [3, 4],
      [1, 2],
    ]);
    expect(computed(PEOPLE, '=SORT(A1:B4, 1, TRUE)', 'H1:H4').flat()).toEqual([
      'Ann',
      'Bo',
      'Cy',
      'Di',
    ]);
  });

  it('sorts by a range outside the range', () => {
    expect(computed(PEOPLE, '=SORT(A1:A4, D1:D4, TRUE)', 'H1:H4').flat()).toEqual([
      'Di',
      'Ann',
      'Bo',
      'Cy',
    ]);
  });

  it('sorts by more columns in order of precedence, keeping equal rows in their order', () => {
    const rows = [
      ['a', 1, 5],
      ['b', 0, 9],
      ['c', 1, 7],
      ['d', 1, 7],
    ];
    expect(computed(rows, '=SORT(A1:C4, 2, FALSE, 3, FALSE)', 'H1:H4').flat()).toEqual([
      'c',
      'd',
      'a',
      'b',
    ]);
  });

  it('puts blank keys last either way', () => {
    const rows = [
      ['a', 2],
      ['b', ''],
      ['c', 5],
    ];
    expect(computed(rows, '=SORT(A1:B3, 2, FALSE)', 'H1:H3').flat()).toEqual(['c', 'a', 'b']);
    expect(computed(rows, '=SORT(A1:B3, 2, TRUE)', 'H1:H3').flat()).toEqual(['a', 'c', 'b']);
  });

  it('returns one row as it is, keyed by the one-value FILTER of a range beside it', () => {
    expect(
      computed(PEOPLE, '=SORT(FILTER(A1:C4, B1:B4=9), FILTER(D1:D4, B1:B4=9), TRUE)', 'H1:J1'),
    ).toEqual([['Cy', 9, 'z']]);
  });

  it('keeps stacked rows that tie in their first order: every column sorted alike lines up', () => {
    const formula = (column: string) =>
      `=SORT(FILTER({${column}1:${column}2; ${column}3:${column}4}, {B1:B2>0; B3:B4>0}), FILTER({D1:D2; D3:D4}, {B1:B2>0; B3:B4>0}), TRUE)`;
    const emulator = createEmulator({
      sheets: [
        { name: 'Data', values: PEOPLE.map((row, i) => [...row.slice(0, 3), i < 2 ? 5 : 1]) },
      ],
    });
    emulator.type('Data', 'H1', [[formula('A')]]);
    emulator.type('Data', 'I1', [[formula('C')]]);
    expect(emulator.sheet('Data').values('H1:I4')).toEqual([
      ['Cy', 'z'],
      ['Di', 'w'],
      ['Ann', 'x'],
      ['Bo', 'y'],
    ]);
  });
});

describe('text in formulas', () => {
  it('reads a doubled quote inside text as one quote', () => {
    expect(computed([[3]], '="say ""hi"" "&(A1-1)&" times"', 'H1')).toEqual([['say "hi" 2 times']]);
  });
});
