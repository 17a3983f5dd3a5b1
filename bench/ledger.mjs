// Two years of weekly imports into one tracker: 104 Shopify exports of 5,000 lines (two line
// items per order, 2,000 coded lines a week, codes drawn from 1,000 of which the tracker's 300
// influencers hold 300). The ledger must stay small (only the influencers' codes, per code and
// day), each import must make the same sheet calls, and the last week must not be much slower
// than the first. The 104 weeks run the server's own code on the ledger as rows (the emulator
// rebuilds its formula engine over the whole workbook on each structural change, which would
// time the emulator, not the import); the first weeks also run through the built bundle on the
// emulator, for the sheet calls and to check it writes the same ledger.
import { parse } from 'csv-parse/sync';
import { loadEmulator, loadSource, trackerWithCodes } from './emulator.mjs';
import { random, SHOPIFY_HEADER } from './generate.mjs';
import { median, timeOnce } from './timing.mjs';

const WEEKS = 104;
const EMULATED_WEEKS = 4;
const LINES = 5_000;
const CODED_LINES = 2_000;
const CODES = 1_000;
const INFLUENCERS = 300;
const MAX_CELLS = 300_000;
const MAX_SLOWDOWN = 2;

function day(week, n) {
  const date = new Date(Date.UTC(2024, 0, 1 + week * 7 + (n % 7)));
  return date.toISOString().slice(0, 10);
}

/** Week `week`'s export: LINES lines, two per order, CODED_LINES of them in coded orders. */
function weeklyExport(week, next) {
  const rows = [SHOPIFY_HEADER];
  const orders = LINES / 2;
  const coded = CODED_LINES / 2;
  for (let n = 0; n < orders; n++) {
    const id = week * orders + n + 1001;
    const code = n < coded ? `C${Math.floor(next() * CODES)}` : '';
    const status = n % 13 === 0 ? 'refunded' : 'paid';
    const when = `${day(week, n)} 10:00:00 -0400`;
    rows.push(
      `#${id},c${id}@example.com,${status},${when},USD,42.50,5.00,3.40,50.90,${code},4.25,` +
        `${when},1,Glow Serum,30.00,${status === 'refunded' ? '50.90' : '0.00'}`,
    );
    rows.push(`#${id},,,,,,,,,,,,1,Glow Mask,12.50,`);
  }
  return `${rows.join('\n')}\n`;
}

const TRACKER_ROWS = Array.from({ length: INFLUENCERS }, (_, i) => ({
  row: 8 + i,
  handle: `@c${i}`,
  code: `C${i}`,
  link: '',
}));

function loadLedger() {
  return loadSource('ledger', {
    'src/import/text': ['prepareText'],
    'src/import/detect': ['readReport'],
    'src/import/ledger': ['chooseStore', 'readLedgerRows', 'ledgerTail'],
    'src/import/write-plan': ['planTrackerImport'],
  });
}

/**
 * One week as the server computes it, the sheet being a plain array of rows: read the ledger,
 * parse and plan the file, then write the tail the import changes (what writeLedger does).
 */
function importWeek(lib, sheet, csv) {
  const prepared = lib.prepareText(csv);
  const rows = parse(prepared.text, {
    delimiter: prepared.separator,
    relax_column_count: true,
  });
  const { report } = lib.readReport(rows, { decimalComma: prepared.decimalComma });
  // The ledger's days are plain text; a date cell (none here) would read as its UTC day.
  const read = lib.readLedgerRows(sheet, (date) => date.toISOString().slice(0, 10));
  const choice = lib.chooseStore(read.entries, report, '1', undefined);
  if (choice.question) throw new Error(`bench: unexpected question: ${choice.question}`);
  const plan = lib.planTrackerImport({
    report,
    ledger: read.entries,
    header: read.header,
    tracker: '1',
    store: choice.store,
    rows: TRACKER_ROWS,
    cells: new Map(),
    importedAt: '2026-01-01 09:00',
    bonusRate: 0.1,
  });
  const tail = lib.ledgerTail(read, plan.removed, plan.added, plan.header);
  const top = sheet.length === 0 ? [plan.header] : [plan.header, ...sheet.slice(1, 1 + tail.first)];
  return top.concat(tail.rows);
}

/** Sheet calls of applyImport on the built bundle, week by week, for the first `weeks` weeks. */
async function emulatedCalls(files) {
  const { createEmulator } = await loadEmulator();
  const { emulator, script } = trackerWithCodes(
    createEmulator,
    TRACKER_ROWS.map((row) => [row.handle, row.code]),
  );
  const calls = [];
  for (const csv of files) {
    emulator.calls.reset();
    script.call('applyImport', { sheetName: 'Bench', csv, fileName: 'orders_export.csv' });
    calls.push(emulator.calls.spreadsheetCount());
  }
  const ledger = emulator.sheet('Import ledger');
  return { calls, values: ledger.values(), maxRows: ledger.maxRows };
}

export async function benchLedger() {
  const lib = await loadLedger();
  const next = random(14);
  const files = Array.from({ length: WEEKS }, (_, week) => weeklyExport(week, next));
  // Warm-up, so the first weeks are not billed for compiling the code.
  for (let i = 0; i < 3; i++) importWeek(lib, [], files[i]);
  let sheet = [];
  const times = [];
  let early = [];
  for (const csv of files) {
    times.push(
      timeOnce(() => {
        sheet = importWeek(lib, sheet, csv);
      }),
    );
    if (times.length === EMULATED_WEEKS) early = sheet;
  }
  const width = sheet[0].length;
  const cells = sheet.length * width;
  const first = median(times.slice(0, 5));
  const last = median(times.slice(-5));
  // The same weeks through the built bundle on the emulator: the calls, and the same ledger.
  const emulated = await emulatedCalls(files.slice(0, EMULATED_WEEKS));
  // Every cell but the tracker's id and the import time, which differ between the two runs.
  const comparable = (rows) =>
    JSON.stringify(rows.map((row) => row.filter((_, j) => j !== 0 && j !== 6)));
  const sameLedger =
    comparable(emulated.values) === comparable(early) &&
    emulated.maxRows === emulated.values.length;
  const later = emulated.calls.slice(1);
  const constant = later.every((count) => count === later[0]);
  return [
    {
      check: `ledger after ${WEEKS} weekly Shopify exports of ${LINES.toLocaleString('en-US')} lines (${CODED_LINES.toLocaleString('en-US')} coded; ${INFLUENCERS} of ${CODES.toLocaleString('en-US')} codes an influencer's)`,
      measured: `${cells.toLocaleString('en-US')} cells (${sheet.length.toLocaleString('en-US')} rows x ${width} columns)`,
      limit: `< ${MAX_CELLS.toLocaleString('en-US')}`,
      pass: cells < MAX_CELLS,
    },
    {
      check: `applyImport sheet calls, weeks 1-${EMULATED_WEEKS} on the emulator (ledger as computed: ${sameLedger ? 'yes' : 'NO'})`,
      measured: emulated.calls.join(', '),
      limit: 'the same every week after the first',
      pass: constant && sameLedger,
    },
    {
      check: 'import time (read ledger, parse, plan, write tail), median of weeks 1-5 vs 100-104',
      measured: `${first.toFixed(1)} ms vs ${last.toFixed(1)} ms (${(last / first).toFixed(2)}x)`,
      limit: `at most ${MAX_SLOWDOWN}x`,
      pass: last <= MAX_SLOWDOWN * first,
    },
  ];
}
