import { parse } from 'csv-parse/sync';
import { loadEmulator, loadSource, trackerWithCodes } from './emulator.mjs';
import { median, timeOnce } from './timing.mjs';

const INFLUENCERS = 500;
const MAX_RATIO = 12;
const MAX_LARGE_MS = 2000;
const MAX_APPLY_CALLS = 20;
const HEADER =
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,' +
  'Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount';

/** A Shopify orders export of `lines` line items, two per order, codes handed out in turn. */
function shopifyExport(lines) {
  const rows = [HEADER];
  for (let n = 0; rows.length <= lines; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    const status = n % 7 === 0 ? 'refunded' : 'paid';
    rows.push(
      `#${n},c${n}@example.com,${status},2025-03-${day} 10:00:00 -0400,USD,42.50,5.00,3.40,50.90,` +
        `INF${n % INFLUENCERS},4.25,2025-03-${day} 10:00:00 -0400,1,Glow Serum,30.00,0.00`,
    );
    if (rows.length <= lines) rows.push(`#${n},,,,,,,,,,,,1,Glow Mask,12.50,`);
  }
  return `${rows.join('\n')}\n`;
}

/** The pure import modules, compiled once like bench/emulator.mjs does for the emulator. */
function loadImport() {
  return loadSource('import', {
    'src/import/text': ['prepareText'],
    'src/import/detect': ['readReport'],
    'src/import/write-plan': ['planTrackerImport'],
  });
}

const tracker = Array.from({ length: INFLUENCERS }, (_, i) => ({
  row: 8 + i,
  handle: `@creator${i}`,
  code: `INF${i}`,
  link: '',
}));

function runPipeline(lib, text) {
  const prepared = lib.prepareText(text);
  const rows = parse(prepared.text, {
    delimiter: prepared.separator,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
  });
  const { report } = lib.readReport(rows, { decimalComma: prepared.decimalComma });
  return lib.planTrackerImport({
    report,
    ledger: [],
    tracker: '1',
    store: '',
    rows: tracker,
    cells: new Map(),
    importedAt: '2025-03-31 09:00',
    bonusRate: 0.1,
  });
}

function medianMs(lib, text, runs) {
  runPipeline(lib, text); // warm-up
  return median(Array.from({ length: runs }, () => timeOnce(() => runPipeline(lib, text))));
}

function applyCalls(createEmulator, influencers) {
  const { emulator, script } = trackerWithCodes(
    createEmulator,
    Array.from({ length: influencers }, (_, i) => [`@creator${i}`, `INF${i}`]),
  );
  const lines = ['Name,Financial Status,Subtotal,Discount Code,Created at,Lineitem quantity'];
  for (let i = 0; i < influencers; i++)
    lines.push(`#${i},paid,10.00,INF${i},2025-03-14 10:00:00 -0400,1`);
  const request = (csv) => ({ sheetName: 'Bench', csv, fileName: 'orders_export.csv' });
  script.call('applyImport', request(`${lines.join('\n')}\n`));
  // The weekly case: a ledger exists, and the new export restates it and adds a day.
  for (let i = 0; i < influencers; i++)
    lines.push(`#${influencers + i},paid,12.00,INF${i},2025-03-15 10:00:00 -0400,1`);
  emulator.calls.reset();
  script.call('applyImport', request(`${lines.join('\n')}\n`));
  return emulator.calls.spreadsheetCount();
}

export async function benchImport() {
  const lib = await loadImport();
  const small = shopifyExport(5_000);
  const large = shopifyExport(50_000);
  const check = runPipeline(lib, large);
  if (check.changes.length !== INFLUENCERS) throw new Error('bench: every influencer should match');
  const smallMs = medianMs(lib, small, 9);
  const largeMs = medianMs(lib, large, 5);
  const ratio = largeMs / smallMs;
  const { createEmulator } = await loadEmulator();
  const [few, many] = [10, 500].map((n) => applyCalls(createEmulator, n));
  return [
    {
      check: `Shopify export vs ${INFLUENCERS} influencers, 5,000 lines (parse with csv-parse as parseCsv)`,
      measured: `${smallMs.toFixed(1)} ms`,
      limit: '',
    },
    {
      check: `same, 50,000 lines (parse, recognise, aggregate, record, match)`,
      measured: `${largeMs.toFixed(1)} ms (${ratio.toFixed(1)}x 5,000 lines)`,
      limit: `< ${MAX_LARGE_MS} ms, at most ${MAX_RATIO}x`,
      pass: largeMs < MAX_LARGE_MS && ratio <= MAX_RATIO,
    },
    {
      check: 'applyImport calls, 10 vs 500 matched influencers (ledger present)',
      measured: `${few} vs ${many}`,
      limit: `equal, at most ${MAX_APPLY_CALLS}`,
      pass: few === many && many <= MAX_APPLY_CALLS,
    },
  ];
}
