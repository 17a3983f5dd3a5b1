// "Codes & links" in headless Chromium against the real server bundle and the sheet emulator:
// preview, write, duplicates and bad input, as a marketer would use it.
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/sheets-emulator';
import type { CodesPlan } from '../../src/shared/api';
import { columnLetter } from '../../src/sheet/formulas';
import { type ColumnKey, columnNumber } from '../../src/tracker/columns';
import { FIRST_DATA_ROW } from '../../src/tracker/layout';
import { type SidebarSession, useSidebarBrowser } from '../harness/browser-bridge';

const TRACKER = 'Spring launch';
const LANDING = 'https://shop.example.com/serum';

const sidebar = useSidebarBrowser();
let emulator: Emulator;
let session: SidebarSession;

const a1 = (key: ColumnKey, row: number) => `${columnLetter(columnNumber(key))}${row}`;

/** A spreadsheet with one tracker and influencer rows typed in as a person would. */
function trackerWith(rows: { handle: string; platform: string; code?: string }[]): Emulator {
  const sheets = createEmulator();
  sheets.load().call('createTracker', {
    campaignName: TRACKER,
    product: 'Glow serum',
    currency: 'USD',
    goalType: 'orders',
    goalTarget: 100,
    otherChannelCac: null,
    startingRows: 10,
  });
  rows.forEach((row, i) => {
    sheets.type(TRACKER, a1('handle', FIRST_DATA_ROW + i), [[row.handle, row.platform]]);
    if (row.code) sheets.type(TRACKER, a1('promoCode', FIRST_DATA_ROW + i), row.code);
  });
  return sheets;
}

const cellText = (key: ColumnKey, row: number) =>
  String(emulator.sheet(TRACKER).values(a1(key, row))[0][0]);

const statusText = () => session.page.locator('#codes-status').textContent();
const alertText = () => session.page.locator('#codes-error').textContent();

function lastPlan(): CodesPlan {
  const call = session.calls.at(-1);
  if (!call?.outcome.ok) throw new Error('the last server call failed');
  return call.outcome.value as CodesPlan;
}

async function openCodes(sheets: Emulator) {
  emulator = sheets;
  session = await sidebar.open(sheets, { menu: 'showCodesSidebar' });
  await expect.poll(() => session.page.locator('#codes-tracker').inputValue()).not.toBe('');
}

