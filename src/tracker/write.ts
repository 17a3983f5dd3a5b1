// Writes a computed TrackerLayout to a sheet: each block with one call, never cell by cell.
import { buildHighlight, buildRule, fitGrid, rangeOf, validationCells } from '../sheet/drawing';
import type { TrackerLayout } from './layout';
import { TITLE_ROW } from './summary';

/** Google Sheets' width for a new sheet's columns, in pixels. */
const DEFAULT_COLUMN_WIDTH = 100;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function writeTracker(sheet: Sheet, layout: TrackerLayout): void {
  fitGrid(sheet, layout.rows, layout.columns);
  rangeOf(sheet, layout.values).setValues(layout.values.cells);
  for (const block of layout.numberFormats) rangeOf(sheet, block).setNumberFormats(block.cells);
  for (const block of layout.backgrounds) rangeOf(sheet, block).setBackgrounds(block.cells);
  rangeOf(sheet, layout.notes).setNotes(layout.notes.cells);
  rangeOf(sheet, layout.fontWeights).setFontWeights(layout.fontWeights.cells);
  for (const block of layout.validations)
    rangeOf(sheet, block).setDataValidations(validationCells(block));
  for (const { range, rule } of layout.rangeValidations)
    sheet.getRange(range).setDataValidation(buildRule(rule));
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
