// buildDashboard's sheet calls (the emulator's count): the same for 25 and for 1,000 rows per
// tracker, and a fixed few per tracker (at most 60 for 10 trackers), first build and refresh.
import { loadEmulator } from './emulator.mjs';

const MAX_CALLS_TEN_TRACKERS = 60;
const PLATFORMS = ['Instagram', 'TikTok', 'YouTube', 'Pinterest', 'Facebook'];

/** One tracker row: a creator out of 40, a post date, fee, clicks, orders and revenue. */
export function trackerRow(i) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [
    `@creator${i % 40}`,
    PLATFORMS[i % PLATFORMS.length],
    5000 + ((i * 7919) % 90000),
    `2026-03-${day}`,
    '',
    '',
    '',
    100 + (i % 9) * 50,
    40,
    20000,
    800 + (i % 13) * 40,
    50,
    10,
    20,
    300 + (i % 17) * 10,
    5 + (i % 30),
    250 + (i % 23) * 40,
    4 + (i % 20),
  ];
}

function dashboardCalls(createEmulator, trackers, rows) {
  const emulator = createEmulator();
  const script = emulator.load();
  for (let t = 0; t < trackers; t++) {
    const name = `Campaign ${t + 1}`;
    script.call('createTracker', {
      campaignName: name,
      product: '',
      currency: 'USD',
      goalType: 'orders',
      goalTarget: 100,
      otherChannelCac: null,
      startingRows: rows,
    });
    emulator.type(
      name,
      'A8',
      Array.from({ length: rows }, (_, i) => trackerRow(i + t)),
    );
  }
  emulator.calls.reset();
  script.call('buildDashboard', {});
  const first = emulator.calls.spreadsheetCount();
  emulator.calls.reset();
  script.call('buildDashboard', {});
  const refresh = emulator.calls.spreadsheetCount();
  return { first, refresh };
}

export async function benchInsights() {
  const { createEmulator } = await loadEmulator();
  const few = dashboardCalls(createEmulator, 3, 25);
  const many = dashboardCalls(createEmulator, 3, 1000);
  const ten = dashboardCalls(createEmulator, 10, 25);
  return [
    {
      check: 'buildDashboard calls, 3 trackers of 25 rows vs 1,000 rows (first build; refresh)',
      measured: `${few.first} vs ${many.first}; ${few.refresh} vs ${many.refresh}`,
      limit: 'equal',
      pass: few.first === many.first && few.refresh === many.refresh,
    },
    {
      check: 'buildDashboard calls, 10 trackers (first build; refresh)',
      measured: `${ten.first}; ${ten.refresh}`,
      limit: `at most ${MAX_CALLS_TEN_TRACKERS}`,
      pass: ten.first <= MAX_CALLS_TEN_TRACKERS && ten.refresh <= MAX_CALLS_TEN_TRACKERS,
    },
  ];
}
