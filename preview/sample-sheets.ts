// The sheet tabs the preview's sample (sample.ts) shows, left to right, kept apart from the
// sample so test/docs.test.ts can read them without loading the emulator.
// test/insights/dashboard.test.ts checks them on the built sample; docs/preview.json, written
// by npm run screenshot beside the README's picture, must list the same.
export const SAMPLE_SHEETS = [
  'Sheet1',
  'Glow serum launch',
  'Dashboard',
  'Daily sales',
  'Rates',
  'Creators',
  'Plan',
  'Report',
];
