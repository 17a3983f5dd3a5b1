// The "Create campaign tracker" form in headless Chromium, talking to the real server bundle
// running against the sheet emulator.
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { type SidebarSession, useSidebarBrowser } from '../harness/browser-bridge';

type Emulator = ReturnType<typeof createEmulator>;

const sidebar = useSidebarBrowser();
let emulator: Emulator;
let session: SidebarSession;

beforeEach(async () => {
  emulator = createEmulator();
  session = await sidebar.open(emulator);
});

const status = () => session.page.getByRole('status').filter({ visible: true });
const alert = () => session.page.locator('#tracker-error');
const createButton = () => session.page.getByRole('button', { name: 'Create tracker' });

/** What the failure handler got, as the user should read it (no "Error: " prefix). */
function serverMessage(): string {
  const last = session.calls.at(-1);
  if (!last || last.outcome.ok) throw new Error('the last server call did not fail');
  return last.outcome.message.replace(/^(?:Exception|Error): /, '');
}

describe('creating a tracker', () => {
  it('sends the form, shows progress while the server works, then names the new sheet', async () => {
    const { page } = session;
    await page.getByLabel('Campaign name').fill('Spring glow serum');
    await page.getByLabel('Product or ASIN').fill('B0CX23V2ZK');
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByLabel('Goal', { exact: true }).selectOption('revenue');
    await expect
      .poll(() => page.locator('#goal-target-label').textContent())
      .toBe('Target revenue (EUR)');
    await page.getByLabel('Target revenue (EUR)').fill('5000');
    await page.getByLabel('Other-channel CAC (EUR)').fill('12.5');
    await page.getByLabel('Starting rows').fill('10');

    session.hold();
    await createButton().click();
    await expect
      .poll(() => page.locator('#tracker-status').textContent())
      .toBe('Creating tracker…');
    expect(await createButton().isDisabled()).toBe(true);
    expect(emulator.sheetNames()).not.toContain('Spring glow serum');
    session.release();

    await expect
      .poll(() => page.locator('#tracker-status').textContent())
      .toBe('Created sheet “Spring glow serum”');
    expect(await createButton().isEnabled()).toBe(true);
    expect(await alert().textContent()).toBe('');
    expect(emulator.sheetNames()).toContain('Spring glow serum');
    expect(session.calls.map((call) => call.name)).toEqual(['createTracker']);
    expect(session.calls[0].args).toEqual([
      {
        campaignName: 'Spring glow serum',
        product: 'B0CX23V2ZK',
        currency: 'EUR',
        goalType: 'revenue',
        goalTarget: 5000,
        otherChannelCac: 12.5,
        startingRows: 10,
      },
    ]);
  });

  it('starts with USD, the orders goal and 25 rows', async () => {
    const { page } = session;
    expect(await page.getByLabel('Currency').inputValue()).toBe('USD');
    expect(await page.getByLabel('Goal', { exact: true }).inputValue()).toBe('orders');
    expect(await page.getByLabel('Starting rows').inputValue()).toBe('25');
    expect(await page.locator('#goal-target-label').textContent()).toBe('Target (orders)');
  });

  it('takes an ROI target as a percent and sends it as a fraction', async () => {
    const { page } = session;
    await page.getByLabel('Campaign name').fill('ROI push');
    await page.getByLabel('Goal', { exact: true }).selectOption('roi');
    await page.getByLabel('Target ROI (%)').fill('200');
    await createButton().click();
    await expect.poll(() => status().textContent()).toBe('Created sheet “ROI push”');
    expect(session.calls[0].args[0]).toMatchObject({ goalType: 'roi', goalTarget: 2 });
    expect(emulator.sheetNames()).toContain('ROI push');
  });

  it('a second tracker with the same name gets the free name the server chose', async () => {
    const { page } = session;
    for (const n of [1, 2]) {
      await page.getByLabel('Campaign name').fill('Launch');
      await page.getByLabel('Target (orders)').fill('100');
      await createButton().click();
      await expect.poll(() => session.calls.length).toBe(n);
    }
    const names = session.calls.map(
      (call) => (call.outcome as { value: { sheetName: string } }).value.sheetName,
    );
    expect(names[0]).toBe('Launch');
    expect(names[1]).not.toBe('Launch');
    await expect.poll(() => status().textContent()).toBe(`Created sheet “${names[1]}”`);
    expect(emulator.sheetNames()).toEqual(expect.arrayContaining(names));
  });
});

