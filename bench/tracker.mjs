// Sheet work that must not grow with the rows: building a tracker, and generating codes and
// links, counted in calls that read or write the spreadsheet (the emulator's count).
import { loadEmulator } from './emulator.mjs';

/** 41: the currency columns get one range-wide rule (a custom formula) besides the blocks. */
const MAX_TRACKER_CALLS = 41;
/** The first tracker in a spreadsheet also sets up the shared Rates sheet, once. */
const MAX_FIRST_TRACKER_CALLS = 50;
const FORM = {
  campaignName: 'Bench',
  product: '',
  currency: 'USD',
  goalType: 'orders',
  goalTarget: 100,
  otherChannelCac: 10,
};
const CODES = { sheetName: 'Bench', brandPrefix: 'BENCH', landingPage: 'https://shop.com/p' };

function trackerCalls(createEmulator, startingRows, ratesFirst = true) {
  const emulator = createEmulator();
  const script = emulator.load();
  if (ratesFirst) script.call('createTracker', { ...FORM, campaignName: 'First', startingRows: 1 });
  emulator.calls.reset();
  script.call('createTracker', { ...FORM, startingRows });
  return { emulator, script, calls: emulator.calls.spreadsheetCount() };
}

function codesCalls(createEmulator, rows) {
  const { emulator, script } = trackerCalls(createEmulator, rows, false);
  const handles = Array.from({ length: rows }, (_, i) => [`@creator${i}`, 'Instagram']);
  emulator.type('Bench', 'A8', handles);
  emulator.calls.reset();
  script.call('applyCodesAndLinks', CODES);
  return emulator.calls.spreadsheetCount();
}

export async function benchTracker() {
  const { createEmulator } = await loadEmulator();
  const [small, large] = [25, 1000].map((rows) => trackerCalls(createEmulator, rows).calls);
  const first = trackerCalls(createEmulator, 25, false).calls;
  const [fewCodes, manyCodes] = [10, 500].map((rows) => codesCalls(createEmulator, rows));
  return [
    {
      check: 'createTracker calls, 25 rows vs 1,000 rows (Rates sheet already there)',
      measured: `${small} vs ${large}`,
      limit: `equal, at most ${MAX_TRACKER_CALLS}`,
      pass: small === large && large <= MAX_TRACKER_CALLS,
    },
    {
      check: 'createTracker calls, first tracker (creates the Rates sheet too)',
      measured: `${first}`,
      limit: `at most ${MAX_FIRST_TRACKER_CALLS}`,
      pass: first <= MAX_FIRST_TRACKER_CALLS,
    },
    {
      check: 'applyCodesAndLinks calls, 10 rows vs 500 rows',
      measured: `${fewCodes} vs ${manyCodes}`,
      limit: 'equal',
      pass: fewCodes === manyCodes,
    },
  ];
}
