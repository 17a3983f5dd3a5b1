// syncCreators: reads every registered tracker (one getValues each), the Rates sheet and the
// existing "Creators" sheet, merges them (mergeRoster), then rewrites the Creators sheet in a
// fixed number of calls, whatever the number of creators, under the document lock. The team's
// typed columns come back from the sheet as read; nothing is written until every check passed.

import { InputError } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import {
  documentProperties,
  type HandleColumns,
  readTrackers,
  type StoredTracker,
  saveHandleColumns,
} from '../apps/properties';
import { createdBefore } from '../insights/sources';
import { type CellValue, RATES_SHEET, type RateTable, rateTable } from '../money/money';
import type { CreatorsSynced } from '../shared/api';
import { daysOf } from '../sheet/dates';
import { clearAndFit } from '../sheet/drawing';
import { addedRowsFormula, columnLetter, sheetRef } from '../sheet/formulas';
import { PLAIN_TEXT_FORMAT } from '../sheet/literal';
import { valueFormat } from '../tracker/layout';
import { ratesFromValues } from '../tracker/rates-sheet';
import {
  fromRosterValues,
  mergeRoster,
  ROSTER_COLUMNS,
  type Roster,
  type TrackerPosts,
  toRosterValues,
} from './roster';
import { readTrackerPosts } from './tracker-posts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CREATORS_SHEET = 'Creators';
/** The near-duplicates block sits right of the roster, after one empty column. */
const GAP = 1;
const DUPLICATES_HEADER =
  'Possible duplicates (not merged: if it is one creator, make the handles match in the trackers)';
const FALLBACK_CURRENCY = 'USD';

const COLORS = {
  derivedHeader: '#d2e3fc',
  typedHeader: '#f1f3f4',
  gone: '#eeeeee',
  leak: '#fce8b2',
};

interface Chosen {
  sheet: Sheet;
  stored: StoredTracker;
}

/** Every registered tracker still in the spreadsheet, oldest first. */
function trackersOf(spreadsheet: Spreadsheet): Chosen[] {
  const chosen: Chosen[] = [];
  for (const stored of readTrackers(documentProperties()).values()) {
    const sheet = spreadsheet.getSheetById(stored.sheetId);
    if (sheet) chosen.push({ sheet, stored });
  }
  return chosen.sort((a, b) => (createdBefore(a.stored, b.stored) ? -1 : 1));
}

/** The Creators sheet's values, or null when there is none; refuses a sheet the add-on didn't make. */
function existingRoster(spreadsheet: Spreadsheet): { sheet: Sheet; values: CellValue[][] } | null {
  const sheet = spreadsheet.getSheetByName(CREATORS_SHEET);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const blank = values.every((row) => row.every((cell) => cell === ''));
  const ours = (values[0] ?? []).some(
    (cell) => String(cell).trim().toLowerCase() === ROSTER_COLUMNS[0].header.toLowerCase(),
  );
  if (!blank && !ours)
    throw new InputError(
      `This spreadsheet already has a sheet named "${CREATORS_SHEET}" without a "${ROSTER_COLUMNS[0].header}" header in its first row. Rename it, then sync creators again.`,
    );
  return { sheet, values };
}

/**
 * A formula saying how many rows were added to the trackers since they were read, when there
 * are any: the roster and the plan are figures of that moment, so they don't count them yet.
 */
export function addedRowsNote(read: TrackersRead, again: string): string {
  const handles = read.tables.map(({ headerRow, handleColumn }, i) => {
    const letter = columnLetter(handleColumn);
    return `${sheetRef(read.trackers[i].tracker)}!${letter}${headerRow + 1}:${letter}`;
  });
  const counted = read.trackers.reduce((sum, tracker) => sum + tracker.rows.length, 0);
  return addedRowsFormula(handles, counted, again);
}

