// The sidebar's entry point: wires the five sections together.
import { setUpCheckPanel } from './check-panel';
import { setUpCodesPanel } from './codes-panel';
import { setUpCreatorsPanel, setUpPlanPanel, setUpReportPanel } from './creators-panel';
import { byId } from './dom';
import { setUpImportPanel } from './import-panel';
import { setUpInsightsPanel } from './insights-panel';
import { setUpRepairForm } from './repair-form';
import { setUpTabs } from './tabs';
import { setUpTeamPanel } from './team-panel';
import { setUpTrackerForm } from './tracker-form';

const PANELS = ['tracker', 'codes', 'import', 'insights', 'team'];
/** Start panels that are a form inside a tab: the tab, and the field to focus. */
const FORMS: Record<string, { tab: string; field: string }> = {
  plan: { tab: 'insights', field: 'plan-budget' },
  report: { tab: 'insights', field: 'report-from' },
  check: { tab: 'team', field: 'check-run' },
};

const codes = setUpCodesPanel();
const imports = setUpImportPanel();
const insights = setUpInsightsPanel();
setUpCreatorsPanel();
setUpPlanPanel();
setUpReportPanel();
const team = setUpTeamPanel();
const check = setUpCheckPanel();
const repair = setUpRepairForm();
setUpTrackerForm(() => {
  repair.trackersChanged();
  codes.trackersChanged();
  imports.trackersChanged();
  insights.trackersChanged();
});
const tabs = setUpTabs(byId('tabs', HTMLElement), (panelId) => {
  if (panelId === 'panel-codes') codes.show();
  if (panelId === 'panel-import') imports.show();
  if (panelId === 'panel-insights') insights.show();
  if (panelId === 'panel-team') team.show();
});

/**
 * The menu item opens the sidebar on one panel: the server appends
 * <div id="start-panel" data-panel="codes"> after the page, so it is parsed after this script.
 */
function openStartPanel(): void {
  const panel = document.getElementById('start-panel')?.getAttribute('data-panel') ?? '';
  if (PANELS.includes(panel)) tabs.show(`panel-${panel}`);
  const form = FORMS[panel];
  if (!form) return;
  tabs.show(`panel-${form.tab}`);
  const field = document.getElementById(form.field);
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
  // The menu's "Check this spreadsheet" runs the check at once; its result shows here.
  if (panel === 'check') check.run();
}

if (document.readyState === 'loading')
  document.addEventListener('DOMContentLoaded', openStartPanel);
else openStartPanel();
