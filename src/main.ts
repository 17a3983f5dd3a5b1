// Everything Apps Script can call, and nothing else. The build turns each export into a
// top-level function declaration (with its JSDoc) in build/Code.js.

import { type EditEvent, prefillFromRoster } from './creators/handle-prefill';
import { buildPlan as buildPlanSheet } from './creators/plan-sheet';
import { syncCreators as syncRoster } from './creators/roster-sheet';
import { previewImport as planImport, applyImport as runImport } from './import/import-results';
import {
  buildDashboard as buildInsights,
  refreshDashboard as refreshInsights,
} from './insights/dashboard-sheet';
import { buildReport as buildReportSheet } from './report/report-sheet';
import type {
  AddTeammatesRequest,
  AddTeammatesResult,
  CodesApplied,
  CodesPlan,
  CodesRequest,
  CreatorsSynced,
  DashboardBuilt,
  DashboardRequest,
  ImportApplied,
  ImportPreview,
  ImportRequest,
  PlanBuilt,
  PlanRequest,
  ReportBuilt,
  ReportRequest,
  SidebarState,
  TeamList,
  TrackerCreated,
} from './shared/api';
import {
  previewCodesAndLinks as planCodes,
  applyCodesAndLinks as writeCodes,
} from './team/codes-sheet';
import { listTeam as readTeamList, addTeammates as shareWithTeammates } from './team/sharing';
import { createTracker as buildTracker } from './tracker/create';
import { buildMenu, showSidebar } from './ui/menu';
import { getSidebarState as readSidebarState } from './ui/state';

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

/** Menu: the Insights tab, on the plan's budget. */
export function showPlanSidebar(): void {
  showSidebar('plan');
}

/** Menu: the Insights tab, on the report's dates (a report needs a date range). */
export function showReportSidebar(): void {
  showSidebar('report');
}

/** Menu: builds the dashboard again for the same trackers (every tracker the first time). */
export function refreshDashboard(): DashboardBuilt {
  return refreshInsights();
}

/** Sidebar: the trackers in this spreadsheet and the team's shared settings. */
export function getSidebarState(): SidebarState {
  return readSidebarState();
}

/** Sidebar: builds a campaign tracker sheet; checks every option again. */
export function createTracker(options: unknown): TrackerCreated {
  return buildTracker(options);
}

/** Sidebar: the owner, editors and viewers of this spreadsheet. */
export function listTeam(): TeamList {
  return readTeamList();
}

/** Sidebar: shares the spreadsheet with several addresses at once; an invalid list changes nothing. */
export function addTeammates(request: AddTeammatesRequest): AddTeammatesResult {
  return shareWithTeammates(request);
}

/** Sidebar: what "Generate codes and links" would write, without writing it. */
export function previewCodesAndLinks(request: CodesRequest): CodesPlan {
  return planCodes(request);
}

/** Sidebar: fills empty promo code and tracking link cells of a tracker. */
export function applyCodesAndLinks(request: CodesRequest): CodesApplied {
  return writeCodes(request);
}

/** Sidebar: what importing a sales report would change in a tracker, without writing anything. */
export function previewImport(request: ImportRequest): ImportPreview {
  return planImport(request);
}

/** Sidebar: imports a sales report into a tracker (or the daily sales); checks everything again. */
export function applyImport(request: ImportRequest): ImportApplied {
  return runImport(request);
}

/** Sidebar: builds or refreshes the "Dashboard" sheet from the trackers (default: every one). */
export function buildDashboard(request: DashboardRequest): DashboardBuilt {
  return buildInsights(request);
}

/** Sidebar and menu: brings the "Creators" sheet in step with every tracker. */
export function syncCreators(): CreatorsSynced {
  return syncRoster();
}

/** Sidebar: builds or refreshes the "Plan" sheet for a budget; the candidates typed are kept. */
export function buildPlan(request: PlanRequest): PlanBuilt {
  return buildPlanSheet(request);
}

/** Sidebar: builds or replaces the "Report" sheet for posts dated from..to (YYYY-MM-DD). */
export function buildReport(request: ReportRequest): ReportBuilt {
  return buildReportSheet(request);
}
