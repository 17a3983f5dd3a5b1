// A whole workbook as plain JSON, for the preview's save and open: everything the model holds
// (sheets, cells, formats, notes, validation, conditional formats, charts, named ranges,
// protections, sharing, document and script properties). Dates are `{ "$date": ISO }`, areas
// are `{ sheet, r1, c1, r2, c2 }` by sheet name. Reading checks every field before building, so
// a bad file is refused whole, with the first problem named.
import {
  type Area,
  type CfFormat,
  type CfRule,
  type ChartModel,
  type Formats,
  isArea,
  type ProtectionModel,
  type SheetModel,
  type ValidationRule,
  Workbook,
} from './sheets-model';
import type { Shared } from './sheets-services';
import { checkTimeZone, isDate, type Literal } from './sheets-values';

export interface AreaSnapshot {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type DateSnapshot = { $date: string };
export type ValueSnapshot = number | string | boolean | DateSnapshot;

export interface CellSnapshot {
  row: number;
  col: number;
  value?: ValueSnapshot;
  formula?: string;
  note?: string;
  format?: Formats;
  /** Index into the sheet's `validations`: cells set together share one rule. */
  validation?: number;
}

export interface ValidationSnapshot {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
  anchorRow: number;
  anchorCol: number;
}

export interface CfRuleSnapshot {
  condition: { type: string; values: unknown[] } | null;
  format: CfFormat;
  ranges: AreaSnapshot[];
}

export interface ChartSnapshot {
  id: number;
  type: string;
  ranges: AreaSnapshot[];
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  numHeaders: number;
  transposed: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
}

export interface SheetSnapshot {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Pixels by 1-based column / row number, only where set. */
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  hiddenRows: number[];
  hiddenColumns: number[];
  tabColor: string | null;
  hidden: boolean;
  /** Absent in snapshots saved before gridlines were kept: shown. */
  gridlinesHidden?: boolean;
  cells: CellSnapshot[];
  validations: ValidationSnapshot[];
  conditionalFormats: CfRuleSnapshot[];
  charts: ChartSnapshot[];
}

export interface ProtectionSnapshot {
  type: 'RANGE' | 'SHEET';
  area: AreaSnapshot;
  description: string;
  warningOnly: boolean;
  editors: string[] | null;
  unprotected: AreaSnapshot[];
}

export interface WorkbookSnapshot {
  version: 1;
  name: string;
  /** The spreadsheet's time zone; cell dates are wall clock times (`Z` means none). */
  timeZone?: string;
  owner: string;
  editors: string[];
  viewers: string[];
  activeSheet: string;
  sheets: SheetSnapshot[];
  namedRanges: { name: string; area: AreaSnapshot }[];
  protections: ProtectionSnapshot[];
  documentProperties: Record<string, string>;
  scriptProperties: Record<string, string>;
}

/** What createEmulator needs from a snapshot. */
export interface LoadedSnapshot {
  book: Workbook;
  documentProperties: Map<string, string>;
  scriptProperties: Map<string, string>;
}

const states = new WeakMap<object, Shared>();

/** createEmulator records its state under its services, for toSnapshot. */
export function trackState(services: object, shared: Shared): void {
  states.set(services, shared);
}

// ---- writing ----

export function toSnapshot(emulator: { readonly services: object }): WorkbookSnapshot {
  const shared = states.get(emulator.services);
  if (!shared) throw new Error('emulator: toSnapshot takes an emulator made by createEmulator');
  const { book } = shared;
  return {
    version: 1,
    name: book.name,
    timeZone: book.timeZone,
    owner: book.owner,
    editors: [...book.editors],
    viewers: [...book.viewers],
    activeSheet: (book.activeSheet ?? book.sheets[0]).name,
    sheets: book.sheets.map(sheetSnapshot),
    namedRanges: book.namedRanges.map(({ name, area }) => ({ name, area: areaSnapshot(area) })),
    protections: book.protections.map((p) => ({
      type: p.type,
      area: areaSnapshot(p.area),
      description: p.description,
      warningOnly: p.warningOnly,
      editors: p.editors && [...p.editors],
      unprotected: p.unprotected.map(areaSnapshot),
    })),
    documentProperties: Object.fromEntries(shared.documentProperties),
    scriptProperties: Object.fromEntries(shared.scriptProperties),
  };
}

function areaSnapshot({ sheet, r1, c1, r2, c2 }: Area): AreaSnapshot {
  return { sheet: sheet.name, r1, c1, r2, c2 };
}

/** Dates and areas anywhere inside rule arguments and chart options. */
function encode(value: unknown): unknown {
  if (isDate(value)) return { $date: value.toISOString() };
  if (isArea(value)) return areaSnapshot(value);
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

const sparse = (list: (number | undefined)[]) =>
  Object.fromEntries(list.flatMap((v, i) => (v === undefined ? [] : [[String(i + 1), v]])));
const flagged = (list: (boolean | undefined)[]) => list.flatMap((v, i) => (v ? [i + 1] : []));

function sheetSnapshot(sheet: SheetModel): SheetSnapshot {
  const rules = new Map<object, number>();
  const validations: ValidationSnapshot[] = [];
  const cells: CellSnapshot[] = [];
  for (const [row, col, cell] of sheet.cells()) {
    const saved: CellSnapshot = { row, col };
    if (cell.value !== undefined) saved.value = encode(cell.value) as ValueSnapshot;
    if (cell.formula !== undefined) saved.formula = cell.formula;
    if (cell.note !== undefined) saved.note = cell.note;
    if (Object.keys(cell.format).length > 0) saved.format = encode(cell.format) as Formats;
    const applied = cell.validation;
    if (applied) {
      if (!rules.has(applied)) {
        rules.set(applied, validations.length);
        const { rule, anchorRow, anchorCol } = applied;
        validations.push({
          criteria: rule.criteria,
          args: encode(rule.args) as unknown[],
          allowInvalid: rule.allowInvalid,
          helpText: rule.helpText,
          anchorRow,
          anchorCol,
        });
      }
      saved.validation = rules.get(applied);
    }
    if (Object.keys(saved).length > 2) cells.push(saved);
  }
  return {
    id: sheet.id,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths: sparse(sheet.columnWidths),
    rowHeights: sparse(sheet.rowHeights),
    hiddenRows: flagged(sheet.hiddenRows),
    hiddenColumns: flagged(sheet.hiddenColumns),
    tabColor: sheet.tabColor,
    hidden: sheet.hidden,
    ...(sheet.gridlinesHidden ? { gridlinesHidden: true } : {}),
    cells,
    validations,
    conditionalFormats: sheet.cfRules.map((rule) => ({
      condition: rule.condition && {
        type: rule.condition.type,
        values: encode(rule.condition.values) as unknown[],
      },
      format: { ...rule.format },
      ranges: rule.ranges.map(areaSnapshot),
    })),
    charts: sheet.charts.map((chart) => ({
      ...chart,
      id: chart.id as number,
      ranges: chart.ranges.map(areaSnapshot),
      anchor: { ...chart.anchor },
      options: encode(chart.options) as Record<string, unknown>,
    })),
  };
}

// ---- reading ----

type Json = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new Error(`Invalid workbook snapshot: ${path} ${problem}`);
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, path: string): Json {
  if (!isObject(value)) fail(path, 'must be an object');
  return value;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  return value;
}

function flag(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function integer(value: unknown, path: string, min: number): number {
  if (!Number.isInteger(value) || (value as number) < min) {
    fail(path, `must be a whole number >= ${min}`);
  }
  return value as number;
}

function texts(value: unknown, path: string): string[] {
  return list(value, path).map((item, i) => text(item, `${path}[${i}]`));
}

function strings(value: unknown, path: string): Map<string, string> {
  const entries = Object.entries(object(value, path));
  return new Map(entries.map(([key, v]) => [key, text(v, `${path}.${key}`)]));
}

function date(value: Json, path: string): Date {
  const parsed = new Date(text(value.$date, `${path}.$date`));
  if (Number.isNaN(parsed.getTime())) fail(`${path}.$date`, 'must be an ISO date');
  return parsed;
}

const looksLikeArea = (value: Json) =>
  typeof value.sheet === 'string' && ['r1', 'c1', 'r2', 'c2'].every((k) => k in value);

/** Turns snapshot areas back into model areas, checking they fit their sheet. */
class Reader {
  readonly chartIds = new Set<number>();

  constructor(readonly book: Workbook) {}

  area(value: unknown, path: string): Area {
    const o = object(value, path);
    const name = text(o.sheet, `${path}.sheet`);
    const sheet = this.book.sheetByName(name);
    if (!sheet) fail(`${path}.sheet`, `names no sheet of the workbook ("${name}")`);
    const [r1, c1, r2, c2] = (['r1', 'c1', 'r2', 'c2'] as const).map((k) =>
      integer(o[k], `${path}.${k}`, 1),
    );
    if (r2 < r1 || c2 < c1 || r2 > sheet.maxRows || c2 > sheet.maxColumns) {
      fail(path, `is not an area inside sheet "${name}"`);
    }
    return { sheet, r1, c1, r2, c2 };
  }

  /** Rule arguments and options: dates and (where allowed) areas come back as such. */
  decode(value: unknown, path: string, areas: boolean): unknown {
    if (Array.isArray(value)) return value.map((v, i) => this.decode(v, `${path}[${i}]`, areas));
    if (!isObject(value)) return value;
    if ('$date' in value) return date(value, path);
    if (areas && looksLikeArea(value)) return this.area(value, path);
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, this.decode(v, `${path}.${k}`, areas)]),
    );
  }
}

