// A year of use on the built bundle in the emulator: 50 trackers of 200 creators, 104 weekly
// Shopify imports (two weeks per campaign), then the dashboard, the roster, the plan and the
// report over all of it. Per entry point: its sheet calls, its own node time (the script's,
// without the emulator's work inside service calls), and an estimate of its Apps Script time:
// calls x 100 ms + node time x 5 (a rough rule: each call costs about a tenth of a second in
// Apps Script, which runs JavaScript some five times slower than node). Then the workbook's cells
// and the bytes held in properties, against Sheets' and our own budgets.

import { loadEmulator } from './emulator.mjs';
import { random, SHOPIFY_HEADER } from './generate.mjs';

const TRACKERS = 50;
const ROWS = 200;
const WEEKS = 104;
const QUARTER = 13;
const LINES = 5_000;
const CODED_ORDERS = 1_000;
const OTHER_CODES = 800;
const MS_PER_CALL = 100;
const SLOWDOWN = 5;
const MAX_ESTIMATE_S = 60;
const MAX_CELLS = 2_000_000;
const MAX_PROPERTY_BYTES = 250 * 1024;
const CANDIDATES = 30;
const PLATFORMS = ['Instagram', 'TikTok', 'YouTube', 'Pinterest', 'Facebook'];

const dayOf = (week, n = 0) => new Date(Date.UTC(2025, 0, 6 + week * 7 + (n % 7)));
const isoDay = (date) => date.toISOString().slice(0, 10);
/** 80 characters, as long as a real campaign name gets. */
const trackerName = (t) =>
  `Campaign ${String(t + 1).padStart(3, '0')} spring glow serum launch with micro creators across Europe and Peru`;
const code = (t, i) => `T${t}C${i}`;

/** Tracker t's creators as the team types them: results come from the imports. */
function trackerRows(t, next) {
  return Array.from({ length: ROWS }, (_, i) => {
    const creator = (t * 37 + i) % 2_000; // creators come back across campaigns
    const likes = Math.round(200 + next() * 900);
    return [
      `@creator.${creator}`,
      PLATFORMS[creator % PLATFORMS.length],
      5_000 + ((creator * 7_919) % 90_000),
      dayOf(2 * t, i),
      '',
      code(t, i),
      '',
      100 + (i % 9) * 50,
      40,
      '',
      likes,
      Math.round(likes / 12),
      Math.round(likes / 30),
      Math.round(likes / 20),
      Math.round(150 + next() * 400),
    ];
  });
}

