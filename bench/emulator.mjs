// The Sheets emulator (emulator/) is TypeScript; compile it once for the benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './load-bundle.mjs';

export async function loadEmulator() {
  const dir = path.join(ROOT, 'emulator');
  const result = await esbuild.build({
    entryPoints: [path.join(dir, 'sheets-emulator.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    define: { __dirname: JSON.stringify(dir) },
  });
  // Inside node_modules so the compiled file resolves hyperformula like the tests do.
  const file = path.join(ROOT, 'node_modules/.cache/bench/sheets-emulator.cjs');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, result.outputFiles[0].text);
  return createRequire(import.meta.url)(file);
}