type Kind = 'string' | 'number' | 'boolean' | 'array';

const FORMAT_KINDS: Record<keyof Formats, Kind> = {
  numberFormat: 'string',
  background: 'string',
  fontColor: 'string',
  fontWeight: 'string',
  fontStyle: 'string',
  fontSize: 'number',
  fontFamily: 'string',
  fontLine: 'string',
  horizontalAlignment: 'string',
  verticalAlignment: 'string',
  wrap: 'boolean',
  wrapStrategy: 'string',
  border: 'array',
};

const CF_FORMAT_KINDS: Record<keyof CfFormat, Kind> = {
  background: 'string',
  fontColor: 'string',
  bold: 'boolean',
  italic: 'boolean',
  underline: 'boolean',
  strikethrough: 'boolean',
};

function fields<T>(value: unknown, path: string, kinds: Record<string, Kind>): T {
  const o = object(value, path);
  for (const [key, v] of Object.entries(o)) {
    const kind = kinds[key];
    if (!kind) fail(`${path}.${key}`, 'is not a known format');
    const ok = kind === 'array' ? Array.isArray(v) : typeof v === kind;
    if (!ok) fail(`${path}.${key}`, `must be a ${kind}`);
  }
  return { ...o } as T;
}

function literal(value: unknown, path: string): Literal {
  if (isObject(value)) return date(value, path);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return fail(path, 'must be a number, string, boolean or { $date }');
}