/** The roster, the duplicates block and the added rows' note as one grid: one setValues. */
function grid(roster: Roster, note: string): CellValue[][] {
  const values = toRosterValues(roster);
  const block: CellValue[] = [
    DUPLICATES_HEADER,
    ...(roster.duplicates.length > 0
      ? roster.duplicates.map((pair) => pair.words)
      : ['None found']),
  ];
  const rows = Math.max(values.length, block.length);
  const width = ROSTER_COLUMNS.length + GAP + 2;
  return Array.from({ length: rows }, (_, r) => {
    const row: CellValue[] = Array.from({ length: width }, () => '');
    values[r]?.forEach((cell, c) => {
      row[c] = cell;
    });
    row[width - 2] = block[r] ?? '';
    if (r === 0) row[width - 1] = note;
    return row;
  });
}

function formatsOf(rows: number, currency: string): string[][] {
  const row = [
    ...ROSTER_COLUMNS.map((column) => valueFormat(column.type, currency)),
    ...Array.from({ length: GAP + 2 }, () => PLAIN_TEXT_FORMAT),
  ];
  // The added rows' note is a formula: General, so it computes.
  const header = row.map((_, c) => (c === row.length - 1 ? 'General' : PLAIN_TEXT_FORMAT));
  return [header, ...Array.from({ length: rows - 1 }, () => row.slice())];
}

/** Header colours say whose a column is; grey rows have left every tracker; leaks stand out. */
function backgroundsOf(roster: Roster, rows: number, width: number): (string | null)[][] {
  const header = [
    ...ROSTER_COLUMNS.map((column) =>
      column.kind === 'typed' ? COLORS.typedHeader : COLORS.derivedHeader,
    ),
    ...Array.from({ length: GAP }, () => null),
    COLORS.derivedHeader,
    null,
  ];
  const leakAt = ROSTER_COLUMNS.findIndex((column) => column.key === 'leaks');
  const body = Array.from({ length: rows - 1 }, (_, r) => {
    const row: (string | null)[] = Array.from({ length: width }, () => null);
    const creator = roster.creators[r];
    if (!creator) return row;
    if (creator.status === 'gone')
      for (let c = 0; c < ROSTER_COLUMNS.length; c++) row[c] = COLORS.gone;
    else if (creator.leaks.length > 0) row[leakAt] = COLORS.leak;
    return row;
  });
  return [header, ...body];
}

/** Writes the roster; returns its number of rows (header included). */
export function writeRoster(sheet: Sheet, roster: Roster, fresh: boolean, note: string): number {
  const values = grid(roster, note);
  const rows = values.length;
  const width = values[0].length;
  clearAndFit(sheet, rows, width, { keepValidations: true, fresh });
  const all = sheet.getRange(1, 1, rows, width);
  all.setNumberFormats(formatsOf(rows, roster.currency));
  all.setValues(values);
  all.setBackgrounds(backgroundsOf(roster, rows, width));
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold');
  header.setNotes([
    [
      ...ROSTER_COLUMNS.map((column) => column.note),
      ...Array.from({ length: GAP }, () => ''),
      'Pairs of handles that may be one creator. Nothing is merged: fix the handle in the tracker if they are the same person.',
      '',
    ],
  ]);
  sheet.setFrozenRows(1);
  return rows;
}

export const DROPDOWN_HELP = 'Pick a creator from the Creators sheet, or type a new handle.';

/**
 * Each tracker's handle cells (header row down to the sheet's last row) get one dropdown of the
 * roster's handles that still accepts a new handle: one setDataValidation per tracker. It replaces
 * any rule on those cells (the tracker puts none there; reading it first would cost a call each).
 */
