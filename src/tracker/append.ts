// Columns added to a tracker made before they joined the column table: at the right of its
// table, in columns that hold nothing, so no existing cell moves or is rewritten. Used by
// Import results (its two columns) and by the dashboard (every column a tracker lacks).

import { buildRule } from '../sheet/drawing';
import { PLAIN_TEXT_FORMAT } from '../sheet/literal';
import { COLUMNS, type Column, type ColumnKey, columnNumber, isDerived } from './columns';
import { currencyRules, ruleFor, valueFormat } from './layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#f1f3f4';

/** A tracker as read from its sheet: the whole data range, header row and columns found. */
export interface AppendTarget {
  sheet: Sheet;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** The data range's values and formulas (formulas read only when columns are missing). */
  values: unknown[][];
  formulas: () => string[][];
  /** 1-based column of each key found; the keys added are filled in. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Number format for money: the tracker's own revenue format, else one for its currency. */
  moneyFormat: string;
}

/** What puts the added columns back (the import undoes a write that fails midway). */
export interface UndoSteps {
  add(step: () => void): void;
}

function normalise(header: unknown): string {
  return String(header ?? '')
    .trim()
    .toLowerCase();
}

function columnOf(key: ColumnKey): Column {
  const column = COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`No tracker column ${key}`);
  return column;
}

/**
 * The input columns after the first run of computed ones (Brand Referral Bonus onwards): the
 * only ones ever appended. Later computed columns need the whole table in place, so older
 * trackers don't get them.
 */
export const APPENDABLE: readonly ColumnKey[] = COLUMNS.slice(columnNumber('bonus') - 1)
  .filter((column) => !isDerived(column))
  .map((column) => column.key);

/** Finds each appendable column the header row already has (by header, wherever it sits). */
export function findAppended(headerRow: unknown[], columns: Partial<Record<ColumnKey, number>>) {
  const header = headerRow.map(normalise);
  for (const key of APPENDABLE) {
    const index = header.indexOf(normalise(columnOf(key).header));
    if (index >= 0 && columns[key] === undefined) columns[key] = index + 1;
  }
}

/**
 * Adds the wanted columns the tracker lacks, in table order, at the right of its header, in
 * columns that hold nothing. Returns the headers added.
 */
export function appendColumns(
  target: AppendTarget,
  wanted: readonly ColumnKey[],
  undo?: UndoSteps,
): string[] {
  const missing = APPENDABLE.filter(
    (key) => wanted.includes(key) && target.columns[key] === undefined,
  ).map(columnOf);
  if (missing.length === 0) return [];
  const { sheet, headerRow, values } = target;
  const formulas = target.formulas();
  const isEmpty = (column: number) =>
    values.every((row, i) => (row[column - 1] ?? '') === '' && !formulas[i]?.[column - 1]);
  const header = values[headerRow - 1] ?? [];
  let last = header.length;
  while (last > 0 && normalise(header[last - 1]) === '') last--;
  let first = last + 1;
  while (!missing.every((_, offset) => isEmpty(first + offset))) first++;
  const end = first + missing.length - 1;
  const maxColumns = sheet.getMaxColumns();
  if (end > maxColumns) {
    undo?.add(() => sheet.deleteColumns(maxColumns + 1, end - maxColumns));
    sheet.insertColumnsAfter(maxColumns, end - maxColumns);
  }
  const height = sheet.getMaxRows() - headerRow + 1;
  const area = sheet.getRange(headerRow, first, height, missing.length);
  const top = sheet.getRange(headerRow, first, 1, missing.length);
  const below =
    height > 1 ? sheet.getRange(headerRow + 1, first, height - 1, missing.length) : null;
  const rules = missing.map((column) => ruleFor(column.type, column.header));
  const lastRow = headerRow + height - 1;
  const currencies = currencyRules(
    missing.map((column, i) => ({ column, at: first + i })),
    headerRow + 1,
    lastRow,
  );
  const validated =
    below !== null && (rules.some((rule) => rule !== null) || currencies.length > 0);
  if (undo) {
    const before = {
      formats: area.getNumberFormats(),
      notes: top.getNotes(),
      backgrounds: top.getBackgrounds(),
      weights: top.getFontWeights(),
    };
    undo.add(() => {
      top.setValues([missing.map(() => '')]);
      top.setNotes(before.notes);
      top.setBackgrounds(before.backgrounds);
      top.setFontWeights(before.weights);
      area.setNumberFormats(before.formats);
      if (validated) below?.clearDataValidations();
    });
  }
  const formats = missing.map((column) =>
    column.type === 'money' ? target.moneyFormat : valueFormat(column.type, 'USD'),
  );
  area.setNumberFormats(
    Array.from({ length: height }, (_, i) =>
      i === 0 ? missing.map(() => PLAIN_TEXT_FORMAT) : formats,
    ),
  );
  top.setValues([missing.map((column) => column.header)]);
  top.setNotes([missing.map((column) => column.note)]);
  top.setBackgrounds([missing.map(() => HEADER_BACKGROUND)]);
  top.setFontWeights([missing.map(() => 'bold')]);
  if (validated && below) {
    const built = rules.map((rule) => (rule ? buildRule(rule) : null));
    below.setDataValidations(Array.from({ length: height - 1 }, () => built));
    for (const { range, rule } of currencies)
      sheet.getRange(range).setDataValidation(buildRule(rule));
  }
  missing.forEach((column, i) => {
    sheet.setColumnWidth(first + i, column.width);
    target.columns[column.key] = first + i;
  });
  return missing.map((column) => column.header);
}
