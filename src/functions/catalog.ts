// The custom functions a marketer types into cells. Each JSDoc block is copied above the
// function's top-level declaration at build time: it is what Sheets shows in autocomplete and help.
import { cpc, cpe, cpm, emv } from '../metrics/costs';
import { findPlatform, PLATFORM_NAMES } from '../metrics/platforms';
import { conversionRate, engagementRate } from '../metrics/rates';
import {
  aov,
  awarenessValue,
  brandReferralBonus,
  cac,
  DEFAULT_BRAND_REFERRAL_RATE,
  ltv,
  roas,
  roi,
} from '../metrics/returns';
import { influencerTier } from '../metrics/tiers';
import { utmLink } from '../metrics/utm';
import type { SheetArg, SheetResult } from './arguments';
import { defineFunction, type Param, Refusal } from './define';

const money = (name: string, more?: Partial<Param>): Param => ({ name, kind: 'money', ...more });
const count = (name: string, more?: Partial<Param>): Param => ({ name, kind: 'count', ...more });
const rate = (name: string, more?: Partial<Param>): Param => ({ name, kind: 'rate', ...more });
const text = (name: string, more?: Partial<Param>): Param => ({ name, kind: 'text', ...more });
type N = number;

const roiFn = defineFunction(
  'ROI',
  [money('revenue'), money('cost', { nonZero: 'ROI is undefined when nothing was spent' })],
  ([revenue, cost]) => roi(revenue as N, cost as N),
);
/**
 * Return on investment, net of cost: (revenue - cost) / cost. 3 means 300%.
 * @param {number|Array<Array<number>>} revenue Money the post brought in: a cell or a column like R2:R.
 * @param {number|Array<Array<number>>} cost Everything it cost (fee, product, shipping): a cell or a column like H2:H.
 * @return {number|Array<Array<number>>} ROI as a fraction; format the cell as a percent.
 * @example =ROI(2000, 500) returns 3 (300%)
 * @customfunction
 */
export function ROI(revenue: SheetArg, cost: SheetArg): SheetResult {
  return roiFn(revenue, cost);
}

const roasFn = defineFunction(
  'ROAS',
  [money('revenue'), money('cost', { nonZero: 'ROAS is undefined when nothing was spent' })],
  ([revenue, cost]) => roas(revenue as N, cost as N),
);
/**
 * Return on ad spend: revenue / cost. 4 means $4 back for every $1 spent (ROI = ROAS - 1).
 * @param {number|Array<Array<number>>} revenue Money the post brought in: a cell or a column.
 * @param {number|Array<Array<number>>} cost Everything it cost: a cell or a column.
 * @return {number|Array<Array<number>>} ROAS as a multiple.
 * @example =ROAS(2000, 500) returns 4
 * @customfunction
 */
export function ROAS(revenue: SheetArg, cost: SheetArg): SheetResult {
  return roasFn(revenue, cost);
}

const cacFn = defineFunction(
  'CAC',
  [money('cost'), count('customers', { nonZero: 'CAC is undefined with no customers' })],
  ([cost, customers]) => cac(cost as N, customers as N),
);
/**
 * Customer acquisition cost: cost / customers acquired.
 * @param {number|Array<Array<number>>} cost Everything the post cost: a cell or a column.
 * @param {number|Array<Array<number>>} customers New customers it brought: a cell or a column.
 * @return {number|Array<Array<number>>} Cost per new customer.
 * @example =CAC(200, 40) returns 5
 * @customfunction
 */
export function CAC(cost: SheetArg, customers: SheetArg): SheetResult {
  return cacFn(cost, customers);
}

