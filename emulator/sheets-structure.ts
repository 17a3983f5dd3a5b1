// Inserting and deleting rows or columns: cells move, and so does everything that points at
// them (formulas, validation and conditional format rules, named ranges, protections, charts),
// the way Sheets moves them.
import type {
  AppliedValidation,
  Area,
  Cell,
  CfRule,
  ChartModel,
  SheetModel,
  Workbook,
} from './sheets-model';
import {
  type Axis,
  mapRefs,
  type Ref,
  type RefPart,
  type StructOp,
  shiftBound,
  shiftRefForOp,
  shiftSpan,
} from './sheets-refs';

/** Whether a rule argument or chart range is an area (a Range the script passed). */
export function isArea(value: unknown): value is Area {
  return typeof value === 'object' && value !== null && 'sheet' in value && 'r1' in value;
}

/** Splices a sparse list, skipping work when nothing would land inside it. */
function spliceSparse<T>(list: T[], at: number, remove: number, insert: T[]): void {
  if (list.length <= at && insert.every((item) => item === undefined)) return;
  if (list.length < at) list.length = at;
  list.splice(at, remove, ...insert);
}

/** New rows/columns take the formats and validation (not content or notes) of their source. */
function copyFormats(cell: Cell | undefined): Cell | undefined {
  if (!cell || (Object.keys(cell.format).length === 0 && !cell.validation)) return undefined;
  return { format: { ...cell.format }, validation: cell.validation };
}

export function insertCells(
  sheet: SheetModel,
  axis: Axis,
  at: number,
  count: number,
  from: number,
): void {
  if (axis === 'row') {
    const source = sheet.rows[from - 1];
    const fresh = Array.from({ length: count }, () => source?.map((cell) => copyFormats(cell)));
    spliceSparse(sheet.rows, at - 1, 0, fresh as (Cell | undefined)[][]);
    sheet.maxRows += count;
  } else {
    for (const cells of sheet.rows) {
      if (!cells) continue;
      const source = cells[from - 1];
      spliceSparse(
        cells,
        at - 1,
        0,
        Array.from({ length: count }, () => copyFormats(source)),
      );
    }
    sheet.maxColumns += count;
  }
  shiftDimensionProps(sheet, { axis, at, count });
}

export function removeCells(sheet: SheetModel, axis: Axis, at: number, count: number): void {
  if (axis === 'row') {
    spliceSparse(sheet.rows, at - 1, count, []);
    sheet.maxRows -= count;
  } else {
    for (const cells of sheet.rows) if (cells) spliceSparse(cells, at - 1, count, []);
    sheet.maxColumns -= count;
  }
  shiftDimensionProps(sheet, { axis, at, count: -count });
  sheet.formulaCount = [...sheet.cells()].filter(([, , cell]) => cell.formula !== undefined).length;
}

function shiftDimensionProps(sheet: SheetModel, op: StructOp): void {
  const shift = <T>(list: (T | undefined)[]) => {
    if (op.count > 0)
      spliceSparse(list, op.at - 1, 0, Array<T | undefined>(op.count).fill(undefined));
    else spliceSparse(list, op.at - 1, -op.count, []);
  };
  if (op.axis === 'row') {
    shift(sheet.rowHeights);
    shift(sheet.hiddenRows);
  } else {
    shift(sheet.columnWidths);
    shift(sheet.hiddenColumns);
  }
  const key = op.axis === 'row' ? 'frozenRows' : 'frozenColumns';
  const frozen = sheet[key];
  if (op.count > 0 && op.at <= frozen) sheet[key] = frozen + op.count;
  if (op.count < 0) {
    const lastDeleted = op.at - op.count - 1;
    sheet[key] = frozen - Math.max(0, Math.min(frozen, lastDeleted) - op.at + 1);
  }
}

export function shiftArea(area: Area, sheet: SheetModel, op: StructOp): Area | null {
  if (area.sheet !== sheet) return area;
  const [k1, k2] = op.axis === 'row' ? (['r1', 'r2'] as const) : (['c1', 'c2'] as const);
  const span = shiftSpan(area[k1], area[k2], op);
  return span ? { ...area, [k1]: span[0], [k2]: span[1] } : null;
}

/** Moves everything that points into `sheet` the way Sheets does after an insert/delete. */
/**
 * Moves every reference to `sheet` for the op. True when the formula engine sees the sheet: a
 * formula or named range refers to it, or it holds a formula (open ranges and array results
 * depend on its size).
 */
