// The offline preview as a person meets it: the page in headless Chromium, the real sidebar
// opened from the add-on menu, cells typed into the grid, values read off the screen.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPageAssets, buildSidebarShim } from '../../preview/assets';
import type { WorkbookView } from '../../preview/contract';
import { SAMPLE_CAMPAIGN, sampleRows, sampleWorkbook } from '../../preview/sample';
import { type RunningPreview, startPreview } from '../../preview/server';
import { PreviewWorkbook } from '../../preview/workbook';
import { launchBrowser } from '../harness/browser-bridge';
import { JANE } from '../harness/fixtures';

let browser: Browser;
let assets: Awaited<ReturnType<typeof buildPageAssets>>;
let sidebarShim: string;
const running: RunningPreview[] = [];
const pages: Page[] = [];
const problems: string[] = [];

beforeAll(async () => {
  [browser, assets, sidebarShim] = await Promise.all([
    launchBrowser(),
    buildPageAssets(),
    buildSidebarShim(),
  ]);
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
  for (const preview of running.splice(0)) await preview.close();
  // Every test ends with no page error and no request that left the machine.
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

async function open(workbook: () => PreviewWorkbook): Promise<{ page: Page; url: string }> {
  const preview = await startPreview({ port: 0, open: workbook, assets, sidebarShim });
  running.push(preview);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  pages.push(page);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(preview.url)) return route.continue();
    problems.push(`outside request: ${url}`);
    return route.abort();
  });
  await page.goto(preview.url);
  return { page, url: preview.url };
}

/** Wait for conditions, never for fixed times: a busy CI machine may be slow. */
const WAIT = { timeout: 15_000 };
// Each test drives a browser through several edits of a workbook of up to 2.6 MB: on a 2-core
// machine shared with other work, 30 s is not always enough.
vi.setConfig({ testTimeout: 60_000 });

const cell = (page: Page, a1: string) => page.locator(`#grid-scroll [data-a1="${a1}"]`);
const shown = (page: Page, a1: string) => () => cell(page, a1).textContent();

/** Clicks a cell, types as a person does, and waits until the grid shows the result. */
async function typeInto(page: Page, a1: string, input: string | number, expected?: string) {
  await cell(page, a1).click();
  await page.keyboard.type(String(input));
  await page.keyboard.press('Enter');
  if (expected !== undefined) await expect.poll(shown(page, a1), WAIT).toBe(expected);
}

async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#sidebar-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the sidebar frame is not there');
  return frame;
}

