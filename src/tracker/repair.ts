// repairTracker: puts back everything the add-on owns in a tracker (computed headers' formulas,
// labels and totals, validation, protections, number formats, backgrounds, bold text, notes and
// conditional formats) and never changes a typed input. A value typed into a computed column
// moves into that cell's note. A sheet that isn't a tracker, or whose columns were moved or
// renamed, is refused before anything is written. Reads and writes whole blocks.

import { InputError, messageOf } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import { documentProperties, readTrackers, type StoredTracker } from '../apps/properties';
import type { RepairRequest, TrackerOptions, TrackerRepaired } from '../shared/api';
import { GOAL_TYPES } from '../shared/choices';
import { isIsoCurrency } from '../shared/currencies';
import {
  buildHighlight,
  type FontWeight,
  type Highlight,
  type Rule,
  validationCells,
} from '../sheet/drawing';
import { columnLetter } from '../sheet/formulas';
import { PLAIN_TEXT_FORMAT } from '../sheet/literal';
import { COLUMNS } from './columns';
import { HEADER_ROW, type TrackerLayout, trackerLayout } from './layout';
import {
  type HeadRepair,
  layoutProblems,
  mergeBlock,
  notesWithTyped,
  repairHead,
  type TrackerGrid,
  type TypedCell,
  typedInComputed,
} from './repair-plan';
import { SETTINGS, SETTINGS_ROW } from './summary';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation | null;

interface Opened {
  sheet: Sheet;
  stored: StoredTracker;
  rows: number;
  grid: TrackerGrid;
}

function open(request: RepairRequest): Opened {
  const name = typeof request?.sheetName === 'string' ? request.sheetName : '';
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new InputError(`There is no sheet named "${name}": nothing was repaired.`);
  const stored = readTrackers(documentProperties()).get(sheet.getSheetId());
  if (!stored)
    throw new InputError(
      `"${name}" is not a campaign tracker made by the add-on, so there is nothing to repair; nothing was changed.`,
    );
  const rows = sheet.getMaxRows();
  if (sheet.getMaxColumns() < COLUMNS.length || rows <= HEADER_ROW)
    throw new InputError(
      `"${name}" can't be repaired: columns or rows of its table were deleted. Nothing was changed; create a new tracker and copy the rows into it.`,
    );
  const all = sheet.getRange(1, 1, rows, COLUMNS.length);
  const grid = {
    values: all.getValues(),
    formulas: all.getFormulas(),
    notes: all.getNotes(),
    formats: all.getNumberFormats(),
  };
  const problems = layoutProblems(grid.values[HEADER_ROW - 1]);
  if (problems.length > 0)
    throw new InputError(
      `"${name}" can't be repaired: its columns were moved or renamed (${problems.slice(0, 3).join('; ')}). Move or rename them back, then repair again. Nothing was changed.`,
    );
  return { sheet, stored, rows, grid };
}

/** The settings as the tracker's settings row now says (the team may change them), else as created. */
function settingsNow(grid: TrackerGrid, stored: StoredTracker): TrackerOptions {
  const shown = (key: string) => {
    const column = SETTINGS.findIndex((setting) => setting.key === key);
    return String(grid.values[SETTINGS_ROW - 1][column] ?? '').trim();
  };
  const currency = shown('currency').toUpperCase();
  const goal = GOAL_TYPES.find((type) => type.label === shown('goal'));
  return {
    ...stored,
    currency: isIsoCurrency(currency) ? currency : stored.currency,
    goalType: goal ? goal.value : stored.goalType,
  };
}

const a1 = (row: number, column: number) => `${columnLetter(column)}${row}`;

/** Sidebar and menu: puts a tracker back as the add-on made it; says what it put back. */
export function repairTracker(request: RepairRequest): TrackerRepaired {
  return withDocumentLock(() => {
    const opened = open(request);
    const { sheet, stored, rows, grid } = opened;
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const zone = spreadsheet.getSpreadsheetTimeZone();
    const dayText = (date: Date) => Utilities.formatDate(date, zone, 'yyyy-MM-dd');
    const layout = trackerLayout({ ...settingsNow(grid, stored), startingRows: rows - HEADER_ROW });
    const repaired: string[] = [];
    const head = repairHead(grid, layout, dayText);
    const below = typedInComputed(grid, dayText);
    // The typed values go into notes first: a failure after that loses nothing typed.
    restoreNotes(sheet, grid, layout, [...head.typed, ...below], dayText(new Date()), repaired);
    restoreCells(sheet, head, below, repaired);
    restoreFormats(sheet, grid, layout, repaired);
    restoreValidations(sheet, rows, layout, repaired);
    restoreHighlights(sheet, layout, repaired);
    restoreProtections(sheet, layout, repaired);
    return { sheetName: sheet.getName(), repaired };
  });
}