describe('bad input', () => {
  async function tryCreate(fields: Record<string, string>) {
    const { page } = session;
    await page.getByLabel('Campaign name').fill('Bad input');
    for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
    const before = emulator.sheetNames();
    await createButton().click();
    await expect.poll(() => alert().textContent()).not.toBe('');
    expect(emulator.sheetNames()).toEqual(before);
    expect(await createButton().isEnabled()).toBe(true);
    expect(await page.locator('#tracker-status').textContent()).toBe('');
  }

  it('a negative goal target shows the server’s own message and creates no sheet', async () => {
    await tryCreate({ 'Target (orders)': '-5' });
    const shown = await alert().textContent();
    expect(shown).toBe(serverMessage());
    expect(shown).toMatch(/goal target/i);
    expect(shown).toContain('-5');
    expect(shown).not.toMatch(/^(Error|Exception)/);
    expect(await alert().getAttribute('role')).toBe('alert');
  });

  it('0 starting rows shows the server’s message and creates no sheet', async () => {
    await tryCreate({ 'Target (orders)': '100', 'Starting rows': '0' });
    const shown = await alert().textContent();
    expect(shown).toBe(serverMessage());
    expect(shown).toMatch(/starting rows/i);
    expect(shown).toContain('1000');
  });

  it('an empty goal target is left to the server, which says it is required', async () => {
    await tryCreate({});
    expect(await alert().textContent()).toBe(serverMessage());
    expect(serverMessage()).toBe('The goal target is required.');
  });

  it('a missing campaign name is caught in the page without asking the server', async () => {
    const { page } = session;
    await page.getByLabel('Target (orders)').fill('100');
    await createButton().click();
    await expect
      .poll(() => page.locator('#campaign-name-error').textContent())
      .toBe('Enter a campaign name.');
    expect(await page.getByLabel('Campaign name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('campaign-name');
    expect(session.calls).toEqual([]);
  });
});

describe('text from the user stays text', () => {
  it('a campaign named like an HTML tag shows literally and runs nothing', async () => {
    const { page } = session;
    const name = '<img src=x onerror=alert(1)>';
    await page.getByLabel('Campaign name').fill(name);
    await page.getByLabel('Target (orders)').fill('100');
    await createButton().click();
    await expect.poll(() => session.calls.length).toBe(1);
    const { sheetName } = (session.calls[0].outcome as { value: { sheetName: string } }).value;
    expect(sheetName).toContain('<img');
    await expect.poll(() => status().textContent()).toBe(`Created sheet “${sheetName}”`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#tracker-status').innerHTML()).toContain('&lt;img');
    expect(emulator.sheetNames()).toContain(sheetName);
    await page.waitForTimeout(100);
    expect(session.dialogs).toEqual([]);
  });
});

describe('keyboard', () => {
  const focused = () => session.page.evaluate(() => document.activeElement?.id ?? '');

  it('the whole form can be filled and sent from the keyboard', async () => {
    const { page, calls } = session;
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('tab-tracker');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('campaign-name');
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('product');
    await page.keyboard.type('B0KEYBOARD');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('currency');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('goal-type');
    await page.keyboard.press('ArrowDown'); // orders -> revenue
    expect(await page.locator('#goal-type').inputValue()).toBe('revenue');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('goal-target');
    await page.keyboard.type('2500');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('other-cac');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('starting-rows');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('create-tracker');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // Enter in a field sends the form
    await expect.poll(() => status().textContent()).toBe('Created sheet “Keyboard only”');
    expect(calls[0].args[0]).toMatchObject({
      campaignName: 'Keyboard only',
      product: 'B0KEYBOARD',
      goalType: 'revenue',
      goalTarget: 2500,
      otherChannelCac: null,
      startingRows: 25,
    });
    expect(emulator.sheetNames()).toContain('Keyboard only');
  });

  it('the focused field and button show a focus ring', async () => {
    const { page } = session;
    const ring = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
      });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await ring()).toEqual({ style: 'solid', width: '2px', color: 'rgb(26, 115, 232)' });
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('create-tracker');
    expect(await ring()).toEqual({ style: 'solid', width: '2px', color: 'rgb(26, 115, 232)' });
  });

  it('arrow keys move between the sections, which are a tab list', async () => {
    const { page } = session;
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-codes');
    expect(
      await page.getByRole('tab', { name: 'Codes & links' }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(await page.locator('#panel-codes').isVisible()).toBe(true);
    expect(await page.locator('#panel-tracker').isVisible()).toBe(false);
    await page.keyboard.press('End');
    expect(await focused()).toBe('tab-team');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-tracker');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('tab-team');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('tab-tracker');
    expect(await page.locator('#panel-tracker').isVisible()).toBe(true);
    // One tab stop for the list: Tab goes on into the form.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('campaign-name');
  });
});

describe('the page', () => {
  it('is 300 px wide without scrolling sideways and loads nothing from the network', async () => {
    const { page } = session;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name),
    );
    expect(resources).toEqual([]);
    expect(session.requests).toEqual([]);
    await page.screenshot({ path: '/tmp/sidebar.png', fullPage: true });
  });
});