/** Builds a fresh workbook from a snapshot, or throws naming the first problem. */
export function readSnapshot(value: unknown): LoadedSnapshot {
  const root = object(value, 'snapshot');
  if (root.version !== 1) fail('version', `must be 1 (found ${JSON.stringify(root.version)})`);
  const book = new Workbook(
    text(root.owner, 'owner'),
    texts(root.editors, 'editors'),
    texts(root.viewers, 'viewers'),
  );
  book.name = text(root.name, 'name');
  if (root.timeZone !== undefined) {
    const zone = text(root.timeZone, 'timeZone');
    try {
      book.timeZone = checkTimeZone(zone);
    } catch {
      fail('timeZone', `is not a time zone (found ${JSON.stringify(zone)})`);
    }
  }
  const sheets = list(root.sheets, 'sheets').map((s, i) => object(s, `sheets[${i}]`));
  if (sheets.length === 0) fail('sheets', 'must hold at least one sheet');
  const models = sheets.map((s, i) => addSheet(book, s, `sheets[${i}]`));
  const reader = new Reader(book);
  for (const [i, s] of sheets.entries()) fillSheet(reader, models[i], s, `sheets[${i}]`);

  const active = text(root.activeSheet, 'activeSheet');
  book.activeSheet =
    book.sheetByName(active) ?? fail('activeSheet', `names no sheet ("${active}")`);
  book.namedRanges = list(root.namedRanges, 'namedRanges').map((n, i) => {
    const path = `namedRanges[${i}]`;
    const o = object(n, path);
    return { name: text(o.name, `${path}.name`), area: reader.area(o.area, `${path}.area`) };
  });
  book.protections = list(root.protections, 'protections').map((p, i) =>
    protection(reader, p, `protections[${i}]`),
  );
  book.invalidateEngine();
  return {
    book,
    documentProperties: strings(root.documentProperties, 'documentProperties'),
    scriptProperties: strings(root.scriptProperties, 'scriptProperties'),
  };
}

