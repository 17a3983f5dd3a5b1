// The tracker as data: one row per influencer post, one entry per column. Headers, formulas,
// formats, validation, notes, widths and protection are all derived from this table.

import { BASELINE_WORDS, leakFormula } from '../money/leaks';
import {
  convertFormula,
  fullCostFormula,
  marginFormula,
  profitRoiFormula,
  rateFormula,
} from '../money/money';
import type { ValueKind } from '../shared/value-kind';
import { ratioFormula, roiFormula } from '../sheet/formulas';
import type { Cells } from './summary';

export type ColumnKey =
  | 'handle'
  | 'platform'
  | 'followers'
  | 'postDate'
  | 'postUrl'
  | 'promoCode'
  | 'trackingLink'
  | 'fee'
  | 'productCost'
  | 'reach'
  | 'likes'
  | 'comments'
  | 'shares'
  | 'saves'
  | 'clicks'
  | 'orders'
  | 'revenue'
  | 'newCustomers'
  | 'totalCost'
  | 'engagements'
  | 'engagementRate'
  | 'conversionRate'
  | 'cpe'
  | 'cac'
  | 'aov'
  | 'roi'
  | 'roas'
  | 'bonus'
  | 'lastImport'
  | 'usualEngagementRate'
  | 'sentiment'
  | 'sentimentNote'
  | 'contentValue'
  | 'currency'
  | 'salesCurrency'
  | 'discount'
  | 'commissionRate'
  | 'agencyFees'
  | 'grossMargin'
  | 'deliveredOnTime'
  | 'paymentStatus'
  | 'rate'
  | 'salesRate'
  | 'fullCost'
  | 'reportingRevenue'
  | 'profitRoi'
  | 'possibleLeak'
  | 'firstOrderDate';

/**
 * What a column holds; decides its number format and validation: a kind of value, or a kind of
 * text the tracker validates (a platform, a link, a currency code...).
 */
export type ValueType =
  | Exclude<ValueKind, 'decimal'>
  | 'code'
  | 'platform'
  | 'url'
  | 'sentiment'
  | 'currency'
  | 'yesNo';

/** Column references by key, as open ranges from the first data row (e.g. "H8:H"). */
export type Refs = Record<ColumnKey, string>;

export interface Column {
  key: ColumnKey;
  header: string;
  type: ValueType;
  width: number;
  /**
   * Derived columns only: the expression for every row at once, blank where it can't be
   * computed; `s` holds the addresses of the settings and totals above the table.
   */
  formula?: (c: Refs, s: Cells) => string;
  /** The header's note; for a derived column, its formula in words. */
  note: string;
}

