// checkSpreadsheet: builds the fixed sample on hidden scratch sheets with the add-on's own
// builders, lets Sheets compute, and compares every figure with the add-on's own arithmetic.
// The scratch sheets go whatever happens; the user's sheets and properties are never touched.
import { withDocumentLock } from '../apps/lock';
import type { CheckMismatch, CheckReportWritten, CheckResult } from '../shared/api';
import { daysOf } from '../sheet/dates';
import { insertFreeSheet } from '../tracker/create';
import { compareSheet } from './figures';
import { checkResult, HEADER_ROW, REPORT_NAME, reportRows } from './report';
import { Scratch } from './scratch';
import { type Built, buildTracker } from './tracker-check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Each sheet kind the add-on writes, built from the sample. */
const BUILDERS: ((scratch: Scratch) => Built)[] = [buildTracker];

function compareAll(spreadsheet: Spreadsheet, built: readonly Built[]) {
  const dayOf = daysOf(spreadsheet);
  const mismatches: CheckMismatch[] = [];
  let checked = 0;
  for (const part of built) {
    const range = part.sheet.getRange(1, 1, part.rows, part.columns);
    const read = { values: range.getValues(), formulas: range.getFormulas() };
    mismatches.push(...compareSheet(part.kind, part.figures, read, dayOf));
    checked += part.figures.length;
  }
  return { checked, mismatches };
}

/** Menu and sidebar: checks that Sheets computes every figure as the add-on's arithmetic does. */
export function checkSpreadsheet(): CheckResult {
  const started = Date.now();
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const active = spreadsheet.getActiveSheet();
    const scratch = new Scratch(spreadsheet);
    let compared: { checked: number; mismatches: CheckMismatch[] };
    let sheetsLeft: number;
    try {
      const built = BUILDERS.map((build) => build(scratch));
      scratch.hideAll();
      SpreadsheetApp.flush();
      compared = compareAll(spreadsheet, built);
    } finally {
      sheetsLeft = scratch.removeAll();
      active.activate();
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