describe('preview, then write', () => {
  it('the menu opens the panel with the tracker chosen and nothing written by a preview', async () => {
    await openCodes(
      trackerWith([
        { handle: '@janedoe', platform: 'Instagram' },
        { handle: '@Bob.Smith', platform: 'TikTok' },
      ]),
    );
    const { page } = session;
    expect(
      await page.getByRole('tab', { name: 'Codes & links' }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(await page.locator('#panel-codes').isVisible()).toBe(true);
    expect(await page.getByLabel('Tracker sheet').inputValue()).toBe(TRACKER);

    await page.getByLabel('Brand prefix').fill('glow');
    await page.getByLabel('Landing page').fill(LANDING);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(statusText)
      .toBe('Ready to write 2 codes and 2 links. Nothing is written until you confirm.');

    const cards = page.locator('#codes-result ol.cards li');
    expect(await cards.allTextContents()).toEqual([
      `Row 8@janedoeCode GLOWJANEDOELink ${LANDING}?utm_source=instagram&utm_medium=influencer&utm_campaign=spring-launch&utm_content=janedoe`,
      `Row 9@Bob.SmithCode GLOWBOBSMITHLink ${LANDING}?utm_source=tiktok&utm_medium=influencer&utm_campaign=spring-launch&utm_content=bob-smith`,
    ]);
    expect(lastPlan().planned.map((cell) => cell.code)).toEqual(['GLOWJANEDOE', 'GLOWBOBSMITH']);
    // A preview writes nothing.
    expect(cellText('promoCode', 8)).toBe('');
    expect(cellText('trackingLink', 8)).toBe('');

    const write = page.getByRole('button', { name: 'Write 2 codes and 2 links' });
    await write.click();
    await expect.poll(statusText).toBe(`Wrote 2 codes and 2 links in “${TRACKER}”`);
    expect(session.calls.map((call) => call.name)).toEqual([
      'getSidebarState',
      'previewCodesAndLinks',
      'applyCodesAndLinks',
    ]);
    expect(cellText('promoCode', 8)).toBe('GLOWJANEDOE');
    expect(cellText('promoCode', 9)).toBe('GLOWBOBSMITH');
    expect(cellText('trackingLink', 8)).toBe(
      `${LANDING}?utm_source=instagram&utm_medium=influencer&utm_campaign=spring-launch&utm_content=janedoe`,
    );
    expect(await write.isVisible()).toBe(false);

    // Everything is filled now: a second preview has nothing to write.
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(statusText)
      .toBe('Nothing to write: every row with a handle already has a code and a link.');
    expect(await page.locator('#codes-apply').isVisible()).toBe(false);
  });

  it('lists codes already duplicated in the tracker and rows it has to skip', async () => {
    await openCodes(
      trackerWith([
        { handle: '@janedoe', platform: 'Instagram', code: 'GLOW10' },
        { handle: '@mia', platform: 'YouTube', code: 'GLOW10' },
        { handle: '🙂🙂', platform: 'Pinterest' },
      ]),
    );
    const { page } = session;
    await page.getByLabel('Brand prefix').fill('GLOW');
    await page.getByLabel('Landing page').fill(LANDING);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => page.locator('#codes-result').textContent())
      .toContain('Already duplicated');
    const plan = lastPlan();
    expect(plan.duplicates).toEqual([{ kind: 'code', value: 'GLOW10', rows: [8, 9] }]);
    expect(await page.locator('#codes-result ul.warn li').allTextContents()).toEqual([
      'Code GLOW10 in rows 8 and 9',
    ]);
    expect(plan.skipped.map((skip) => skip.row)).toEqual([10]);
    expect(await page.locator('#codes-result h3').allTextContents()).toContain('Skipped rows');
    expect(await page.locator('#codes-result').textContent()).toContain(
      `Row 10: ${plan.skipped[0].reason}`,
    );
    const codes = plan.planned.filter((cell) => cell.code).length;
    const links = plan.planned.filter((cell) => cell.link).length;
    const label = `Write ${codes} code${codes === 1 ? '' : 's'} and ${links} link${links === 1 ? '' : 's'}`;
    await page.getByRole('button', { name: label }).click();
    await expect.poll(statusText).toMatch(/^Wrote /);
    expect(await page.locator('#codes-result ul.warn li').allTextContents()).toEqual([
      'Code GLOW10 in rows 8 and 9',
    ]);
    // Filled cells are never overwritten.
    expect(cellText('promoCode', 8)).toBe('GLOW10');
    expect(cellText('promoCode', 9)).toBe('GLOW10');
  });

  it('changing a setting after a preview withdraws the write button', async () => {
    await openCodes(trackerWith([{ handle: '@janedoe', platform: 'Instagram' }]));
    const { page } = session;
    await page.getByLabel('Brand prefix').fill('GLOW');
    await page.getByLabel('Landing page').fill(LANDING);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Write 1 code and 1 link' }).waitFor();
    await page.getByLabel('Brand prefix').fill('SHINE');
    expect(await page.locator('#codes-apply').isVisible()).toBe(false);
    expect(await page.locator('#codes-result').textContent()).toBe('');
  });

  it('explains where Amazon Attribution links come from', async () => {
    await openCodes(trackerWith([]));
    const note = await session.page.locator('#panel-codes aside').textContent();
    expect(note).toContain('Amazon Attribution');
    expect(note).toContain('Amazon Ads console');
    expect(note).toContain('paste');
    expect(note).toContain('duplicate check covers pasted links');
  });
});

describe('bad input', () => {
  it('a brand prefix with symbols shows the server’s message and writes nothing', async () => {
    await openCodes(trackerWith([{ handle: '@janedoe', platform: 'Instagram' }]));
    const { page } = session;
    await page.getByLabel('Brand prefix').fill('GL-OW!');
    await page.getByLabel('Landing page').fill(LANDING);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(alertText).toMatch(/brand prefix/i);
    expect(await alertText()).toContain('GL-OW!');
    expect(await alertText()).not.toMatch(/^(Error|Exception)/);
    expect(await page.locator('#codes-apply').isVisible()).toBe(false);
    expect(cellText('promoCode', 8)).toBe('');
  });

  it('a landing page that is not an http(s) link shows the server’s message', async () => {
    await openCodes(trackerWith([{ handle: '@janedoe', platform: 'Instagram' }]));
    const { page } = session;
    await page.getByLabel('Brand prefix').fill('GLOW');
    await page.getByLabel('Landing page').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(alertText).toMatch(/landing page/i);
    expect(await alertText()).toContain('javascript:alert(1)');
    expect(cellText('trackingLink', 8)).toBe('');
  });

  it('a handle that looks like HTML is shown as text', async () => {
    const handle = '<img src=x onerror=alert(1)>';
    await openCodes(trackerWith([{ handle, platform: 'Instagram' }]));
    const { page } = session;
    await page.getByLabel('Brand prefix').fill('GLOW');
    await page.getByLabel('Landing page').fill(LANDING);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => page.locator('#codes-result .handle').allTextContents())
      .toEqual([handle]);
    expect(await page.locator('img').count()).toBe(0);
  });

  it('with no tracker yet the panel says to create one first', async () => {
    emulator = createEmulator();
    session = await sidebar.open(emulator, { menu: 'showCodesSidebar' });
    await expect
      .poll(statusText)
      .toBe('Create a tracker first (Tracker tab), then come back here.');
    expect(await session.page.getByLabel('Tracker sheet').isDisabled()).toBe(true);
    expect(await session.page.getByRole('button', { name: 'Preview' }).isDisabled()).toBe(true);
  });
});

