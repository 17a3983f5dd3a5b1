// The one writer of laid-out sheets: a layout is plain data (2-D blocks of values, formats,
// notes, validation rules, conditional formats, widths and charts), and each block is written
// with one call. Every sheet the add-on owns (tracker, dashboard, roster, plan, report) goes
// through here.

import { InputError } from '../apps/errors';
import { ISO_CURRENCIES } from '../shared/currencies';
import { type Cell, MAX_FORMULA_CHARS, tooLongFormula } from './formulas';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export type FontWeight = 'bold' | 'normal';

export type Rule =
  | { kind: 'atLeast'; min: number; help: string }
  | { kind: 'date'; help: string }
  | { kind: 'url'; help: string }
  | { kind: 'list'; values: readonly string[]; help: string }
  /**
   * Blank or an ISO 4217 code, a custom formula reading `cell`: an absolute reference, or the
   * top-left cell of the one range the rule is set on (a RangeRule), which relative references
   * count from. A formula, not a list: a 180-item dropdown on every cell is slow to draw.
   */
  | { kind: 'currency'; cell: string; help: string };

/** A rule set on a whole range with one setDataValidation call. */
export interface RangeRule {
  /** A1 range; a currency rule's `cell` is its top-left cell. */
  range: string;
  rule: Rule;
}

const ISO_LIST = ` ${ISO_CURRENCIES.join(' ')} `;

/** True when `cell` is blank or holds an ISO 4217 code, in any case ("eur" is EUR). */
export function isoCurrencyFormula(cell: string): string {
  return `=OR(${cell}="", AND(LEN(${cell})=3, ISNUMBER(FIND(" "&UPPER(${cell})&" ", "${ISO_LIST}"))))`;
}

export interface Highlight {
  /** A1 range the rule covers. */
  range: string;
  when: { formula: string } | { lessThan: number } | { greaterThan: number };
  background: string;
  fontColor: string;
}

/** A rectangular block of cells, anchored at a 1-based row and column. */
export interface Block<T> {
  row: number;
  column: number;
  cells: T[][];
}

export type ChartType = 'BAR' | 'COLUMN' | 'LINE';

export interface ChartSpec {
  type: ChartType;
  /** A1 areas on the dashboard, header row first: the first gives the labels. */
  ranges: string[];
  /** Anchor cell (1-based) of the chart's top left corner. */
  row: number;
  column: number;
  width: number;
  height: number;
  options: Record<string, unknown>;
  /** Draws data in hidden columns too (a chart of a hidden working table). */
  showHidden?: boolean;
}

/** A whole sheet as data: what writeDrawing puts on it. */
export interface SheetDrawing {
  rows: number;
  columns: number;
  values: Block<Cell>;
  numberFormats: Block<string>[];
  fontWeights: Block<FontWeight>;
  backgrounds: Block<string | null>;
  notes: Block<string>;
  validations: Block<Rule | null>;
  highlights: Highlight[];
  /** Columns wider than the default: [first column, count, width]. */
  widths: [number, number, number][];
  charts: ChartSpec[];
  /** Working tables from this column to the last are hidden: they neither print nor show. */
  hiddenFrom?: number;
}

export function rangeOf<T>(sheet: Sheet, block: Block<T>): Range {
  return sheet.getRange(block.row, block.column, block.cells.length, block.cells[0].length);
}

/** Sizes the grid to exactly rows x columns, so every row and column it shows is the layout's. */
export function fitGrid(
  sheet: Sheet,
  rows: number,
  columns: number,
  // The current size, when the caller has just read it: each read is a call.
  current = { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() },
): void {
  if (current.rows > rows) sheet.deleteRows(rows + 1, current.rows - rows);
  if (current.rows < rows) sheet.insertRowsAfter(current.rows, rows - current.rows);
  if (current.columns > columns) sheet.deleteColumns(columns + 1, current.columns - columns);
  if (current.columns < columns)
    sheet.insertColumnsAfter(current.columns, columns - current.columns);
}

/**
 * Empties an owned sheet (values, formats, notes, and validations unless kept), then sizes it.
 * A sheet just inserted has nothing to empty. The roster keeps validations: its typed columns
 * may carry the team's own dropdowns.
 */
