// checkSpreadsheet: builds the fixed sample on hidden scratch sheets with the add-on's own
// builders, lets Sheets compute, and compares every figure with the add-on's own arithmetic.
// The scratch sheets go whatever happens; the user's sheets and properties are never touched.
import { withDocumentLock } from '../apps/lock';
import { rateTable } from '../money/money';
import type { CheckMismatch, CheckReportWritten, CheckResult } from '../shared/api';
import { daysOf } from '../sheet/dates';
import { insertFreeSheet } from '../tracker/create';
import { buildDaily, buildDashboardCheck, sampleSettings, sourcesOf } from './dashboard-check';
import { compareSheet, type ReadBack } from './figures';
import { buildPlanCheck } from './plan-check';
import { checkResult, HEADER_ROW, REPORT_NAME, reportRows } from './report';
import { buildReportCheck } from './report-check';
import { buildRosterCheck, sampleRoster } from './roster-check';
import {
  CREATED,
  EARLIER_OPTIONS,
  EARLIER_ROWS,
  SAMPLE_MARGIN,
  SAMPLE_OPTIONS,
  SAMPLE_RATES,
  SAMPLE_ROWS,
  sampleDailySales,
} from './sample';
import { type Built, Scratch } from './scratch';
import { buildRates, buildTracker, type Campaign } from './tracker-check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CAMPAIGNS: readonly Campaign[] = [
  {
    kind: 'Earlier tracker',
    options: EARLIER_OPTIONS,
    rows: EARLIER_ROWS,
    createdAt: CREATED.earlier,
  },
  { kind: 'Tracker', options: SAMPLE_OPTIONS, rows: SAMPLE_ROWS, createdAt: CREATED.main },
];

interface Compared {
  checked: number;
  mismatches: CheckMismatch[];
}

/** Lets Sheets compute, reads each part back (two calls) and compares its figures. */
function computeAndCompare(
  spreadsheet: Spreadsheet,
  parts: readonly Built[],
  into: Compared,
): ReadBack[] {
  SpreadsheetApp.flush();
  const dayOf = daysOf(spreadsheet);
  return parts.map((part) => {
    const range = part.sheet.getRange(1, 1, part.rows, part.columns);
    const read = { values: range.getValues(), formulas: range.getFormulas() };
    into.mismatches.push(...compareSheet(part.kind, part.figures, read, dayOf));
    into.checked += part.figures.length;
    return read;
  });
}

/** Every sheet kind in the order they build on each other: trackers first, then what reads them. */
function runChecks(spreadsheet: Spreadsheet, scratch: Scratch): Compared {
  const compared: Compared = { checked: 0, mismatches: [] };
  buildRates(scratch);
  const days = sampleDailySales();
  const daily = { sheet: buildDaily(scratch, days), rows: days };
  const trackers = CAMPAIGNS.map((campaign) => buildTracker(scratch, campaign));
  scratch.hideAll();
  const read = computeAndCompare(spreadsheet, trackers, compared);
  const campaigns = CAMPAIGNS.map((campaign, i) => ({
    sample: {
      options: campaign.options,
      rows: campaign.rows,
      margin: SAMPLE_MARGIN,
      rates: rateTable(campaign.options.currency, SAMPLE_RATES),
      name: trackers[i].sheet.getName(),
      label: campaign.kind,
      createdAt: campaign.createdAt,
    },
    sheet: trackers[i].sheet,
    values: read[i].values,
  }));
  const input = {
    sources: sourcesOf(campaigns),
    campaigns: campaigns.map((c) => c.sample),
    settings: sampleSettings(),
    daily,
  };
  const history = campaigns.map((c) => ({ name: c.sample.name, values: c.values }));
  const rates = rateTable(SAMPLE_OPTIONS.currency, SAMPLE_RATES);
  const roster = sampleRoster(history, rates, daysOf(spreadsheet));
  const readers = [
    buildDashboardCheck(scratch, input),
    buildReportCheck(scratch, input),
    buildRosterCheck(scratch, roster),
    buildPlanCheck(scratch, roster, rates),
  ];
  scratch.hideAll();
  computeAndCompare(spreadsheet, readers, compared);
  return compared;
}

/** Menu and sidebar: checks that Sheets computes every figure as the add-on's arithmetic does. */
export function checkSpreadsheet(): CheckResult {
  const started = Date.now();
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const scratch = new Scratch(spreadsheet);
    let compared: Compared;
    let sheetsLeft: number;
    try {
      compared = runChecks(spreadsheet, scratch);
    } finally {
      sheetsLeft = scratch.removeAll();
    }
    return { ...compared, sheetsLeft, seconds: (Date.now() - started) / 1000 };
  });
}

/** Sidebar: writes a check's result to a new sheet, to share with the add-on's makers. */
export function writeCheckReport(input: unknown): CheckReportWritten {
  const result = checkResult(input);
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const rows = reportRows(result, {
      when: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm'),
      timeZone,
      locale: spreadsheet.getSpreadsheetLocale(),
    });
    const { sheet, sheetName } = insertFreeSheet(spreadsheet, REPORT_NAME);
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    sheet.getRange(1, 1).setFontWeight('bold');
    sheet.getRange(HEADER_ROW, 1, 1, rows[0].length).setFontWeight('bold');
    sheet.activate();
    return { sheetName };
  });
}
