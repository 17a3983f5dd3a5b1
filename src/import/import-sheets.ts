// The sheets an import reads and writes: the tracker, the hidden "Import ledger" and the
// "Daily sales" sheet. Each is read with a few whole-range calls and written in blocks (one
// call per block); every block is snapshotted before it is written, so a failure midway puts
// back what was there.
import type { ImportedField } from '../shared/api';
import type { DayOf } from '../sheet/dates';
import { currencyFormat, numberFormat } from '../sheet/formats';
import { literal, PLAIN_TEXT_FORMAT } from '../sheet/literal';
import { appendColumns } from '../tracker/append';
import type { ColumnKey } from '../tracker/columns';
import { readTrackerTable } from '../tracker/read';
import {
  type LedgerCell,
  type LedgerEntry,
  type LedgerRead,
  ledgerTail,
  readLedgerRows,
} from './ledger';
import type { TrackerRow } from './match';
import type { CellValue, RowValues, TrackerCells } from './write-plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const LEDGER_SHEET = 'Import ledger';
export const DAILY_SALES_SHEET = 'Daily sales';

/** The import's own columns, added to an older tracker that lacks them. */
const ADDED: readonly ColumnKey[] = ['bonus', 'lastImport', 'firstOrderDate'];

/** What undoes the writes made so far, newest first. */
export class Undo {
  private readonly steps: (() => void)[] = [];

  /** Registers how to put a block back before it is written, so a half-done write is undone too. */
  add(step: () => void): void {
    this.steps.push(step);
  }

  /** Runs every step, newest first; returns how many failed. */
  run(): number {
    let failed = 0;
    for (const step of this.steps.reverse()) {
      try {
        step();
      } catch {
        failed++;
      }
    }
    return failed;
  }
}

/** A cell as it was, in a form setValues writes back unchanged (text stays text, formulas stay). */
function unchanged(value: unknown, formula: string, format: string): unknown {
  if (formula) return formula;
  return typeof value === 'string' ? literal(value, format) : value;
}

const FIELD_COLUMNS: Record<ImportedField, ColumnKey> = {
  clicks: 'clicks',
  orders: 'orders',
  revenue: 'revenue',
  newCustomers: 'newCustomers',
  bonus: 'bonus',
  lastImport: 'lastImport',
  firstOrderDate: 'firstOrderDate',
};

