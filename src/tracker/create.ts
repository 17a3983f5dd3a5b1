// createTracker: checks the options, then builds the whole tracker under the document lock,
// or removes what it started and leaves the spreadsheet as it was.
import { messageOf } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import { documentProperties, forgetTracker, saveTracker } from '../apps/properties';
import type { TrackerCreated } from '../shared/api';
import { trackerLayout } from './layout';
import { checkTrackerOptions } from './options';
import { ensureRatesSheet } from './rates-sheet';
import { writeTracker } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_NAME_TRIES = 100;

/**
 * A new sheet named after the campaign, or "name (2)", "name (3)"... when taken: an existing sheet
 * is never touched. Sheets refuses a taken name itself, so no lookup precedes each try.
 */
export function insertFreeSheet(
  spreadsheet: Spreadsheet,
  campaignName: string,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; sheetName: string } {
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const sheetName = n === 1 ? campaignName : `${campaignName} (${n})`;
    try {
      return { sheet: spreadsheet.insertSheet(sheetName), sheetName };
    } catch (error) {
      if (!/already exists/i.test(messageOf(error))) throw error;
    }
  }
  throw new Error(
    `There are already ${MAX_NAME_TRIES} sheets named after "${campaignName}"; choose another campaign name.`,
  );
}

/** Sidebar: builds a campaign tracker sheet; checks every option again. */
export function createTracker(input: unknown): TrackerCreated {
  const options = checkTrackerOptions(input);
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const { sheet, sheetName } = insertFreeSheet(spreadsheet, options.campaignName);
    const properties = documentProperties();
    let sheetId: number | undefined;
    let rates: GoogleAppsScript.Spreadsheet.Sheet | undefined;
    try {
      // The Rate columns look it up; Sheets shows #REF! for a sheet that doesn't exist.
      const ensured = ensureRatesSheet(spreadsheet);
      if (ensured.created) rates = ensured.sheet;
      writeTracker(sheet, trackerLayout(options));
      sheetId = sheet.getSheetId();
      saveTracker(properties, { ...options, sheetId, createdAt: new Date().toISOString() });
      sheet.activate();
    } catch (error) {
      undo(spreadsheet, sheet, properties, sheetId);
      if (rates) spreadsheet.deleteSheet(rates);
      throw new Error(
        `The tracker could not be created, so nothing was changed. ${messageOf(error)}`,
      );
    }
    spreadsheet.toast(`Add one row per influencer post in "${sheetName}".`, 'Tracker created', 5);
    return { sheetName };
  });
}

function undo(
  spreadsheet: Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  properties: GoogleAppsScript.Properties.Properties,
  sheetId?: number,
): void {
  spreadsheet.deleteSheet(sheet);
  if (sheetId !== undefined) forgetTracker(properties, sheetId);
}
