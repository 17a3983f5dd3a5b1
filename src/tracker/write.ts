// Writes a computed TrackerLayout to a sheet: each block with one call, never cell by cell.
import type { Block, Highlight, Rule, TrackerLayout } from './layout';
import { TITLE_ROW } from './summary';

/** Google Sheets' width for a new sheet's columns, in pixels. */
const DEFAULT_COLUMN_WIDTH = 100;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

function rangeOf<T>(sheet: Sheet, block: Block<T>): Range {
  return sheet.getRange(block.row, block.column, block.cells.length, block.cells[0].length);
}

/** Sizes the grid to exactly the tracker, so every row and column it shows is formatted. */
function fitGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
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
    default:
      return builder.requireValueInList(rule.values.slice(), true).build();
  }
}

/** Builds each distinct rule once; the layout repeats one rule object down a column. */
function validationCells(block: Block<Rule | null>) {
  const built = new Map<Rule, GoogleAppsScript.Spreadsheet.DataValidation>();
  return block.cells.map((row) =>
    row.map((rule) => {
      if (!rule) return null;
      if (!built.has(rule)) built.set(rule, buildRule(rule));
      return built.get(rule) ?? null;
    }),
  );
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

export function writeTracker(sheet: Sheet, layout: TrackerLayout): void {
  fitGrid(sheet, layout.rows, layout.columns);
  rangeOf(sheet, layout.values).setValues(layout.values.cells);
  for (const block of layout.numberFormats) rangeOf(sheet, block).setNumberFormats(block.cells);
  for (const block of layout.backgrounds) rangeOf(sheet, block).setBackgrounds(block.cells);
  rangeOf(sheet, layout.notes).setNotes(layout.notes.cells);
  rangeOf(sheet, layout.fontWeights).setFontWeights(layout.fontWeights.cells);
  for (const block of layout.validations)
    rangeOf(sheet, block).setDataValidations(validationCells(block));
  sheet.getRange(TITLE_ROW, 1).setFontSize(14);
  sheet.setConditionalFormatRules(
    layout.highlights.map((highlight) => buildHighlight(sheet, highlight)),
  );
  for (const { range, description } of layout.protectedRanges) {
    sheet.getRange(range).protect().setDescription(description).setWarningOnly(true);
  }
  for (const [first, count, width] of layout.widths) {
    // A new sheet's columns are already 100 px wide: only other widths cost a call.
    if (width !== DEFAULT_COLUMN_WIDTH) sheet.setColumnWidths(first, count, width);
  }
  sheet.setFrozenRows(layout.frozenRows);
  sheet.setFrozenColumns(layout.frozenColumns);
}
