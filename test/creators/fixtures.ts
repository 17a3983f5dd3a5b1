// Three campaigns of one brand (reporting in USD). Creators recur with case and "@" variations;
// money is paid and sold in USD, EUR and GBP, and one row is in CAD, whose rate row was left
// blank. Jane's spring revenue is net of a $50 refund; Tom's autumn row is refunds only; Leo's
// code leaked to a coupon site. The numbers are small and round so tests can do the arithmetic.

import type { PostRow, TrackerPosts } from '../../src/creators/roster';
import { type RateRow, rateTable } from '../../src/money/money';

export const EUR = 1.08;
export const GBP = 1.25;

export const RATE_ROWS: RateRow[] = [
  { currency: 'EUR', rate: EUR, date: '2025-09-01', row: 2 },
  { currency: 'gbp', rate: GBP, date: '2025-09-01', row: 3 },
  { currency: 'CAD', rate: Number.NaN, date: '', row: 4 },
];

export const RATES = rateTable('USD', RATE_ROWS);

export const janeSpring: PostRow = {
  row: 8,
  handle: '@Jane.Doe',
  platform: 'Instagram',
  followers: 24_000,
  postDate: '2025-03-03',
  fee: 300,
  product: 40,
  shipping: 10,
  discount: 125,
  commissionRate: 0.1,
  revenue: 1300 - 50,
  orders: 31,
  clicks: 620,
  newCustomers: 25,
  engagements: 912,
  deliveredOnTime: true,
  paymentStatus: 'Paid',
};

export const tomSpring: PostRow = {
  row: 9,
  handle: '@tom_bakes',
  platform: 'TikTok',
  followers: 8_500,
  postDate: '2025-03-05',
  fee: 150,
  product: 25,
  discount: 42,
  revenue: 420,
  orders: 12,
  clicks: 300,
  newCustomers: 10,
  engagements: 1_020,
  deliveredOnTime: false,
};

/** Orders outrun clicks, and the first order came two days before the post. */
export const leoSpring: PostRow = {
  row: 10,
  handle: '@leo.unboxes',
  platform: 'YouTube',
  followers: 15_000,
  postDate: '2025-03-10',
  fee: 200,
  revenue: 3_400,
  orders: 85,
  clicks: 60,
  newCustomers: 70,
  engagements: 900,
  firstOrderDate: '2025-03-08',
  deliveredOnTime: true,
};

/** Paid and sold in euros in a dollar tracker. */
export const miaSpring: PostRow = {
  row: 11,
  handle: 'mia.makes',
  platform: 'instagram',
  followers: 12_000,
  postDate: '2025-03-12',
  currency: 'EUR',
  fee: 250,
  revenue: 600,
  orders: 15,
  clicks: 400,
  newCustomers: 12,
  engagements: 300,
  deliveredOnTime: true,
  paymentStatus: 'Invoice sent',
};

export const SPRING: TrackerPosts = {
  tracker: 'Spring launch',
  currency: 'USD',
  grossMargin: 0.6,
  rows: [janeSpring, tomSpring, leoSpring, miaSpring],
};

/** Paid in euros (the tracker's currency), sold on Amazon US in dollars, own margin. */
export const janeSummer: PostRow = {
  row: 8,
  handle: ' @JANE.DOE ',
  platform: 'instagram',
  followers: 26_000,
  postDate: '2025-06-02',
  fee: 320,
  agencyFees: 50,
  salesCurrency: 'USD',
  discount: 98,
  commissionRate: 0.1,
  revenue: 980,
  orders: 24,
  clicks: 700,
  newCustomers: 20,
  engagements: 1_040,
  grossMargin: 0.5,
  deliveredOnTime: true,
};

export const tomSummer: PostRow = {
  row: 9,
  handle: 'Tom_Bakes',
  platform: 'TikTok',
  followers: 9_200,
  postDate: '2025-06-04',
  fee: 140,
  revenue: 510,
  orders: 17,
  clicks: 410,
  newCustomers: 15,
  engagements: 1_150,
  deliveredOnTime: true,
};