function addSheet(book: Workbook, s: Json, path: string): SheetModel {
  const name = text(s.name, `${path}.name`);
  if (name.trim() === '') fail(`${path}.name`, 'must not be empty');
  if (book.sheetByName(name)) fail(`${path}.name`, `repeats the sheet name "${name}"`);
  const id = integer(s.id, `${path}.id`, 0);
  if (book.sheets.some((other) => other.id === id)) fail(`${path}.id`, `repeats the id ${id}`);
  const rows = integer(s.maxRows, `${path}.maxRows`, 1);
  const cols = integer(s.maxColumns, `${path}.maxColumns`, 1);
  return book.addSheet(name, book.sheets.length, rows, cols, id);
}

function fillSheet(reader: Reader, sheet: SheetModel, s: Json, path: string): void {
  const at = (key: string) => `${path}.${key}`;
  sheet.frozenRows = integer(s.frozenRows, at('frozenRows'), 0);
  sheet.frozenColumns = integer(s.frozenColumns, at('frozenColumns'), 0);
  const sizes = (key: string, limit: number) => {
    const out: (number | undefined)[] = [];
    for (const [index, pixels] of Object.entries(object(s[key], at(key)))) {
      const n = Number(index);
      if (!Number.isInteger(n) || n < 1 || n > limit) fail(at(key), `has no ${key} "${index}"`);
      out[n - 1] = integer(pixels, `${at(key)}.${index}`, 0);
    }
    return out;
  };
  sheet.columnWidths = sizes('columnWidths', sheet.maxColumns);
  sheet.rowHeights = sizes('rowHeights', sheet.maxRows);
  const hidden = (key: string, limit: number) => {
    const out: (boolean | undefined)[] = [];
    list(s[key], at(key)).forEach((n, i) => {
      const index = integer(n, `${at(key)}[${i}]`, 1);
      if (index > limit) fail(`${at(key)}[${i}]`, 'is outside the sheet');
      out[index - 1] = true;
    });
    return out;
  };
  sheet.hiddenRows = hidden('hiddenRows', sheet.maxRows);
  sheet.hiddenColumns = hidden('hiddenColumns', sheet.maxColumns);
  sheet.tabColor = s.tabColor === null ? null : text(s.tabColor, at('tabColor'));
  sheet.hidden = flag(s.hidden, at('hidden'));
  sheet.gridlinesHidden =
    s.gridlinesHidden === undefined ? false : flag(s.gridlinesHidden, at('gridlinesHidden'));

  const validations = list(s.validations, at('validations')).map((v, i) => {
    const vpath = `${at('validations')}[${i}]`;
    const o = object(v, vpath);
    const rule: ValidationRule = {
      criteria: text(o.criteria, `${vpath}.criteria`),
      args: list(reader.decode(o.args, `${vpath}.args`, true), `${vpath}.args`),
      allowInvalid: flag(o.allowInvalid, `${vpath}.allowInvalid`),
      helpText: o.helpText === null ? null : text(o.helpText, `${vpath}.helpText`),
    };
    return {
      rule,
      anchorRow: integer(o.anchorRow, `${vpath}.anchorRow`, 1),
      anchorCol: integer(o.anchorCol, `${vpath}.anchorCol`, 1),
    };
  });
  list(s.cells, at('cells')).forEach((c, i) => {
    const cpath = `${at('cells')}[${i}]`;
    const o = object(c, cpath);
    const row = integer(o.row, `${cpath}.row`, 1);
    const col = integer(o.col, `${cpath}.col`, 1);
    if (row > sheet.maxRows || col > sheet.maxColumns) fail(cpath, 'is outside the sheet');
    if (sheet.cell(row, col)) fail(cpath, 'repeats an earlier cell');
    const cell = sheet.ensure(row, col);
    if (o.formula !== undefined) {
      cell.formula = text(o.formula, `${cpath}.formula`);
      sheet.formulaCount++;
    } else if (o.value !== undefined) cell.value = literal(o.value, `${cpath}.value`);
    if (o.note !== undefined) cell.note = text(o.note, `${cpath}.note`);
    if (o.format !== undefined) cell.format = fields(o.format, `${cpath}.format`, FORMAT_KINDS);
    if (o.validation !== undefined) {
      const index = integer(o.validation, `${cpath}.validation`, 0);
      cell.validation = validations[index] ?? fail(`${cpath}.validation`, 'names no validation');
    }
  });
  sheet.cfRules = list(s.conditionalFormats, at('conditionalFormats')).map((r, i) =>
    cfRule(reader, r, `${at('conditionalFormats')}[${i}]`),
  );
  sheet.charts = list(s.charts, at('charts')).map((c, i) =>
    chart(reader, c, `${at('charts')}[${i}]`),
  );
}