export function clearAndFit(
  sheet: Sheet,
  rows: number,
  columns: number,
  options: { keepValidations?: boolean; fresh?: boolean } = {},
): void {
  const current = { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
  if (!options.fresh) {
    const all = sheet.getRange(1, 1, current.rows, current.columns);
    all.clear({ contentsOnly: true, formatOnly: true, validationsOnly: !options.keepValidations });
    all.clearNote();
  }
  fitGrid(sheet, rows, columns, current);
}

export function buildRule(rule: Rule): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(rule.help);
  switch (rule.kind) {
    case 'atLeast':
      return builder.requireNumberGreaterThanOrEqualTo(rule.min).build();
    case 'date':
      return builder.requireDate().build();
    case 'url':
      return builder.requireTextIsUrl().build();
    case 'currency':
      return builder.requireFormulaSatisfied(isoCurrencyFormula(rule.cell)).build();
    default:
      return builder.requireValueInList(rule.values.slice(), true).build();
  }
}

export function buildHighlight(sheet: Sheet, highlight: Highlight) {
  const builder = SpreadsheetApp.newConditionalFormatRule()
    .setRanges([sheet.getRange(highlight.range)])
    .setBackground(highlight.background)
    .setFontColor(highlight.fontColor);
  const when = highlight.when;
  if ('formula' in when) return builder.whenFormulaSatisfied(when.formula).build();
  if ('lessThan' in when) return builder.whenNumberLessThan(when.lessThan).build();
  return builder.whenNumberGreaterThan(when.greaterThan).build();
}

/** Builds each distinct rule once; a layout repeats one rule object down a column. */
export function validationCells(block: Block<Rule | null>) {
  const built = new Map<Rule, GoogleAppsScript.Spreadsheet.DataValidation>();
  return block.cells.map((row) =>
    row.map((rule) => {
      if (!rule) return null;
      if (!built.has(rule)) built.set(rule, buildRule(rule));
      return built.get(rule) ?? null;
    }),
  );
}

/** Charts matched by title are updated in place; the rest are added or removed. */
export function writeCharts(sheet: Sheet, specs: ChartSpec[]): void {
  const existing = sheet.getCharts();
  const titleOf = (chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) =>
    String(chart.getOptions().get('title') ?? '');
  const used = new Set<GoogleAppsScript.Spreadsheet.EmbeddedChart>();
  for (const spec of specs) {
    const match = existing.find(
      (chart) => !used.has(chart) && titleOf(chart) === spec.options.title,
    );
    if (match) used.add(match);
    const builder = match ? match.modify().clearRanges() : sheet.newChart();
    builder.setChartType(Charts.ChartType[spec.type]);
    for (const range of spec.ranges) builder.addRange(sheet.getRange(range));
    builder
      .setPosition(spec.row, spec.column, 0, 0)
      .setNumHeaders(1)
      .setOption('width', spec.width)
      .setOption('height', spec.height);
    for (const [key, value] of Object.entries(spec.options)) builder.setOption(key, value);
    if (spec.showHidden)
      builder.setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH);
    if (match) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  }
  for (const chart of existing) if (!used.has(chart)) sheet.removeChart(chart);
}

/**
 * Refuses, before anything is written, a drawing with a formula Sheets would refuse, naming the
 * cell: better nothing than a half-written sheet.
 */
export function checkFormulaLengths(layout: SheetDrawing, what: string): void {
  const found = tooLongFormula(layout.values.cells, layout.values.row, layout.values.column);
  if (found)
    throw new InputError(
      `The ${what} would need a formula of ${found.length} characters in ${found.at}, and Google Sheets allows ${MAX_FORMULA_CHARS} in a cell: choose fewer trackers, or give them shorter names. Nothing was changed.`,
    );
}

/** Writes a laid-out sheet (the dashboard, a report): each block with one call, then charts. */
export function writeDrawing(sheet: Sheet, layout: SheetDrawing, fresh = false): void {
  clearAndFit(sheet, layout.rows, layout.columns, { fresh });
  rangeOf(sheet, layout.values).setValues(layout.values.cells);
  for (const block of layout.numberFormats) rangeOf(sheet, block).setNumberFormats(block.cells);
  rangeOf(sheet, layout.fontWeights).setFontWeights(layout.fontWeights.cells);
  rangeOf(sheet, layout.backgrounds).setBackgrounds(layout.backgrounds.cells);
  rangeOf(sheet, layout.notes).setNotes(layout.notes.cells);
  rangeOf(sheet, layout.validations).setDataValidations(validationCells(layout.validations));
  for (const [first, count, width] of layout.widths) sheet.setColumnWidths(first, count, width);
  sheet.setConditionalFormatRules(layout.highlights.map((h) => buildHighlight(sheet, h)));
  if (layout.hiddenFrom !== undefined)
    sheet.hideColumns(layout.hiddenFrom, layout.columns - layout.hiddenFrom + 1);
  writeCharts(sheet, layout.charts);
}