const BASE_COLUMNS: readonly Column[] = [
  {
    key: 'handle',
    header: 'Influencer',
    type: 'text',
    width: 150,
    note: "The creator's handle, e.g. @janedoe. A row counts once it has a handle.",
  },
  {
    key: 'platform',
    header: 'Platform',
    type: 'platform',
    width: 100,
    note: 'Where the post ran; pick from the list.',
  },
  {
    key: 'followers',
    header: 'Followers',
    type: 'count',
    width: 100,
    note: 'Followers when the post went live.',
  },
  {
    key: 'postDate',
    header: 'Post date',
    type: 'date',
    width: 100,
    note: 'The day the post went live: watch sales around it.',
  },
  { key: 'postUrl', header: 'Post URL', type: 'url', width: 180, note: 'Link to the post itself.' },
  {
    key: 'promoCode',
    header: 'Promo code',
    type: 'code',
    width: 100,
    note: 'One code per influencer, never shared: duplicates are highlighted.',
  },
  {
    key: 'trackingLink',
    header: 'Tracking link',
    type: 'url',
    width: 180,
    note: 'One link per influencer (UTM or Amazon Attribution): duplicates are highlighted.',
  },
  { key: 'fee', header: 'Fee', type: 'money', width: 100, note: 'What the creator was paid.' },
  {
    key: 'productCost',
    header: 'Product + shipping',
    type: 'money',
    width: 100,
    note: 'Cost of the product given away and of shipping it.',
  },
  {
    key: 'reach',
    header: 'Reach / impressions',
    type: 'count',
    width: 100,
    note: 'Impressions or views of the post.',
  },
  { key: 'likes', header: 'Likes', type: 'count', width: 100, note: 'Likes on the post.' },
  { key: 'comments', header: 'Comments', type: 'count', width: 100, note: 'Comments on the post.' },
  { key: 'shares', header: 'Shares', type: 'count', width: 100, note: 'Shares of the post.' },
  { key: 'saves', header: 'Saves', type: 'count', width: 100, note: 'Saves of the post.' },
  {
    key: 'clicks',
    header: 'Clicks',
    type: 'count',
    width: 100,
    note: 'Clicks on the tracking link.',
  },
  {
    key: 'orders',
    header: 'Orders',
    type: 'count',
    width: 100,
    note: 'Orders attributed to the code or link.',
  },
  {
    key: 'revenue',
    header: 'Revenue',
    type: 'money',
    width: 100,
    note: 'Sales attributed to the code or link.',
  },
  {
    key: 'newCustomers',
    header: 'New customers',
    type: 'count',
    width: 100,
    note: 'First-time buyers among those orders.',
  },
  {
    key: 'totalCost',
    header: 'Total cost',
    type: 'money',
    width: 100,
    formula: (c) => `${c.fee}+${c.productCost}`,
    note: 'Total cost = fee + product and shipping cost.',
  },
  {
    key: 'engagements',
    header: 'Engagements',
    type: 'count',
    width: 100,
    formula: (c) =>
      `IF(ISNUMBER(${c.likes})+ISNUMBER(${c.comments})+ISNUMBER(${c.shares})+ISNUMBER(${c.saves}), ${c.likes}+${c.comments}+${c.shares}+${c.saves}, "")`,
    note: 'Engagements = likes + comments + shares + saves; blank while all four are blank.',
  },
  {
    key: 'engagementRate',
    header: 'Engagement rate',
    type: 'rate',
    width: 100,
    formula: (c) => ratioFormula(c.engagements, c.followers),
    note: 'Engagement rate = engagements / followers. Yellow: below the usual rate for the platform.',
  },
  {
    key: 'conversionRate',
    header: 'Conversion rate',
    type: 'rate',
    width: 100,
    formula: (c) => ratioFormula(c.orders, c.clicks),
    note: 'Conversion rate = orders / clicks.',
  },
  {
    key: 'cpe',
    header: 'CPE',
    type: 'money',
    width: 100,
    formula: (c) => ratioFormula(c.totalCost, c.engagements),
    note: 'Cost per engagement = total cost / engagements.',
  },
  {
    key: 'cac',
    header: 'CAC',
    type: 'money',
    width: 100,
    formula: (c) => ratioFormula(c.totalCost, c.newCustomers),
    note: 'Customer acquisition cost = total cost / new customers.',
  },
  {
    key: 'aov',
    header: 'AOV',
    type: 'money',
    width: 100,
    formula: (c) => ratioFormula(c.revenue, c.orders),
    note: 'Average order value = revenue / orders.',
  },
  {
    key: 'roi',
    header: 'ROI',
    type: 'rate',
    width: 100,
    formula: (c) => roiFormula(c.revenue, c.totalCost),
    note: 'ROI = (revenue - total cost) / total cost. Green above zero, red below.',
  },
  {
    key: 'roas',
    header: 'ROAS',
    type: 'multiple',
    width: 100,
    formula: (c) => ratioFormula(c.revenue, c.totalCost),
    note: 'ROAS = revenue / total cost (ROI + 1).',
  },
  // Filled by Import results; appended last so trackers made before keep their layout.
  {
    key: 'bonus',
    header: 'Brand Referral Bonus',
    type: 'money',
    width: 110,
    note: "Amazon's Brand Referral Bonus from the Attribution report when it has one, else Amazon-attributed sales x the team's rate (10% by default). Filled by Import results.",
  },
  {
    key: 'lastImport',
    header: 'Last import',
    type: 'text',
    width: 220,
    note: 'Where the imported numbers came from: each source\'s report and when it was imported, e.g. "Shopify orders, 2025-06-30 14:02".',
  },
  // Value beyond direct sales, read by the dashboard; appended so older trackers keep their layout.
  {
    key: 'usualEngagementRate',
    header: 'Usual engagement rate',
    type: 'rate',
    width: 110,
    note: "The creator's usual engagement rate on their own posts (e.g. 4%), to compare this post with. Rates typed for a creator are averaged; none typed, the dashboard and the Creators sheet use their engagements / followers over their posts.",
  },
  {
    key: 'sentiment',
    header: 'Sentiment',
    type: 'sentiment',
    width: 100,
    note: 'How the audience took the post: positive, neutral or negative.',
  },
  {
    key: 'sentimentNote',
    header: 'Sentiment note',
    type: 'text',
    width: 200,
    note: 'A short note on the comments, e.g. "many ask where to buy".',
  },
  {
    key: 'contentValue',
    header: 'Reusable content value',
    type: 'money',
    width: 110,
    note: 'What this creative would have cost to produce, when the brand may reuse it (ads, product page); leave empty otherwise. Counts in total value, never in ROI.',
  },
];

/** The row's currency: its own, else the tracker's. */
const paidIn = (c: Refs, s: Cells) => `IF(${c.currency}="", ${s.currency}, ${c.currency})`;
/** The currency sales are in: the row's sales currency, else the one it is paid in. */
const soldIn = (c: Refs, s: Cells) =>
  `IF(${c.salesCurrency}="", ${paidIn(c, s)}, ${c.salesCurrency})`;
/** The reporting currency setting, else the tracker's currency. */
export const reportingIn = (s: Cells) =>
  `IF(${s.reportingCurrency}="", ${s.currency}, ${s.reportingCurrency})`;

/**
 * Money done right (domain brief: full cost, profit ROI), appended so older trackers keep their
 * layout. Inputs first, then what they compute in the reporting currency.
 */
