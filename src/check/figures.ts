// A figure the self-check compares: where it is, what it is in words, and the value the add-on's
// own arithmetic gives, computed without the sheet's formulas.
import type { CheckMismatch } from '../shared/api';

/** How closely a figure must agree: money to the cent, ratios and counts closely, text exactly. */
export type FigureKind = 'money' | 'ratio' | 'count' | 'text';

export interface Figure {
  /** A1 address on its scratch sheet. */
  cell: string;
  what: string;
  /** '' where the sheet must show a blank (not known yet). */
  expected: string | number;
  kind: FigureKind;
  /** The cell holding the formula, when it is not `cell` (an array formula's first cell). */
  formulaCell?: string;
  /** Other text that is as right, e.g. a number TEXT writes with the locale's decimal comma. */
  alternatives?: string[];
}

const TOLERANCE: Record<Exclude<FigureKind, 'text'>, number> = {
  money: 0.005,
  ratio: 1e-6,
  count: 1e-9,
};

/** Does the value read back agree with the expected figure? */
export function agrees(figure: Figure, got: unknown): boolean {
  const { expected, kind } = figure;
  if (typeof expected === 'string')
    return typeof got === 'string' && (got === expected || !!figure.alternatives?.includes(got));
  if (typeof got !== 'number' || !Number.isFinite(got)) return false;
  if (kind === 'text') return got === expected;
  // Money to the cent; ratios and counts relative to their size (a ratio of 12,000 or of 0.05).
  const scale = kind === 'money' ? 1 : Math.max(1, Math.abs(expected));
  return Math.abs(got - expected) <= TOLERANCE[kind] * scale;
}

/** A cell's value as the report shows it: dates as their instant, errors as their text. */
function shown(value: unknown): string | number {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? '' : String(value);
}

export interface ReadBack {
  /** The sheet's values and formulas from A1. */
  values: unknown[][];
  formulas: string[][];
}

/** 1-based row and column of an A1 address such as "AB12". */
export function cellPosition(a1: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) throw new Error(`Not a cell address: ${a1}`);
  const column = match[1].split('').reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

function at<T>(grid: T[][], a1: string): T | undefined {
  const { row, column } = cellPosition(a1);
  return grid[row - 1]?.[column - 1];
}

/** The figures of one scratch sheet that disagree with what Sheets computed. */
export function compareSheet(
  sheet: string,
  figures: readonly Figure[],
  read: ReadBack,
  dayOf: (date: Date) => string,
): CheckMismatch[] {
  const mismatches: CheckMismatch[] = [];
  for (const figure of figures) {
    const value = at(read.values, figure.cell);
    // A date cell is compared as the day it shows in the spreadsheet's time zone.
    const got = value instanceof Date ? dayOf(value) : value;
    if (agrees(figure, got)) continue;
    mismatches.push({
      sheet,
      cell: figure.cell,
      what: figure.what,
      formula: at(read.formulas, figure.formulaCell ?? figure.cell) ?? '',
      expected: figure.expected,
      got: shown(got),
    });
  }
  return mismatches;
}
