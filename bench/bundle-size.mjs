// What clasp pushes: build/Code.js and build/sidebar.html sizes, and what the size costs where it
// matters: every custom function call loads the whole script into a fresh context.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_PATH, ROOT } from './load-bundle.mjs';
import { median } from './timing.mjs';

const KB = 1024;
/**
 * Code.js: a bound against accidental bloat (the first release's 60 KB grew with the import, the
 * dashboard, the creators and the self-check); what the size costs is the cold call below,
 * limited on its own.
 */
const LIMITS = { 'build/Code.js': 300 * KB, 'build/sidebar.html': 75 * KB };
const COLD_RUNS = 11;
const COLD_LIMIT_MS = 10;

export function benchBundleSize() {
  const sizes = [BUNDLE_PATH, path.join(ROOT, 'build/sidebar.html')].map((file) => {
    const bytes = statSync(file).size;
    const name = path.relative(ROOT, file);
    return {
      check: `${name} size`,
      measured: `${bytes} bytes (${(bytes / KB).toFixed(1)} KB)`,
      limit: `${LIMITS[name]} bytes (${LIMITS[name] / KB} KB)`,
      pass: bytes < LIMITS[name],
    };
  });
  const script = path.join(ROOT, 'bench/cold-call.mjs');
  const coldMs = median(
    Array.from({ length: COLD_RUNS }, () =>
      Number(execFileSync(process.execPath, [script], { encoding: 'utf8' })),
    ),
  );
  return [
    ...sizes,
    {
      check: `a custom function call in a fresh process: load Code.js, ROI once (median of ${COLD_RUNS})`,
      measured: `${coldMs.toFixed(2)} ms`,
      limit: `< ${COLD_LIMIT_MS} ms`,
      pass: coldMs < COLD_LIMIT_MS,
    },
  ];
}
