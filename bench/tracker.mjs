// Sheet work that must not grow with the rows: building a tracker, and generating codes and
// links, counted in calls that read or write the spreadsheet (the emulator's count).
import { loadEmulator } from './emulator.mjs';

const MAX_TRACKER_CALLS = 40;
const FORM = {
  campaignName: 'Bench',
  product: '',
  currency: 'USD',
  goalType: 'orders',
  goalTarget: 100,
  otherChannelCac: 10,
};
const CODES = { sheetName: 'Bench', brandPrefix: 'BENCH', landingPage: 'https://shop.com/p' };

function trackerCalls(createEmulator, startingRows) {
  const emulator = createEmulator();
  const script = emulator.load();
  emulator.calls.reset();
  script.call('createTracker', { ...FORM, startingRows });
  return { emulator, script, calls: emulator.calls.spreadsheetCount() };
}

function codesCalls(createEmulator, rows) {
  const { emulator, script } = trackerCalls(createEmulator, rows);
  const handles = Array.from({ length: rows }, (_, i) => [`@creator${i}`, 'Instagram']);
  emulator.type('Bench', 'A8', handles);
  emulator.calls.reset();
  script.call('applyCodesAndLinks', CODES);
  return emulator.calls.spreadsheetCount();
}

export async function benchTracker() {
  const { createEmulator } = await loadEmulator();
  const [small, large] = [25, 1000].map((rows) => trackerCalls(createEmulator, rows).calls);
  const [fewCodes, manyCodes] = [10, 500].map((rows) => codesCalls(createEmulator, rows));
  return [
    {
      check: 'createTracker calls, 25 rows vs 1,000 rows',
      measured: `${small} vs ${large}`,
      limit: `equal, at most ${MAX_TRACKER_CALLS}`,
      pass: small === large && large <= MAX_TRACKER_CALLS,
    },
    {
      check: 'applyCodesAndLinks calls, 10 rows vs 500 rows',
      measured: `${fewCodes} vs ${manyCodes}`,
      limit: 'equal',
      pass: fewCodes === manyCodes,
    },
  ];
}
