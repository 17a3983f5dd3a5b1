// "Check this spreadsheet" from the menu, in headless Chromium against the real server bundle.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import type { CheckResult } from '../../src/shared/api';
import { type SidebarSession, useSidebarBrowser } from '../harness/browser-bridge';

const sidebar = useSidebarBrowser();
let session: SidebarSession;

const statusText = () => session.page.locator('#check-status').textContent();
const alertText = () => session.page.locator('#check-error').textContent();

describe('the self-check in the sidebar', () => {
  it('runs from the menu, says every figure agrees, and writes the report to a sheet', async () => {
    const emulator = createEmulator();
    session = await sidebar.open(emulator, { menu: 'showCheckSidebar' });
    await expect.poll(statusText, { timeout: 20_000 }).toMatch(/^All \d+ figures agree/);
    const result = session.calls.find((c) => c.name === 'checkSpreadsheet')?.outcome;
    const checked = result?.ok ? (result.value as CheckResult).checked : 0;
    expect(await statusText()).toBe(
      `All ${checked} figures agree with the add-on's own arithmetic.`,
    );
    await session.page.getByRole('button', { name: 'Write the report to a sheet' }).click();
    await expect.poll(statusText).toBe('The report is on the sheet "ROI self-check report".');
    expect(emulator.sheet('ROI self-check report').values('A3')[0][0]).toBe(
      `All ${checked} figures agree with the add-on's own arithmetic.`,
    );
  });

  it('lists each mismatch with its formula when Sheets computes a figure differently', async () => {
    const emulator = createEmulator({ readings: { VLOOKUP: 'HLOOKUP' } });
    session = await sidebar.open(emulator, { menu: 'showCheckSidebar' });
    await expect.poll(alertText, { timeout: 20_000 }).toMatch(/figures? disagrees? with/);
    const items = session.page.locator('#check-result li');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.first().locator('code').textContent()).toMatch(/VLOOKUP|^=/);
  });
});
