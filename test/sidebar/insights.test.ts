// The sidebar's "Insights" panel in headless Chromium against the real server bundle: choose the
// trackers and the team's settings, build the dashboard, read what was left out.
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/sheets-emulator';
import { useSidebarBrowser } from '../harness/browser-bridge';
import { JANE, TOM, TRACKER_FORM } from '../harness/fixtures';

const sidebar = useSidebarBrowser();

function twoTrackers(): Emulator {
  const emulator = createEmulator();
  const script = emulator.load();
  for (const [name, row] of [
    ['Spring launch', JANE],
    ['Summer drop', TOM],
  ] as const) {
    script.call('createTracker', { ...TRACKER_FORM, campaignName: name, startingRows: 5 });
    emulator.type(name, 'A8', [row]);
  }
  return emulator;
}

describe('the Insights panel', () => {
  it('builds the dashboard from the trackers chosen, with the settings changed', async () => {
    const emulator = twoTrackers();
    const { page, calls } = await sidebar.open(emulator, { menu: 'showInsightsSidebar' });
    expect(await page.getByRole('tab', { name: 'Insights' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await expect.poll(() => page.getByLabel('Too early below (orders)').inputValue()).toBe('10');
    expect(await page.getByLabel('Lift window N (days)').inputValue()).toBe('7');
    expect(await page.getByLabel('Signup rate (%)').inputValue()).toBe('');
    // Every tracker is the default; unticking it lets a person choose.
    expect(await page.getByLabel('Spring launch').isDisabled()).toBe(true);
    await page.getByLabel('Every tracker (new ones too)').uncheck();
    await page.getByLabel('Summer drop').uncheck();
    await page.getByLabel('Signup rate (%)').fill('10');
    await page.getByRole('button', { name: 'Build dashboard' }).click();
    await expect
      .poll(() => page.locator('#insights-status').textContent())
      .toBe('"Dashboard" is built from 1 tracker.');
    expect(calls.at(-1)?.args).toEqual([
      { settings: { signupRate: 0.1 }, trackers: ['Spring launch'] },
    ]);
    expect(emulator.sheetNames()).toContain('Dashboard');
    expect(emulator.sheet('Dashboard').values('A5:D5')).toEqual([[10, 20, 7, 0.1]]);
  });

  it('says which trackers were left out, and why', async () => {
    const emulator = twoTrackers();
    const { page } = await sidebar.open(emulator, { menu: 'showInsightsSidebar' });
    await expect.poll(() => page.getByLabel('Summer drop').count()).toBe(1);
    await page.getByLabel('Every tracker (new ones too)').uncheck();
    // A teammate deletes a tracker while the panel is open.
    const spreadsheet = emulator.services.SpreadsheetApp.getActiveSpreadsheet();
    const summer = spreadsheet.getSheetByName('Summer drop');
    if (summer) spreadsheet.deleteSheet(summer);
    await page.getByRole('button', { name: 'Build dashboard' }).click();
    await expect
      .poll(() => page.locator('#insights-result').textContent())
      .toContain(
        '"Summer drop" is no longer in this spreadsheet (renamed or deleted): it is left out.',
      );
    expect(await page.locator('#insights-status').textContent()).toBe(
      '"Dashboard" is built from 1 tracker.',
    );
  });

  it('syncs the Creators sheet and lists the possible duplicates to confirm', async () => {
    const emulator = twoTrackers();
    emulator.type('Summer drop', 'A9', [
      ['@Jane ', 'Instagram'],
      ['jane', ''],
    ]);
    const { page } = await sidebar.open(emulator, { menu: 'showInsightsSidebar' });
    await page.getByRole('button', { name: 'Sync creators' }).click();
    await expect
      .poll(() => page.locator('#creators-status').textContent())
      .toBe('"Creators" lists 3 creators.');
    expect(await page.locator('#creators-result').textContent()).toContain(
      '@jane (Summer drop) has no platform; @jane (Spring launch, Summer drop) is on Instagram',
    );
    expect(emulator.sheetNames()).toContain('Creators');
  });

  it('builds the plan for the budget typed, and refuses an empty budget', async () => {
    const emulator = twoTrackers();
    const { page, calls } = await sidebar.open(emulator, { menu: 'showInsightsSidebar' });
    await page.getByRole('button', { name: 'Build plan' }).click();
    await expect
      .poll(() => page.locator('#plan-error').textContent())
      .toBe('Type the budget: an amount of 0 or more.');
    await page.getByLabel('Budget').fill('1500');
    await page.getByRole('button', { name: 'Build plan' }).click();
    await expect
      .poll(() => page.locator('#plan-status').textContent())
      .toBe('"Plan" has 0 candidates; booked 0.');
    expect(calls.at(-1)?.args).toEqual([{ budget: 1500 }]);
    expect(emulator.sheet('Plan').values('A3')[0][0]).toBe(1500);
  });
});
