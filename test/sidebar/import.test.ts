// "Import results" in headless Chromium against the real server bundle and the sheet emulator:
// pick or drop a CSV file, see what was found and the preview, apply, see the tracker change.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/sheets-emulator';
import { type SidebarSession, useSidebarBrowser } from '../harness/browser-bridge';
import { TRACKER_FORM } from '../harness/fixtures';
import { cents, fixture } from '../import/helpers';

const TRACKER = 'Spring launch';
const sidebar = useSidebarBrowser();
let emulator: Emulator;
let session: SidebarSession;

/** A tracker with three influencers typed in (handle, platform, ..., promo code). */
function trackerWith(sheets = createEmulator()): Emulator {
  sheets.load().call('createTracker', { ...TRACKER_FORM, startingRows: 5 });
  sheets.type(TRACKER, 'A8', [
    ['@jane', 'Instagram', '', '', '', 'JANE10'],
    ['@tom', 'TikTok', '', '', '', 'TOM5'],
    ['@bo', 'YouTube', '', '', '', 'BO15'],
  ]);
  return sheets;
}

const statusText = () => session.page.locator('#import-status').textContent();
const alertText = () => session.page.locator('#import-error').textContent();
const cell = (a1: string) => emulator.sheet(TRACKER).values(a1)[0][0];

async function openImport(sheets: Emulator) {
  emulator = sheets;
  session = await sidebar.open(sheets, { menu: 'showImportSidebar' });
  await expect.poll(() => session.page.locator('#import-tracker').inputValue()).toBe(TRACKER);
}

