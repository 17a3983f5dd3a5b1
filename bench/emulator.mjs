// The benchmarks run TypeScript (the emulator, pure modules of src/): compiled once with esbuild
// into node_modules/.cache, so the compiled files resolve packages like the tests do.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './load-bundle.mjs';

async function compile(name, options) {
  const result = await esbuild.build({
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    ...options,
  });
  const file = path.join(ROOT, `node_modules/.cache/bench/${name}.cjs`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, result.outputFiles[0].text);
  return createRequire(import.meta.url)(file);
}

export function loadEmulator() {
  const dir = path.join(ROOT, 'emulator');
  return compile('sheets-emulator', {
    entryPoints: [path.join(dir, 'sheets-emulator.ts')],
    packages: 'external',
    define: { __dirname: JSON.stringify(dir) },
  });
}

/** Named exports of src/ modules, e.g. { 'src/creators/roster': ['mergeRoster'] }. */
export function loadSource(name, exportsByModule) {
  const contents = Object.entries(exportsByModule)
    .map(([module, names]) => `export { ${names.join(', ')} } from './${module}';`)
    .join('\n');
  return compile(name, { stdin: { contents, resolveDir: ROOT, loader: 'ts' } });
}

/**
 * A "Bench" tracker in an emulated spreadsheet with one Instagram row per [handle, code], for the
 * import benches; returns the emulator and the loaded bundle.
 */
export function trackerWithCodes(createEmulator, rows) {
  const emulator = createEmulator();
  const script = emulator.load();
  script.call('createTracker', {
    campaignName: 'Bench',
    product: '',
    currency: 'USD',
    goalType: 'orders',
    goalTarget: 100,
    otherChannelCac: null,
    startingRows: rows.length,
  });
  emulator.type(
    'Bench',
    'A8',
    rows.map(([handle, code]) => [handle, 'Instagram', '', '', '', code]),
  );
  return { emulator, script };
}