const MONEY_COLUMNS: readonly Column[] = [
  {
    key: 'currency',
    header: 'Currency',
    type: 'currency',
    width: 100,
    note: "The currency the fee, product, shipping and agency fees were paid in, e.g. EUR. Empty: the tracker's currency.",
  },
  {
    key: 'salesCurrency',
    header: 'Sales currency',
    type: 'currency',
    width: 100,
    note: 'The currency of revenue and the customer discount. Empty: the same as Currency.',
  },
  {
    key: 'discount',
    header: 'Customer discount',
    type: 'money',
    width: 100,
    note: 'What customers saved through the code, in the sales currency: part of the full cost.',
  },
  {
    key: 'commissionRate',
    header: 'Commission rate',
    type: 'rate',
    width: 100,
    note: "The creator's commission as a share of attributed revenue, e.g. 10%.",
  },
  {
    key: 'agencyFees',
    header: 'Agency fees',
    type: 'money',
    width: 100,
    note: 'What an agency charged for this post, in Currency.',
  },
  {
    key: 'grossMargin',
    header: 'Gross margin',
    type: 'rate',
    width: 100,
    note: "This row's gross margin, e.g. 60%. Empty: the campaign's Gross margin setting.",
  },
  {
    key: 'deliveredOnTime',
    header: 'Delivered on time',
    type: 'yesNo',
    width: 100,
    note: 'yes or no: did the post go live when agreed? Counted per creator in the Creators sheet.',
  },
  {
    key: 'paymentStatus',
    header: 'Payment status',
    type: 'text',
    width: 100,
    note: 'e.g. Paid, Invoiced, Due.',
  },
  {
    key: 'rate',
    header: 'Rate',
    type: 'fx',
    width: 100,
    formula: (c, s) => rateFormula(paidIn(c, s), reportingIn(s)),
    note: 'Rate of Currency to the reporting currency, from the Rates sheet (1 for the reporting currency). "No rate": add the currency to the Rates sheet.',
  },
  {
    key: 'salesRate',
    header: 'Sales rate',
    type: 'fx',
    width: 100,
    formula: (c, s) => rateFormula(soldIn(c, s), reportingIn(s)),
    note: 'Rate of Sales currency to the reporting currency, from the Rates sheet. "No rate": add the currency to the Rates sheet.',
  },
  {
    key: 'fullCost',
    header: 'Full cost (reporting)',
    type: 'amount',
    width: 110,
    formula: (c) =>
      fullCostFormula(
        {
          fee: c.fee,
          product: c.productCost,
          agencyFees: c.agencyFees,
          discount: c.discount,
          commissionRate: c.commissionRate,
          revenue: c.revenue,
        },
        { paid: c.rate, sales: c.salesRate },
      ),
    note: 'Full cost = (fee + product and shipping + agency fees) x Rate + (customer discount + commission rate x revenue) x Sales rate, in the reporting currency. "No rate": left out of the totals.',
  },
  {
    key: 'reportingRevenue',
    header: 'Revenue (reporting)',
    type: 'amount',
    width: 110,
    formula: (c) => convertFormula(c.revenue, c.salesRate, [c.rate]),
    note: 'Revenue x Sales rate: revenue in the reporting currency. "No rate": left out of the totals.',
  },
  {
    key: 'profitRoi',
    header: 'Profit ROI',
    type: 'rate',
    width: 110,
    formula: (c, s) =>
      profitRoiFormula(c.reportingRevenue, c.fullCost, marginFormula(c.grossMargin, s.grossMargin)),
    note: "Profit ROI = (revenue x gross margin - full cost) / full cost, in the reporting currency; the row's gross margin, else the campaign's. Shown beside ROI, never instead of it.",
  },
  {
    key: 'possibleLeak',
    header: 'Possible code leak',
    type: 'text',
    width: 220,
    formula: (c) =>
      leakFormula(
        {
          orders: c.orders,
          clicks: c.clicks,
          postDate: c.postDate,
          firstOrderDate: c.firstOrderDate,
        },
        { orders: c.orders, clicks: c.clicks },
      ),
    note: `Why the code may have leaked to coupon sites: more orders than clicks, a conversion rate over 3x that of ${BASELINE_WORDS} (from 5 orders; no such rows: no test), or orders before the post date (First order date). Empty: no sign.`,
  },
  // Filled by Import results; appended last so trackers made before keep their layout.
  {
    key: 'firstOrderDate',
    header: 'First order date',
    type: 'date',
    width: 100,
    note: 'The day of the earliest order carrying the code or link, from every imported report (empty when no report gives dates). Filled by Import results; an order before the post date is a sign of a leaked code.',
  },
];

export const COLUMNS: readonly Column[] = [...BASE_COLUMNS, ...MONEY_COLUMNS];

export function isDerived(column: Column): boolean {
  return column.formula !== undefined;
}

/** 1-based sheet column of a key. */
export function columnNumber(key: ColumnKey): number {
  const index = COLUMNS.findIndex((column) => column.key === key);
  if (index < 0) throw new Error(`No tracker column ${key}`);
  return index + 1;
}
