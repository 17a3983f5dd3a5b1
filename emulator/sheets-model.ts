// The spreadsheet itself, independent of the Apps Script surface: sheets of cells (content,
// formats, notes, validation), named ranges, protections, conditional formats and sharing, plus
// the structural edits (insert/delete rows and columns, rename/delete sheets) that move them.
import { Engine, type EngineCell, type EngineSheet } from './sheets-engine';
import { type Axis, columnLetters, mapRefs, quoteSheet, type Ref } from './sheets-refs';
import { insertCells, moveReferences, removeCells } from './sheets-structure';
import {
  type Content,
  HOST_TIME_ZONE,
  isDate,
  isDateFormat,
  type Literal,
  serialToDate,
  wallSerial,
} from './sheets-values';

export { isArea } from './sheets-structure';

export interface Formats {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  border?: unknown[];
}

export interface ValidationRule {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A rule as applied to cells: relative references in a custom formula count from the anchor. */
export interface AppliedValidation {
  rule: ValidationRule;
  anchorRow: number;
  anchorCol: number;
}

export interface Cell {
  value?: Literal;
  formula?: string;
  note?: string;
  validation?: AppliedValidation;
  format: Formats;
}

export interface Area {
  sheet: SheetModel;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface CfFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
}

export interface CfRule {
  condition: { type: string; values: unknown[] } | null;
  format: CfFormat;
  ranges: Area[];
}

export interface ProtectionModel {
  type: 'RANGE' | 'SHEET';
  area: Area;
  description: string;
  warningOnly: boolean;
  /** null until the script changes the editors: until then it mirrors the spreadsheet's. */
  editors: string[] | null;
  unprotected: Area[];
}

export interface ClearParts {
  contents?: boolean;
  formats?: boolean;
  validations?: boolean;
  notes?: boolean;
}

export interface NamedRangeModel {
  name: string;
  area: Area;
}

/** An embedded chart: ranges may lie on other sheets; options are Google Charts options. */
export interface ChartModel {
  /** null until the chart is inserted into a sheet. */
  id: number | null;
  type: string;
  ranges: Area[];
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  /** -1 lets Sheets guess how many header rows or columns the data has. */
  numHeaders: number;
  transposed: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
}

/** A cell's computed value as getValues returns it; errors are strings like `#DIV/0!`. */
export type CellOutput = number | string | boolean | Date;

/** Sheets' limit on cells in a spreadsheet, empty ones included. */
export const MAX_CELLS = 10_000_000;

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class SheetModel {
  rows: (Cell | undefined)[][] = [];
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  /** View > Show > Gridlines unticked (also what print and PDF use by default). */
  gridlinesHidden = false;
  columnWidths: (number | undefined)[] = [];
  rowHeights: (number | undefined)[] = [];
  hiddenColumns: (boolean | undefined)[] = [];
  hiddenRows: (boolean | undefined)[] = [];
  cfRules: CfRule[] = [];
  charts: ChartModel[] = [];
  deleted = false;
  /** Kept up to date by the workbook: without formulas, empty cells need no engine. */
  formulaCount = 0;

  constructor(
    readonly id: number,
    public name: string,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  ensure(row: number, col: number): Cell {
    const cells = this.rows[row - 1] ?? [];
    this.rows[row - 1] = cells;
    const existing = cells[col - 1];
    if (existing) return existing;
    const cell: Cell = { format: {} };
    cells[col - 1] = cell;
    return cell;
  }

  *cells(): Generator<[number, number, Cell]> {
    for (const [r, cells] of this.rows.entries()) {
      if (!cells) continue;
      for (const [c, cell] of cells.entries()) if (cell) yield [r + 1, c + 1, cell];
    }
  }

  /** The area of the whole grid. */
  grid(): Area {
    return { sheet: this, r1: 1, c1: 1, r2: this.maxRows, c2: this.maxColumns };
  }
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.formula !== undefined || cell.value !== undefined);
}

export function areaContains(area: Area, sheet: SheetModel, row: number, col: number): boolean {
  return (
    area.sheet === sheet && row >= area.r1 && row <= area.r2 && col >= area.c1 && col <= area.c2
  );
}

export function areasIntersect(a: Area, b: Area): boolean {
  return a.sheet === b.sheet && a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

function areaInside(inner: Area, outer: Area): boolean {
  return (
    inner.sheet === outer.sheet &&
    inner.r1 >= outer.r1 &&
    inner.r2 <= outer.r2 &&
    inner.c1 >= outer.c1 &&
    inner.c2 <= outer.c2
  );
}

export class Workbook {
  readonly id = '1EmuLaTedSpreadsheetId0000000000000000000000';
  name = 'Influencer ROI (emulated)';
  readonly sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  namedRanges: NamedRangeModel[] = [];
  protections: ProtectionModel[] = [];
  editors: string[];
  viewers: string[];
  readonly engine: Engine;
  /** The spreadsheet's time zone (File > Settings); dates in cells are days on its calendar. */
  timeZone = HOST_TIME_ZONE;
  private nextSheetId = 0;
  nextChartId = 1;

  constructor(
    readonly owner: string,
    editors: string[],
    viewers: string[],
  ) {
    this.editors = [...editors];
    this.viewers = [...viewers];
    this.engine = new Engine({
      sheets: () => this.sheets.map((sheet) => this.engineSheet(sheet)),
      extent: (name) => {
        const sheet = this.sheetByName(name);
        return sheet ? { rows: sheet.maxRows, cols: sheet.maxColumns } : undefined;
      },
      timeZone: () => this.timeZone,
      namedRanges: () =>
        this.namedRanges.map(({ name, area }) => ({ name, formula: `=${absoluteA1(area)}` })),
    });
  }

  // ---- sharing ----

  role(user: string): 'owner' | 'editor' | 'viewer' | null {
    const email = user.toLowerCase();
    if (email === this.owner.toLowerCase()) return 'owner';
    if (this.editors.some((e) => e.toLowerCase() === email)) return 'editor';
    if (this.viewers.some((e) => e.toLowerCase() === email)) return 'viewer';
    return null;
  }

  canEditProtection(protection: ProtectionModel, user: string): boolean {
    const role = this.role(user);
    if (role === 'owner') return true;
    if (role !== 'editor') return false;
    if (protection.warningOnly || protection.editors === null) return true;
    return protection.editors.some((e) => e.toLowerCase() === user.toLowerCase());
  }

  /** Protections covering any cell of the area (sheet protections minus their exceptions). */
  protectionsOver(area: Area): ProtectionModel[] {
    return this.protections.filter((p) => {
      if (!areasIntersect(protectedArea(p), area)) return false;
      return p.type === 'RANGE' || !p.unprotected.some((u) => areaInside(area, u));
    });
  }

  /** Throws like Sheets when `user` may not change the area. */
  assertCanEdit(user: string, area: Area): void {
    this.assertEditor(user);
    const blocked = this.protectionsOver(area).some((p) => !this.canEditProtection(p, user));
    if (blocked) throw new Error(PROTECTED_MESSAGE);
  }

  assertEditor(user: string): void {
    const role = this.role(user);
    if (role === 'owner' || role === 'editor') return;
    throw new Error(
      role === 'viewer'
        ? 'You do not have permission to edit this spreadsheet.'
        : 'You do not have permission to access the requested document.',
    );
  }

  // ---- sheets ----

  /** Cells of every sheet's grid, empty ones included (what Sheets' cell limit counts). */
  cellCount(): number {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  }

  /** Throws Sheets' message when `extra` more cells would pass the spreadsheet's limit. */
  assertRoomFor(extra: number): void {
    if (this.cellCount() + extra > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(
    name: string | undefined,
    index: number,
    rows = 1000,
    cols = 26,
    id = this.nextSheetId,
  ): SheetModel {
    const chosen = name ?? this.defaultSheetName();
    if (this.sheetByName(chosen)) throw new Error(sheetNameTaken(chosen));
    const sheet = new SheetModel(id, chosen, rows, cols);
    this.nextSheetId = Math.max(this.nextSheetId, id + 1);
    this.sheets.splice(Math.min(Math.max(index, 0), this.sheets.length), 0, sheet);
    this.invalidateEngine();
    return sheet;
  }

  private defaultSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.sheetByName(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw new Error(sheetNameTaken(name));
    if (name.trim() === '') throw new Error('Invalid argument: name');
    const old = sheet.name.toLowerCase();
    sheet.name = name;
    this.rewriteFormulas((ref) =>
      ref.sheet?.toLowerCase() === old ? { ...ref, sheet: name } : ref,
    );
    this.invalidateEngine();
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    const name = sheet.name.toLowerCase();
    this.rewriteFormulas((ref) => (ref.sheet?.toLowerCase() === name ? null : ref));
    this.namedRanges = this.namedRanges.filter((n) => n.area.sheet !== sheet);
    this.protections = this.protections.filter((p) => p.area.sheet !== sheet);
    for (const chart of this.sheets.flatMap((s) => s.charts)) {
      chart.ranges = chart.ranges.filter((area) => area.sheet !== sheet);
    }
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    this.invalidateEngine();
  }

  /** Rewrites references in cell formulas and in custom formula rules (validation, formats). */
  private rewriteFormulas(fn: (ref: Ref) => Ref | null): void {
    const rules = new Set<ValidationRule>();
    for (const sheet of this.sheets) {
      for (const [, , cell] of sheet.cells()) {
        if (cell.formula !== undefined) cell.formula = mapRefs(cell.formula, fn);
        if (cell.validation?.rule.criteria === 'CUSTOM_FORMULA') rules.add(cell.validation.rule);
      }
      for (const { condition } of sheet.cfRules) {
        if (condition?.type === 'CUSTOM_FORMULA') {
          condition.values = condition.values.map((v) => mapRefs(String(v), fn));
        }
      }
    }
    for (const rule of rules) rule.args = rule.args.map((arg) => mapRefs(String(arg), fn));
  }

  // ---- content ----

  setContent(sheet: SheetModel, row: number, col: number, content: Content): void {
    if (content.kind === 'empty' && !hasContent(sheet.cell(row, col))) return;
    const cell = sheet.ensure(row, col);
    if (cell.formula !== undefined) sheet.formulaCount--;
    cell.value = content.kind === 'value' ? content.value : undefined;
    cell.formula = content.kind === 'formula' ? content.formula : undefined;
    if (cell.formula !== undefined) sheet.formulaCount++;
    const format = cell.format.numberFormat;
    if (content.kind === 'value' && content.impliedFormat && (!format || format === 'General')) {
      cell.format.numberFormat = content.impliedFormat;
    }
    this.cellChanged(sheet, row, col);
  }

  setFormat<K extends keyof Formats>(
    sheet: SheetModel,
    row: number,
    col: number,
    key: K,
    value: Formats[K] | null,
  ): void {
    const cell = sheet.cell(row, col);
    const before = cell?.format.numberFormat;
    if (value === null || value === undefined) {
      if (cell) delete cell.format[key];
    } else sheet.ensure(row, col).format[key] = value;
    // Only a typed value reads its format (a date format makes it a date); formulas and empty
    // cells (spilled results included) look the same to the engine whatever their format.
    const typed = cell?.formula === undefined && cell?.value !== undefined;
    const after = sheet.cell(row, col)?.format.numberFormat;
    if (key === 'numberFormat' && typed && isDateFormat(before) !== isDateFormat(after))
      this.cellChanged(sheet, row, col);
  }

  /** Clears the chosen parts of every cell in the area. */
  clearArea(area: Area, parts: ClearParts): void {
    const { sheet } = area;
    const cells = [...sheet.cells()].filter(([r, c]) => areaContains(area, sheet, r, c));
    this.batch(() => {
      for (const [row, col, cell] of cells) {
        if (parts.contents) this.setContent(sheet, row, col, { kind: 'empty' });
        if (parts.formats) {
          this.setFormat(sheet, row, col, 'numberFormat', null);
          cell.format = {};
        }
        if (parts.validations) delete cell.validation;
        if (parts.notes) delete cell.note;
      }
    });
  }

  private cellChanged(sheet: SheetModel, row: number, col: number): void {
    this.engine.update(sheet.name, row, col, engineCell(sheet.cell(row, col)));
  }

  /** Something the engine cannot patch in place (structure, names): rebuild it on next read. */
  invalidateEngine(): void {
    this.engine.invalidate();
  }

  // ---- reading ----

  valueAt(sheet: SheetModel, row: number, col: number): CellOutput {
    const cell = sheet.cell(row, col);
    const format = cell?.format.numberFormat;
    if (cell && cell.formula === undefined && cell.value !== undefined) {
      const { value } = cell;
      if (typeof value === 'string' || typeof value === 'boolean') return value;
      return present(isDate(value) ? wallSerial(value) : value, format, false, this.timeZone);
    }
    if (!cell?.formula && !this.hasFormulas(sheet)) return '';
    const { value, isDate: inferred } = this.engine.value(sheet.name, row, col);
    if (value === null) return '';
    if (typeof value === 'object') return value.error;
    return typeof value === 'number' ? present(value, format, inferred, this.timeZone) : value;
  }

  /** Whether a cell shows anything (spilled array results included, even `""`). */
  isFilled(sheet: SheetModel, row: number, col: number): boolean {
    const cell = sheet.cell(row, col);
    if (hasContent(cell)) return true;
    return this.hasFormulas(sheet) && this.engine.value(sheet.name, row, col).value !== null;
  }

  hasFormulas(sheet: SheetModel): boolean {
    return sheet.formulaCount > 0;
  }

  /** Applies several writes with one recalculation. */
  batch(fn: () => void): void {
    this.engine.batch(fn);
  }

  /** Sheet.getLastRow: spilled array results count, even `""` (as in Sheets). */
  lastRow(sheet: SheetModel): number {
    let last = 0;
    for (const [r, , cell] of sheet.cells()) if (hasContent(cell) && r > last) last = r;
    if (!this.hasFormulas(sheet)) return last;
    return Math.min(sheet.maxRows, Math.max(last, this.engine.filledExtent(sheet.name).rows));
  }

  lastColumn(sheet: SheetModel): number {
    let last = 0;
    for (const [, c, cell] of sheet.cells()) if (hasContent(cell) && c > last) last = c;
    if (!this.hasFormulas(sheet)) return last;
    return Math.min(sheet.maxColumns, Math.max(last, this.engine.filledExtent(sheet.name).cols));
  }

  private engineSheet(sheet: SheetModel): EngineSheet {
    return {
      name: sheet.name,
      cells: Array.from(sheet.rows, (cells) => Array.from(cells ?? [], (cell) => engineCell(cell))),
    };
  }

  // ---- structure ----

  /** Inserts `count` rows/columns before index `at`, copying formats from index `from`. */
  insert(sheet: SheetModel, axis: Axis, at: number, count: number, from: number): void {
    const atEdge = at > (axis === 'row' ? sheet.maxRows : sheet.maxColumns);
    insertCells(sheet, axis, at, count, from);
    const seen = moveReferences(this, sheet, { axis, at, count });
    // Rows or columns added past the edge of a sheet no formula sees (a log of values) move
    // nothing the engine holds: it stays, instead of being rebuilt over the whole workbook.
    if (seen || !atEdge) this.invalidateEngine();
  }

  remove(sheet: SheetModel, axis: Axis, at: number, count: number): void {
    removeCells(sheet, axis, at, count);
    moveReferences(this, sheet, { axis, at, count: -count });
    this.invalidateEngine();
  }
}

function present(
  serial: number,
  format: string | undefined,
  inferredDate: boolean,
  timeZone: string,
): CellOutput {
  const explicit = format !== undefined && format !== 'General';
  const asDate = explicit ? isDateFormat(format) : inferredDate;
  return asDate ? serialToDate(serial, timeZone) : serial;
}

function engineCell(cell: Cell | undefined): EngineCell {
  if (!cell) return undefined;
  if (cell.formula !== undefined) return { formula: cell.formula };
  if (cell.value === undefined) return undefined;
  return { value: cell.value, asDate: isDateFormat(cell.format.numberFormat) };
}

/** A sheet protection always covers the whole grid, however it grows. */
export function protectedArea(protection: ProtectionModel): Area {
  return protection.type === 'SHEET' ? protection.area.sheet.grid() : protection.area;
}

export function absoluteA1(area: Area): string {
  return `${quoteSheet(area.sheet.name)}!$${columnLetters(area.c1)}$${area.r1}:$${columnLetters(area.c2)}$${area.r2}`;
}

export function sheetNameTaken(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}
