// buildDashboard: picks the trackers, reads each with one call (adding the columns an older one
// lacks), reads the "Daily sales" sheet and the previous dashboard's typed cells, then writes
// the "Dashboard" sheet in place, block by block, and its charts, under the document lock.

import { InputError } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import {
  type DashboardState,
  documentProperties,
  readDashboardState,
  readInsightsJson,
  readTrackers,
  type StoredTracker,
  saveDashboardState,
  saveInsightsSettings,
} from '../apps/properties';
import { DAILY_SALES_SHEET } from '../import/import-sheets';
import type { DashboardBuilt, DashboardRequest, InsightsSettings } from '../shared/api';
import type { DayOf } from '../sheet/dates';
import { checkFormulaLengths, writeDrawing } from '../sheet/drawing';
import { currencyFormat } from '../sheet/formats';
import { ownSheet } from '../sheet/owned';
import { appendColumns } from '../tracker/append';
import { normalise } from '../tracker/table';
import { AWARENESS_INPUTS, type AwarenessInputs } from './blocks';
import type { DailySource } from './daily';
import { dashboardLayout, SETTINGS_WIDTH } from './dashboard-layout';
import { checkSettings, mergeSettings, sheetSettings, storedSettings } from './settings';
import {
  ADDED_KEYS,
  createdBefore,
  missingKeys,
  postDaysOf,
  type ReadTracker,
  readTracker,
  type TrackerSource,
  toSource,
} from './sources';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DASHBOARD_SHEET = 'Dashboard';
/** Trackers one dashboard or report shows at most (its formulas stay within Sheets' limits). */
export const MAX_TRACKERS = 50;

/** Refuses more trackers than one dashboard or report shows, before anything is changed. */
export function checkTrackerCount(count: number, what: string): void {
  if (count > MAX_TRACKERS)
    throw new InputError(
      `This spreadsheet has ${count} trackers; one ${what} shows at most ${MAX_TRACKERS}: choose up to ${MAX_TRACKERS} of them in the sidebar (Insights tab). Nothing was changed.`,
    );
}

export interface Chosen {
  sheet: Sheet;
  name: string;
  stored: StoredTracker;
}

function checkRequest(input: unknown): {
  trackers?: string[];
  settings: Partial<InsightsSettings>;
} {
  const request = (input ?? {}) as DashboardRequest;
  if (typeof request !== 'object' || Array.isArray(request))
    throw new InputError('The dashboard request is not readable.');
  const settings = checkSettings(request.settings);
  if (request.trackers === undefined || request.trackers === null) return { settings };
  return { trackers: checkTrackerNames(request.trackers, 'dashboard'), settings };
}

/** A request's list of tracker names, trimmed and without repeats (the dashboard's, a report's). */
export function checkTrackerNames(names: unknown, what: string): string[] {
  if (!Array.isArray(names) || names.some((t) => typeof t !== 'string'))
    throw new InputError('The trackers must be a list of sheet names.');
  const trackers = [...new Set(names.map((name: string) => name.trim()).filter(Boolean))];
  if (trackers.length > MAX_TRACKERS)
    throw new InputError(`Choose at most ${MAX_TRACKERS} trackers for one ${what}.`);
  return trackers;
}

const byCreation = (a: Chosen, b: Chosen) => (createdBefore(a.stored, b.stored) ? -1 : 1);

/** Every tracker of the spreadsheet, oldest first; trackers gone since the last build noted. */
export function everyTracker(
  spreadsheet: Spreadsheet,
  stored: Map<number, StoredTracker>,
  state: DashboardState | undefined,
  notes: string[],
): Chosen[] {
  const chosen: Chosen[] = [];
  for (const tracker of stored.values()) {
    const sheet = spreadsheet.getSheetById(tracker.sheetId);
    if (!sheet) continue;
    chosen.push({ sheet, name: sheet.getName(), stored: tracker });
  }
  for (const previous of state?.trackers ?? []) {
    const now = chosen.find((c) => c.stored.sheetId === previous.id);
    if (!now) notes.push(`"${previous.name}" was deleted since the last refresh: it is left out.`);
    else if (now.name !== previous.name)
      notes.push(`"${previous.name}" is now called "${now.name}".`);
  }
  return chosen.sort(byCreation);
}

