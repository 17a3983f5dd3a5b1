// Small, realistic inputs shared by the tests: the tracker form and the domain brief's worked
// examples typed as tracker rows (columns A to R, the inputs).

export const TRACKER_FORM = {
  campaignName: 'Spring launch',
  product: 'B0C1234XYZ',
  currency: 'USD',
  goalType: 'orders',
  goalTarget: 100,
  otherChannelCac: 10,
  startingRows: 25,
};

/** $500 spent, $2,000 sold (ROI 3); 1,000 engagements on 15k followers; 30 orders from 600 clicks. */
export const JANE = [
  '@jane',
  'Instagram',
  15000,
  '2026-03-14',
  'https://instagram.com/p/1',
  'JANE10',
  'https://shop.com/?c=jane',
  400,
  100,
  20000,
  900,
  100,
  0,
  0,
  600,
  30,
  2000,
  40,
];
/** $200 spent, $1,200 sold (ROI 5); 40 new customers (CAC $5); 8% engagement, under TikTok's norm. */
export const TOM = [
  '@tom',
  'TikTok',
  50000,
  '2026-03-15',
  'https://tiktok.com/@tom/1',
  'TOM10',
  'https://shop.com/?c=tom',
  150,
  50,
  60000,
  3000,
  200,
  300,
  500,
  800,
  40,
  1200,
  40,
];

/** The message of the error `run` throws; fails the test when it throws none. */
export function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}
