// The offline preview's figures: `npm start` to the address printed (first as things are, then
// again with nothing changed: build and sample skipped), first render of the sample in headless
// Chromium, a typed cell's round trip (POST /cell, median of 20), and an edit in the page from
// Enter to the new values painted (median of 10), with the server's share of it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';
import { compilePreview } from '../scripts/start.mjs';
import { ROOT } from './load-bundle.mjs';
import { median } from './timing.mjs';

const START_LIMIT_MS = 5000;
const WARM_START_LIMIT_MS = 3000;
const CELL_LIMIT_MS = 100;
const EDIT_LIMIT_MS = 150;
/** The sample tracker's fee cell, and the total cost its column's ARRAYFORMULA computes from it. */
const EDITED = 'H8';
const DEPENDENT = 'S8';

export async function benchPreview() {
  // `npm run bench` has just built: the first start may still build the sample's snapshot.
  const startMs = await timeStart();
  const warmStartMs = await timeStart();
  const cli = await compilePreview();
  const { openPreview } = await import(pathToFileURL(cli).href);
  const preview = await openPreview(0);
  try {
    const renderMs = await timeFirstRender(preview.url);
    const edit = await medianPageEdit(preview.url, 10);
    const cellMs = await medianCellRoundTrip(preview.url, 20, false);
    const refreshMs = await medianCellRoundTrip(preview.url, 20, true);
    return [
      {
        check: 'npm start to address printed (first start: builds what changed)',
        measured: `${Math.round(startMs)} ms`,
        limit: `< ${START_LIMIT_MS} ms`,
        pass: startMs < START_LIMIT_MS,
      },
      {
        check: 'npm start to address printed, nothing changed (build and sample skipped)',
        measured: `${Math.round(warmStartMs)} ms`,
        limit: `< ${WARM_START_LIMIT_MS} ms`,
        pass: warmStartMs < WARM_START_LIMIT_MS,
      },
      {
        check: 'first render of the sample (page load to tracker shown)',
        measured: `${Math.round(renderMs)} ms`,
        limit: '',
      },
      {
        check: 'edit in the page: Enter to new values painted, median of 10 (Chromium)',
        measured: `${edit.paintedMs.toFixed(1)} ms`,
        limit: `< ${EDIT_LIMIT_MS} ms`,
        pass: edit.paintedMs < EDIT_LIMIT_MS,
      },
      {
        check: '  of which POST /cell server time (Server-Timing), median of 10',
        measured: `${edit.serverMs.toFixed(1)} ms`,
        limit: '',
      },
      {
        check: '  bytes the page fetched per edit, median of 10',
        measured: `${Math.round(edit.bytes)} B`,
        limit: '',
      },
      {
        check: 'POST /cell round trip on the sample, median of 20',
        measured: `${cellMs.toFixed(1)} ms`,
        limit: `< ${CELL_LIMIT_MS} ms`,
        pass: cellMs < CELL_LIMIT_MS,
      },
      {
        check: 'POST /cell then GET /workbook (what the page did before changes), median of 20',
        measured: `${refreshMs.toFixed(1)} ms`,
        limit: '',
      },
    ];
  } finally {
    await preview.close();
  }
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs the real `npm start` script and times it until it prints the address. */
async function timeStart() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/start.mjs'), '--port', String(port)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    return await new Promise((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes(`http://127.0.0.1:${port}/`)) resolve(performance.now() - started);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
    });
  } finally {
    child.kill('SIGINT');
  }
}

async function timeFirstRender(url) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = performance.now();
    await page.goto(url);
    await page.locator('#grid-scroll [data-a1="A8"]').filter({ hasText: '@' }).waitFor();
    return performance.now() - started;
  } finally {
    await browser.close();
  }
}

/**
 * Types into the sample tracker's fee cell in headless Chromium, times are taken in the page:
 * from the Enter keydown to the frame after the dependent cell shows its new value.
 */
async function medianPageEdit(url, times) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    const at = (a1) => page.locator(`#grid-scroll [data-a1="${a1}"]`);
    await at('A8').filter({ hasText: '@' }).waitFor();
    const fetched = [];
    page.on('response', async (response) => {
      const timing = /dur=([\d.]+)/.exec(response.headers()['server-timing'] ?? '');
      const body = await response.body().catch(() => Buffer.alloc(0));
      fetched.push({
        path: new URL(response.url()).pathname,
        serverMs: Number(timing?.[1] ?? NaN),
        bytes: body.length,
      });
    });
    const painted = [];
    const server = [];
    const bytes = [];
    for (let i = 0; i < times; i++) {
      await at(EDITED).click();
      await page.keyboard.type(String(500 + i * 7));
      fetched.length = 0;
      await page.evaluate(armEditTimer, DEPENDENT);
      await page.keyboard.press('Enter');
      painted.push(await page.evaluate(() => window.__editPainted));
      await waitFor(() => fetched.some((f) => f.path === '/cell'));
      server.push(fetched.find((f) => f.path === '/cell').serverMs);
      bytes.push(fetched.reduce((sum, f) => sum + f.bytes, 0));
    }
    return { paintedMs: median(painted), serverMs: median(server), bytes: median(bytes) };
  } finally {
    await browser.close();
  }
}

/** In the page: a promise, window.__editPainted, of the ms from Enter to the dependent cell's new value painted. */
function armEditTimer(dependent) {
  const selector = `#grid-scroll [data-a1="${dependent}"]`;
  const before = document.querySelector(selector)?.textContent;
  window.__editPainted = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`${dependent} did not change within 10 s`)), 10_000);
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Enter') return;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)?.textContent === before) return;
          observer.disconnect();
          // The frame that shows it, then the task after its paint.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
        });
        observer.observe(document.getElementById('grid-scroll'), {
          subtree: true,
          childList: true,
          characterData: true,
        });
      },
      { capture: true, once: true },
    );
  });
}

async function waitFor(condition, timeoutMs = 10_000) {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('bench: the page never fetched POST /cell');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function medianCellRoundTrip(url, times, refresh) {
  const workbook = await (await fetch(`${url}workbook`)).json();
  const sheet = workbook.active;
  const durations = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const reply = await fetch(`${url}cell`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet, a1: 'H8', input: String(400 + i) }),
    });
    if (!reply.ok) throw new Error(`POST /cell answered ${reply.status}: ${await reply.text()}`);
    await reply.json();
    if (refresh) await (await fetch(`${url}workbook`)).json();
    durations.push(performance.now() - started);
  }
  return median(durations);
}