/** The trackers named, in that order; a name that is gone is left out with a note. */
function namedTrackers(
  spreadsheet: Spreadsheet,
  names: string[],
  stored: Map<number, StoredTracker>,
  state: DashboardState | undefined,
  notes: string[],
): Chosen[] {
  const chosen: Chosen[] = [];
  for (const name of names) {
    const sheet = spreadsheet.getSheetByName(name);
    const tracker = sheet ? stored.get(sheet.getSheetId()) : undefined;
    if (sheet && tracker) {
      chosen.push({ sheet, name, stored: tracker });
      continue;
    }
    if (sheet) {
      notes.push(`"${name}" is not a campaign tracker: it is left out.`);
      continue;
    }
    const previous = state?.trackers.find((t) => t.name === name);
    const renamed = previous ? spreadsheet.getSheetById(previous.id) : null;
    notes.push(
      renamed
        ? `"${name}" was renamed "${renamed.getName()}" since the last refresh: it is left out; choose it again to include it.`
        : `"${name}" is no longer in this spreadsheet (renamed or deleted): it is left out.`,
    );
  }
  return chosen;
}

/**
 * Reads a tracker (one call) and adds the columns it lacks; null, with a note, when it can't.
 * With `dayOf` (a report), the source also lists its rows' post days.
 */
export function readSource(
  chosen: Chosen,
  notes: string[],
  added: DashboardBuilt['columnsAdded'],
  dayOf?: DayOf,
) {
  const { sheet, name, stored } = chosen;
  const values = sheet.getDataRange().getValues();
  let read: ReadTracker;
  try {
    read = readTracker(name, values);
  } catch (error) {
    notes.push(`"${name}" is left out: ${(error as Error).message}`);
    return null;
  }
  if (missingKeys(read).length > 0) {
    const headers = appendColumns(
      {
        sheet,
        headerRow: read.headerRow,
        values,
        formulas: () => sheet.getDataRange().getFormulas(),
        columns: read.columns,
        moneyFormat: currencyFormat(read.currency || stored.currency || 'USD'),
      },
      [...ADDED_KEYS, 'lastImport'],
    );
    if (headers.length > 0) added.push({ tracker: name, headers });
  }
  const source = toSource(read, { name, sheetId: stored.sheetId, createdAt: stored.createdAt });
  return dayOf ? { ...source, postDays: postDaysOf(source, values, dayOf) } : source;
}

/** The "Daily sales" sheet's Date and Sales columns, when it has any day. */
export function dailySource(spreadsheet: Spreadsheet, notes: string[]) {
  const sheet = spreadsheet.getSheetByName(DAILY_SALES_SHEET);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map(normalise);
  const dateColumn = header.indexOf('date') + 1;
  const salesColumn = header.indexOf('sales') + 1;
  if (!dateColumn || !salesColumn) {
    notes.push(
      `The "${DAILY_SALES_SHEET}" sheet has no "Date" and "Sales" headers in its first row: sales lift is left out.`,
    );
    return null;
  }
  const rows = values.length - 1;
  if (!values.slice(1).some((row) => row[dateColumn - 1] !== '')) return null;
  const source: DailySource = { sheet: DAILY_SALES_SHEET, dateColumn, salesColumn, firstRow: 2 };
  return { source, rows };
}

/** What the team typed on the previous dashboard: settings and each campaign's awareness. */
function typedCells(sheet: Sheet | null, state: DashboardState | undefined) {
  const awareness = new Map<number, AwarenessInputs>();
  if (!sheet || !state) return { settings: {}, awareness };
  const last = Math.max(state.settingsRow, state.awarenessRow + state.awarenessIds.length - 1);
  const rows = sheet
    .getRange(state.settingsRow, 1, last - state.settingsRow + 1, AWARENESS_INPUTS + 3)
    .getValues();
  state.awarenessIds.forEach((id, i) => {
    const row = rows[state.awarenessRow - state.settingsRow + i] ?? [];
    // Rows moved by hand since: take nothing rather than another campaign's figures.
    const name = state.trackers.find((t) => t.id === id)?.name;
    if (row[0] !== name) return;
    const typed = [row[1], row[2], row[4], row[5], row[6]].map((value) =>
      typeof value === 'number' && Number.isFinite(value) ? value : '',
    );
    awareness.set(id, typed);
  });
  return { settings: sheetSettings(rows[0].slice(0, SETTINGS_WIDTH)), awareness };
}