/**
 * Each row with cells put back, from its first to its last such cell (one call a row). The
 * header row is plain text, where Sheets would keep a formula as text: it is made General for
 * the write and plain text again after.
 */
function writeRestored(
  sheet: Sheet,
  cells: unknown[][],
  restored: { row: number; column: number }[],
): void {
  for (const row of new Set(restored.map((cell) => cell.row))) {
    const columns = restored.filter((cell) => cell.row === row).map((cell) => cell.column);
    const first = Math.min(...columns);
    const line = cells[row - SETTINGS_ROW + 1].slice(first - 1, Math.max(...columns));
    const range = sheet.getRange(row, first, 1, line.length);
    if (row === HEADER_ROW) range.setNumberFormat('General');
    range.setValues([line]);
    if (row === HEADER_ROW) range.setNumberFormat(PLAIN_TEXT_FORMAT);
  }
}

/** Labels, totals and computed headers put back; values typed into computed columns cleared. */
function restoreCells(
  sheet: Sheet,
  head: HeadRepair,
  below: readonly TypedCell[],
  repaired: string[],
): void {
  if (head.cells) {
    writeRestored(sheet, head.cells, head.restored);
    const cells = head.restored.map((cell) => a1(cell.row, cell.column));
    repaired.push(`formulas and labels at ${cells.join(', ')}`);
  }
  for (const column of new Set(below.map((cell) => cell.column))) {
    const typedRows = below.filter((cell) => cell.column === column).map((cell) => cell.row);
    const first = Math.min(...typedRows);
    sheet.getRange(first, column, Math.max(...typedRows) - first + 1, 1).clearContent();
  }
}

/** Header notes put back, and each typed value kept in its cell's note (before it is cleared). */
function restoreNotes(
  sheet: Sheet,
  grid: TrackerGrid,
  layout: TrackerLayout,
  typed: readonly TypedCell[],
  today: string,
  repaired: string[],
): void {
  const { notes, headChanged } = notesWithTyped(grid.notes, layout, typed, today);
  if (!headChanged && typed.length === 0) return;
  sheet.getRange(1, 1, notes.length, COLUMNS.length).setNotes(notes);
  for (const cell of typed) {
    repaired.push(`typed ${cell.shown} at ${a1(cell.row, cell.column)}: moved into its note`);
  }
  if (headChanged) repaired.push('notes on labels and headers');
}

/** Number formats, backgrounds and bold text the layout sets; the team's own colours stay. */
function restoreFormats(
  sheet: Sheet,
  grid: TrackerGrid,
  layout: TrackerLayout,
  repaired: string[],
): void {
  let formats = false;
  for (const block of layout.numberFormats) {
    const current = slice(grid.formats, block.row, block.column, block.cells);
    // The settings row is the team's: a target typed as an amount keeps its format.
    const wanted = block.cells.map((line, i) =>
      block.row + i === SETTINGS_ROW ? line.map(() => null) : line,
    );
    const merged = mergeBlock<string>(wanted, current, (a, b) => a === b);
    if (!merged.changed) continue;
    rangeAt(sheet, block.row, block.column, merged.cells).setNumberFormats(merged.cells);
    formats = true;
  }
  if (formats) repaired.push('number formats');
  const first = layout.backgrounds[0];
  const backgrounds = rangeAt(sheet, first.row, first.column, first.cells);
  const colours = mergeBlock<string>(
    first.cells,
    backgrounds.getBackgrounds(),
    (a, b) => a.toLowerCase() === b.toLowerCase(),
  );
  if (colours.changed) {
    backgrounds.setBackgrounds(colours.cells);
    repaired.push('header and computed column colours');
  }
  const weights = layout.fontWeights;
  const bold = rangeAt(sheet, weights.row, weights.column, weights.cells);
  const merged = mergeBlock<string>(
    weights.cells as string[][],
    bold.getFontWeights(),
    (a, b) => a === b,
  );
  if (merged.changed) {
    bold.setFontWeights(merged.cells as FontWeight[][]);
    repaired.push('bold title, totals and headers');
  }
}

function slice<T>(grid: T[][], row: number, column: number, like: readonly unknown[][]): T[][] {
  return like.map((line, i) => grid[row - 1 + i].slice(column - 1, column - 1 + line.length));
}

