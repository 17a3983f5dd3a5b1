// Timing helpers shared by the benchmarks. Run with --expose-gc so a collection left over from
// one run is not billed to the next.
import { performance } from 'node:perf_hooks';

export function timeOnce(fn) {
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
