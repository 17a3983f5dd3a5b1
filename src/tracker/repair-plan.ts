// What "Repair tracker" puts back, worked out from what the sheet holds and what its layout says,
// with no I/O: the cells the add-on owns (labels, totals, computed headers) that lost their text
// or formula, the values typed into computed columns (moved into their cell's note), and the
// formats, bold text, backgrounds and validation that no longer match. Typed inputs are kept.

import { columnLetter } from '../sheet/formulas';
import { literal } from '../sheet/literal';
import { COLUMNS, isDerived } from './columns';
import { HEADER_ROW, type TrackerLayout } from './layout';
import { errorShown } from './read';
import { SETTINGS_ROW } from './summary';
import { normalise } from './table';

/** The sheet as read: rows 1 to its last row, the table's columns. */
export interface TrackerGrid {
  values: unknown[][];
  formulas: string[][];
  notes: string[][];
  formats: string[][];
}

/** A value typed where the add-on computes one: 1-based row and column, and how it read. */
export interface TypedCell {
  row: number;
  column: number;
  shown: string;
}

/** Why a tracker can't be repaired: columns moved or renamed (nothing is changed). */
export function layoutProblems(header: readonly unknown[]): string[] {
  const known = new Map(COLUMNS.map((column) => [normalise(column.header), column.header]));
  const problems: string[] = [];
  COLUMNS.forEach((column, i) => {
    const found = normalise(header[i]);
    if (found === normalise(column.header)) return;
    const other = known.get(found);
    // A computed header may show an error or a typed value: repair puts its formula back.
    if (isDerived(column) && !other) return;
    const now = other ? `"${other}"` : found ? `"${String(header[i])}"` : 'empty';
    problems.push(`column ${columnLetter(i + 1)} is ${now} where "${column.header}" belongs`);
  });
  return problems;
}

const sameFormula = (a: string, b: string) =>
  a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/** A typed value as its note tells it: dates as days, formulas as typed. */
export function shownValue(value: unknown, formula: string, dayText: (d: Date) => string): string {
  if (formula) return formula;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    return dayText(value as Date);
  return String(value);
}

export interface HeadRepair {
  /** Rows 2 to the header as setValues must get them; null when nothing changed. */
  cells: unknown[][] | null;
  /** 1-based sheet rows and columns put back, for the report. */
  restored: { row: number; column: number }[];
  typed: TypedCell[];
}

/** Cells as they were, in a form setValues writes back unchanged (text stays text). */
export function unchangedCell(value: unknown, formula: string, format: string): unknown {
  if (formula) return formula;
  return typeof value === 'string' ? literal(value, format) : value;
}

/** One cell of the rows above the table: as it is, or the layout's text or formula put back. */
function headCell(
  grid: TrackerGrid,
  row: number,
  c: number,
  expected: string | number,
): { cell: unknown; restored: boolean; typed: boolean } {
  const value = grid.values[row - 1][c];
  const formula = grid.formulas[row - 1][c];
  const kept = unchangedCell(value, formula, grid.formats[row - 1][c]);
  if (expected === '') return { cell: kept, restored: false, typed: false };
  const text = String(expected);
  const healthy = text.startsWith('=')
    ? sameFormula(formula, text)
    : !formula && normalise(value) === normalise(text);
  if (healthy) return { cell: kept, restored: false, typed: false };
  const typed = !formula && value !== '' && !errorShown(value);
  return { cell: expected, restored: true, typed };
}

/** Labels, totals and header rows (2 to the header; the settings row is the team's): what to put back. */
export function repairHead(
  grid: TrackerGrid,
  layout: TrackerLayout,
  dayText: (d: Date) => string,
): HeadRepair {
  const restored: { row: number; column: number }[] = [];
  const typed: TypedCell[] = [];
  const cells: unknown[][] = [];
  for (let row = SETTINGS_ROW - 1; row <= HEADER_ROW; row++) {
    const line = COLUMNS.map((_, c) => {
      const expected = row === SETTINGS_ROW ? '' : layout.values.cells[row - 1][c];
      const result = headCell(grid, row, c, expected);
      if (result.restored) restored.push({ row, column: c + 1 });
      if (result.typed) {
        const shown = shownValue(grid.values[row - 1][c], '', dayText);
        typed.push({ row, column: c + 1, shown });
      }
      return result.cell;
    });
    cells.push(line);
  }
  return { cells: restored.length > 0 ? cells : null, restored, typed };
}

/**
 * Values typed under a computed header: its ARRAYFORMULA fills the rows only while they are
 * empty, so under a header that doesn't read as its name, any content was typed.
 */
export function typedInComputed(grid: TrackerGrid, dayText: (d: Date) => string): TypedCell[] {
  const typed: TypedCell[] = [];
  const header = grid.values[HEADER_ROW - 1];
  COLUMNS.forEach((column, c) => {
    if (!isDerived(column) || normalise(header[c]) === normalise(column.header)) return;
    for (let r = HEADER_ROW; r < grid.values.length; r++) {
      const value = grid.values[r][c];
      const formula = grid.formulas[r][c];
      if (formula || (value !== '' && value !== null)) {
        typed.push({ row: r + 1, column: c + 1, shown: shownValue(value, formula, dayText) });
      }
    }
  });
  return typed;
}

/** The notes with the header notes put back and "typed 999 on 2026-12-02" under each typed cell's own. */
export function notesWithTyped(
  notes: readonly string[][],
  layout: TrackerLayout,
  typed: readonly TypedCell[],
  today: string,
): { notes: string[][]; headChanged: boolean } {
  const next = notes.map((row) => row.slice());
  let headChanged = false;
  layout.notes.cells.forEach((row, i) => {
    row.forEach((note, c) => {
      const r = layout.notes.row - 1 + i;
      // A header note may carry "typed ..." lines under it from an earlier repair.
      const own = next[r][c];
      if (note && own !== note && !own.startsWith(`${note}\n`)) {
        next[r][c] = note;
        headChanged = true;
      }
    });
  });
  for (const cell of typed) {
    const own = next[cell.row - 1][cell.column - 1];
    const line = `typed ${cell.shown} on ${today}`;
    next[cell.row - 1][cell.column - 1] = own ? `${own}\n${line}` : line;
  }
  return { notes: next, headChanged };
}

/**
 * A block of the layout against the sheet: the cells to write (the layout's where it says
 * something, the sheet's own elsewhere) and whether any differed. `same` compares two cells.
 */
export function mergeBlock<T>(
  expected: readonly (readonly (T | null)[])[],
  current: readonly (readonly T[])[],
  same: (a: T, b: T) => boolean,
): { cells: T[][]; changed: boolean } {
  let changed = false;
  const cells = expected.map((row, i) =>
    row.map((want, c) => {
      const have = current[i][c];
      if (want === null || same(want, have)) return have;
      changed = true;
      return want;
    }),
  );
  return { cells, changed };
}