const engagementRateFn = defineFunction(
  'ENGAGEMENT_RATE',
  [
    count('engagements', { sumColumns: true }),
    count('audience', { nonZero: 'the engagement rate is undefined with no audience' }),
  ],
  ([engagements, audience]) => engagementRate(engagements as N, audience as N),
);
/**
 * Engagement rate: engagements / audience. Engagements may span several columns (likes, comments, shares, saves); they are summed per row.
 * @param {number|Array<Array<number>>} engagements Likes, comments, shares and saves: a cell, a column, or several columns like L2:O.
 * @param {number|Array<Array<number>>} audience Followers (or reach, or views): a cell or a column.
 * @return {number|Array<Array<number>>} The rate as a fraction; format the cell as a percent.
 * @example =ENGAGEMENT_RATE(1000, 15000) returns 0.0667 (6.7%)
 * @customfunction
 */
export function ENGAGEMENT_RATE(engagements: SheetArg, audience: SheetArg): SheetResult {
  return engagementRateFn(engagements, audience);
}

const conversionRateFn = defineFunction(
  'CONVERSION_RATE',
  [
    count('orders'),
    count('clicks', { nonZero: 'the conversion rate is undefined with no clicks' }),
  ],
  ([orders, clicks]) => conversionRate(orders as N, clicks as N),
);
/**
 * Conversion rate: orders / clicks (or orders / views where there are no clicks).
 * @param {number|Array<Array<number>>} orders Orders attributed to the post: a cell or a column.
 * @param {number|Array<Array<number>>} clicks Clicks on its link (or views): a cell or a column.
 * @return {number|Array<Array<number>>} The rate as a fraction; format the cell as a percent.
 * @example =CONVERSION_RATE(30, 600) returns 0.05 (5%)
 * @customfunction
 */
export function CONVERSION_RATE(orders: SheetArg, clicks: SheetArg): SheetResult {
  return conversionRateFn(orders, clicks);
}

const cpeFn = defineFunction(
  'CPE',
  [
    money('cost'),
    count('engagements', {
      sumColumns: true,
      nonZero: 'the cost per engagement is undefined with no engagements',
    }),
  ],
  ([cost, engagements]) => cpe(cost as N, engagements as N),
);
/**
 * Cost per engagement: cost / engagements. Engagements may span several columns; they are summed per row.
 * @param {number|Array<Array<number>>} cost Everything the post cost: a cell or a column.
 * @param {number|Array<Array<number>>} engagements Likes, comments, shares and saves: a cell, a column, or several columns.
 * @return {number|Array<Array<number>>} Cost per engagement.
 * @example =CPE(300, 1500) returns 0.2
 * @customfunction
 */
export function CPE(cost: SheetArg, engagements: SheetArg): SheetResult {
  return cpeFn(cost, engagements);
}

const cpmFn = defineFunction(
  'CPM',
  [money('cost'), count('impressions', { nonZero: 'CPM is undefined with no impressions' })],
  ([cost, impressions]) => cpm(cost as N, impressions as N),
);
/**
 * Cost per thousand impressions: cost / impressions x 1000.
 * @param {number|Array<Array<number>>} cost Everything the post cost: a cell or a column.
 * @param {number|Array<Array<number>>} impressions Impressions or views: a cell or a column.
 * @return {number|Array<Array<number>>} Cost per 1,000 impressions.
 * @example =CPM(300, 100000) returns 3
 * @customfunction
 */
export function CPM(cost: SheetArg, impressions: SheetArg): SheetResult {
  return cpmFn(cost, impressions);
}

const cpcFn = defineFunction(
  'CPC',
  [money('cost'), count('clicks', { nonZero: 'CPC is undefined with no clicks' })],
  ([cost, clicks]) => cpc(cost as N, clicks as N),
);
/**
 * Cost per click: cost / clicks.
 * @param {number|Array<Array<number>>} cost Everything the post cost: a cell or a column.
 * @param {number|Array<Array<number>>} clicks Clicks on its link: a cell or a column.
 * @return {number|Array<Array<number>>} Cost per click.
 * @example =CPC(300, 600) returns 0.5
 * @customfunction
 */
export function CPC(cost: SheetArg, clicks: SheetArg): SheetResult {
  return cpcFn(cost, clicks);
}

