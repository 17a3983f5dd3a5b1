// onEdit's pre-fill: a handle chosen (or typed) in a tracker's handle cell fills that row's empty
// platform and followers from the Creators sheet. It runs on every edit in the spreadsheet, so
// it leaves as early and cheaply as it can: a multi-cell edit costs no sheet call, another sheet
// one, another column of a tracker two. It never overwrites a cell and never throws.
import { documentProperties, isTracker, readHandleColumns } from '../apps/properties';
import { columnLetter } from '../sheet/formulas';
import { readTrackerTable } from '../tracker/read';
import { normaliseHandle, normalisePlatform } from './identity';
import { ROSTER_COLUMNS } from './roster';
import { CREATORS_SHEET } from './roster-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The parts of the onEdit event used here. */
export interface EditEvent {
  range?: GoogleAppsScript.Spreadsheet.Range;
  /** Only present when a single cell was edited. */
  value?: unknown;
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  authMode?: unknown;
}

const isBlank = (cell: unknown) => cell === '' || cell === null || cell === undefined;
const platformKey = (platform: unknown) => normalisePlatform(String(platform)).toLowerCase();

/** The roster's entries for a handle: platform and followers, one per row. */
function rosterEntries(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  handle: string,
): { platform: unknown; followers: unknown }[] {
  const sheet = spreadsheet.getSheetByName(CREATORS_SHEET);
  if (!sheet) return [];
  const width = Math.max(
    ...['handle', 'platform', 'followers'].map(
      (key) => ROSTER_COLUMNS.findIndex((column) => column.key === key) + 1,
    ),
  );
  const values = sheet.getRange(`A:${columnLetter(width)}`).getValues();
  const header = (values[0] ?? []).map((cell) => String(cell).trim().toLowerCase());
  const at = (key: string) =>
    header.indexOf(
      (ROSTER_COLUMNS.find((column) => column.key === key)?.header ?? '').toLowerCase(),
    );
  const [h, p, f] = [at('handle'), at('platform'), at('followers')];
  if (h < 0 || p < 0 || f < 0) return [];
  return values
    .slice(1)
    .filter((row) => normaliseHandle(String(row[h])) === handle)
    .map((row) => ({ platform: row[p], followers: row[f] }));
}

function prefill(e: EditEvent): void {
  const range = e.range;
  if (!range || typeof e.value !== 'string' || String(e.authMode) === 'NONE') return;
  const handle = normaliseHandle(e.value);
  if (!handle) return;
  const properties = documentProperties();
  const handles = readHandleColumns(properties);
  const sheet: Sheet = range.getSheet();
  const sheetId = sheet.getSheetId();
  const spot = handles[String(sheetId)];
  if (!spot || !isTracker(properties, sheetId)) return;
  const cell = /^([A-Z]+)(\d+)$/.exec(range.getA1Notation());
  if (!cell) return;
  const row = Number(cell[2]);
  if (row <= spot.headerRow || cell[1] !== columnLetter(spot.column)) return;

  // Columns may have moved since the sync: the header row says where they are now.
  const header = sheet.getRange(`${spot.headerRow}:${spot.headerRow}`).getValues();
  const { columns } = readTrackerTable(sheet.getName(), header, 'prefill');
  if (columns.handle !== spot.column) return;
  const platformAt = columns.platform as number;
  const followersAt = columns.followers as number;
  const cells = sheet.getRange(`${row}:${row}`).getValues()[0];
  const platform = cells[platformAt - 1];
  const followers = cells[followersAt - 1];
  if (!isBlank(platform) && !isBlank(followers)) return;

  const entries = rosterEntries(e.source ?? SpreadsheetApp.getActiveSpreadsheet(), handle).filter(
    (entry) => isBlank(platform) || platformKey(entry.platform) === platformKey(platform),
  );
  // The same handle on several platforms and no platform typed: don't guess.
  if (entries.length !== 1) return;
  const found = entries[0];
  const fills = new Map<number, unknown>();
  if (isBlank(platform) && !isBlank(found.platform)) fills.set(platformAt, found.platform);
  if (isBlank(followers) && !isBlank(found.followers)) fills.set(followersAt, found.followers);
  if (fills.size === 2 && followersAt === platformAt + 1) {
    sheet.getRange(row, platformAt, 1, 2).setValues([[found.platform, found.followers]]);
    return;
  }
  for (const [column, value] of fills) sheet.getRange(row, column).setValue(value);
}

/** onEdit: pre-fills from the roster; an error never reaches the person typing. */
export function prefillFromRoster(e: EditEvent | undefined): void {
  try {
    if (e) prefill(e);
  } catch {
    // A simple trigger has nowhere to show an error; the edit itself already happened.
  }
}
