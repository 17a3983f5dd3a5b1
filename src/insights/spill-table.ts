// A table on the dashboard whose rows are spilled by formulas: a header row, then one formula
// row (the first column's formula fills several columns; each computed column has its own
// array formula over the rows below). Blocks refer to its columns as closed ranges sized to its
// capacity, which the dashboard's grid is made tall enough to hold.
import type { ValueKind } from '../shared/value-kind';
import { type Cell, columnLetter, columnRange } from '../sheet/formulas';

/** How a column's values look. */
export type Kind = Extract<ValueKind, 'text' | 'count' | 'money' | 'rate' | 'multiple' | 'date'>;

export interface SpillColumn<K extends string> {
  key: K;
  header: string;
  kind: Kind;
  note: string;
}

export class SpillTable<K extends string> {
  readonly firstRow: number;
  readonly lastRow: number;

  constructor(
    /** Sheet row of the header. */
    readonly row: number,
    /** Sheet column of the first column. */
    readonly column: number,
    readonly columns: readonly SpillColumn<K>[],
    /** Data rows the table may fill. */
    readonly capacity: number,
  ) {
    this.firstRow = row + 1;
    this.lastRow = row + capacity;
  }

  get width(): number {
    return this.columns.length;
  }

  columnOf(key: K): number {
    const index = this.columns.findIndex((c) => c.key === key);
    if (index < 0) throw new Error(`No column ${key}`);
    return this.column + index;
  }

  letter(key: K): string {
    return columnLetter(this.columnOf(key));
  }

  /** The column's data rows, e.g. $X$9:$X$233. */
  range(key: K): string {
    return columnRange(this.columnOf(key), this.firstRow, this.lastRow);
  }

  /** The same rows shifted one up: row i holds the row before it (the header for the first). */
  previous(key: K): string {
    return columnRange(this.columnOf(key), this.firstRow - 1, this.lastRow - 1);
  }

  /** The same rows shifted one down: row i holds the row after it. */
  next(key: K): string {
    return columnRange(this.columnOf(key), this.firstRow + 1, this.lastRow + 1);
  }

  /** The header and data rows of some columns, for a chart (one range per run of columns). */
  area(first: K, last: K = first): { row: number; column: number; rows: number; columns: number } {
    const column = this.columnOf(first);
    return {
      row: this.row,
      column,
      rows: this.capacity + 1,
      columns: this.columnOf(last) - column + 1,
    };
  }

  /** The header row and the formula row, to be written at (row, column). */
  cells(formulas: Partial<Record<K, string>>): Cell[][] {
    return [this.columns.map((c) => c.header), this.columns.map((c) => formulas[c.key] ?? '')];
  }
}