const aovFn = defineFunction(
  'AOV',
  [
    money('revenue'),
    count('orders', { nonZero: 'the average order value is undefined with no orders' }),
  ],
  ([revenue, orders]) => aov(revenue as N, orders as N),
);
/**
 * Average order value: revenue / orders.
 * @param {number|Array<Array<number>>} revenue Money the post brought in: a cell or a column.
 * @param {number|Array<Array<number>>} orders Orders attributed to it: a cell or a column.
 * @return {number|Array<Array<number>>} Revenue per order.
 * @example =AOV(2000, 50) returns 40
 * @customfunction
 */
export function AOV(revenue: SheetArg, orders: SheetArg): SheetResult {
  return aovFn(revenue, orders);
}

const ltvFn = defineFunction(
  'LTV',
  [
    money('order_value'),
    count('orders_per_year'),
    count('years'),
    rate('margin', { optional: true }),
  ],
  ([orderValue, ordersPerYear, years, margin]) =>
    ltv(orderValue as N, ordersPerYear as N, years as N, margin === undefined ? 1 : (margin as N)),
);
/**
 * Customer lifetime value: order value x orders per year x years retained, times the gross margin if given.
 * @param {number|Array<Array<number>>} order_value Average order value: a cell or a column.
 * @param {number|Array<Array<number>>} orders_per_year Purchases per customer per year.
 * @param {number|Array<Array<number>>} years Years a customer stays.
 * @param {number|Array<Array<number>>} margin Optional gross margin between 0 and 1 (like 40%); leave it out for revenue LTV.
 * @return {number|Array<Array<number>>} Lifetime value per customer.
 * @example =LTV(40, 3, 2, 50%) returns 120
 * @customfunction
 */
export function LTV(
  order_value: SheetArg,
  orders_per_year: SheetArg,
  years: SheetArg,
  margin?: SheetArg,
): SheetResult {
  return ltvFn(order_value, orders_per_year, years, margin);
}

const brandReferralBonusFn = defineFunction(
  'BRAND_REFERRAL_BONUS',
  [money('sales'), rate('rate', { optional: true })],
  ([sales, bonusRate]) =>
    brandReferralBonus(
      sales as N,
      bonusRate === undefined ? DEFAULT_BRAND_REFERRAL_RATE : (bonusRate as N),
    ),
);
/**
 * Amazon Brand Referral Bonus: attributed Amazon sales x bonus rate (10% unless given; 5% to 30% by category).
 * @param {number|Array<Array<number>>} sales Amazon sales attributed to the post: a cell or a column.
 * @param {number|Array<Array<number>>} rate Optional bonus rate between 0 and 1; 10% when left out.
 * @return {number|Array<Array<number>>} The credit against referral fees.
 * @example =BRAND_REFERRAL_BONUS(2000) returns 200
 * @customfunction
 */
export function BRAND_REFERRAL_BONUS(sales: SheetArg, rate?: SheetArg): SheetResult {
  return brandReferralBonusFn(sales, rate);
}

const awarenessValueFn = defineFunction(
  'AWARENESS_VALUE',
  [count('visits'), rate('signup_rate'), rate('purchase_rate'), money('order_value')],
  ([visits, signupRate, purchaseRate, orderValue]) =>
    awarenessValue(visits as N, signupRate as N, purchaseRate as N, orderValue as N),
);
/**
 * Value of awareness: visits x signup rate x purchase rate x order value.
 * @param {number|Array<Array<number>>} visits Visits the post sent: a cell or a column.
 * @param {number|Array<Array<number>>} signup_rate Share of visitors who join the list, between 0 and 1.
 * @param {number|Array<Array<number>>} purchase_rate Share of those who buy, between 0 and 1.
 * @param {number|Array<Array<number>>} order_value Value of one order.
 * @return {number|Array<Array<number>>} Expected revenue from the visits.
 * @example =AWARENESS_VALUE(10000, 10%, 5%, 40) returns 2000
 * @customfunction
 */
export function AWARENESS_VALUE(
  visits: SheetArg,
  signup_rate: SheetArg,
  purchase_rate: SheetArg,
  order_value: SheetArg,
): SheetResult {
  return awarenessValueFn(visits, signup_rate, purchase_rate, order_value);
}

