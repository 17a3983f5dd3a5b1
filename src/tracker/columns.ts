// The tracker as data: one row per influencer post, one entry per column. Headers, formulas,
// formats, validation, notes, widths and protection are all derived from this table.

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
  | 'contentValue';

/** What a column holds; decides its number format and validation. */
export type ValueType =
  | 'text'
  | 'code'
  | 'platform'
  | 'count'
  | 'date'
  | 'url'
  | 'money'
  | 'rate'
  | 'multiple'
  | 'sentiment';

/** Column references by key, as open ranges from the first data row (e.g. "H8:H"). */
export type Refs = Record<ColumnKey, string>;

export interface Column {
  key: ColumnKey;
  header: string;
  type: ValueType;
  width: number;
  /** Derived columns only: the expression for every row at once, blank where it can't be computed. */
  formula?: (c: Refs) => string;
  /** The header's note; for a derived column, its formula in words. */
  note: string;
}

const perCount = (numerator: string, denominator: string) =>
  `IF(${denominator}>0, ${numerator}/${denominator}, "")`;

export const COLUMNS: readonly Column[] = [
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
    formula: (c) => `${c.likes}+${c.comments}+${c.shares}+${c.saves}`,
    note: 'Engagements = likes + comments + shares + saves.',
  },
  {
    key: 'engagementRate',
    header: 'Engagement rate',
    type: 'rate',
    width: 100,
    formula: (c) => perCount(c.engagements, c.followers),
    note: 'Engagement rate = engagements / followers. Yellow: below the usual rate for the platform.',
  },
  {
    key: 'conversionRate',
    header: 'Conversion rate',
    type: 'rate',
    width: 100,
    formula: (c) => perCount(c.orders, c.clicks),
    note: 'Conversion rate = orders / clicks.',
  },
  {
    key: 'cpe',
    header: 'CPE',
    type: 'money',
    width: 100,
    formula: (c) => perCount(c.totalCost, c.engagements),
    note: 'Cost per engagement = total cost / engagements.',
  },
  {
    key: 'cac',
    header: 'CAC',
    type: 'money',
    width: 100,
    formula: (c) => perCount(c.totalCost, c.newCustomers),
    note: 'Customer acquisition cost = total cost / new customers.',
  },
  {
    key: 'aov',
    header: 'AOV',
    type: 'money',
    width: 100,
    formula: (c) => perCount(c.revenue, c.orders),
    note: 'Average order value = revenue / orders.',
  },
  {
    key: 'roi',
    header: 'ROI',
    type: 'rate',
    width: 100,
    formula: (c) => `IF(${c.totalCost}>0, (${c.revenue}-${c.totalCost})/${c.totalCost}, "")`,
    note: 'ROI = (revenue - total cost) / total cost. Green above zero, red below.',
  },
  {
    key: 'roas',
    header: 'ROAS',
    type: 'multiple',
    width: 100,
    formula: (c) => perCount(c.revenue, c.totalCost),
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
    note: "The creator's usual engagement rate on their own posts (e.g. 4%), to compare this post with. Left empty, the dashboard uses their rate in trackers created before this one.",
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

export function isDerived(column: Column): boolean {
  return column.formula !== undefined;
}

/** 1-based sheet column of a key. */
export function columnNumber(key: ColumnKey): number {
  const index = COLUMNS.findIndex((column) => column.key === key);
  if (index < 0) throw new Error(`No tracker column ${key}`);
  return index + 1;
}

/** "A", "B", ..., "Z", "AA" for a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
