// The add-on menu. onOpen may run in AuthMode.NONE (a teammate who never authorised the
// add-on): then it may only build the menu, so it touches no other service.

/** A tab, or a form inside one ('plan' and 'report' are in the Insights tab, 'check' in Team). */
export type Panel =
  | 'tracker'
  | 'codes'
  | 'import'
  | 'insights'
  | 'plan'
  | 'report'
  | 'team'
  | 'check';

export const MENU_ITEMS: readonly { caption: string; functionName: string }[] = [
  { caption: 'Create campaign tracker', functionName: 'showTrackerSidebar' },
  { caption: 'Repair this tracker', functionName: 'repairThisTracker' },
  { caption: 'Generate codes and links', functionName: 'showCodesSidebar' },
  { caption: 'Import results', functionName: 'showImportSidebar' },
  { caption: 'Build dashboard', functionName: 'refreshDashboard' },
  { caption: 'Dashboard options', functionName: 'showInsightsSidebar' },
  { caption: 'Sync creators', functionName: 'syncCreators' },
  { caption: 'Plan next campaign', functionName: 'showPlanSidebar' },
  { caption: 'Build report', functionName: 'showReportSidebar' },
  { caption: 'Share with team', functionName: 'showTeamSidebar' },
  { caption: 'Check this spreadsheet', functionName: 'showCheckSidebar' },
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/** Opens the sidebar on one panel; the page reads the panel from the marker appended here. */
export function showSidebar(panel: Panel): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar')
    .setTitle('Influencer ROI')
    .append(`<div id="start-panel" data-panel="${panel}" hidden></div>`);
  SpreadsheetApp.getUi().showSidebar(html);
}
