import { loadEmulator, loadSource } from './emulator.mjs';
import { median, timeOnce } from './timing.mjs';

const MAX_CALLS = 30;
const MAX_RATIO = 12;
const TRACKERS = 20;
const PLATFORMS = ['Instagram', 'TikTok', 'YouTube', 'Pinterest', 'Facebook'];

/** The pure roster modules, compiled once like bench/import.mjs does. */
function loadRoster() {
  return loadSource('roster', {
    'src/creators/roster': ['mergeRoster'],
    'src/money/money': ['rateTable'],
  });
}

/** Creator i's handle as a tracker might spell it: case, "@" and spaces vary by tracker. */
function handle(i, t) {
  const base = `creator.${i}`;
  return [`@${base}`, base.toUpperCase(), ` @${base} `][t % 3];
}

/** 20 trackers; each creator posts in 5 of them. */
function trackers(creators) {
  return Array.from({ length: TRACKERS }, (_, t) => ({
    tracker: `Campaign ${t + 1}`,
    currency: t % 4 === 0 ? 'EUR' : 'USD',
    grossMargin: 0.6,
    rows: Array.from({ length: creators }, (_, i) => i)
      .filter((i) => (i + t) % 4 === 0)
      .map((i, n) => ({
        row: 8 + n,
        handle: handle(i, t),
        platform: PLATFORMS[i % PLATFORMS.length],
        followers: 5000 + ((i * 7919) % 90000),
        postDate: `2025-${String(1 + (t % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        fee: 100 + (i % 9) * 50,
        product: 40,
        revenue: 250 + (i % 23) * 40,
        clicks: 300 + (i % 17) * 10,
        orders: 5 + (i % 30),
        newCustomers: 4 + (i % 20),
        engagements: 800 + (i % 13) * 40,
        deliveredOnTime: i % 5 !== 0,
      })),
  }));
}

function medianMs(lib, input, runs) {
  const run = () =>
    lib.mergeRoster(
      input,
      [],
      lib.rateTable('USD', [{ currency: 'EUR', rate: 1.08, date: '', row: 2 }]),
    );
  run(); // warm-up
  return median(Array.from({ length: runs }, () => timeOnce(run)));
}

function row(i, t) {
  return [
    handle(i, t),
    PLATFORMS[i % PLATFORMS.length],
    5000 + ((i * 7919) % 90000),
    '2026-03-14',
    '',
    '',
    '',
    100 + (i % 9) * 50,
    40,
    20000,
    800,
    50,
    10,
    20,
    300 + (i % 17) * 10,
    5 + (i % 30),
    250 + (i % 23) * 40,
    4 + (i % 20),
  ];
}

/** Sheet calls of a first sync and a second one, 3 trackers sharing `creators` creators. */
function syncCalls(createEmulator, creators) {
  const emulator = createEmulator();
  const script = emulator.load();
  for (let t = 0; t < 3; t++) {
    const name = `Campaign ${t + 1}`;
    const rows = Array.from({ length: creators }, (_, i) => i)
      .filter((i) => i % 3 === t || i % 10 === 0)
      .map((i) => row(i, t));
    script.call('createTracker', {
      campaignName: name,
      product: '',
      currency: 'USD',
      goalType: 'orders',
      goalTarget: 100,
      otherChannelCac: null,
      startingRows: rows.length,
    });
    emulator.type(name, 'A8', rows);
  }
  emulator.calls.reset();
  script.call('syncCreators');
  const first = emulator.calls.spreadsheetCount();
  emulator.calls.reset();
  script.call('syncCreators');
  const again = emulator.calls.spreadsheetCount();
  return { first, again };
}

export async function benchCreators() {
  const { createEmulator } = await loadEmulator();
  const few = syncCalls(createEmulator, 50);
  const many = syncCalls(createEmulator, 2000);
  const lib = await loadRoster();
  const small = trackers(200);
  const large = trackers(2000);
  const check = lib.mergeRoster(large, [], lib.rateTable('USD', []));
  if (check.creators.length !== 2000) throw new Error('bench: 2,000 creators expected');
  const smallMs = medianMs(lib, small, 9);
  const largeMs = medianMs(lib, large, 5);
  const ratio = largeMs / smallMs;
  return [
    {
      check: 'syncCreators calls, 3 trackers, 50 vs 2,000 creators (first sync; second)',
      measured: `${few.first} vs ${many.first}; ${few.again} vs ${many.again}`,
      limit: `equal, at most ${MAX_CALLS}`,
      pass:
        few.first === many.first &&
        few.again === many.again &&
        Math.max(few.first, few.again, many.first, many.again) <= MAX_CALLS,
    },
    {
      check: `mergeRoster, ${TRACKERS} trackers: 200 creators (1,000 posts)`,
      measured: `${smallMs.toFixed(1)} ms`,
      limit: '',
    },
    {
      check: `mergeRoster, ${TRACKERS} trackers: 2,000 creators (10,000 posts), ratio to 200`,
      measured: `${largeMs.toFixed(1)} ms (${ratio.toFixed(1)}x)`,
      limit: `at most ${MAX_RATIO}x`,
      pass: ratio <= MAX_RATIO,
    },
  ];
}