function csvFile(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

describe('import a file', () => {
  it('picks a CSV file, shows what was found and the preview, applies it, and the tracker shows the numbers', async () => {
    await openImport(trackerWith());
    const { page } = session;
    expect(await page.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(csvFile('orders_export.csv', fixture('shopify-orders.csv')));
    await expect
      .poll(statusText)
      .toBe(
        'Found Shopify orders: 2 rows of the tracker change. Nothing is written until you apply.',
      );

    const found = await page.locator('#import-found dl.found').textContent();
    expect(found).toContain('Shopify orders');
    expect(found).toContain('orders_export.csv');
    expect(found).toContain('2025-03-14 to 2025-03-17');
    expect(found).toContain('USD');
    expect(found).toContain('"Subtotal" less "Refunded Amount"');
    expect(await page.getByLabel('Promo code').inputValue()).toBe('Discount Code');
    // JANE10: 90.00 + 45.50; TOM5: 120.00 - 20.00 + 64.99.
    const cards = await page.locator('#import-found ol.cards li').allInnerTexts();
    expect(cards).toHaveLength(2);
    expect(cards[0]).toMatch(/^Row 8\s*@jane/);
    expect(cards[0]).toContain('Orders empty → 2');
    expect(cards[0]).toContain('Revenue empty → 135.50');
    expect(cards[1]).toContain('Revenue empty → 164.99');
    expect(cards[0]).toContain('First order date empty → 2025-03-14');
    const lists = await page.locator('#import-found ul li').allInnerTexts();
    expect(lists).toContain('LEAKED20 (promo code) 1 order, 25.00');
    expect(lists).toContain('@bo (row 10)');
    expect(cell('Q8')).toBe('');

    await page.getByRole('button', { name: 'Apply 8 changes' }).click();
    await expect.poll(statusText).toBe(`Imported Shopify orders: 8 cells in “${TRACKER}”.`);
    expect(session.calls.map((call) => call.name)).toEqual([
      'getSidebarState',
      'importColumns',
      'previewImport',
      'applyImport',
    ]);
    expect([cell('P8'), cell('Q8'), cell('P9'), cell('Q9')]).toEqual([
      2,
      cents(90, 45.5),
      2,
      cents(120, -20, 64.99),
    ]);
    expect(String(cell('AC8'))).toMatch(/^Shopify orders, \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.locator('#import-apply').isVisible()).toBe(false);

    // The same file again changes nothing, and the panel says so.
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(statusText).toBe('Already imported: applying it again would change nothing.');
    expect(await page.locator('#import-apply').isVisible()).toBe(false);
  });

  it('a big file is read in slices with its progress shown, and only its needed columns are sent', async () => {
    await openImport(trackerWith());
    const { page } = session;
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      const status = document.getElementById('import-status') as HTMLElement;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    // 3,000 orders of 10.00, one line item each: 6,000 lines, about 1.3 MB (two 1 MB slices).
    const lines = ['Name,Financial Status,Subtotal,Discount Code,Created at,Lineitem name,Notes'];
    for (let n = 0; n < 3000; n++) {
      const code = n % 2 ? 'JANE10' : 'TOM5';
      lines.push(
        `#${n},paid,10.00,${code},2025-03-14 10:00:00 -0400,Glow Serum,"${'n'.repeat(350)}"`,
      );
      lines.push(`#${n},,,,,Glow Mask,`);
    }
    const text = `${lines.join('\n')}\n`;
    const size = Buffer.byteLength(text);
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(csvFile('big_orders.csv', text));
    await expect.poll(statusText, { timeout: 20_000 }).toMatch(/^Found Shopify orders: 2 rows/);
    const progress = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    const percents = progress
      .map((text) => /^Reading “big_orders\.csv”: (\d+)%$/.exec(text)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(percents).toEqual([Math.round((100 * 1024 * 1024) / size), 100]);
    const cards = await page.locator('#import-found ol.cards li').allInnerTexts();
    expect(cards[0]).toContain('Orders empty → 1,500');
    expect(cards[0]).toContain('Revenue empty → 15,000.00');
    // The notes and line item names stay in the page: each line sends its needed columns.
    const sent = session.calls.find((call) => call.name === 'previewImport')?.args[0];
    const { records } = sent as { records: string };
    const rows: string[][] = JSON.parse(gunzipSync(Buffer.from(records, 'base64')).toString());
    expect(rows).toHaveLength(6000);
    expect(rows[1]).toEqual(['#0', '', '', '', '']);
    expect(JSON.stringify(rows)).not.toMatch(/Glow|nnn/);
  });

  it('a file dropped on the panel is read like a picked one', async () => {
    await openImport(trackerWith());
    const { page } = session;
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return data;
    }, fixture('shopify-orders.csv'));
    await page.dispatchEvent('#panel-import', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('#panel-import', 'drop', { dataTransfer: transfer });
    await expect.poll(statusText).toMatch(/^Found Shopify orders/);
    expect(await page.locator('#import-found dl.found').textContent()).toContain('dropped.csv');
  });

  it('a column the server could not find is chosen in the panel, and the preview follows', async () => {
    await openImport(trackerWith());
    const { page } = session;
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(csvFile('creators.csv', 'Creator,Sales\nJANE10,$50.00\n'));
    await expect.poll(alertText).toMatch(/^No column to match influencers by/);
    expect(await page.locator('#import-apply').isVisible()).toBe(false);
    await page.getByLabel('Promo code').selectOption('Creator');
    await expect.poll(statusText).toMatch(/^Found CSV: 1 row of the tracker change/);
    await page.getByLabel('Revenue', { exact: true }).selectOption('Sales');
    await expect
      .poll(() => page.locator('#import-found ol.cards li').first().textContent())
      .toContain('Revenue empty → 50.00');
    expect(session.calls.at(-1)?.args[0]).toMatchObject({
      mapping: { code: 'Creator', revenue: 'Sales' },
    });
  });

  it('dates like 03/04/25 ask which order they are in', async () => {
    await openImport(trackerWith());
    const { page } = session;
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(
        csvFile('business.csv', 'Date,Ordered Product Sales,Units Ordered\n03/04/25,$10.00,1\n'),
      );
    await expect.poll(alertText).toMatch(/could be month\/day\/year or day\/month\/year/);
    await page.getByLabel('Dates like 03/04/25 are').selectOption('dmy');
    await expect.poll(statusText).toMatch(/^Found Amazon Business Report by date/);
    await page.getByRole('button', { name: 'Apply 1 day' }).click();
    await expect
      .poll(statusText)
      .toBe('Imported Amazon Business Report by date: 1 day in “Daily sales”.');
    expect(emulator.sheet('Daily sales').values('A2:C2')).toEqual([['2025-04-03', 1, 10]]);
  });

  it('a second store with the same order names asks which store, and applies once named', async () => {
    const sheets = trackerWith();
    sheets.load().call('applyImport', {
      sheetName: TRACKER,
      csv: fixture('store-a-orders.csv'),
      fileName: 'orders_export.csv',
    });
    await openImport(sheets);
    const { page } = session;
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(csvFile('orders_export.csv', fixture('store-b-orders.csv')));
    await expect.poll(alertText).toMatch(/^Orders #1001-#1006 \(4 orders\) are already imported/);
    expect(await page.locator('#import-apply').isVisible()).toBe(false);
    // The rest of the preview is there beside the question.
    expect(await page.locator('#import-found dl.found').textContent()).toContain('EUR');
    await page.getByLabel('Another store, named').check();
    await page.getByLabel('Name of the other store').fill('EU shop');
    await page.getByRole('button', { name: 'Use this answer' }).click();
    await expect.poll(statusText).toMatch(/^Found Shopify orders: 2 rows of the tracker change/);
    await page.locator('#import-apply').click();
    await expect.poll(statusText).toMatch(/^Imported Shopify orders/);
    expect(session.calls.at(-1)?.args[0]).toMatchObject({ store: 'EU shop' });
    // JANE10: store A 50.00 + 30.00, store B 70.00 + 35.00 + 45.00 + 22.00.
    expect(cell('Q8')).toBe(cents(50, 30, 70, 35, 45, 22));
  });

  it('numeric statuses are listed and must be chosen before Apply', async () => {
    await openImport(trackerWith());
    const { page } = session;
    const csv = 'Promo code,Status,Revenue\nJANE10,1,10.00\nJANE10,2,20.00\nTOM5,1,5.00\n';
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csvFile('network.csv', csv));
    await expect.poll(alertText).toBe('Choose whether each status marked “Choose…” counts.');
    expect(await page.locator('#import-found fieldset.statuses label').allInnerTexts()).toEqual([
      '1 2 rows, 15.00',
      '2 1 row, 20.00',
    ]);
    await page.locator('#import-status-0').selectOption('yes');
    await expect.poll(() => page.locator('#import-status-0').inputValue()).toBe('yes');
    await page.locator('#import-status-1').selectOption('no');
    await expect.poll(statusText).toMatch(/^Found CSV: 2 rows of the tracker change/);
    await page.locator('#import-apply').click();
    await expect.poll(statusText).toMatch(/^Imported CSV/);
    expect([cell('P8'), cell('Q8'), cell('Q9')]).toEqual([1, 10, 5]);
  });

  it('a renamed spreadsheet gets one clear message, and nothing can be applied', async () => {
    await openImport(trackerWith());
    const { page } = session;
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
    });
    await expect.poll(alertText).toMatch(/isn't a CSV export/);
    expect(await alertText()).not.toMatch(/^(Error|Exception)/);
    expect(await page.locator('#import-apply').isVisible()).toBe(false);
  });

  it('codes that look like formulas or markup are shown as text', async () => {
    await openImport(trackerWith());
    const { page } = session;
    const csv = 'Promo code,Orders,Revenue\n=1+2,1,5\n<img src=x onerror=alert(1)>,1,5\n';
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csvFile('codes.csv', csv));
    await expect
      .poll(() => page.locator('#import-found ul.warn li code').allTextContents())
      .toEqual(['=1+2', '<img src=x onerror=alert(1)>']);
    expect(await page.locator('img').count()).toBe(0);
  });
});

describe('import a tab', () => {
  it('a tab where an export was pasted is offered and previewed', async () => {
    const rows = fixture('shopify-orders.csv')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    await openImport(trackerWith(createEmulator({ sheets: [{ name: 'Pasted', values: rows }] })));
    const { page } = session;
    await page.getByLabel('A tab of this spreadsheet').check();
    expect(await page.getByLabel('CSV file', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByLabel('Tab with the report').inputValue()).toBe('Pasted');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(statusText).toMatch(/^Found Shopify orders: 2 rows/);
    await page.getByRole('button', { name: 'Apply 8 changes' }).click();
    await expect.poll(statusText).toMatch(/^Imported Shopify orders/);
    expect(cell('Q8')).toBe(135.5);
  });
});
