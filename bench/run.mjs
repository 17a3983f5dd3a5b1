// npm run bench: builds first (see package.json), then runs every benchmark module and prints
// one table. Each module exports a function returning rows { check, measured, limit, pass? };
// a row with pass === false makes the run exit non-zero. Add a module to BENCHMARKS to extend.
import { existsSync } from 'node:fs';
import { benchBigFile } from './big-file.mjs';
import { benchBundleSize } from './bundle-size.mjs';
import { benchCheck } from './check.mjs';
import { benchCreators } from './creators.mjs';
import { benchFunctions } from './functions.mjs';
import { benchImport } from './import.mjs';
import { benchInsights } from './insights.mjs';
import { benchLedger } from './ledger.mjs';
import { BUNDLE_PATH } from './load-bundle.mjs';
import { benchPreview } from './preview.mjs';
import { benchProperties } from './properties.mjs';
import { benchRepair } from './repair.mjs';
import { benchScale } from './scale.mjs';
import { benchTracker } from './tracker.mjs';
import { benchYear } from './year.mjs';

const BENCHMARKS = [
  { title: 'Custom functions', run: benchFunctions },
  { title: 'Bundle', run: benchBundleSize },
  { title: 'Sheet calls', run: benchTracker },
  { title: 'Repair tracker', run: benchRepair },
  { title: 'Properties', run: benchProperties },
  { title: 'Preview', run: benchPreview },
  { title: 'Import', run: benchImport },
  { title: 'Big file', run: benchBigFile },
  { title: 'Import ledger', run: benchLedger },
  { title: 'Dashboard', run: benchInsights },
  { title: 'Creators', run: benchCreators },
  { title: 'Scale', run: benchScale },
  { title: 'A year of use', run: benchYear },
  { title: 'Self-check', run: benchCheck },
];

async function main() {
  if (!existsSync(BUNDLE_PATH)) {
    throw new Error(`${BUNDLE_PATH} does not exist: run npm run build (npm run bench does).`);
  }
  if (typeof globalThis.gc !== 'function') {
    console.warn('note: run with node --expose-gc for steadier figures (npm run bench does).');
  }
  const rows = [];
  for (const { title, run } of BENCHMARKS) {
    for (const row of await run()) rows.push({ section: title, ...row });
  }
  printTable(rows);
  const failed = rows.filter((row) => row.pass === false);
  console.log(
    failed.length ? `\nFAIL: ${failed.length} limit(s) broken.` : '\nPASS: all limits held.',
  );
  return failed.length ? 1 : 0;
}

function printTable(rows) {
  const header = ['section', 'check', 'measured', 'limit', 'result'];
  const cells = rows.map((row) => [
    row.section,
    row.check,
    row.measured,
    row.limit,
    row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values) =>
    values
      .map((value, i) => value.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of cells) console.log(line(row));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`bench: ${error.message}`);
    process.exitCode = 1;
  },
);
