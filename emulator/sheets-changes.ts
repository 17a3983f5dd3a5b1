// Which cells' computed values the formula engine moved while someone watched: what a view of
// the workbook needs to redraw after an edit, instead of reading every sheet again.

/** A cell by sheet name, 1-based. */
export interface ChangedCell {
  sheet: string;
  row: number;
  col: number;
  /** It went from empty to filled or back: the sheet's last row or column may have moved. */
  reshaped?: true;
}

export class ChangeWatch {
  private readonly cells = new Map<string, ChangedCell>();
  private lost = false;

  /** Past `limit` cells the list is dropped: redrawing everything is cheaper than the list. */
  constructor(private readonly limit: number) {}

  add(sheet: string, row: number, col: number, reshaped: boolean): void {
    if (this.lost) return;
    const key = `${sheet}\u0000${row}\u0000${col}`;
    const cell: ChangedCell = { sheet, row, col };
    if (reshaped || this.cells.get(key)?.reshaped) cell.reshaped = true;
    this.cells.set(key, cell);
    if (this.cells.size > this.limit) this.lose();
  }

  /** The engine was rebuilt (or the list outgrew its limit): what moved is not known. */
  lose(): void {
    this.lost = true;
    this.cells.clear();
  }

  /** The cells recomputed while watching, or null when that is not known. */
  result(): ChangedCell[] | null {
    return this.lost ? null : [...this.cells.values()];
  }
}
