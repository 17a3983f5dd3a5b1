// npm run screenshot: regenerates docs/preview.png, the README's picture of the offline preview
// (the sample campaign with the add-on's sidebar open), in headless Chromium (scripts/chromium.mjs).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from './build.mjs';
import { launchChromium } from './chromium.mjs';
import { compilePreview } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/preview.png');
// Beside the picture: the sheet tabs it shows, which test/docs.test.ts compares with the sample's.
const tabsOut = path.join(root, 'docs/preview.json');

const [, cli] = await Promise.all([build(), compilePreview()]);
const { openPreview } = await import(pathToFileURL(cli).href);
const preview = await openPreview(0);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 760 } });
  await page.goto(preview.url);
  await page.locator('#grid-scroll [data-a1="A8"]').filter({ hasText: '@' }).waitFor();
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('button', { name: 'Generate codes and links' }).click();
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('body').filter({ hasText: /codes/i }).waitFor();
  await page.locator('#grid-scroll [data-a1="F8"]').click();
  await page.screenshot({ path: out });
  const tabs = await page.locator('#sheet-tabs .sheet-tab').allTextContents();
  await writeFile(tabsOut, `${JSON.stringify({ picture: 'preview.png', tabs }, null, 2)}\n`);
  console.log(`screenshot: ${path.relative(root, out)}, tabs in ${path.relative(root, tabsOut)}`);
} finally {
  await browser.close();
  await preview.close();
}
