// Where the dashboard's blocks are put down before anything is written: every cell of the top
// area (values, formats, weight, fill, note, validation) in one grid, so the writer sets each
// with one call; spilled columns only get their number formats down to their capacity.

import type { Block, FontWeight, Rule } from '../sheet/drawing';
import type { Cell } from '../sheet/formulas';

export interface CellStyle {
  format?: string;
  bold?: boolean;
  background?: string;
  note?: string;
  rule?: Rule;
}

interface Placed extends CellStyle {
  value: Cell;
}

/** Number formats of a run of spilled columns, rows first to first + height - 1. */
export interface ColumnFormats {
  row: number;
  column: number;
  height: number;
  formats: string[];
}

export class Canvas {
  private readonly cells = new Map<number, Map<number, Placed>>();
  readonly spills: ColumnFormats[] = [];

  put(row: number, column: number, value: Cell, style: CellStyle = {}): void {
    let line = this.cells.get(row);
    if (!line) {
      line = new Map();
      this.cells.set(row, line);
    }
    line.set(column, { value, ...style });
  }

  /** A 2-D table from (row, column), every cell with the same style, or a style per column. */
  table(
    row: number,
    column: number,
    rows: Cell[][],
    style: CellStyle | ((columnIndex: number) => CellStyle) = {},
  ): void {
    rows.forEach((cells, i) => {
      cells.forEach((value, j) => {
        this.put(row + i, column + j, value, typeof style === 'function' ? style(j) : style);
      });
    });
  }

  spill(formats: ColumnFormats): void {
    this.spills.push(formats);
  }

  get height(): number {
    return Math.max(1, ...this.cells.keys());
  }

  get width(): number {
    let width = 1;
    for (const line of this.cells.values()) width = Math.max(width, ...line.keys());
    return width;
  }

  private grid<T>(pick: (cell: Placed | undefined) => T): Block<T> {
    const height = this.height;
    const width = this.width;
    const cells = Array.from({ length: height }, (_, i) =>
      Array.from({ length: width }, (_, j) => pick(this.cells.get(i + 1)?.get(j + 1))),
    );
    return { row: 1, column: 1, cells };
  }

  values(): Block<Cell> {
    return this.grid((cell) => cell?.value ?? '');
  }

  formats(): Block<string> {
    return this.grid((cell) => cell?.format ?? 'General');
  }

  weights(): Block<FontWeight> {
    return this.grid((cell) => (cell?.bold ? 'bold' : 'normal'));
  }

  backgrounds(): Block<string | null> {
    return this.grid((cell) => cell?.background ?? null);
  }

  notes(): Block<string> {
    return this.grid((cell) => cell?.note ?? '');
  }

  validations(): Block<Rule | null> {
    return this.grid((cell) => cell?.rule ?? null);
  }

  /**
   * The spilled formats as blocks, one per first row (tables side by side share one, as tall
   * as the tallest; the columns between them stay General): one row array for every row.
   */
  spillBlocks(): Block<string>[] {
    const byRow = new Map<number, ColumnFormats[]>();
    for (const spill of this.spills) byRow.set(spill.row, [...(byRow.get(spill.row) ?? []), spill]);
    return [...byRow].map(([row, spills]) => {
      const column = Math.min(...spills.map((s) => s.column));
      const end = Math.max(...spills.map((s) => s.column + s.formats.length));
      const formats = new Array<string>(end - column).fill('General');
      for (const spill of spills)
        spill.formats.forEach((format, j) => {
          formats[spill.column - column + j] = format;
        });
      const height = Math.max(...spills.map((s) => s.height));
      return { row, column, cells: Array.from({ length: height }, () => formats) };
    });
  }

  /** Everything a layout writes from the canvas, one block per kind of cell property. */
  blocks() {
    return {
      values: this.values(),
      numberFormats: [this.formats(), ...this.spillBlocks()],
      fontWeights: this.weights(),
      backgrounds: this.backgrounds(),
      notes: this.notes(),
      validations: this.validations(),
    };
  }
}