export function moveReferences(book: Workbook, sheet: SheetModel, op: StructOp): boolean {
  const mover = new RuleMover(book, sheet, op);
  let seen = book.namedRanges.some((n) => n.area.sheet === sheet);
  for (const host of book.sheets) {
    const moved = new Map<AppliedValidation, AppliedValidation>();
    for (const [, , cell] of host.cells()) {
      if (cell.formula !== undefined) {
        if (host === sheet) seen = true;
        cell.formula = mapRefs(cell.formula, (ref) => {
          if (mover.target(ref, host) !== sheet) return ref;
          seen = true;
          return shiftRefForOp(ref, op);
        });
      }
      if (cell.validation) {
        const known = moved.get(cell.validation) ?? mover.validation(cell.validation, host);
        moved.set(cell.validation, known);
        cell.validation = known;
      }
    }
    host.cfRules = host.cfRules.flatMap((rule) => mover.cfRule(rule, host));
    for (const chart of host.charts) moveChart(chart, host, sheet, op);
  }
  book.namedRanges = book.namedRanges.flatMap((n) => {
    const area = shiftArea(n.area, sheet, op);
    return area ? [{ ...n, area }] : [];
  });
  book.protections = book.protections.flatMap((p) => {
    const area = shiftArea(p.area, sheet, op);
    if (!area) return [];
    p.area = area;
    p.unprotected = p.unprotected.flatMap((u) => shiftArea(u, sheet, op) ?? []);
    return [p];
  });
  return seen;
}

/** A chart's data follows its cells; the chart itself stays over the cell it is anchored to. */
function moveChart(chart: ChartModel, host: SheetModel, sheet: SheetModel, op: StructOp): void {
  chart.ranges = chart.ranges.flatMap((area) => shiftArea(area, sheet, op) ?? []);
  if (host !== sheet) return;
  const key = op.axis === 'row' ? 'row' : 'column';
  const limit = op.axis === 'row' ? sheet.maxRows : sheet.maxColumns;
  chart.anchor[key] = Math.min(limit, shiftBound(chart.anchor[key], op, false));
}

/** Validation and conditional format rules: their ranges and anchor-relative formulas. */
class RuleMover {
  constructor(
    private readonly book: Workbook,
    private readonly sheet: SheetModel,
    private readonly op: StructOp,
  ) {}

  target(ref: Ref, host: SheetModel): SheetModel | undefined {
    return ref.sheet === undefined ? host : this.book.sheetByName(ref.sheet);
  }

  validation(applied: AppliedValidation, host: SheetModel): AppliedValidation {
    const { op, sheet } = this;
    const anchor = { row: applied.anchorRow, col: applied.anchorCol };
    const next = { ...anchor };
    if (host === sheet) next[op.axis] = shiftBound(anchor[op.axis], op, false);
    const { rule } = applied;
    const args = rule.args.map((arg) => {
      if (typeof arg === 'string' && rule.criteria === 'CUSTOM_FORMULA') {
        return this.formula(arg, host, next[op.axis] - anchor[op.axis]);
      }
      return isArea(arg) ? (shiftArea(arg, sheet, op) ?? arg) : arg;
    });
    return { rule: { ...rule, args }, anchorRow: next.row, anchorCol: next.col };
  }

  cfRule(rule: CfRule, host: SheetModel): CfRule[] {
    const { op, sheet } = this;
    const ranges = rule.ranges.flatMap((area) => shiftArea(area, sheet, op) ?? []);
    if (ranges.length === 0) return [];
    const first = rule.ranges[0];
    const anchor = op.axis === 'row' ? first.r1 : first.c1;
    const delta =
      host === sheet && first.sheet === sheet ? shiftBound(anchor, op, false) - anchor : 0;
    const { condition } = rule;
    const custom = condition?.type === 'CUSTOM_FORMULA';
    const values = condition?.values.map((v) =>
      custom && typeof v === 'string' ? this.formula(v, host, delta) : v,
    );
    return [{ ...rule, ranges, condition: condition && { ...condition, values: values ?? [] } }];
  }

  /**
   * Rule formulas are evaluated relative to their anchor: relative parts keep their offset from
   * the anchor (which moved by `delta`), absolute parts follow the rows/columns they point at.
   */
  private formula(formula: string, host: SheetModel, delta: number): string {
    const { op, sheet } = this;
    const key = op.axis;
    const abs = key === 'row' ? 'rowAbs' : 'colAbs';
    return mapRefs(formula, (ref) => {
      const target = this.target(ref, host);
      let lost = false;
      const move = (part: RefPart, isEnd: boolean): RefPart => {
        const index = part[key];
        if (index === undefined) return part;
        if (!part[abs] && target === host) return { ...part, [key]: index + delta };
        if (target !== sheet) return part;
        if (!ref.end && !shiftSpan(index, index, op)) lost = true;
        return { ...part, [key]: shiftBound(index, op, isEnd) };
      };
      const start = move(ref.start, false);
      const end = ref.end && move(ref.end, true);
      const a = start[key];
      const b = end?.[key];
      if (lost || (a !== undefined && b !== undefined && b < a)) return null;
      return { ...ref, start, end };
    });
  }
}
