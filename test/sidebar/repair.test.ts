// "Repair a tracker" in the Tracker tab, in headless Chromium against the real server bundle and
// the sheet emulator: opening it loads the trackers, the button repairs and says what it did.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { useSidebarBrowser } from '../harness/browser-bridge';
import { TRACKER_FORM } from '../harness/fixtures';

const sidebar = useSidebarBrowser();
const NAME = TRACKER_FORM.campaignName;

describe('repair a tracker from the sidebar', () => {
  it('loads the trackers only when opened, repairs the chosen one and lists what it put back', async () => {
    const emulator = createEmulator();
    emulator.load().call('createTracker', { ...TRACKER_FORM, startingRows: 5 });
    emulator.type(NAME, 'A8', [['@jane', 'Instagram', 15000]]);
    emulator.type(NAME, 'S8', [[999]]);
    const session = await sidebar.open(emulator);
    const { page } = session;
    expect(session.calls).toEqual([]);

    await page.getByText('Repair a tracker').click();
    await expect.poll(() => page.locator('#repair-tracker').inputValue()).toBe(NAME);
    await page.getByRole('button', { name: 'Repair tracker' }).click();
    await expect
      .poll(() => page.locator('#repair-status').textContent())
      .toBe(`Repaired “${NAME}”: typed 999 at S8: moved into its note.`);
    expect(session.calls.map((call) => call.name)).toEqual(['getSidebarState', 'repairTracker']);
    expect(emulator.sheet(NAME).values('S7')).toEqual([['Total cost']]);
    expect(emulator.sheet(NAME).notes('S8')[0][0]).toMatch(/^typed 999 on \d{4}-\d{2}-\d{2}$/);

    await page.getByRole('button', { name: 'Repair tracker' }).click();
    await expect
      .poll(() => page.locator('#repair-status').textContent())
      .toBe(`“${NAME}” needed no repair.`);
    expect(await page.locator('#repair-error').textContent()).toBe('');
  });
});
