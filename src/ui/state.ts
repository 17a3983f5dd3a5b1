// What the sidebar needs when it opens: the trackers in this spreadsheet and the team settings.
import type { SidebarState } from '../shared/api';
import { documentProperties, readTeamSettings, readTrackers } from '../tracker/settings';

export function getSidebarState(): SidebarState {
  const properties = documentProperties();
  const stored = readTrackers(properties);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const trackers = spreadsheet
    .getSheets()
    .filter((sheet) => stored.has(sheet.getSheetId()))
    .map((sheet) => sheet.getName());
  const active = spreadsheet.getActiveSheet().getName();
  return {
    trackers,
    activeTracker: trackers.includes(active) ? active : null,
    team: readTeamSettings(properties),
  };
}
