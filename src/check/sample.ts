// The fixed sample the self-check builds on its scratch sheets: one small campaign that walks
// through every pattern the tracker's formulas hold (typed and blank rows, typed zeros, two
// other currencies and one without a rate, a leaked code, a booked post with nothing in yet).
import type { RateRow } from '../money/money';
import type { TrackerOptions } from '../shared/api';
import type { ColumnKey } from '../tracker/columns';

export const SAMPLE_OPTIONS: TrackerOptions = {
  campaignName: 'Self-check',
  product: 'B0CHECK001',
  currency: 'USD',
  goalType: 'orders',
  goalTarget: 200,
  otherChannelCac: 10,
  startingRows: 9,
};

/** The campaign's Gross margin setting, typed above the table. */
export const SAMPLE_MARGIN = 0.6;

/** The Rates sheet's rows: a repeated EUR (the first row wins) and a CHF without a rate. */
export const SAMPLE_RATES: readonly RateRow[] = [
  { currency: 'EUR', rate: 1.1, date: '2026-03-01' },
  { currency: 'GBP', rate: 1.25, date: '2026-03-01' },
  { currency: 'EUR', rate: 9.99, date: '2026-02-01' },
  { currency: 'CHF', rate: Number.NaN, date: '' },
];

export type SampleValue = string | number;
/** One tracker row's typed inputs; a key left out is a blank cell. */
export type SampleRow = Partial<Record<ColumnKey, SampleValue>>;

const JANE: SampleRow = {
  handle: '@jane',
  platform: 'Instagram',
  followers: 15000,
  postDate: '2026-03-10',
  promoCode: 'JANE10',
  fee: 400,
  productCost: 100,
  reach: 20000,
  likes: 900,
  comments: 100,
  shares: 0,
  saves: 0,
  clicks: 600,
  orders: 30,
  revenue: 2000,
  newCustomers: 40,
  usualEngagementRate: 0.05,
  contentValue: 150,
};

const TOM: SampleRow = {
  handle: '@tom',
  platform: 'TikTok',
  followers: 50000,
  postDate: '2026-03-12',
  promoCode: 'TOM10',
  fee: 150,
  productCost: 50,
  reach: 60000,
  likes: 3000,
  comments: 200,
  shares: 300,
  saves: 500,
  clicks: 800,
  orders: 40,
  revenue: 1200,
  discount: 60,
  commissionRate: 0.1,
  agencyFees: 25,
  grossMargin: 0.5,
};

/** Paid in euros (typed in lower case), sold in pounds; converts too well, and sold early. */
const LENA: SampleRow = {
  handle: '@lena',
  platform: 'YouTube',
  followers: 8000,
  postDate: '2026-03-13',
  promoCode: 'LENA10',
  fee: 300,
  productCost: 40,
  likes: 400,
  comments: 40,
  clicks: 120,
  orders: 30,
  revenue: 900,
  newCustomers: 12,
  currency: 'eur',
  salesCurrency: 'GBP',
  firstOrderDate: '2026-03-11',
};

/** More orders than clicks: the code is on a coupon site. */
const MAX: SampleRow = {
  handle: '@max',
  platform: 'Instagram',
  followers: 12000,
  postDate: '2026-03-14',
  promoCode: 'MAX10',
  fee: 200,
  productCost: 0,
  clicks: 10,
  orders: 25,
  revenue: 700,
  newCustomers: 20,
};

/** Booked, nothing in yet. */
const ANN: SampleRow = {
  handle: '@ann',
  platform: 'Pinterest',
  followers: 9000,
  postDate: '2026-03-20',
  promoCode: 'ANN10',
  fee: 250,
  productCost: 30,
};

/** Typed zeros are real zeros, never blanks. */
const ZED: SampleRow = {
  handle: '@zed',
  platform: 'Facebook',
  followers: 5000,
  postDate: '2026-03-15',
  fee: 0,
  productCost: 0,
  likes: 0,
  comments: 0,
  clicks: 0,
  orders: 0,
  revenue: 0,
  newCustomers: 0,
};

/** Paid in a currency the Rates sheet has no rate for. */
const KAI: SampleRow = {
  handle: '@kai',
  platform: 'TikTok',
  followers: 20000,
  postDate: '2026-03-16',
  fee: 100,
  clicks: 90,
  orders: 3,
  revenue: 300,
  currency: 'CHF',
};

/** The table's rows from the first data row; {} is a blank row between typed ones. */
export const SAMPLE_ROWS: readonly SampleRow[] = [JANE, TOM, {}, LENA, MAX, ANN, ZED, KAI];
