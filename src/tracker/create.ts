// createTracker: checks the options, then builds the whole tracker under the document lock,
// or removes what it started and leaves the spreadsheet as it was.
import { messageOf } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import { documentProperties, forgetTracker, saveTracker } from '../apps/properties';
import type { TrackerCreated } from '../shared/api';
import { trackerLayout } from './layout';
import { checkTrackerOptions } from './options';
import { writeTracker } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_NAME_TRIES = 100;

/** The campaign name, or "name (2)", "name (3)"... when taken: an existing sheet is never touched. */
export function freeSheetName(spreadsheet: Spreadsheet, campaignName: string): string {
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const name = n === 1 ? campaignName : `${campaignName} (${n})`;
    if (!spreadsheet.getSheetByName(name)) return name;
  }
  throw new Error(
    `There are already ${MAX_NAME_TRIES} sheets named after "${campaignName}"; choose another campaign name.`,
  );
}

export function createTracker(input: unknown): TrackerCreated {
  const options = checkTrackerOptions(input);
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const sheetName = freeSheetName(spreadsheet, options.campaignName);
    const sheet = spreadsheet.insertSheet(sheetName);
    const properties = documentProperties();
    let sheetId: number | undefined;
    try {
      writeTracker(sheet, trackerLayout(options));
      sheetId = sheet.getSheetId();
      saveTracker(properties, { ...options, sheetId, createdAt: new Date().toISOString() });
      sheet.activate();
    } catch (error) {
      undo(spreadsheet, sheet, properties, sheetId);
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