export interface LoadedTracker {
  sheet: Sheet;
  name: string;
  headerRow: number;
  firstRow: number;
  /** 1-based column of each column found; bonus and lastImport may be missing (older trackers). */
  columns: Partial<Record<ColumnKey, number>>;
  values: unknown[][];
  formulas: string[][];
  formats: string[][];
  rows: TrackerRow[];
  cells: Map<number, TrackerCells>;
  /** The campaign's currency, read from its settings block ('' when it was moved away). */
  currency: string;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** The tracker as three whole-range reads; throws LayoutError for a changed layout. */
/** `dayOf` reads date cells on the spreadsheet's calendar (sheet/dates.ts). */
export function loadTracker(sheet: Sheet, dayOf: DayOf): LoadedTracker {
  const data = sheet.getDataRange();
  const values = data.getValues();
  const formulas = data.getFormulas();
  const formats = data.getNumberFormats();
  const name = sheet.getName();
  const { headerRow, columns, setting } = readTrackerTable(name, values, 'import');
  const at = (row: unknown[], key: ColumnKey) => row[(columns[key] ?? 0) - 1];
  const rows: TrackerRow[] = [];
  const cells = new Map<number, TrackerCells>();
  for (let i = headerRow; i < values.length; i++) {
    const row = values[i];
    const number = i + 1;
    rows.push({
      row: number,
      handle: text(at(row, 'handle')),
      code: text(at(row, 'promoCode')),
      link: text(at(row, 'trackingLink')),
    });
    const current: TrackerCells = {};
    for (const [field, key] of Object.entries(FIELD_COLUMNS) as [ImportedField, ColumnKey][]) {
      const value = columns[key] ? at(row, key) : undefined;
      if (value instanceof Date) {
        // A date cell compares with the plan's "YYYY-MM-DD".
        if (!Number.isNaN(value.getTime())) current[field] = dayOf(value);
      } else if (value !== undefined && value !== null) current[field] = value as CellValue;
    }
    cells.set(number, current);
  }
  return {
    sheet,
    name,
    headerRow,
    firstRow: headerRow + 1,
    columns,
    values,
    formulas,
    formats,
    rows,
    cells,
    currency: text(setting('Currency')?.value).toUpperCase(),
  };
}

/**
 * Adds the import's columns an older tracker lacks, at the right of its table, in columns
 * that hold nothing (never moving or rewriting a cell). Returns the headers added.
 */
export function addMissingColumns(tracker: LoadedTracker, undo: Undo): string[] {
  const revenueFormat = tracker.formats[tracker.headerRow]?.[(tracker.columns.revenue ?? 1) - 1];
  const moneyFormat = revenueFormat || currencyFormat(tracker.currency || 'USD');
  const added = appendColumns(
    {
      sheet: tracker.sheet,
      headerRow: tracker.headerRow,
      values: tracker.values,
      formulas: () => tracker.formulas,
      columns: tracker.columns,
      moneyFormat,
    },
    ADDED,
    undo,
  );
  // Later writes make text literal by the format of the cell they go to.
  for (const key of ADDED) {
    const column = tracker.columns[key];
    if (column === undefined) continue;
    const format =
      key === 'bonus'
        ? moneyFormat
        : key === 'firstOrderDate'
          ? numberFormat('date', tracker.currency || 'USD')
          : PLAIN_TEXT_FORMAT;
    for (const row of tracker.formats.slice(tracker.headerRow)) row[column - 1] = format;
  }
  return added;
}

/**
 * Writes the planned cells: one block per run of adjacent columns, from the first to the last
 * row that changes. Cells of the block the plan doesn't change are written back as they were.
 * Returns the number of cells whose value changed.
 */
export function writeTrackerCells(
  tracker: LoadedTracker,
  writes: ReadonlyMap<number, RowValues>,
  undo: Undo,
): number {
  if (writes.size === 0) return 0;
  // Every column the import fills, changed or not: the same blocks, so the same calls, each time.
  const fieldOf = new Map<number, ImportedField>();
  for (const [field, key] of Object.entries(FIELD_COLUMNS) as [ImportedField, ColumnKey][]) {
    const column = tracker.columns[key];
    if (column) fieldOf.set(column, field);
  }
  let changed = 0;
  for (const values of writes.values()) changed += Object.keys(values).length;
  const rowNumbers = [...writes.keys()];
  const top = Math.min(...rowNumbers);
  const bottom = Math.max(...rowNumbers);
  const columns = [...fieldOf.keys()].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const column of columns) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === column - 1) run.push(column);
    else runs.push([column]);
  }
  for (const run of runs) {
    const range = tracker.sheet.getRange(top, run[0], bottom - top + 1, run.length);
    const was = (row: number, column: number) =>
      unchanged(
        tracker.values[row - 1]?.[column - 1] ?? '',
        tracker.formulas[row - 1]?.[column - 1] ?? '',
        tracker.formats[row - 1]?.[column - 1] ?? '',
      );
    const before: unknown[][] = [];
    const after: unknown[][] = [];
    for (let row = top; row <= bottom; row++) {
      before.push(run.map((column) => was(row, column)));
      after.push(
        run.map((column) => {
          const value = writes.get(row)?.[fieldOf.get(column) as ImportedField];
          if (value === undefined) return was(row, column);
          // A day ("YYYY-MM-DD") goes in as Sheets reads typing: a date, not text.
          if (fieldOf.get(column) === 'firstOrderDate') return value;
          const format = tracker.formats[row - 1]?.[column - 1] ?? '';
          return typeof value === 'string' ? literal(value, format) : value;
        }),
      );
    }
    undo.add(() => range.setValues(before));
    range.setValues(after);
  }
  return changed;
}

