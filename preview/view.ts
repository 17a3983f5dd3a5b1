// What the page draws: every sheet of the emulator as display strings and styles, with
// conditional formats, notes, dropdowns and protections resolved per cell, and charts with data.
import type { Emulator, SheetView as EmulatorSheet } from '../emulator/sheets-emulator';
import { areaA1, a1 as cellName, parseA1 } from '../emulator/sheets-refs';
import { displayString, isDate, isDateFormat } from '../emulator/sheets-values';
import type {
  CellValue,
  CellView,
  ChangedCellView,
  ChartView,
  SheetView,
  WorkbookView,
} from './contract';

/** Empty rows and columns sent below and right of the used area, so there is room to type. */
const MARGIN_ROWS = 30;
const MARGIN_COLUMNS = 4;
const MIN_ROWS = 60;
const MIN_COLUMNS = 26;
const ERROR_VALUE = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!)$/;

export interface Box {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function workbookView(
  emulator: Emulator,
  ui: { sidebarVersion: number; toasts: WorkbookView['toasts'] },
): WorkbookView {
  const sidebar = emulator.sidebar;
  return {
    active: emulator.activeSheetName(),
    sheets: emulator.sheetNames().map((name) => sheetView(emulator, name)),
    menus: emulator.menus.map((menu) => ({
      title: menu.title,
      items: menu.items.map(({ caption, functionName }) => ({ caption, functionName })),
    })),
    sidebar: sidebar && { title: sidebar.title, version: ui.sidebarVersion },
    toasts: ui.toasts,
    warnings: emulator.warnings.map(({ sheet, a1, message }) => ({ sheet, a1, message })),
  };
}

/**
 * The rows and columns sent of a sheet: its used area plus room to type. `upTo` (cheap: no pass
 * over the sheet) gives the most it can be, for filtering cells when the size did not move.
 */
export function sentSize(
  emulator: Emulator,
  name: string,
  upTo = false,
): { rows: number; columns: number } {
  const sheet = emulator.sheet(name);
  if (upTo) return { rows: sheet.maxRows, columns: sheet.maxColumns };
  const lastRow = sheet.lastRow;
  const lastColumn = sheet.lastColumn;
  const used = lastRow > 0 && lastColumn > 0;
  const usedRows = used ? lastRow : 0;
  const usedColumns = used ? lastColumn : 0;
  return {
    rows: Math.min(sheet.maxRows, Math.max(usedRows + MARGIN_ROWS, MIN_ROWS)),
    columns: Math.min(sheet.maxColumns, Math.max(usedColumns + MARGIN_COLUMNS, MIN_COLUMNS)),
  };
}

function sheetView(emulator: Emulator, name: string): SheetView {
  const sheet = emulator.sheet(name);
  const { rows, columns } = sentSize(emulator, name);
  const context = sheetContext(emulator, name);
  const grids = readGrids(context, 1, 1, rows, columns);
  const cells = grids.values.map((row, i) => row.map((_, j) => cellView(context, grids, i, j)));
  return {
    name,
    hidden: sheet.hidden,
    rows,
    columns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths: Array.from({ length: columns }, (_, j) => sheet.columnWidth(j + 1)),
    hiddenColumns: sheet.hiddenColumns,
    cells,
    charts: chartViews(emulator, name),
  };
}

/** What every cell view of one sheet needs besides the cell itself, read once. */
interface SheetContext {
  emulator: Emulator;
  name: string;
  sheet: EmulatorSheet;
  protections: (EmulatorSheet['protections'][number] & { box: Box | null })[];
  conditionalBoxes: Box[];
}

function sheetContext(emulator: Emulator, name: string): SheetContext {
  const sheet = emulator.sheet(name);
  return {
    emulator,
    name,
    sheet,
    protections: sheet.protections.map((p) => ({ ...p, box: boxOf(p.range) })),
    conditionalBoxes: sheet.conditionalFormats.flatMap((rule) =>
      rule.ranges.flatMap((range) => boxOf(range) ?? []),
    ),
  };
}

/** One block of cells read in one go per property; `r1`/`c1` is its top left cell. */
interface Grids {
  r1: number;
  c1: number;
  values: unknown[][];
  formulas: string[][];
  own: boolean[][];
  formats: ReturnType<EmulatorSheet['formats']>;
  notes: string[][];
  validations: ReturnType<EmulatorSheet['validations']>;
}

function readGrids(context: SheetContext, r1: number, c1: number, r2: number, c2: number): Grids {
  const { sheet } = context;
  const range = areaA1(r1, c1, r2, c2);
  return {
    r1,
    c1,
    values: sheet.values(range),
    formulas: sheet.formulas(range),
    own: sheet.own(range),
    formats: sheet.formats(range),
    notes: sheet.notes(range),
    validations: sheet.validations(range),
  };
}

/** The view of the cell at row `i`, column `j` of a block read by readGrids. */
function cellView(context: SheetContext, grids: Grids, i: number, j: number): CellView {
  const { emulator, name } = context;
  const zone = emulator.timeZone;
  const r = grids.r1 + i;
  const c = grids.c1 + j;
  const value = grids.values[i][j];
  const format = grids.formats[i][j];
  const numberFormat = format.numberFormat ?? 'General';
  const kind = kindOf(value);
  const view: CellView = {
    display: displayString(value, numberFormat, zone),
    input: grids.formulas[i][j] || inputOf(value, numberFormat, zone),
    kind,
    value: kind === 'error' ? errorOf(emulator, name, r, c, String(value)) : rawValue(value),
    format: numberFormat,
  };
  const conditional = context.conditionalBoxes.some((box) => inBox(box, name, r, c))
    ? emulator.formatOf(name, cellName(r, c))
    : null;
  // A value the cell doesn't hold itself: an array formula elsewhere put it there.
  if (kind !== 'empty' && !grids.own[i][j]) view.spilled = true;
  const style = styleOf(format, conditional);
  if (style) view.style = style;
  if (grids.notes[i][j]) view.note = grids.notes[i][j];
  const validation = grids.validations[i][j];
  if (validation) describeValidation(emulator, validation, view);
  const protection = context.protections.find((p) => p.box && inBox(p.box, name, r, c));
  if (protection) {
    view.protected = { description: protection.description, warningOnly: protection.warningOnly };
  }
  return view;
}

/**
 * The views of some cells of a sheet (1-based), each row's neighbouring cells read as one
 * block; cells outside `size` (not sent to the page) are left out.
 */
export function cellViews(
  emulator: Emulator,
  name: string,
  cells: { row: number; col: number }[],
  size: { rows: number; columns: number },
): ChangedCellView[] {
  const context = sheetContext(emulator, name);
  const inside = cells
    .filter(({ row, col }) => row <= size.rows && col <= size.columns)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const views: ChangedCellView[] = [];
  let start = 0;
  while (start < inside.length) {
    // A run: the same row, columns one after another.
    let end = start;
    while (
      end + 1 < inside.length &&
      inside[end + 1].row === inside[start].row &&
      inside[end + 1].col === inside[end].col + 1
    )
      end++;
    const { row, col } = inside[start];
    const grids = readGrids(context, row, col, row, inside[end].col);
    for (let j = 0; j <= end - start; j++) {
      views.push({ row, column: col + j, view: cellView(context, grids, 0, j) });
    }
    start = end + 1;
  }
  return views;
}

function kindOf(value: unknown): CellView['kind'] {
  if (value === '' || value === null || value === undefined) return 'empty';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (isDate(value)) return 'date';
  return typeof value === 'string' && ERROR_VALUE.test(value) ? 'error' : 'text';
}

/** The value as JSON can carry it: a date as its ISO calendar date (and time when it has one). */
function rawValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return isoDate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function isoDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const seconds = date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds();
  if (seconds === 0 && date.getMilliseconds() === 0) return day;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** An error value, with the message Sheets shows on hover when the formula gave one. */
function errorOf(emulator: Emulator, sheet: string, row: number, col: number, code: string) {
  const message = emulator.errorMessage(sheet, cellName(row, col));
  return message ? { error: code, message } : { error: code };
}

/** The formula bar shows percents as percents and dates as dates, like Sheets. */
function inputOf(value: unknown, numberFormat: string, zone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'number' && numberFormat.includes('%'))
    return `${+(value * 100).toPrecision(15)}%`;
  if (isDate(value))
    return displayString(value, isDateFormat(numberFormat) ? numberFormat : 'M/d/yyyy', zone);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

type Formats = ReturnType<EmulatorSheet['formats']>[number][number];
type Conditional = ReturnType<Emulator['formatOf']>;

function styleOf(format: Formats, conditional: Conditional): CellView['style'] | undefined {
  const style: NonNullable<CellView['style']> = {};
  const background = conditional?.background ?? format.background;
  if (background && background.toLowerCase() !== '#ffffff') style.background = background;
  const color = conditional?.fontColor ?? format.fontColor;
  if (color && color.toLowerCase() !== '#000000') style.color = color;
  if (conditional?.bold || format.fontWeight === 'bold') style.bold = true;
  if (conditional?.italic || format.fontStyle === 'italic') style.italic = true;
  const align = format.horizontalAlignment?.replace(/^general-/, '');
  if (align === 'left' || align === 'center' || align === 'right') style.align = align;
  if (format.wrap || format.wrapStrategy === 'WRAP') style.wrap = true;
  return Object.keys(style).length > 0 ? style : undefined;
}

type Validation = NonNullable<ReturnType<EmulatorSheet['validations']>[number][number]>;

function describeValidation(emulator: Emulator, validation: Validation, view: CellView): void {
  const [first] = validation.args;
  if (validation.criteria === 'VALUE_IN_LIST' && Array.isArray(first)) {
    view.dropdown = first.map(String);
    return;
  }
  if (validation.criteria === 'VALUE_IN_RANGE' && typeof first === 'string') {
    const box = boxOf(first);
    if (box) {
      const values = emulator.sheet(box.sheet).values(areaA1(box.r1, box.c1, box.r2, box.c2));
      view.dropdown = values
        .flat()
        .filter((v) => v !== '')
        .map((v) => displayString(v, 'General', emulator.timeZone));
      return;
    }
  }
  const words = validation.criteria.toLowerCase().replace(/_/g, ' ');
  const args = validation.args.map((arg) =>
    isDate(arg) ? displayString(arg, 'yyyy-mm-dd', emulator.timeZone) : String(arg),
  );
  view.validation = validation.helpText || [words, ...args].join(' ').trim();
}

/** The charts of a sheet with their data; `drawing` picks some (say, those whose data moved). */
export function chartViews(
  emulator: Emulator,
  name: string,
  drawing: (ranges: Box[]) => boolean = () => true,
): ChartView[] {
  const show = (value: unknown, format = 'General') =>
    displayString(value, format, emulator.timeZone);
  const charts = emulator
    .sheet(name)
    .charts.filter((chart) => drawing(chart.ranges.flatMap((range) => boxOf(range) ?? [])));
  return charts.map((chart) => {
    const columns = chart.ranges.flatMap((range) => columnsOf(emulator, range, chart.transposed));
    const [domain = [], ...others] = columns;
    const headers = chart.numHeaders > 0 || (chart.numHeaders < 0 && looksLikeHeader(others));
    // Days label as days, as a date-formatted column shows them.
    const labels = (headers ? domain.slice(1) : domain).map((value) =>
      isDate(value) ? show(value, 'yyyy-mm-dd') : show(value),
    );
    const series = others.map((column, i) => ({
      name: headers ? show(column[0]) : `Series ${i + 1}`,
      values: (headers ? column.slice(1) : column).map((v) => (typeof v === 'number' ? v : null)),
    }));
    const option = (key: string) => chart.options[key];
    return {
      id: String(chart.id),
      type: chart.type,
      anchor: chart.anchor,
      width: Number(option('width')) || 600,
      height: Number(option('height')) || 371,
      title: typeof option('title') === 'string' ? (option('title') as string) : '',
      options: { ...chart.options },
      labels,
      series,
    };
  });
}

/** The range's columns (rows when transposed), empty trailing rows dropped. */
function columnsOf(emulator: Emulator, range: string, transposed: boolean): unknown[][] {
  const box = boxOf(range);
  if (!box) return [];
  const values = emulator.sheet(box.sheet).values(areaA1(box.r1, box.c1, box.r2, box.c2));
  while (values.length > 0 && values[values.length - 1].every((v) => v === '')) values.pop();
  if (transposed) return values;
  return (values[0] ?? []).map((_, j) => values.map((row) => row[j]));
}

function looksLikeHeader(columns: unknown[][]): boolean {
  return columns.length > 0 && columns.every((column) => typeof column[0] === 'string');
}

function boxOf(range: string): Box | null {
  const ref = parseA1(range);
  if (!ref?.sheet) return null;
  const end = ref.end ?? ref.start;
  return {
    sheet: ref.sheet,
    r1: ref.start.row ?? 1,
    c1: ref.start.col ?? 1,
    r2: end.row ?? Number.MAX_SAFE_INTEGER,
    c2: end.col ?? Number.MAX_SAFE_INTEGER,
  };
}

export function inBox(box: Box, sheet: string, row: number, col: number): boolean {
  return box.sheet === sheet && row >= box.r1 && row <= box.r2 && col >= box.c1 && col <= box.c2;
}
