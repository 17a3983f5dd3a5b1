// Two years of weekly imports into one tracker: 104 Shopify exports of 5,000 lines (two line
// items per order, 2,000 coded lines a week, codes drawn from 1,000 of which the tracker's 300
// influencers hold 300). The ledger must stay small (only the influencers' codes, per code and
// day), each import must make the same sheet calls, and the last week must not be much slower
// than the first.
import { loadEmulator } from './emulator.mjs';
import { timeOnce } from './timing.mjs';

const WEEKS = Number(process.env.LEDGER_WEEKS ?? 104);
const LINES = 5_000;
const CODED_LINES = 2_000;
const CODES = 1_000;
const INFLUENCERS = 300;
const MAX_CELLS = 300_000;
const MAX_SLOWDOWN = 2;
const HEADER =
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,' +
  'Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount';

/** A small deterministic generator (mulberry32), so every run imports the same files. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function day(week, n) {
  const date = new Date(Date.UTC(2024, 0, 1 + week * 7 + (n % 7)));
  return date.toISOString().slice(0, 10);
}

/** Week `week`'s export: LINES lines, two per order, CODED_LINES of them in coded orders. */
function weeklyExport(week, next) {
  const rows = [HEADER];
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

export async function benchLedger() {
  const { createEmulator } = await loadEmulator();
  const emulator = createEmulator();
  const script = emulator.load();
  script.call('createTracker', {
    campaignName: 'Bench',
    product: '',
    currency: 'USD',
    goalType: 'orders',
    goalTarget: 100,
    otherChannelCac: null,
    startingRows: INFLUENCERS,
  });
  emulator.type(
    'Bench',
    'A8',
    Array.from({ length: INFLUENCERS }, (_, i) => [`@c${i}`, 'Instagram', '', '', '', `C${i}`]),
  );
  const next = random(14);
  const times = [];
  const calls = [];
  for (let week = 0; week < WEEKS; week++) {
    const csv = weeklyExport(week, next);
    emulator.calls.reset();
    times.push(
      timeOnce(() =>
        script.call('applyImport', { sheetName: 'Bench', csv, fileName: 'orders_export.csv' }),
      ),
    );
    calls.push(emulator.calls.spreadsheetCount());
  }
  const ledger = emulator.sheet('Import ledger');
  const cells = ledger.maxRows * ledger.maxColumns;
  const first = (times[0] + times[1] + times[2]) / 3;
  const last = (times[WEEKS - 1] + times[WEEKS - 2] + times[WEEKS - 3]) / 3;
  const steady = calls.slice(1);
  const constant = steady.every((count) => count === steady[0]);
  return [
    {
      check: `ledger after ${WEEKS} weekly imports of ${LINES.toLocaleString('en-US')} lines (${INFLUENCERS} of ${CODES.toLocaleString('en-US')} codes an influencer's)`,
      measured: `${cells.toLocaleString('en-US')} cells (${ledger.maxRows.toLocaleString('en-US')} rows x ${ledger.maxColumns} columns)`,
      limit: `< ${MAX_CELLS.toLocaleString('en-US')}`,
      pass: cells < MAX_CELLS,
    },
    {
      check: 'applyImport sheet calls per week (first week, then every later week)',
      measured: `${calls[0]}, then ${[...new Set(steady)].join('/')}`,
      limit: 'the same every later week',
      pass: constant,
    },
    {
      check: 'applyImport time, weeks 1-3 vs weeks 102-104 (mean)',
      measured: `${first.toFixed(0)} ms vs ${last.toFixed(0)} ms (${(last / first).toFixed(2)}x)`,
      limit: `at most ${MAX_SLOWDOWN}x`,
      pass: last <= MAX_SLOWDOWN * first,
    },
  ];
}
