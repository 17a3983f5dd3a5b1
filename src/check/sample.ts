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

/** Booked, nothing in yet; its post is too close to the end of the daily sales to judge a lift. */
const ANN: SampleRow = {
  handle: '@ann',
  platform: 'Pinterest',
  followers: 9000,
  postDate: '2026-03-23',
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

/** Paid in a currency the Rates sheet has no rate for; posted after the daily sales end. */
const KAI: SampleRow = {
  handle: '@kai',
  platform: 'TikTok',
  followers: 20000,
  postDate: '2026-04-20',
  fee: 100,
  clicks: 90,
  orders: 3,
  revenue: 300,
  currency: 'CHF',
};

/** The table's rows from the first data row; {} is a blank row between typed ones. */
export const SAMPLE_ROWS: readonly SampleRow[] = [JANE, TOM, {}, LENA, MAX, ANN, ZED, KAI];

/** An earlier campaign: @tom and @lena's usual engagement for the dashboard comes from it. */
export const EARLIER_OPTIONS: TrackerOptions = {
  ...SAMPLE_OPTIONS,
  campaignName: 'Self-check earlier',
  goalTarget: 50,
  startingRows: 2,
};

export const EARLIER_ROWS: readonly SampleRow[] = [
  {
    handle: '@Tom ',
    platform: 'TikTok',
    followers: 40000,
    postDate: '2026-02-20',
    fee: 120,
    productCost: 30,
    likes: 1500,
    comments: 100,
    clicks: 300,
    orders: 12,
    revenue: 480,
    newCustomers: 10,
  },
  {
    handle: '@lena',
    platform: 'YouTube',
    followers: 9000,
    postDate: '2026-02-24',
    fee: 200,
    productCost: 20,
    likes: 300,
    clicks: 50,
    orders: 4,
    revenue: 160,
  },
];

/** When each campaign was created: the earlier one gives creators their usual rates. */
export const CREATED = { earlier: '2026-02-01T09:00:00.000Z', main: '2026-03-01T09:00:00.000Z' };

/**
 * The "Daily sales" rows (Date, Sales): about six weeks around the posts, some days missing, one
 * day reported twice (its sales add up), a jump after @tom's post that stands out.
 */
export function sampleDailySales(): [string, number][] {
  const rows: [string, number][] = [];
  const start = Date.UTC(2026, 1, 10);
  for (let i = 0; i < 44; i++) {
    if (i % 9 === 4) continue;
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const jump = day >= '2026-03-12' && day <= '2026-03-15' ? 240 : 0;
    rows.push([day, 200 + ((i * 37) % 23) + jump]);
    if (i === 20) rows.push([day, 15.5]);
  }
  return rows;
}

/** The dashboard's settings: the defaults, with the awareness rates filled in. */
export const SAMPLE_INSIGHTS = { signupRate: 0.1, purchaseRate: 0.05, orderValue: 40 };

/** Awareness typed per campaign: followers before and after, mentions, visits, searches. */
export const SAMPLE_AWARENESS: Record<string, (number | '')[]> = {
  'Earlier tracker': [5000, 5200, 12, 800, 40],
  Tracker: [5200, 5900, 30, 2500, ''],
};

/** The report's range: the sample's first posts, not the booked one or the later ones. */
export const SAMPLE_PERIOD = { from: '2026-03-01', to: '2026-03-15' };
