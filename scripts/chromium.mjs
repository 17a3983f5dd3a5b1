// The one headless Chromium launcher: the tests (test/harness/browser-bridge.ts), the screenshot
// script and the bench all start their browser here, kept off the network. The browser is the
// first of:
//   1. CHROMIUM_PATH, when set (any Chromium or Chrome binary);
//   2. a system Chromium or Chrome (Debian's /usr/bin/chromium, chromium-browser, google-chrome,
//      macOS's /Applications, Windows' Program Files);
//   3. the Chromium shipped inside the @sparticuz/chromium devDependency (Linux x64):
//      unpacked once into node_modules/.cache, so `npm ci && npm test` needs no system browser.
// CHROMIUM_SKIP_SYSTEM=1 skips step 2 (what a machine without a system browser would do).
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Where a system Chromium or Chrome lives, in the order they are tried. */
export const SYSTEM_BROWSERS = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env.LOCALAPPDATA ?? ''}\\Google\\Chrome\\Application\\chrome.exe`,
  ],
};

function isExecutable(file) {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The @sparticuz/chromium binary, unpacked (once, atomically) into node_modules/.cache. */
async function packagedChromium() {
  const require = createRequire(import.meta.url);
  let manifest;
  try {
    // The package exports no package.json: its entry is build/cjs/index.cjs.
    manifest = path.join(
      path.dirname(require.resolve('@sparticuz/chromium')),
      '../../package.json',
    );
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  const dir = path.join(root, 'node_modules/.cache', `sparticuz-chromium-${version}`);
  const binary = path.join(dir, 'chromium');
  if (isExecutable(binary)) return binary;
  // The package unpacks into os.tmpdir(): point it at a private folder, then move that folder
  // into place, so parallel test workers never launch a half-written binary.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const { default: Chromium } = await import('@sparticuz/chromium');
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = partial;
  try {
    await Chromium.executablePath();
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  try {
    renameSync(partial, dir);
  } catch (error) {
    // Another worker finished first: use its copy.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

/**
 * The browser to launch and where it came from; throws with what to install when there is none.
 * @returns {Promise<{ path: string, source: 'CHROMIUM_PATH' | 'system' | 'npm package' }>}
 */
export async function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which is not a browser binary`,
      );
    }
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  if (env.CHROMIUM_SKIP_SYSTEM !== '1') {
    const system = (SYSTEM_BROWSERS[process.platform] ?? []).find(isExecutable);
    if (system) return { path: system, source: 'system' };
  }
  if (process.platform === 'linux' && process.arch === 'x64') {
    const packaged = await packagedChromium();
    if (packaged) return { path: packaged, source: 'npm package' };
  }
  throw new Error(
    'No Chromium or Chrome found for the browser tests: install Google Chrome (or Chromium), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary',
  );
}

let found;

/** Headless Chromium (see findChromium), with the network off. */
export async function launchChromium() {
  found ??= findChromium();
  const { path: executablePath } = await found;
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
