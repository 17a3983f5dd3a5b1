// Run as its own process by bench/bundle-size.mjs: the first custom function call of a fresh
// runtime, as Sheets makes one per call: load Code.js, call ROI once, print the milliseconds.
import { readFileSync } from 'node:fs';
import { BUNDLE_PATH, loadBundle } from './load-bundle.mjs';

const code = readFileSync(BUNDLE_PATH, 'utf8');
const started = performance.now();
const { context } = loadBundle(code);
if (context.ROI(2000, 500) !== 3) throw new Error('ROI(2000, 500) is not 3');
console.log(performance.now() - started);
