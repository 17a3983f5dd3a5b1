// Reads trackers for "Generate codes and links" and writes the planned codes and links: each
// column with one call, whatever the number of rows, and never over a filled cell.
import { InputError } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import {
  documentProperties,
  type IssuedCodes,
  readIssuedCodes,
  readTrackers,
  recordIssuedCodes,
  saveTeamSettings,
} from '../apps/properties';
import type { CodesApplied, CodesPlan, CodesRequest, TeamSettings } from '../shared/api';
import { literal } from '../sheet/literal';
import type { ColumnKey } from '../tracker/columns';
import { readTrackerTable } from '../tracker/read';
import { HEADER_SEARCH_ROWS } from '../tracker/table';
import { planCodesAndLinks, type TrackerRow } from './codes';
import { checkTeamSettings } from './team-settings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface LoadedTracker {
  sheet: Sheet;
  firstRow: number;
  columns: Record<'promoCode' | 'trackingLink', number>;
  rows: TrackerRow[];
  values: unknown[][];
  formulas: string[][];
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function loadTracker(sheet: Sheet): LoadedTracker {
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const top = sheet
    .getRange(1, 1, Math.max(Math.min(HEADER_SEARCH_ROWS, lastRow), 1), lastColumn)
    .getValues();
  const { headerRow, columns } = readTrackerTable(sheet.getName(), top, 'codes');
  const firstRow = headerRow + 1;
  const count = lastRow - headerRow;
  const data = count > 0 ? sheet.getRange(firstRow, 1, count, lastColumn) : undefined;
  const values = data ? data.getValues() : [];
  const formulas = data ? data.getFormulas() : [];
  const at = (row: unknown[], key: ColumnKey) => text(row[(columns[key] ?? 0) - 1]);
  const rows = values.map((row, i) => ({
    row: firstRow + i,
    handle: at(row, 'handle'),
    platform: at(row, 'platform'),
    code: at(row, 'promoCode'),
    link: at(row, 'trackingLink'),
  }));
  const fixed = { promoCode: columns.promoCode ?? 0, trackingLink: columns.trackingLink ?? 0 };
  return { sheet, firstRow, columns: fixed, rows, values, formulas };
}

/** Codes in the other trackers of this spreadsheet, so a new code is unique across all of them. */
function codesElsewhere(
  spreadsheet: Spreadsheet,
  exceptId: number,
  trackerIds: Map<number, unknown>,
): Set<string> {
  const codes = new Set<string>();
  for (const sheet of spreadsheet.getSheets()) {
    const id = sheet.getSheetId();
    if (id === exceptId || !trackerIds.has(id)) continue;
    for (const row of loadTracker(sheet).rows) if (row.code) codes.add(row.code.toUpperCase());
  }
  return codes;
}

interface Planned {
  plan: CodesPlan;
  tracker: LoadedTracker;
  settings: TeamSettings;
  properties: GoogleAppsScript.Properties.Properties;
  /** Every code ever issued in this document, before this plan. */
  issued: IssuedCodes;
}

function plan(request: CodesRequest): Planned {
  const settings = checkTeamSettings(request);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheetName = typeof request.sheetName === 'string' ? request.sheetName : '';
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet)
    throw new InputError(`There is no sheet named "${sheetName}" any more. Pick a tracker again.`);
  const tracker = loadTracker(sheet);
  const properties = documentProperties();
  const trackers = readTrackers(properties);
  const issued = readIssuedCodes(properties);
  const sheetId = sheet.getSheetId();
  const takenCodes = codesElsewhere(spreadsheet, sheetId, trackers);
  const result = planCodesAndLinks({
    sheetName,
    campaign: trackers.get(sheetId)?.campaignName ?? sheetName,
    brandPrefix: settings.brandPrefix,
    codeSuffix: settings.codeSuffix,
    landingPage: settings.landingPage,
    rows: tracker.rows,
    takenCodes,
    issued: issued.digest,
  });
  return { plan: result, tracker, settings, properties, issued };
}

/** Sidebar: what "Generate codes and links" would write, without writing it. */
export function previewCodesAndLinks(request: CodesRequest): CodesPlan {
  return plan(request).plan;
}

/** A cell as it was, in a form setValues writes back unchanged (text stays text, formulas stay). */
function unchanged(value: unknown, formula: string, format: string): unknown {
  if (formula) return formula;
  return typeof value === 'string' ? literal(value, format) : value;
}

/** One column's block from the first to the last planned row; cells not planned are written back as they were. */
function writeColumn(tracker: LoadedTracker, column: number, planned: Map<number, string>): number {
  if (planned.size === 0) return 0;
  const rows = [...planned.keys()];
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const range = tracker.sheet.getRange(first, column, last - first + 1, 1);
  const formats = range.getNumberFormats();
  const cells = formats.map(([format], offset) => {
    const i = first + offset - tracker.firstRow;
    const value = planned.get(first + offset);
    if (value) return [literal(value, format)];
    return [unchanged(tracker.values[i][column - 1], tracker.formulas[i][column - 1], format)];
  });
  range.setValues(cells);
  return planned.size;
}

/**
 * Sidebar: fills empty promo code and tracking link cells of a tracker. The codes are recorded
 * as issued before any cell is written: a store that can't take them leaves the sheet untouched,
 * and a write that fails halfway leaves only recorded codes behind.
 */
export function applyCodesAndLinks(request: CodesRequest): CodesApplied {
  return withDocumentLock(() => {
    const { plan: result, tracker, settings, properties, issued } = plan(request);
    const codes = new Map(
      result.planned.filter((cell) => cell.code).map((cell) => [cell.row, cell.code]),
    );
    const links = new Map(
      result.planned.filter((cell) => cell.link).map((cell) => [cell.row, cell.link]),
    );
    for (const code of codes.values()) issued.digest.add(code);
    recordIssuedCodes(properties, issued);
    saveTeamSettings(properties, settings);
    const codesWritten = writeColumn(tracker, tracker.columns.promoCode, codes);
    const linksWritten = writeColumn(tracker, tracker.columns.trackingLink, links);
    return { ...result, codesWritten, linksWritten };
  });
}
