// What clasp pushes must stay small: build/Code.js under 60 KB.
import { statSync } from 'node:fs';
import { BUNDLE_PATH } from './load-bundle.mjs';

const LIMIT_BYTES = 60 * 1024;

export function benchBundleSize() {
  const bytes = statSync(BUNDLE_PATH).size;
  return [
    {
      check: 'build/Code.js size',
      measured: `${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`,
      limit: `${LIMIT_BYTES} bytes (60 KB)`,
      pass: bytes < LIMIT_BYTES,
    },
  ];
}
