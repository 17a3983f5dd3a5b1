// What the sidebar needs when it opens: the trackers in this spreadsheet, the other tabs (an
// import may read one) and the team settings.
import {
  documentProperties,
  readImportSettings,
  readInsightsJson,
  readTeamSettings,
  readTrackers,
} from '../apps/properties';
import { DAILY_SALES_SHEET } from '../import/import-sheets';
import { DASHBOARD_SHEET } from '../insights/dashboard-sheet';
import { storedSettings } from '../insights/settings';
import type { SidebarState } from '../shared/api';

/** Sidebar: the trackers in this spreadsheet and the team's shared settings. */
export function getSidebarState(): SidebarState {
  const properties = documentProperties();
  const stored = readTrackers(properties);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const trackers: string[] = [];
  const tabs: string[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (stored.has(sheet.getSheetId())) trackers.push(name);
    else if (name !== DAILY_SALES_SHEET && name !== DASHBOARD_SHEET && !sheet.isSheetHidden())
      tabs.push(name);
  }
  const active = spreadsheet.getActiveSheet().getName();
  return {
    trackers,
    activeTracker: trackers.includes(active) ? active : null,
    team: readTeamSettings(properties),
    tabs,
    bonusRate: readImportSettings(properties).bonusRate,
    insights: storedSettings(readInsightsJson(properties)),
  };
}
