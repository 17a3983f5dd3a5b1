// The test bench's Sheets emulator is TypeScript; compile it once for the benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './load-bundle.mjs';

export async function loadEmulator() {
  const harness = path.join(ROOT, 'test/harness');
  const result = await esbuild.build({
    entryPoints: [path.join(harness, 'sheets-emulator.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    define: { __dirname: JSON.stringify(harness) },
  });
  // Inside node_modules so the compiled file resolves hyperformula like the tests do.
  const file = path.join(ROOT, 'node_modules/.cache/bench/sheets-emulator.cjs');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, result.outputFiles[0].text);
  return createRequire(import.meta.url)(file);
}
