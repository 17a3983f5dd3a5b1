// Loads build/Code.js into a node:vm context shaped like Apps Script (the same shape as
// emulator/apps-script-vm.ts): the language's built-ins, a console stub, nothing else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_PATH = path.join(ROOT, 'build/Code.js');

export function loadBundle(code = readFileSync(BUNDLE_PATH, 'utf8')) {
  const log = () => {};
  const sandbox = { console: { log, info: log, warn: log, error: log }, Logger: { log } };
  const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(code, context, { filename: 'Code.js' });
  /** Compiles and runs source inside the script's realm: what it returns belongs to that realm. */
  const run = (source) => vm.runInContext(source, context);
  return { context, run };
}
