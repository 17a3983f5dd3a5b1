// "Check this spreadsheet" must finish well inside Apps Script's 6-minute limit: under 60 s of
// estimated Apps Script time, where each spreadsheet call is billed 100 ms (a round trip to
// Sheets) and the script's own work 5 times its node time (Apps Script's V8 is slower).
import { loadEmulator } from './emulator.mjs';
import { median, timeOnce } from './timing.mjs';

const LIMIT_SECONDS = 60;
const CALL_MS = 100;
const NODE_FACTOR = 5;
const RUNS = 3;

export async function benchCheck() {
  const { createEmulator } = await loadEmulator();
  let calls = 0;
  let checked = 0;
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const emulator = createEmulator();
    const script = emulator.load();
    emulator.calls.reset();
    times.push(
      timeOnce(() => {
        checked = script.call('checkSpreadsheet').checked;
      }),
    );
    calls = emulator.calls.spreadsheetCount();
  }
  const nodeMs = median(times);
  const estimate = (calls * CALL_MS + nodeMs * NODE_FACTOR) / 1000;
  return [
    {
      check: `checkSpreadsheet estimated Apps Script time (${checked} figures; ${calls} sheet calls x ${CALL_MS} ms + ${Math.round(nodeMs)} ms node x ${NODE_FACTOR})`,
      measured: `${estimate.toFixed(1)} s`,
      limit: `under ${LIMIT_SECONDS} s`,
      pass: estimate < LIMIT_SECONDS,
    },
  ];
}