export const kofiSummer: PostRow = {
  row: 10,
  handle: '@kofi.reviews',
  platform: 'YouTube',
  followers: 48_000,
  postDate: '2025-06-06',
  currency: 'GBP',
  fee: 400,
  product: 30,
  revenue: 1_150,
  orders: 23,
  clicks: 510,
  newCustomers: 20,
  engagements: 3_100,
};

/** Canadian dollars: the rate row for CAD is blank, so this row stays out of every total. */
export const noraSummer: PostRow = {
  row: 11,
  handle: '@nora.nl',
  platform: 'Instagram',
  followers: 9_000,
  postDate: '2025-06-09',
  currency: 'CAD',
  fee: 180,
  revenue: 260,
  orders: 7,
  clicks: 150,
  newCustomers: 6,
  engagements: 410,
};

export const SUMMER: TrackerPosts = {
  tracker: 'Summer sale',
  currency: 'EUR',
  grossMargin: 0.55,
  rows: [janeSummer, tomSummer, kofiSummer, noraSummer],
};

/** "janedoe" without the dot: maybe Jane, maybe not. Listed for the team, never merged. */
export const janedoeAutumn: PostRow = {
  row: 8,
  handle: 'janedoe',
  platform: 'Instagram',
  followers: 27_000,
  postDate: '2025-09-01',
  fee: 350,
  revenue: 1_400,
  orders: 33,
  clicks: 800,
  newCustomers: 30,
  engagements: 1_080,
};

export const kofiAutumn: PostRow = {
  row: 9,
  handle: '@Kofi.Reviews',
  platform: 'youtube',
  followers: 51_000,
  postDate: '2025-09-03',
  currency: 'GBP',
  fee: 420,
  revenue: 1_300,
  orders: 26,
  clicks: 560,
  newCustomers: 22,
  engagements: 2_550,
  grossMargin: 0.45,
  deliveredOnTime: true,
};

/** No sales this time and a late refund of an earlier order: revenue is negative. */
export const tomAutumn: PostRow = {
  row: 10,
  handle: '@TOM_BAKES',
  platform: 'TikTok',
  followers: 10_100,
  postDate: '2025-09-05',
  fee: 160,
  commissionRate: 0.05,
  revenue: -40,
  orders: 0,
  clicks: 220,
  newCustomers: 0,
  engagements: 800,
  deliveredOnTime: true,
};

/** Paid in pounds, sold in euros. */
export const miaAutumn: PostRow = {
  row: 11,
  handle: '@Mia.Makes',
  platform: 'Instagram',
  followers: 13_500,
  postDate: '2025-09-08',
  currency: 'GBP',
  fee: 200,
  salesCurrency: 'EUR',
  revenue: 700,
  orders: 19,
  clicks: 450,
  newCustomers: 16,
  engagements: 270,
  deliveredOnTime: false,
};

export const AUTUMN: TrackerPosts = {
  tracker: 'Autumn bundle',
  currency: 'USD',
  rows: [janedoeAutumn, kofiAutumn, tomAutumn, miaAutumn],
};

export const TRACKERS = [SPRING, SUMMER, AUTUMN];

/** A tracker's rows with the tracker's currency filled in, as totals take them. */
export function withCurrency(tracker: TrackerPosts) {
  return tracker.rows.map((row) => ({ ...row, currency: row.currency ?? tracker.currency }));
}

/** The "Creators" sheet as the team left it after the last sync. */
export const ROSTER_SHEET: (string | number)[][] = [
  ['Creator', 'Platform', 'Status', 'Posts', 'Notes', 'Contact', 'Payment status'],
  ['@jane.doe', 'Instagram', 'Active', 1, 'Loves the blue bottle', 'jane@example.com', 'Paid'],
  ['@old.friend', 'TikTok', 'Active', 3, 'Moved to a competitor', '', 'Paid'],
  ['@TOM_BAKES', 'tiktok', 'Active', 1, 'Invoice monthly', '', ''],
  ['', '', '', '', '', '', ''],
];
