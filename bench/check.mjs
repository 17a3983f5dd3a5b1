// "Check this spreadsheet" must finish well inside Apps Script's 6-minute limit: under 60 s of
// estimated Apps Script time, where each spreadsheet call is billed 100 ms (a round trip to
// Sheets, its computing included) and the script's own work 5 times its node time (Apps Script's
// V8 is slower). The script's node time is its run time less the time inside the emulator's
// services (calls.serviceMs), which stand in for Google's servers.
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
  const emulated = [];
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
    emulated.push(emulator.calls.serviceMs);
  }
  const nodeMs = Math.max(0, median(times.map((time, i) => time - emulated[i])));
  const estimate = (calls * CALL_MS + nodeMs * NODE_FACTOR) / 1000;
  return [
    {
      check: `checkSpreadsheet estimated Apps Script time (${checked} figures; ${calls} sheet calls x ${CALL_MS} ms + ${Math.round(nodeMs)} ms script x ${NODE_FACTOR}; ${Math.round(median(emulated))} ms in the emulated Sheets not billed)`,
      measured: `${estimate.toFixed(1)} s`,
      limit: `under ${LIMIT_SECONDS} s`,
      pass: estimate < LIMIT_SECONDS,
    },
  ];
}