const emvFn = defineFunction(
  'EMV',
  [count('impressions'), money('cpm')],
  ([impressions, paidCpm]) => emv(impressions as N, paidCpm as N),
);
/**
 * Earned media value: impressions x the CPM of a comparable paid ad / 1000.
 * @param {number|Array<Array<number>>} impressions Impressions or views: a cell or a column.
 * @param {number|Array<Array<number>>} cpm What a comparable paid ad costs per 1,000 impressions.
 * @return {number|Array<Array<number>>} What the same reach would have cost as ads.
 * @example =EMV(100000, 8) returns 800
 * @customfunction
 */
export function EMV(impressions: SheetArg, cpm: SheetArg): SheetResult {
  return emvFn(impressions, cpm);
}

const influencerTierFn = defineFunction('INFLUENCER_TIER', [count('followers')], ([followers]) =>
  influencerTier(followers as N),
);
/**
 * Influencer tier by followers: nano (under 10,000), micro (to 99,999), mid (to 499,999), macro (to 999,999) or mega (1,000,000 and up).
 * @param {number|Array<Array<number>>} followers Follower count: a cell or a column.
 * @return {string|Array<Array<string>>} nano, micro, mid, macro or mega.
 * @example =INFLUENCER_TIER(15000) returns micro
 * @customfunction
 */
export function INFLUENCER_TIER(followers: SheetArg): SheetResult {
  return influencerTierFn(followers);
}

const engagementBenchmarkFn = defineFunction(
  'ENGAGEMENT_BENCHMARK',
  [text('platform')],
  ([platform]) => {
    const norm = findPlatform(platform as string);
    if (!norm)
      return new Refusal('platform', `"${platform}" is not one of ${PLATFORM_NAMES.join(', ')}`);
    return [norm.low, norm.high];
  },
  2,
);
/**
 * Typical micro-influencer engagement on a platform, as two cells: the low and the high end of the norm.
 * @param {string|Array<Array<string>>} platform Instagram, TikTok, YouTube, Pinterest or Facebook (any case): a cell or a column.
 * @return {Array<Array<number>>} One row per platform: low rate, high rate.
 * @example =ENGAGEMENT_BENCHMARK("Instagram") returns 0.03 and 0.04 (3% to 4%)
 * @customfunction
 */
export function ENGAGEMENT_BENCHMARK(platform: SheetArg): SheetResult {
  return engagementBenchmarkFn(platform);
}

const utmLinkFn = defineFunction(
  'UTM_LINK',
  [
    text('url'),
    text('source'),
    text('medium'),
    text('campaign'),
    text('content', { optional: true }),
  ],
  ([url, source, medium, campaign, content]) =>
    utmLink(url as string, {
      source: source as string,
      medium: medium as string,
      campaign: campaign as string,
      content: content as string | undefined,
    }) ?? new Refusal('url', `"${url}" is not an http:// or https:// link`),
);
/**
 * A tracking link: the page with percent-encoded utm_ parameters added; its own query and #fragment are kept.
 * @param {string|Array<Array<string>>} url The landing page, starting with http:// or https://.
 * @param {string|Array<Array<string>>} source utm_source, e.g. the platform: instagram.
 * @param {string|Array<Array<string>>} medium utm_medium, e.g. influencer.
 * @param {string|Array<Array<string>>} campaign utm_campaign, e.g. spring-launch.
 * @param {string|Array<Array<string>>} content Optional utm_content, e.g. the influencer's handle.
 * @return {string|Array<Array<string>>} The link with its utm_ parameters.
 * @example =UTM_LINK("https://shop.com/p", "instagram", "influencer", "spring") returns https://shop.com/p?utm_source=instagram&utm_medium=influencer&utm_campaign=spring
 * @customfunction
 */
export function UTM_LINK(
  url: SheetArg,
  source: SheetArg,
  medium: SheetArg,
  campaign: SheetArg,
  content?: SheetArg,
): SheetResult {
  return utmLinkFn(url, source, medium, campaign, content);
}