/** Week w's export: LINES lines, two per order, CODED_ORDERS orders with a code. */
function weeklyExport(week, t, next) {
  const lines = [SHOPIFY_HEADER];
  const orders = LINES / 2;
  for (let n = 0; n < orders; n++) {
    const id = week * orders + n + 1001;
    let discount = '';
    if (n < CODED_ORDERS) {
      const pick = Math.floor(next() * (ROWS + OTHER_CODES));
      discount = pick < ROWS ? code(t, pick) : `OTHER${pick}`;
    }
    const refunded = n % 13 === 0;
    const when = `${isoDay(dayOf(week, n))} 10:00:00 -0400`;
    lines.push(
      `#${id},c${id}@example.com,${refunded ? 'refunded' : 'paid'},${when},USD,42.50,5.00,3.40,50.90,` +
        `${discount},4.25,${when},1,Glow Serum,30.00,${refunded ? '50.90' : '0.00'}`,
    );
    lines.push(`#${id},,,,,,,,,,,,1,Glow Mask,12.50,`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs one entry point and measures it. */
function measure(emulator, script, name, request) {
  emulator.calls.reset();
  const start = performance.now();
  let result;
  let error = null;
  try {
    result = script.call(name, request);
  } catch (thrown) {
    error = thrown.message;
  }
  const totalMs = performance.now() - start;
  const calls = emulator.calls.spreadsheetCount();
  const scriptMs = Math.max(0, totalMs - emulator.calls.serviceMs);
  const estimateS = (calls * MS_PER_CALL + scriptMs * SLOWDOWN) / 1000;
  if (process.env.BENCH_VERBOSE)
    console.error(name, calls, Math.round(totalMs), Math.round(scriptMs));
  return { name, calls, scriptMs, totalMs, estimateS, result, error };
}

function setUpTrackers(emulator, script) {
  const next = random(16);
  const book = emulator.services.SpreadsheetApp.getActiveSpreadsheet();
  for (let t = 0; t < TRACKERS; t++) {
    script.call('createTracker', {
      campaignName: trackerName(t),
      product: 'Glow serum',
      currency: 'USD',
      goalType: t % 2 ? 'orders' : 'revenue',
      goalTarget: t % 2 ? 400 : 20_000,
      otherChannelCac: null,
      startingRows: ROWS,
    });
    // What the team typed; set in one block (the bench times the add-on, not typing).
    const rows = trackerRows(t, next);
    book.getSheetByName(trackerName(t)).getRange(8, 1, ROWS, rows[0].length).setValues(rows);
  }
}

/** 30 candidates on the Plan sheet, as the team would type them (rows added as Sheets would). */
function typeCandidates(emulator) {
  const sheet = emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Plan');
  const needed = 7 + CANDIDATES - 1;
  if (sheet.getMaxRows() < needed)
    sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet
    .getRange(7, 1, CANDIDATES, 4)
    .setValues(
      Array.from({ length: CANDIDATES }, (_, i) => [
        `@creator.${i * 7}`,
        PLATFORMS[(i * 7) % PLATFORMS.length],
        12_000,
        200,
      ]),
    );
}

/** Every sheet's grid (rows x columns, as Sheets counts cells), largest first. */
function sheetCells(emulator) {
  return emulator
    .sheetNames()
    .map((name) => ({
      name,
      cells: emulator.sheet(name).maxRows * emulator.sheet(name).maxColumns,
    }))
    .sort((a, b) => b.cells - a.cells);
}

function propertyBytes(emulator) {
  const bytes = (store) =>
    Object.entries(store).reduce(
      (sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value),
      0,
    );
  return bytes(emulator.documentProperties) + bytes(emulator.userProperties());
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const row = (m, what = m.name) => ({
  check: `${what}: sheet calls; script node time; estimated Apps Script time`,
  measured: m.error
    ? `failed: ${m.error}`
    : `${m.calls}; ${fmt(m.scriptMs)} ms; ${m.estimateS.toFixed(1)} s`,
  limit: `< ${MAX_ESTIMATE_S} s`,
  pass: !m.error && m.estimateS < MAX_ESTIMATE_S,
});

export async function benchYear() {
  const { createEmulator } = await loadEmulator();
  const emulator = createEmulator({ timeZone: 'Europe/Berlin' });
  const script = emulator.load();
  const started = performance.now();
  setUpTrackers(emulator, script);
  if (process.env.BENCH_VERBOSE) console.error('set up', Math.round(performance.now() - started));
  const next = random(104);
  const imports = [];
  for (let week = 0; week < WEEKS; week++) {
    const t = Math.floor(week / 2) % TRACKERS;
    const csv = weeklyExport(week, t, next);
    const request = { sheetName: trackerName(t), csv, fileName: `orders_week_${week + 1}.csv` };
    imports.push(measure(emulator, script, 'applyImport', request));
  }
  const roster = measure(emulator, script, 'syncCreators', undefined);
  script.call('buildPlan', { budget: 5_000 });
  typeCandidates(emulator);
  const plan = measure(emulator, script, 'buildPlan', { budget: 5_000 });
  // The last quarter, as a team reports; the report reads its figures back once computed.
  const report = measure(emulator, script, 'buildReport', {
    from: isoDay(dayOf(WEEKS - QUARTER)),
    to: isoDay(dayOf(WEEKS - 1, 6)),
  });
  // Last: every later read would make the emulator compute the whole year's dashboard again
  // (minutes of HyperFormula for 10,000 posts), which times the emulator, not the add-on.
  const dashboard = measure(emulator, script, 'buildDashboard', {});
  const worst = imports.reduce((a, b) => (b.estimateS > a.estimateS ? b : a));
  const sheets = sheetCells(emulator);
  const cells = sheets.reduce((sum, sheet) => sum + sheet.cells, 0);
  const largest = sheets
    .slice(0, 3)
    .map((sheet) => `${sheet.name.slice(0, 20)} ${fmt(sheet.cells)}`)
    .join(', ');
  const bytes = propertyBytes(emulator);
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  return [
    row(imports[0], 'applyImport, week 1'),
    row(imports[WEEKS - 1], `applyImport, week ${WEEKS}`),
    row(worst, `applyImport, slowest of ${WEEKS} weeks (week ${imports.indexOf(worst) + 1})`),
    row(dashboard, `buildDashboard, ${TRACKERS} trackers`),
    row(roster, 'syncCreators'),
    row(plan, 'buildPlan, 30 candidates'),
    row(report, `buildReport, the last ${QUARTER} weeks`),
    {
      check: `workbook cells after the year (${sheets.length} sheets, largest ${largest}; bench ran ${minutes} min)`,
      measured: fmt(cells),
      limit: `< ${fmt(MAX_CELLS)}`,
      pass: cells < MAX_CELLS,
    },
    {
      check: 'bytes in document and user properties after the year',
      measured: `${fmt(bytes)} B`,
      limit: `< ${fmt(MAX_PROPERTY_BYTES)} B`,
      pass: bytes < MAX_PROPERTY_BYTES,
    },
  ];
}
