// Everything Apps Script can call, and nothing else. The build turns each export into a
// top-level function declaration (with the JSDoc of its source) in build/Code.js. Each entry
// point is exported under the one name Apps Script and the sidebar use.

import { type EditEvent, prefillFromRoster } from './creators/handle-prefill';
import type { ServerApi } from './shared/api';
import { repairActiveTracker } from './tracker/repair';
import { buildMenu, showSidebar } from './ui/menu';

// What the sidebar calls (google.script.run), declared in src/shared/api.ts as ServerApi.
export { checkSpreadsheet, writeCheckReport } from './check/check-sheet';
export { buildPlan } from './creators/plan-sheet';
export { syncCreators } from './creators/roster-sheet';
// The custom functions; Code.js declares them in the order of catalog.ts.
export {
  AOV,
  AWARENESS_VALUE,
  BRAND_REFERRAL_BONUS,
  CAC,
  CONVERSION_RATE,
  CPC,
  CPE,
  CPM,
  EMV,
  ENGAGEMENT_BENCHMARK,
  ENGAGEMENT_RATE,
  INFLUENCER_TIER,
  LTV,
  ROAS,
  ROI,
  UTM_LINK,
} from './functions/catalog';
export { importColumns } from './import/file-columns';
export { applyImport, previewImport } from './import/import-results';
export { buildDashboard, refreshDashboard } from './insights/dashboard-sheet';
export { buildReport } from './report/report-sheet';
export { applyCodesAndLinks, previewCodesAndLinks } from './team/codes-sheet';
export { addTeammates, listTeam } from './team/sharing';
export { createTracker } from './tracker/create';
export { repairTracker } from './tracker/repair';
export { getSidebarState } from './ui/state';

/**
 * Compile-time only: main.ts exports every ServerApi method under its name, in a shape the
 * sidebar may call. A missing or drifted entry point fails typecheck and the build.
 */
type Implements<Api, Exported extends Api> = Exported;
export type ServerApiCheck = Implements<ServerApi, Pick<typeof import('./main'), keyof ServerApi>>;

/** Adds the add-on menu; in AuthMode.NONE it must touch nothing else. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

/**
 * Simple trigger on every edit: a known creator chosen in a tracker's handle cell fills that
 * row's empty platform and followers from the Creators sheet. Anything else returns at once.
 */
export function onEdit(e?: EditEvent): void {
  prefillFromRoster(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showTrackerSidebar(): void {
  showSidebar('tracker');
}

/** Menu: "Repair this tracker" on the sheet in front of the person; a toast says what it did. */
export function repairThisTracker(): void {
  repairActiveTracker();
}

export function showCodesSidebar(): void {
  showSidebar('codes');
}

export function showTeamSidebar(): void {
  showSidebar('team');
}

export function showImportSidebar(): void {
  showSidebar('import');
}

export function showInsightsSidebar(): void {
  showSidebar('insights');
}

/** Menu: the self-check, its result in the sidebar. */
export function showCheckSidebar(): void {
  showSidebar('check');
}

/** Menu: the Insights tab, on the plan's budget. */
export function showPlanSidebar(): void {
  showSidebar('plan');
}

/** Menu: the Insights tab, on the report's dates (a report needs a date range). */
export function showReportSidebar(): void {
  showSidebar('report');
}
