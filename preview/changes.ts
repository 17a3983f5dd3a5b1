// What an edit changed, as the page must redraw it (contract.ts: Changes): the cells the formula
// engine recomputed and the cells written, plus the cells of custom-formula conditional formats
// that can see a changed cell, and the charts whose ranges hold one.
import type { ChangedCell, Emulator } from '../emulator/sheets-emulator';
import { parseA1, type Ref, tokenize } from '../emulator/sheets-refs';
import type { Changes, SheetChanges } from './contract';
import { type Box, cellViews, chartViews, inBox, sentSize } from './view';

/** More changed cells than this, and the page is better off reading the whole workbook. */
export const MAX_CHANGED_CELLS = 20_000;

/**
 * The views of what changed: `moved` is what the engine recomputed (null: not known, as after
 * a structural edit), `written` the cells the edit itself set.
 */
export function changesView(
  emulator: Emulator,
  moved: ChangedCell[] | null,
  written: ChangedCell[],
): Changes | null {
  if (!moved) return null;
  const changed = [...moved, ...written];
  if (changed.length > MAX_CHANGED_CELLS) return null;
  const bySheet = new Map<string, ChangedCell[]>();
  const add = (cell: ChangedCell) => {
    const list = bySheet.get(cell.sheet) ?? [];
    list.push(cell);
    bySheet.set(cell.sheet, list);
  };
  for (const cell of changed) add(cell);
  for (const cell of conditionalCells(emulator, changed)) add(cell);
  const sheets: SheetChanges[] = [];
  for (const name of emulator.sheetNames()) {
    const listed = bySheet.get(name) ?? [];
    const drawn = (boxes: Box[]) =>
      changed.some((c) => boxes.some((b) => inBox(b, c.sheet, c.row, c.col)));
    const charts = chartViews(emulator, name, drawn);
    if (listed.length === 0 && charts.length === 0) continue;
    // Reading a sheet's last row and column costs a pass over it: only when they may move.
    const resized = listed.some((cell) => cell.reshaped);
    const size = sentSize(emulator, name, !resized);
    const cells = cellViews(emulator, name, unique(listed), size);
    const change: SheetChanges = { name, cells, charts };
    if (resized) change.size = { ...size, maxRows: emulator.sheet(name).maxRows };
    sheets.push(change);
  }
  return { sheets };
}

function unique(cells: ChangedCell[]): { row: number; col: number }[] {
  const seen = new Map<string, { row: number; col: number }>();
  for (const { row, col } of cells) seen.set(`${row},${col}`, { row, col });
  return [...seen.values()];
}

/**
 * The cells of custom-formula conditional formats whose formula can see a changed cell: the
 * colour may flip though the cell's own value did not move.
 */
function conditionalCells(emulator: Emulator, changed: ChangedCell[]): ChangedCell[] {
  const cells: ChangedCell[] = [];
  for (const name of emulator.sheetNames()) {
    for (const rule of emulator.sheet(name).conditionalFormats) {
      const formula = rule.condition?.type === 'CUSTOM_FORMULA' ? rule.condition.values[0] : null;
      if (typeof formula !== 'string') continue;
      for (const range of rule.ranges) {
        const area = areaOf(range);
        if (!area || !formulaSees(formula, area, changed)) continue;
        for (let row = area.r1; row <= area.r2; row++) {
          for (let col = area.c1; col <= area.c2; col++)
            cells.push({ sheet: area.sheet, row, col });
        }
      }
    }
  }
  return cells;
}

/**
 * Whether a formula written for the top left cell of `area` and copied over it reads any of the
 * changed cells. A relative reference sweeps as far as the area reaches; a name (a named range)
 * may point anywhere, so it counts as seeing everything.
 */
function formulaSees(formula: string, area: Box, changed: ChangedCell[]): boolean {
  const height = area.r2 - area.r1;
  const width = area.c2 - area.c1;
  for (const token of tokenize(formula)) {
    if (token.kind === 'name' && !/^(true|false)$/i.test(token.text)) return true;
    if (token.kind !== 'ref') continue;
    const swept = sweep(token.ref, area.sheet, height, width);
    if (changed.some((cell) => inBox(swept, cell.sheet, cell.row, cell.col))) return true;
  }
  return false;
}

function sweep(ref: Ref, sheet: string, height: number, width: number): Box {
  const end = ref.end ?? ref.start;
  const rowGrows = (abs: boolean) => (abs ? 0 : height);
  const colGrows = (abs: boolean) => (abs ? 0 : width);
  const open = Number.MAX_SAFE_INTEGER;
  return {
    sheet: ref.sheet ?? sheet,
    r1: ref.start.row ?? 1,
    c1: ref.start.col ?? 1,
    r2: end.row === undefined ? open : end.row + rowGrows(end.rowAbs),
    c2: end.col === undefined ? open : end.col + colGrows(end.colAbs),
  };
}

function areaOf(range: string): Box | null {
  const ref = parseA1(range);
  if (!ref?.sheet || ref.start.row === undefined || ref.start.col === undefined) return null;
  const end = ref.end ?? ref.start;
  if (end.row === undefined || end.col === undefined) return null;
  return { sheet: ref.sheet, r1: ref.start.row, c1: ref.start.col, r2: end.row, c2: end.col };
}