describe('with the tracker form', () => {
  it('a tracker created in the Tracker tab is offered here right after', async () => {
    emulator = createEmulator();
    session = await sidebar.open(emulator);
    const { page } = session;
    await page.getByRole('tab', { name: 'Codes & links' }).click();
    await expect.poll(statusText).toContain('Create a tracker first');
    await page.getByRole('tab', { name: 'Tracker' }).click();
    await page.getByLabel('Campaign name').fill('Summer drop');
    await page.getByLabel('Target (orders)').fill('50');
    await page.getByRole('button', { name: 'Create tracker' }).click();
    await expect
      .poll(() => page.locator('#tracker-status').textContent())
      .toBe('Created sheet “Summer drop”');
    await page.getByRole('tab', { name: 'Codes & links' }).click();
    await expect.poll(() => page.getByLabel('Tracker sheet').inputValue()).toBe('Summer drop');
    expect(await page.getByLabel('Tracker sheet').isEnabled()).toBe(true);
  });
});

describe('keyboard', () => {
  it('preview and write from the keyboard: Enter previews, Tab reaches Write', async () => {
    await openCodes(trackerWith([{ handle: '@janedoe', platform: 'Instagram' }]));
    const { page } = session;
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.getByRole('tab', { name: 'Codes & links' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('codes-tracker');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('brand-prefix');
    await page.keyboard.type('GLOW');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('code-suffix');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('landing-page');
    await page.keyboard.type(LANDING);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Write 1 code and 1 link' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('codes-preview');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('codes-apply');
    await page.keyboard.press('Enter');
    await expect.poll(statusText).toBe(`Wrote 1 code and 1 link in “${TRACKER}”`);
    expect(await focused()).toBe('codes-preview');
    expect(cellText('promoCode', 8)).toBe('GLOWJANEDOE10');
  });
});
