// onOpen runs for every teammate, including one who never authorised the add-on.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { JANE, TRACKER_FORM } from '../harness/fixtures';

describe('the add-on menu', () => {
  it('in AuthMode.NONE builds the menu and touches no other service', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    emulator.calls.reset();
    script.call('onOpen', { authMode: 'NONE' });
    expect(emulator.calls.log.map((call) => call.name.split('.')[0])).toEqual(
      expect.arrayContaining(['SpreadsheetApp', 'Ui', 'Menu']),
    );
    expect([...new Set(emulator.calls.log.map((call) => call.name.split('.')[0]))].sort()).toEqual([
      'Menu',
      'SpreadsheetApp',
      'Ui',
    ]);
    expect(emulator.calls.log.map((call) => call.name)).not.toContain(
      'SpreadsheetApp.getActiveSpreadsheet',
    );
    expect(emulator.menus.at(-1)?.items.map((item) => [item.caption, item.functionName])).toEqual([
      ['Create campaign tracker', 'showTrackerSidebar'],
      ['Repair this tracker', 'repairThisTracker'],
      ['Generate codes and links', 'showCodesSidebar'],
      ['Import results', 'showImportSidebar'],
      ['Build dashboard', 'refreshDashboard'],
      ['Dashboard options', 'showInsightsSidebar'],
      ['Sync creators', 'syncCreators'],
      ['Plan next campaign', 'showPlanSidebar'],
      ['Build report', 'showReportSidebar'],
      ['Share with team', 'showTeamSidebar'],
      ['Check this spreadsheet', 'showCheckSidebar'],
    ]);
  });

  it('onInstall adds the same menu', () => {
    const emulator = createEmulator();
    emulator.load().call('onInstall', { authMode: 'FULL' });
    expect(emulator.menus).toHaveLength(1);
    expect(emulator.menus[0].items).toHaveLength(11);
  });

  it('each item opens the sidebar on its panel', () => {
    const emulator = createEmulator();
    emulator.load().call('showCodesSidebar');
    expect(emulator.sidebar?.title).toBe('Influencer ROI');
    expect(emulator.sidebar?.content).toContain(
      '<div id="start-panel" data-panel="codes" hidden></div>',
    );
    expect(emulator.sidebar?.content).toContain('<script>');
  });

  it('"Check this spreadsheet" opens the sidebar on the check, which runs it', () => {
    const emulator = createEmulator();
    emulator.load().call('showCheckSidebar');
    expect(emulator.sidebar?.content).toContain('<div id="start-panel" data-panel="check" hidden>');
    expect(emulator.sidebar?.content).toContain('id="check-run"');
  });

  it('"Plan next campaign" and "Build report" open the Insights tab on their forms', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    script.call('showPlanSidebar');
    expect(emulator.sidebar?.content).toContain('<div id="start-panel" data-panel="plan" hidden>');
    expect(emulator.sidebar?.content).toContain('id="plan-budget"');
    script.call('showReportSidebar');
    expect(emulator.sidebar?.content).toContain(
      '<div id="start-panel" data-panel="report" hidden>',
    );
    expect(emulator.sidebar?.content).toContain('id="report-from"');
  });

  it('a teammate who never ran the add-on still sees the tracker compute', () => {
    const emulator = createEmulator({ editors: ['va@example.com'] });
    const created = emulator
      .load()
      .call('createTracker', { ...TRACKER_FORM, goalType: 'revenue', goalTarget: 5000 }) as {
      sheetName: string;
    };
    const teammate = emulator.load(emulator.sessionFor('va@example.com'));
    emulator.calls.reset();
    teammate.call('onOpen', { authMode: 'NONE' });
    emulator.type(created.sheetName, 'A8', [JANE], { as: 'va@example.com' });
    expect(emulator.sheet(created.sheetName).values('Z8:AA8')).toEqual([[3, 4]]);
    expect(emulator.sheet(created.sheetName).values('A5')).toEqual([[0.4]]);
    expect(emulator.calls.log.every((call) => !call.name.startsWith('Properties'))).toBe(true);
  });
});
