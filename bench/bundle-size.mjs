// What clasp pushes must stay small: build/Code.js and build/sidebar.html under 60 KB each.
import { statSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_PATH, ROOT } from './load-bundle.mjs';

const LIMIT_BYTES = 60 * 1024;

export function benchBundleSize() {
  return [BUNDLE_PATH, path.join(ROOT, 'build/sidebar.html')].map((file) => {
    const bytes = statSync(file).size;
    return {
      check: `${path.relative(ROOT, file)} size`,
      measured: `${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`,
      limit: `${LIMIT_BYTES} bytes (60 KB)`,
      pass: bytes < LIMIT_BYTES,
    };
  });
}
