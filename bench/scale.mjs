// Sheets' limits at the tracker cap: buildDashboard and buildReport over 50 trackers with
// 80-character names, timed in node, then the emulator computing the sheet's formulas (the
// report reads its figures back, so its run computes them already); their sheet calls and their
// longest formula, which must stay within Sheets' 50,000 characters. A formula's length grows
// with the trackers, not their rows: two rows each keep the run short.
import { loadEmulator } from './emulator.mjs';
import { trackerRow } from './insights.mjs';
import { timeOnce } from './timing.mjs';

const TRACKERS = 50;
const ROWS = 2;
const MAX_FORMULA = 50000;
const MAX_CALLS = 300;

const nameOf = (t) =>
  `Campaign ${String(t + 1).padStart(2, '0')} with a long name `.padEnd(80, '.');

function workbook(createEmulator) {
  const emulator = createEmulator();
  const script = emulator.load();
  for (let t = 0; t < TRACKERS; t++) {
    script.call('createTracker', {
      campaignName: nameOf(t),
      product: '',
      currency: 'USD',
      goalType: 'orders',
      goalTarget: 100,
      otherChannelCac: null,
      startingRows: ROWS,
    });
    const rows = Array.from({ length: ROWS }, (_, i) => trackerRow(i + t * ROWS));
    emulator.type(nameOf(t), 'A8', rows);
  }
  return { emulator, script };
}

/** Time, sheet calls and longest formula of one entry point's run, and the time to compute. */
function measure(emulator, sheet, run) {
  emulator.calls.reset();
  const ms = timeOnce(run);
  const calls = emulator.calls.spreadsheetCount();
  const computeMs = timeOnce(() => emulator.sheet(sheet).values());
  const longest = Math.max(
    ...emulator
      .sheet(sheet)
      .formulas()
      .flat()
      .map((formula) => formula.length),
  );
  return { ms, computeMs, calls, longest };
}

export async function benchScale() {
  const { createEmulator } = await loadEmulator();
  const { emulator, script } = workbook(createEmulator);
  const dashboard = measure(emulator, 'Dashboard', () => script.call('buildDashboard', {}));
  const report = measure(emulator, 'Report', () =>
    script.call('buildReport', { from: '2026-03-01', to: '2026-03-15' }),
  );
  const what = `${TRACKERS} trackers, 80-character names, ${ROWS} rows each`;
  return [dashboard, report].flatMap((figures, i) => {
    const name = i === 0 ? 'buildDashboard' : 'buildReport';
    return [
      {
        check: `${name}, ${what}: node time; then computed; sheet calls`,
        measured: `${Math.round(figures.ms)} ms; ${Math.round(figures.computeMs)} ms; ${figures.calls} calls`,
        limit: `at most ${MAX_CALLS} calls`,
        pass: figures.calls <= MAX_CALLS,
      },
      {
        check: `${name}, ${what}: longest formula`,
        measured: `${figures.longest} characters`,
        limit: `at most ${MAX_FORMULA}`,
        pass: figures.longest <= MAX_FORMULA,
      },
    ];
  });
}
