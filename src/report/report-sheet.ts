// buildReport: checks the range and the trackers before touching anything, then, under the
// document lock, writes the "Report" sheet in place (one sheet, its charts updated, not added),
// reads back its headline figures and those of the previous period of the same length in the
// same trackers (hidden formulas of its own), and writes what changed between them.
import { InputError } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import {
  documentProperties,
  readInsightsJson,
  readReportSheetId,
  readTrackers,
  saveReport,
} from '../apps/properties';
import {
  type Chosen,
  checkTrackerCount,
  checkTrackerNames,
  dailySource,
  everyTracker,
  readSource,
} from '../insights/dashboard-sheet';
import { storedSettings } from '../insights/settings';
import type { TrackerSource } from '../insights/sources';
import type { ReportBuilt, ReportRequest } from '../shared/api';
import { daysOf } from '../sheet/dates';
import { checkFormulaLengths, writeDrawing } from '../sheet/drawing';
import { asText } from '../sheet/literal';
import { ownSheet } from '../sheet/owned';
import { compareReports, HEADLINE_FIGURES, type PeriodFigures } from './report-changes';
import { CHANGE_LINES, type ComparisonBlock, reportLayout } from './report-layout';

export const REPORT_SHEET = 'Report';

/** A real calendar day written "YYYY-MM-DD"; anything else is refused, naming the field. */
function isoDay(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const day = new Date(`${text}T00:00:00Z`);
  // 2025-02-30 parses as 2 March: a real day reads back as itself.
  if (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(day.getTime()) &&
    day.toISOString().startsWith(text)
  )
    return text;
  throw new InputError(`"${field}" must be a date written YYYY-MM-DD, e.g. 2026-05-01.`);
}

interface Checked {
  from: string;
  to: string;
  trackers?: string[];
}

function checkRequest(input: unknown): Checked {
  const request = (input ?? {}) as Partial<ReportRequest>;
  if (typeof request !== 'object' || Array.isArray(request))
    throw new InputError('The report request is not readable.');
  const from = isoDay(request.from, 'From');
  const to = isoDay(request.to, 'To');
  if (from > to) throw new InputError(`"From" (${from}) is after "To" (${to}): swap them.`);
  if (request.trackers === undefined || request.trackers === null) return { from, to };
  const trackers = checkTrackerNames(request.trackers, 'report');
  return { from, to, trackers: trackers.length > 0 ? trackers : undefined };
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trackers named (each must be one), or every tracker, oldest first. */
function chooseTrackers(spreadsheet: Spreadsheet, names: string[] | undefined): Chosen[] {
  const stored = readTrackers(documentProperties());
  if (stored.size === 0)
    throw new InputError('There is no campaign tracker yet: create one (Tracker tab) first.');
  if (!names) return everyTracker(spreadsheet, stored, undefined, []);
  const unknown = names.filter((name) => {
    const sheet = spreadsheet.getSheetByName(name);
    return !sheet || !stored.has(sheet.getSheetId());
  });
  if (unknown.length > 0)
    throw new InputError(
      `Not a campaign tracker: ${unknown.map((n) => `"${n}"`).join(', ')}. Nothing was changed.`,
    );
  return names.map((name) => {
    const sheet = spreadsheet.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
    return { sheet, name, stored: stored.get(sheet.getSheetId()) as Chosen['stored'] };
  });
}

function build(request: Checked): ReportBuilt {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = documentProperties();
  const chosen = chooseTrackers(spreadsheet, request.trackers);
  checkTrackerCount(chosen.length, 'report');
  const notes: string[] = [];
  const dayOf = daysOf(spreadsheet);
  const sources = chosen
    .map((c) => readSource(c, notes, [], dayOf))
    .filter((s): s is TrackerSource => s !== null);
  if (sources.length === 0)
    throw new InputError(`None of the trackers can be reported. ${notes.join(' ')}`);
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const layout = reportLayout({
    sources,
    settings: storedSettings(readInsightsJson(properties)),
    daily: dailySource(spreadsheet, notes),
    period: { from: request.from, to: request.to },
    notes,
    builtAt: Utilities.formatDate(new Date(), zone, 'yyyy-MM-dd HH:mm'),
  });
  checkFormulaLengths(layout, 'report');
  const { sheet, fresh } = ownSheet(spreadsheet, readReportSheetId(properties), REPORT_SHEET);
  writeDrawing(sheet, layout, fresh);
  sheet.setHiddenGridlines(true);

  // The figures are Sheets formulas: let them compute, then compare the two periods.
  SpreadsheetApp.flush();
  const periods = readPeriods(sheet, layout.comparison);
  const base = {
    currency: sources.find((s) => s.currency)?.currency || 'USD',
    trackers: sources.map((s) => s.name),
  };
  const compared = compareReports(
    { ...base, ...layout.comparison.previous, figures: periods.previous },
    { ...base, from: request.from, to: request.to, figures: periods.current },
  );
  const lines = [compared.summary, ...compared.changes.map((change) => change.words)];
  const cells = Array.from({ length: CHANGE_LINES }, (_, i) => [
    i < lines.length ? asText(lines[i]) : '',
  ]);
  sheet.getRange(layout.changesRow, 1, CHANGE_LINES, 1).setValues(cells);
  sheet.activate();
  saveReport(properties, sheet.getSheetId());
  return { sheetName: sheet.getName(), trackers: base.trackers, changes: lines, notes };
}

/** The computed comparison block: the previous period's figures and the report's, by label. */
function readPeriods(sheet: GoogleAppsScript.Spreadsheet.Sheet, block: ComparisonBlock) {
  const [labels, previous, current] = sheet
    .getRange(block.row, block.column, 3, block.columns)
    .getValues();
  const figuresOf = (row: unknown[]) => {
    const figures: PeriodFigures['figures'] = {};
    for (const figure of HEADLINE_FIGURES) {
      const at = labels.indexOf(figure.label);
      if (at >= 0) figures[figure.key] = typeof row[at] === 'number' ? row[at] : null;
    }
    return figures;
  };
  return { previous: figuresOf(previous), current: figuresOf(current) };
}

/** Sidebar: builds or replaces the "Report" sheet for posts dated from..to (YYYY-MM-DD). */
export function buildReport(input: unknown): ReportBuilt {
  const request = checkRequest(input);
  return withDocumentLock(() => build(request));
}