describe('the offline preview page', () => {
  it('creates a tracker from the add-on menu, then computes a typed influencer row', async () => {
    const { page } = await open(() => new PreviewWorkbook());
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('button', { name: 'Create campaign tracker' }).click();
    await expect.poll(() => page.locator('#sidebar').isVisible(), WAIT).toBe(true);
    const sidebar = await sidebarFrame(page);
    await sidebar.locator('#campaign-name').fill('Spring launch');
    await sidebar.locator('#goal-target').fill('100');
    await sidebar.getByRole('button', { name: /create tracker/i }).click();

    await expect
      .poll(() => page.locator('#sheet-tabs').getByText('Spring launch').count(), WAIT)
      .toBe(1);
    await page.locator('#sheet-tabs').getByText('Spring launch').click();
    await expect.poll(shown(page, 'A7'), WAIT).toBe('Influencer');

    // The domain brief's Jane: $400 fee + $100 product, $2,000 revenue -> ROI 300%.
    const columns = 'ABCDEFGHIJKLMNOPQR'.split('');
    for (const [i, value] of JANE.entries()) await typeInto(page, `${columns[i]}8`, value);
    await expect.poll(shown(page, 'Z8'), WAIT).toBe('300.0%');
    await expect.poll(shown(page, 'S8'), WAIT).toBe('$500.00');
    // Totals on top follow the row: spend, revenue, ROI and the rows each ratio used; best and
    // worst need two rows with an ROI, so one row names nobody yet.
    expect(await cell(page, 'B4').textContent()).toBe('Spend');
    await expect.poll(shown(page, 'B5'), WAIT).toBe('$500.00');
    await expect.poll(shown(page, 'C5'), WAIT).toBe('$2,000.00');
    await expect.poll(shown(page, 'F5'), WAIT).toBe('300.0%');
    await expect.poll(shown(page, 'H6'), WAIT).toBe('CAC over 1 row');
    await expect.poll(shown(page, 'K5'), WAIT).toBe('');
  });

  it('computes a custom function typed into a cell with the bundle', async () => {
    const { page } = await open(() => new PreviewWorkbook());
    // A percent typed first gives the cell a percent format, which the formula keeps (as in Sheets).
    await typeInto(page, 'B2', '5%', '5%');
    await typeInto(page, 'B2', '=ROI(2000,500)', '300%');
    await cell(page, 'B2').click();
    await expect
      .poll(() => page.locator('#formula-input').inputValue(), WAIT)
      .toBe('=ROI(2000,500)');
    await typeInto(page, 'C2', '=ROI(100,0)', '#ERROR!');
  });

  it('opens on the sample campaign: a filled tracker with notes and generated codes', async () => {
    const { page } = await open(sampleWorkbook);
    await expect.poll(shown(page, 'A8'), WAIT).toBe('@glowwithmaya');
    expect(await page.locator('#sheet-tabs').textContent()).toContain('Glow serum launch');
    // Twelve creators, every one with a generated code.
    await expect.poll(shown(page, 'F19'), WAIT).toMatch(/^GLOW[A-Z0-9]+$/);
    expect(await cell(page, 'A7').getAttribute('title')).toMatch(/handle/i);
  });

  it('refuses what validation refuses, as Sheets does, and warns on protected cells', async () => {
    const { page } = await open(sampleWorkbook);
    await typeInto(page, 'H8', '-5');
    await expect.poll(() => page.locator('#dialog').isVisible(), WAIT).toBe(true);
    expect(await page.locator('#dialog-message').textContent()).toMatch(/H8/);
    await page.locator('#dialog-ok').click();
    await expect.poll(shown(page, 'H8'), WAIT).toBe('$450.00');
    await typeInto(page, 'S8', '1');
    await expect.poll(() => page.locator('#warnings').isVisible(), WAIT).toBe(true);
    expect(await page.locator('#warnings-text').textContent()).toMatch(/protected range/);
  });

  it('picks a platform from the dropdown a validation list gives', async () => {
    const { page } = await open(sampleWorkbook);
    await cell(page, 'B20').dblclick();
    await page.locator('#dropdown-list').getByRole('option', { name: 'YouTube' }).click();
    await expect.poll(shown(page, 'B20'), WAIT).toBe('YouTube');
  });

  it('draws the charts a script put on a sheet', async () => {
    const { page } = await open(() => {
      const workbook = new PreviewWorkbook({
        sheets: [
          {
            name: 'Data',
            values: [
              ['Platform', 'Revenue'],
              ['Instagram', 2000],
              ['TikTok', 1200],
            ],
          },
        ],
      });
      const sheet = workbook.emulator.services.SpreadsheetApp.getActive().getSheetByName('Data');
      if (!sheet) throw new Error('no Data sheet');
      const chart = sheet
        .newChart()
        .setChartType(workbook.emulator.services.Charts.ChartType.COLUMN)
        .addRange(sheet.getRange('A1:B3'))
        .setPosition(2, 4, 0, 0)
        .setOption('title', 'Revenue by platform')
        .build();
      sheet.insertChart(chart);
      return workbook;
    });
    const chart = page.locator('.chart[data-chart-type="COLUMN"]');
    await expect.poll(() => chart.count(), WAIT).toBe(1);
    expect(await chart.locator('canvas').count()).toBe(1);
  });

  it("shows the sample's dashboard and draws its charts", async () => {
    const { page } = await open(sampleWorkbook);
    await page.locator('#sheet-tabs').getByText('Dashboard', { exact: true }).click();
    await expect.poll(shown(page, 'A1'), WAIT).toBe('Dashboard');
    // Headline: spend $5,885.00, ROI (23,740.20 - 5,885) / 5,885.
    await expect.poll(shown(page, 'A9'), WAIT).toBe('$5,885.00');
    expect(await cell(page, 'C9').textContent()).toBe('303.4%');
    expect(await cell(page, 'F13').textContent()).toBe('$26,156.27');
    for (const type of ['COLUMN', 'LINE', 'BAR']) {
      const chart = page.locator(`.chart[data-chart-type="${type}"]`);
      await expect.poll(() => chart.count(), WAIT).toBe(1);
      expect(await chart.locator('canvas').count()).toBe(1);
    }
    expect(
      await page.locator('.chart[data-chart-type="BAR"] canvas').getAttribute('aria-label'),
    ).toBe('ROI by creator');
  });

  it("shows the sample's creators roster, plan and March report", async () => {
    const { page } = await open(sampleWorkbook);
    const tabs = page.locator('#sheet-tabs');
    for (const name of ['Creators', 'Plan', 'Report'])
      await expect.poll(() => tabs.getByText(name, { exact: true }).count(), WAIT).toBe(1);
    await tabs.getByText('Creators', { exact: true }).click();
    await expect.poll(shown(page, 'A2'), WAIT).toBe('@glowwithmaya');
    await tabs.getByText('Plan', { exact: true }).click();
    await expect.poll(shown(page, 'A7'), WAIT).toBe('@glowwithmaya');
    await tabs.getByText('Report', { exact: true }).click();
    await expect.poll(shown(page, 'A1'), WAIT).toBe('Report: 2026-03-01 to 2026-03-31');
    // The nine March posts: fees and product cost 3,400, revenue 13,376.30.
    await expect.poll(shown(page, 'A6'), WAIT).toBe('$3,400.00');
    expect(await cell(page, 'B6').textContent()).toBe('$13,376.30');
  });

  it('builds the dashboard from the add-on menu', async () => {
    const { page } = await open(() => {
      const workbook = new PreviewWorkbook();
      workbook.run('createTracker', [SAMPLE_CAMPAIGN]);
      workbook.emulator.type(SAMPLE_CAMPAIGN.campaignName, 'A8', sampleRows());
      return workbook;
    });
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('button', { name: 'Build dashboard' }).click();
    await expect
      .poll(() => page.locator('#sheet-tabs').getByText('Dashboard', { exact: true }).count(), WAIT)
      .toBe(1);
    await expect.poll(shown(page, 'A1'), WAIT).toBe('Dashboard');
    await expect
      .poll(() => page.locator('#toasts').textContent(), WAIT)
      .toContain('Built from 1 tracker(s).');
    await expect.poll(() => page.locator('.chart').count(), WAIT).toBe(2);
  });
});

