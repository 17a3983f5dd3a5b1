// npm run screenshot: regenerates docs/preview.png, the README's picture of the offline preview
// (the sample campaign with the add-on's sidebar open), in headless Chromium (scripts/chromium.mjs).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from './build.mjs';
import { launchChromium } from './chromium.mjs';
import { compilePreview } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/preview.png');

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
  console.log(`screenshot: ${path.relative(root, out)}`);
} finally {
  await browser.close();
  await preview.close();
}