/** A sheet the add-on keeps as a plain table: header in row 1, one record per row. */
export interface StoredTable {
  sheet: Sheet | null;
  rows: unknown[][];
}

export function readStoredTable(spreadsheet: Spreadsheet, name: string): StoredTable {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) return { sheet: null, rows: [] };
  const rows = sheet.getDataRange().getValues();
  const blank = rows.length === 1 && rows[0].every((cell) => cell === '');
  return { sheet, rows: blank ? [] : rows };
}

export interface TableWrite {
  name: string;
  hidden: boolean;
  /** Header first, as toLedgerRows / toDailySalesRows give them. */
  rows: (string | number)[][];
  /** Number format of each column; text columns are plain text, so file text stays text. */
  formats: string[];
  /** The sheet to show again after a new sheet was inserted (insertSheet activates it). */
  active: () => Sheet;
}

/**
 * Sizes the grid to the table and one blank row: one structural call whatever the data, so the
 * calls an import makes don't depend on how much it imports. Rows cut are blank in every column.
 */
function fitRows(sheet: Sheet, rows: number, undo: Undo): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) {
    undo.add(() => sheet.deleteRows(maxRows + 1, rows - maxRows));
    sheet.insertRowsAfter(maxRows, rows - maxRows);
  } else if (rows < maxRows) {
    undo.add(() => sheet.insertRowsAfter(rows, maxRows - rows));
    sheet.deleteRows(rows + 1, maxRows - rows);
  }
}

/**
 * Replaces a stored table with new rows in one block (formats, then values), clearing rows the
 * new table no longer fills. A sheet created here is deleted again by the undo.
 */
export function writeStoredTable(
  spreadsheet: Spreadsheet,
  stored: StoredTable,
  table: TableWrite,
  undo: Undo,
): void {
  let sheet = stored.sheet;
  if (!sheet) {
    const active = table.active();
    const created = spreadsheet.insertSheet(table.name);
    sheet = created;
    undo.add(() => spreadsheet.deleteSheet(created));
    if (table.hidden) created.hideSheet();
    else created.setFrozenRows(1);
    active.activate();
  }
  // Only the table's own columns: whatever a teammate keeps beside it is left alone.
  const width = table.formats.length;
  const height = Math.max(table.rows.length, stored.rows.length);
  fitRows(sheet, height + 1, undo);
  const range: Range = sheet.getRange(1, 1, height, width);
  if (stored.sheet) {
    const oldFormats = range.getNumberFormats();
    const oldValues = Array.from({ length: height }, (_, i) =>
      Array.from({ length: width }, (_, j) => {
        const value = stored.rows[i]?.[j] ?? '';
        return typeof value === 'string' ? literal(value, oldFormats[i][j]) : value;
      }),
    );
    undo.add(() => {
      range.setNumberFormats(oldFormats);
      range.setValues(oldValues);
    });
  }
  range.setNumberFormats(Array.from({ length: height }, () => table.formats));
  range.setValues(
    Array.from({ length: height }, (_, i) =>
      Array.from({ length: width }, (_, j) => table.rows[i]?.[j] ?? ''),
    ),
  );
}

/** The ledger sheet as read once: its sheet, its rows as getValues gave them, and the entries. */
export interface StoredLedger {
  sheet: Sheet | null;
  rows: unknown[][];
  read: LedgerRead;
}

export function readLedger(spreadsheet: Spreadsheet, dayOf: DayOf): StoredLedger {
  const stored = readStoredTable(spreadsheet, LEDGER_SHEET);
  return { sheet: stored.sheet, rows: stored.rows, read: readLedgerRows(stored.rows, dayOf) };
}

const MEASURE_COLUMNS = new Set([
  'Orders',
  'Revenue',
  'Clicks',
  'New customers',
  'Brand Referral Bonus',
]);