function setDropdowns(roster: Sheet, rows: number, tables: TrackerTable[]): HandleColumns {
  const handleAt = ROSTER_COLUMNS.findIndex((column) => column.key === 'handle') + 1;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInRange(roster.getRange(2, handleAt, Math.max(rows - 1, 1), 1), true)
    .setAllowInvalid(true)
    .setHelpText(DROPDOWN_HELP)
    .build();
  const handles: HandleColumns = {};
  for (const { sheet, sheetId, headerRow, handleColumn } of tables) {
    const letter = columnLetter(handleColumn);
    sheet.getRange(`${letter}${headerRow + 1}:${letter}`).setDataValidation(rule);
    handles[String(sheetId)] = { headerRow, column: handleColumn };
  }
  return handles;
}

/** Where a tracker read keeps its handles. */
export interface TrackerTable {
  sheet: Sheet;
  sheetId: number;
  headerRow: number;
  handleColumn: number;
}

/** What every tracker holds, read in one call each, with the Rates sheet's rate table. */
export interface TrackersRead {
  trackers: TrackerPosts[];
  tables: TrackerTable[];
  rates: RateTable;
  /** Trackers left out, and why. */
  notes: string[];
}

/** Reads every registered tracker and the Rates sheet; refuses when no tracker can be read. */
export function readAllTrackers(spreadsheet: Spreadsheet, feature: string): TrackersRead {
  const chosen = trackersOf(spreadsheet);
  const dayOf = daysOf(spreadsheet);
  if (chosen.length === 0)
    throw new InputError(`There is no campaign tracker yet: create one, then ${feature}.`);
  const notes: string[] = [];
  const trackers: TrackerPosts[] = [];
  const tables: TrackerTable[] = [];
  let reporting = '';
  for (const { sheet, stored } of chosen) {
    const name = sheet.getName();
    try {
      const read = readTrackerPosts(name, sheet.getDataRange().getValues(), dayOf);
      trackers.push(read.posts);
      const { headerRow, handleColumn } = read;
      tables.push({ sheet, sheetId: stored.sheetId, headerRow, handleColumn });
      reporting ||= read.reporting;
    } catch (error) {
      notes.push(`"${name}" is left out: ${(error as Error).message}`);
    }
  }
  if (trackers.length === 0)
    throw new InputError(`No tracker could be read, so nothing was changed. ${notes.join(' ')}`);
  const ratesSheet = spreadsheet.getSheetByName(RATES_SHEET);
  const rateRows = ratesSheet
    ? ratesFromValues((ratesSheet.getDataRange().getValues() as CellValue[][]).slice(1), dayOf)
    : [];
  return {
    trackers,
    tables,
    rates: rateTable(reporting || FALLBACK_CURRENCY, rateRows),
    notes,
  };
}

/** Sidebar and menu: brings the "Creators" sheet in step with every tracker. */
export function syncCreators(): CreatorsSynced {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const read = readAllTrackers(spreadsheet, 'sync creators');
    const { trackers, tables, rates, notes } = read;
    const existing = existingRoster(spreadsheet);
    const roster = mergeRoster(trackers, existing ? fromRosterValues(existing.values) : [], rates);
    if (roster.note) notes.push(`Money totals: ${roster.note}.`);

    const sheet =
      existing?.sheet ?? spreadsheet.insertSheet(CREATORS_SHEET, spreadsheet.getNumSheets());
    const again = 'sync creators again (Extensions > Influencer ROI > Sync creators)';
    const rows = writeRoster(sheet, roster, !existing, addedRowsNote(read, again));
    saveHandleColumns(documentProperties(), setDropdowns(sheet, rows, tables));
    const gone = roster.creators.filter((creator) => creator.status === 'gone').length;
    const duplicates = roster.duplicates.map((pair) => pair.words);
    spreadsheet.toast(
      `${roster.creators.length} creators${gone > 0 ? ` (${gone} no longer in any tracker)` : ''}; ${duplicates.length} possible duplicates to confirm.`,
      CREATORS_SHEET,
    );
    return { sheetName: CREATORS_SHEET, creators: roster.creators.length, gone, duplicates, notes };
  });
}
