// Vitest's global setup: finds (and, from the npm package, unpacks) the browser once before the
// test files run in parallel, and hands its path to them as CHROMIUM_PATH.
import { findChromium } from '../../scripts/chromium.mjs';

export default async function setup(): Promise<void> {
  if (process.env.CHROMIUM_PATH) return;
  try {
    process.env.CHROMIUM_PATH = (await findChromium()).path;
  } catch {
    // No browser: the browser tests say what to install when they launch one.
  }
}