function ledgerFormats(header: readonly string[]): string[] {
  return header.map((column) => (MEASURE_COLUMNS.has(column) ? 'General' : PLAIN_TEXT_FORMAT));
}

export interface LedgerWrite {
  header: string[];
  removed: readonly number[];
  added: readonly LedgerEntry[];
  /** The sheet to show again after the ledger sheet was inserted (insertSheet activates it). */
  active: () => Sheet;
}

/**
 * Appends the new entries and takes out the replaced ones without rewriting the ledger: only
 * the rows from the first replaced one down are written again (the rows kept there, then the
 * new ones), in one block, and the grid is fitted to the rows with one structural call.
 * Restatements are of recent days, so that tail is short. A new ledger sheet is hidden and has
 * only the columns it uses.
 */
export function writeLedger(
  spreadsheet: Spreadsheet,
  stored: StoredLedger,
  write: LedgerWrite,
  undo: Undo,
): void {
  const { header } = write;
  const formats = ledgerFormats(header);
  const oldWidth = stored.read.header.length;
  let sheet = stored.sheet;
  if (!sheet) {
    const active = write.active();
    const created = spreadsheet.insertSheet(LEDGER_SHEET);
    sheet = created;
    undo.add(() => spreadsheet.deleteSheet(created));
    created.hideSheet();
    active.activate();
  }
  const owned = sheet;
  const tail = ledgerTail(stored.read, write.removed, write.added, header);
  // A new sheet gets its header with the rows; an older one only the header cells it lacks.
  const top = stored.sheet ? tail.first + 2 : 1;
  const block: LedgerCell[][] = stored.sheet ? tail.rows : [header.slice(), ...tail.rows];
  const oldHeight = stored.sheet ? stored.read.rows - tail.first : 0;
  if (stored.sheet) {
    const width = Math.max(oldWidth, 1);
    const oldFormats = formats.slice(0, width);
    const old = stored.rows.slice(top - 1, top - 1 + oldHeight).map((row) =>
      oldFormats.map((format, j) => {
        const value = row[j] ?? '';
        return typeof value === 'string' ? literal(value, format) : value;
      }),
    );
    if (old.length > 0)
      undo.add(() => {
        const range = owned.getRange(top, 1, old.length, width);
        range.setNumberFormats(old.map(() => oldFormats));
        range.setValues(old);
      });
  }
  fitGrid(owned, stored.sheet ? top - 1 + block.length : block.length, header.length, undo);
  if (stored.sheet && header.length > oldWidth) {
    const added = owned.getRange(1, oldWidth + 1, 1, header.length - oldWidth);
    undo.add(() => added.setValues([header.slice(oldWidth).map(() => '')]));
    added.setValues([header.slice(oldWidth)]);
  }
  if (block.length === 0) return;
  const range: Range = owned.getRange(top, 1, block.length, header.length);
  range.setNumberFormats(block.map(() => formats));
  range.setValues(block);
}

/**
 * Fits the grid to the ledger: one structural call for the rows (none when they already fit),
 * and the columns cut to the ledger's on a new sheet or widened when a column is added.
 */
function fitGrid(sheet: Sheet, rows: number, columns: number, undo: Undo): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) {
    undo.add(() => sheet.deleteColumns(maxColumns + 1, columns - maxColumns));
    sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  } else if (columns < maxColumns) {
    undo.add(() => sheet.insertColumnsAfter(columns, maxColumns - columns));
    sheet.deleteColumns(columns + 1, maxColumns - columns);
  }
  const wanted = Math.max(rows, 1);
  if (wanted > maxRows) {
    undo.add(() => sheet.deleteRows(maxRows + 1, wanted - maxRows));
    sheet.insertRowsAfter(maxRows, wanted - maxRows);
  } else if (wanted < maxRows) {
    undo.add(() => sheet.insertRowsAfter(wanted, maxRows - wanted));
    sheet.deleteRows(wanted + 1, maxRows - wanted);
  }
}