function cfRule(reader: Reader, value: unknown, path: string): CfRule {
  const o = object(value, path);
  let condition: CfRule['condition'] = null;
  if (o.condition !== null) {
    const c = object(o.condition, `${path}.condition`);
    condition = {
      type: text(c.type, `${path}.condition.type`),
      values: list(
        reader.decode(c.values, `${path}.condition.values`, true),
        `${path}.condition.values`,
      ),
    };
  }
  const ranges = list(o.ranges, `${path}.ranges`).map((a, i) =>
    reader.area(a, `${path}.ranges[${i}]`),
  );
  if (ranges.length === 0) fail(`${path}.ranges`, 'must hold at least one area');
  return { condition, format: fields(o.format, `${path}.format`, CF_FORMAT_KINDS), ranges };
}

function chart(reader: Reader, value: unknown, path: string): ChartModel {
  const o = object(value, path);
  const id = integer(o.id, `${path}.id`, 1);
  if (reader.chartIds.has(id)) fail(`${path}.id`, `repeats the chart id ${id}`);
  reader.chartIds.add(id);
  reader.book.nextChartId = Math.max(reader.book.nextChartId, id + 1);
  const anchor = object(o.anchor, `${path}.anchor`);
  const place = (key: string, min: number) => integer(anchor[key], `${path}.anchor.${key}`, min);
  const options = reader.decode(object(o.options, `${path}.options`), `${path}.options`, false);
  if (!Number.isInteger(o.numHeaders) || (o.numHeaders as number) < -1) {
    fail(`${path}.numHeaders`, 'must be a whole number >= -1');
  }
  return {
    id,
    type: text(o.type, `${path}.type`),
    ranges: list(o.ranges, `${path}.ranges`).map((a, i) => reader.area(a, `${path}.ranges[${i}]`)),
    anchor: {
      row: place('row', 1),
      column: place('column', 1),
      offsetX: place('offsetX', 0),
      offsetY: place('offsetY', 0),
    },
    options: options as Record<string, unknown>,
    numHeaders: o.numHeaders as number,
    transposed: flag(o.transposed, `${path}.transposed`),
    mergeStrategy: text(o.mergeStrategy, `${path}.mergeStrategy`),
    hiddenDimensionStrategy: text(o.hiddenDimensionStrategy, `${path}.hiddenDimensionStrategy`),
  };
}

function protection(reader: Reader, value: unknown, path: string): ProtectionModel {
  const o = object(value, path);
  if (o.type !== 'RANGE' && o.type !== 'SHEET') fail(`${path}.type`, 'must be RANGE or SHEET');
  return {
    type: o.type,
    area: reader.area(o.area, `${path}.area`),
    description: text(o.description, `${path}.description`),
    warningOnly: flag(o.warningOnly, `${path}.warningOnly`),
    editors: o.editors === null ? null : texts(o.editors, `${path}.editors`),
    unprotected: list(o.unprotected, `${path}.unprotected`).map((a, i) =>
      reader.area(a, `${path}.unprotected[${i}]`),
    ),
  };
}