/** A tracker with the sample's first three creators: lighter than the whole sample. */
function smallTracker(): PreviewWorkbook {
  const workbook = new PreviewWorkbook();
  workbook.run('createTracker', [SAMPLE_CAMPAIGN]);
  workbook.emulator.type(SAMPLE_CAMPAIGN.campaignName, 'A8', sampleRows().slice(0, 3));
  return workbook;
}

describe('the preview behaves like Sheets', () => {
  it('keeps a dismissed warning dismissed for that sheet and kind, also after a reload', async () => {
    const { page } = await open(smallTracker);
    await expect.poll(shown(page, 'A8'), WAIT).toBe('@glowwithmaya');
    await typeInto(page, 'S8', '1');
    await expect.poll(() => page.locator('#warnings').isVisible(), WAIT).toBe(true);
    await page.getByRole('button', { name: 'Dismiss warning' }).click();
    expect(await page.locator('#warnings').isVisible()).toBe(false);
    // Another edit in the same protected range: the same kind of warning, not shown again.
    await typeInto(page, 'S9', '2', '$2.00');
    expect(await page.locator('#warnings').isVisible()).toBe(false);
    await page.reload();
    await expect.poll(shown(page, 'S9'), WAIT).toBe('$2.00');
    expect(await page.locator('#warnings').isVisible()).toBe(false);
  });

  it("shows a custom function's error message when hovering its #ERROR! cell", async () => {
    const { page } = await open(() => new PreviewWorkbook());
    await typeInto(page, 'C2', '=ROI(100,0)', '#ERROR!');
    expect(await cell(page, 'C2').getAttribute('title')).toMatch(/^Error: ROI: cost is 0/);
    await cell(page, 'C2').hover();
    expect(await cell(page, 'B2').getAttribute('title')).toBeNull();
  });

  it('undoes the last edits with Ctrl+Z, a value typed over a formula included', async () => {
    const { page } = await open(smallTracker);
    await expect.poll(shown(page, 'A8'), WAIT).toBe('@glowwithmaya');
    // S8 is filled by the Total cost column's ARRAYFORMULA in S7; S7 holds it.
    const before = await cell(page, 'S8').textContent();
    const belowBefore = await cell(page, 'S9').textContent();
    expect(belowBefore).toMatch(/^\$/);
    await cell(page, 'S8').click();
    const formula = await page.locator('#formula-input').inputValue();
    await typeInto(page, 'S8', '1', '$1.00');
    // As in Sheets, the value typed in its way breaks the array: the rest of the column empties.
    await expect.poll(shown(page, 'S9'), WAIT).toBe('');
    await typeInto(page, 'A11', '@newcreator', '@newcreator');
    await page.keyboard.press('Control+z');
    await expect.poll(shown(page, 'A11'), WAIT).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(shown(page, 'S8'), WAIT).toBe(before);
    expect(await cell(page, 'S9').textContent()).toBe(belowBefore);
    await cell(page, 'S8').click();
    expect(await page.locator('#formula-input').inputValue()).toBe(formula);
    await cell(page, 'S7').click();
    expect(await page.locator('#formula-input').inputValue()).toMatch(/^=ARRAYFORMULA/);
  });

  it('repaints what an edit moved without reading the workbook again, also across tabs', async () => {
    const { page, url } = await open(smallTracker);
    await expect.poll(shown(page, 'A8'), WAIT).toBe('@glowwithmaya');
    const reads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/workbook') reads.push(request.url());
    });
    // H8 is the fee; S8, the total cost, is computed from it by the column's ARRAYFORMULA.
    const before = await cell(page, 'S8').textContent();
    await typeInto(page, 'H8', '1234', '$1,234.00');
    await expect.poll(shown(page, 'S8'), WAIT).not.toBe(before);
    const server = (await (await fetch(`${url}workbook`)).json()) as WorkbookView;
    const tracker = server.sheets.find((s) => s.name === SAMPLE_CAMPAIGN.campaignName);
    expect(await cell(page, 'S8').textContent()).toBe(tracker?.cells[7][18].display);
    await page.locator('#sheet-tabs').getByText('Sheet1', { exact: true }).click();
    await expect.poll(() => cell(page, 'A8').textContent(), WAIT).toBe('');
    await page.locator('#sheet-tabs').getByText(SAMPLE_CAMPAIGN.campaignName).click();
    await expect.poll(shown(page, 'H8'), WAIT).toBe('$1,234.00');
    expect(reads).toEqual([]);
  });

  it('undo puts text back as text, where retyping it would make a number', async () => {
    const { page } = await open(() => new PreviewWorkbook());
    await typeInto(page, 'A1', "'007", '007');
    await typeInto(page, 'A1', 'x', 'x');
    await page.keyboard.press('Control+z');
    await expect.poll(shown(page, 'A1'), WAIT).toBe('007');
    await cell(page, 'A1').click();
    expect(await page.locator('#formula-input').inputValue()).toBe('007');
  });

  it('grows a sheet: typing below the last row adds it, and "Add 1000 more rows" adds more', async () => {
    let workbook: PreviewWorkbook | undefined;
    const { page } = await open(() => {
      workbook = new PreviewWorkbook();
      workbook.run('createTracker', [{ ...SAMPLE_CAMPAIGN, startingRows: 5 }]);
      return workbook;
    });
    const sheet = () => workbook?.emulator.sheet(SAMPLE_CAMPAIGN.campaignName);
    await expect.poll(shown(page, 'A7'), WAIT).toBe('Influencer');
    const rows = sheet()?.maxRows ?? 0;
    expect(rows).toBeGreaterThan(7);
    const below = `A${rows + 1}`;
    await expect.poll(() => cell(page, below).count(), WAIT).toBe(1);
    await typeInto(page, below, '@newcreator', '@newcreator');
    expect(sheet()?.maxRows).toBe(rows + 1);
    expect(sheet()?.values(below)).toEqual([['@newcreator']]);
    await page.getByRole('button', { name: 'Add 1000 more rows' }).click();
    await expect.poll(() => sheet()?.maxRows, WAIT).toBe(rows + 1001);
    // The grid now reaches the new last row; the button stays under it, as in Sheets.
    await expect
      .poll(() => page.locator('#grid').getAttribute('aria-rowcount'), WAIT)
      .toBe(String(rows + 1002));
    expect(await page.getByRole('button', { name: 'Add 1000 more rows' }).count()).toBe(1);
  });

  it('does not draw the columns a script hid, and the arrow keys step over them', async () => {
    const { page } = await open(() => {
      const workbook = new PreviewWorkbook();
      const sheet = workbook.emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange('A1:C1').setValues([['left', 'working table', 'right']]);
      sheet.hideColumns(2);
      return workbook;
    });
    await expect.poll(shown(page, 'A1'), WAIT).toBe('left');
    expect(await cell(page, 'B1').count()).toBe(0);
    expect(await page.locator('#grid th.col-header').filter({ hasText: /^B$/ }).count()).toBe(0);
    await cell(page, 'A1').click();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#name-box').inputValue()).toBe('C1');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#name-box').inputValue()).toBe('A1');
  });
});
