// Custom functions at sheet scale: one ROI call over two 100,000-row columns against a bare
// loop doing the same arithmetic, both in the realm of the loaded bundle.
import { loadBundle } from './load-bundle.mjs';
import { median, timeOnce } from './timing.mjs';

const ROWS = 100_000;
const WARMUP_RUNS = 20;
const MEASURED_RUNS = 21;
const MAX_RATIO = 3;

// Realistic, all valid: revenue $0 to $20,000, cost $50 to $5,000 (never 0), in cents.
const MAKE_COLUMNS = `(function makeColumns(rows) {
  var seed = 20240601;
  function next() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
  var revenue = new Array(rows);
  var cost = new Array(rows);
  for (var i = 0; i < rows; i++) {
    revenue[i] = [Math.round(next() * 2000000) / 100];
    cost[i] = [Math.round(5000 + next() * 495000) / 100];
  }
  return { revenue: revenue, cost: cost };
})`;

// What ROI must not cost more than 3 times: read the same 2-D arrays, build the same 2-D result.
const BARE_LOOP = `(function bareRoi(revenue, cost) {
  var rows = revenue.length;
  var result = new Array(rows);
  for (var i = 0; i < rows; i++) {
    var r = revenue[i][0];
    var c = cost[i][0];
    result[i] = [(r - c) / c];
  }
  return result;
})`;

export function benchFunctions() {
  const { context, run } = loadBundle();
  const { revenue, cost } = run(MAKE_COLUMNS)(ROWS);
  const bare = run(BARE_LOOP);
  const roi = () => context.ROI(revenue, cost);
  const loop = () => bare(revenue, cost);

  // The first call also builds the library (the bundle loads it lazily): shown, not limited.
  let first;
  const coldMs = timeOnce(() => {
    first = roi();
  });
  const same = sameResult(first, loop());
  for (let i = 0; i < WARMUP_RUNS; i++) {
    roi();
    loop();
  }
  const roiTimes = [];
  const loopTimes = [];
  for (let i = 0; i < MEASURED_RUNS; i++) {
    roiTimes.push(timeOnce(roi));
    loopTimes.push(timeOnce(loop));
  }
  const roiMs = median(roiTimes);
  const loopMs = median(loopTimes);
  const ratio = roiMs / loopMs;
  const label = `${ROWS.toLocaleString('en-US')} rows, median of ${MEASURED_RUNS}`;
  return [
    {
      check: 'ROI(revenue, cost), first call (cold)',
      measured: `${coldMs.toFixed(2)} ms`,
      limit: '',
    },
    { check: `ROI(revenue, cost), ${label}`, measured: `${roiMs.toFixed(2)} ms`, limit: '' },
    { check: `bare loop, ${label}`, measured: `${loopMs.toFixed(2)} ms`, limit: '' },
    {
      check: 'ROI / bare loop',
      measured: `${ratio.toFixed(2)}x`,
      limit: `${MAX_RATIO}x`,
      pass: ratio <= MAX_RATIO,
    },
    {
      check: 'ROI result equals the bare loop result',
      measured: same === true ? 'equal' : same,
      limit: 'equal',
      pass: same === true,
    },
  ];
}

/** true, or where the two 2-D results first differ. */
function sameResult(actual, expected) {
  if (!Array.isArray(actual) || actual.length !== expected.length) {
    return `ROI returned ${Array.isArray(actual) ? `${actual.length} rows` : typeof actual}`;
  }
  for (let i = 0; i < expected.length; i++) {
    const row = actual[i];
    if (!Array.isArray(row) || row.length !== 1 || !Object.is(row[0], expected[i][0])) {
      return `row ${i + 1}: ${JSON.stringify(row)} vs ${JSON.stringify(expected[i])}`;
    }
  }
  return true;
}