interface Checked {
  trackers?: string[];
  settings: Partial<InsightsSettings>;
  /** The menu's refresh of the last build's trackers: if none is left, show every tracker. */
  replay?: boolean;
}

function build(request: Checked): DashboardBuilt {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = documentProperties();
  const stored = readTrackers(properties);
  const state = readDashboardState(properties);
  if (stored.size === 0)
    throw new InputError('There is no campaign tracker yet: create one (Tracker tab) first.');
  const notes: string[] = [];
  let all = request.trackers === undefined;
  let chosen = request.trackers
    ? namedTrackers(spreadsheet, request.trackers, stored, state, notes)
    : everyTracker(spreadsheet, stored, state, notes);
  if (chosen.length === 0 && request.trackers && request.replay) {
    notes.push('So the dashboard shows every tracker.');
    chosen = everyTracker(spreadsheet, stored, undefined, notes);
    all = true;
  }
  checkTrackerCount(chosen.length, 'dashboard');
  const columnsAdded: DashboardBuilt['columnsAdded'] = [];
  const sources = chosen
    .map((c) => readSource(c, notes, columnsAdded))
    .filter((s): s is TrackerSource => s !== null);
  if (sources.length === 0)
    throw new InputError(
      `None of the chosen trackers can be shown. ${notes.join(' ')} Choose trackers again.`,
    );
  const daily = dailySource(spreadsheet, notes);
  // The previous dashboard's typed cells are read first; the sheet is made only once the layout
  // passed its checks.
  const previous = state ? spreadsheet.getSheetById(state.sheetId) : null;
  const typed = typedCells(previous, state);
  const settings = mergeSettings(
    storedSettings(readInsightsJson(properties)),
    typed.settings,
    request.settings,
  );
  const refreshedAt = Utilities.formatDate(
    new Date(),
    spreadsheet.getSpreadsheetTimeZone(),
    'yyyy-MM-dd HH:mm',
  );
  const layout = dashboardLayout({
    sources,
    settings,
    daily,
    awareness: (source) => typed.awareness.get(source.sheetId) ?? ['', '', '', '', ''],
    notes,
    refreshedAt,
  });
  checkFormulaLengths(layout, 'dashboard');
  const { sheet, fresh } = ownSheet(spreadsheet, state?.sheetId, DASHBOARD_SHEET);
  writeDrawing(sheet, layout, fresh);
  sheet.activate();
  saveInsightsSettings(properties, settings);
  saveDashboardState(properties, {
    sheetId: fresh ? sheet.getSheetId() : (state?.sheetId ?? sheet.getSheetId()),
    all,
    trackers: sources.map((s) => ({ id: s.sheetId, name: s.name })),
    settingsRow: layout.settingsRow,
    awarenessRow: layout.awarenessRow,
    awarenessIds: sources.map((s) => s.sheetId),
  });
  return {
    sheetName: fresh ? DASHBOARD_SHEET : sheet.getName(),
    trackers: sources.map((s) => s.name),
    notes,
    columnsAdded,
    settings,
  };
}

/** Sidebar: builds or refreshes the "Dashboard" sheet from the trackers (default: every one). */
export function buildDashboard(input: unknown): DashboardBuilt {
  const request = checkRequest(input);
  return withDocumentLock(() => build(request));
}

/** Menu: builds the dashboard again for the same trackers (every tracker the first time). */
export function refreshDashboard(): DashboardBuilt {
  return withDocumentLock(() => {
    const state = readDashboardState(documentProperties());
    const trackers = state && !state.all ? state.trackers.map((t) => t.name) : undefined;
    const built = build({ trackers, settings: {}, replay: true });
    const said = built.notes.length > 0 ? ` ${built.notes.join(' ')}` : '';
    SpreadsheetApp.getActiveSpreadsheet().toast(
      `Built from ${built.trackers.length} tracker(s).${said}`,
      'Dashboard refreshed',
      8,
    );
    return built;
  });
}