function rangeAt(sheet: Sheet, row: number, column: number, cells: readonly unknown[][]) {
  return sheet.getRange(row, column, cells.length, cells[0].length);
}

/** Validation of the settings and input columns; the team's own rules elsewhere stay. */
function restoreValidations(
  sheet: Sheet,
  rows: number,
  layout: TrackerLayout,
  repaired: string[],
): void {
  const top = layout.validations[0].row;
  const range = sheet.getRange(top, 1, rows - top + 1, COLUMNS.length);
  const current = range.getDataValidations() as Validation[][];
  const wanted: (Rule | null)[][] = current.map((line) => line.map(() => null));
  for (const block of layout.validations) {
    block.cells.forEach((line, i) => {
      line.forEach((rule, c) => {
        wanted[block.row - top + i][block.column - 1 + c] = rule;
      });
    });
  }
  const differs = (rule: Rule | null, have: Validation) =>
    rule !== null && (!have || have.getHelpText() !== rule.help);
  if (!wanted.some((line, r) => line.some((rule, c) => differs(rule, current[r][c])))) return;
  const built = validationCells({ row: top, column: 1, cells: wanted });
  const cells = wanted.map((line, r) =>
    line.map((rule, c) => (differs(rule, current[r][c]) ? built[r][c] : current[r][c])),
  );
  range.setDataValidations(cells);
  repaired.push('validation of settings and input columns');
}

type FormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const signature = (type: unknown, values: unknown[], background: unknown) =>
  `${String(type)}|${JSON.stringify(values)}|${String(background).toLowerCase()}`;

function highlightSignature(highlight: Highlight): string {
  const { when, background } = highlight;
  if ('formula' in when) return signature('CUSTOM_FORMULA', [when.formula], background);
  if ('lessThan' in when) return signature('NUMBER_LESS_THAN', [when.lessThan], background);
  return signature('NUMBER_GREATER_THAN', [when.greaterThan], background);
}

function ruleSignature(rule: FormatRule): string {
  const condition = rule.getBooleanCondition();
  if (!condition) return '';
  const values = condition.getCriteriaValues();
  return signature(condition.getCriteriaType(), values, condition.getBackground());
}

/** The add-on's highlights (known by condition and colour); the team's own rules stay. */
function restoreHighlights(sheet: Sheet, layout: TrackerLayout, repaired: string[]): void {
  const missing = layout.highlights.map(highlightSignature);
  const existing = sheet.getConditionalFormatRules();
  const others: FormatRule[] = [];
  let extra = false;
  for (const rule of existing) {
    const at = missing.indexOf(ruleSignature(rule));
    if (at >= 0) missing.splice(at, 1);
    else if (layout.highlights.some((h) => highlightSignature(h) === ruleSignature(rule)))
      extra = true;
    else others.push(rule);
  }
  if (missing.length === 0 && !extra) return;
  sheet.setConditionalFormatRules([
    ...layout.highlights.map((highlight) => buildHighlight(sheet, highlight)),
    ...others,
  ]);
  repaired.push('highlights (conditional formats)');
}

/** The warning-only protections of totals and computed columns, over the sheet's rows now. */
function restoreProtections(sheet: Sheet, layout: TrackerLayout, repaired: string[]): void {
  const descriptions = new Set(layout.protectedRanges.map((p) => p.description));
  const wanted = new Set(layout.protectedRanges.map((p) => `${p.description}|${p.range}`));
  const kept = new Set<string>();
  let changed = false;
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = protection.getDescription();
    if (!descriptions.has(description)) continue;
    const key = `${description}|${protection.getRange().getA1Notation()}`;
    if (wanted.has(key) && !kept.has(key) && protection.isWarningOnly()) kept.add(key);
    else {
      protection.remove();
      changed = true;
    }
  }
  for (const { range, description } of layout.protectedRanges) {
    if (kept.has(`${description}|${range}`)) continue;
    sheet.getRange(range).protect().setDescription(description).setWarningOnly(true);
    changed = true;
  }
  if (changed) repaired.push('protection of totals and computed columns');
}

/** Menu: repairs the sheet in front of the person, and says what it did in a toast. */
export function repairActiveTracker(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheetName = spreadsheet.getActiveSheet().getName();
  try {
    const { repaired } = repairTracker({ sheetName });
    const said =
      repaired.length === 0
        ? `"${sheetName}" needed no repair.`
        : `Put back: ${repaired.join('; ')}.`;
    spreadsheet.toast(said, 'Repair tracker', 10);
  } catch (error) {
    spreadsheet.toast(messageOf(error), 'Repair tracker', 10);
  }
}
