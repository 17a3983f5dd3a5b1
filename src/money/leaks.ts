// Possible code leaks (domain brief): a code whose orders exceed what the creator's clicks could
// explain, the usual sign of a code posted on a coupon site. Flagged with the reason, never
// changed: the team decides.
import { conversionRate } from '../metrics/rates';
import { formatCount, formatPercent } from '../shared/words';

/** "Over 3x the campaign's conversion rate" (domain brief). */
export const LEAK_CONVERSION_MULTIPLE = 3;
/**
 * The conversion test's baseline: the other rows with at least this many clicks and orders, so
 * rows whose orders are not all in yet (or too few to mean anything) never drag it down.
 */
export const BASELINE_CLICKS = 100;
export const BASELINE_ORDERS = 5;
/** The baseline in words, for notes. */
export const BASELINE_WORDS = `the other rows with at least ${BASELINE_CLICKS} clicks and ${BASELINE_ORDERS} orders`;
/**
 * The conversion test needs at least this many orders: 2 orders from 5 clicks is chance, not a
 * leak. The other two tests need no minimum.
 */
export const MIN_LEAK_ORDERS = 5;

export interface LeakRow {
  /** Sheet row, for the team. */
  row?: number;
  handle?: string;
  orders?: number;
  /** Clicks on the tracking link; blank or 0 means the creator is tracked by code only. */
  clicks?: number;
  /** "YYYY-MM-DD". */
  postDate?: string;
  /** The earliest order carrying the code or link, "YYYY-MM-DD" (from the import ledger). */
  firstOrderDate?: string;
}

export type LeakReason = 'ordersOverClicks' | 'conversionOverCampaign' | 'ordersBeforePost';

export interface LeakSign {
  reason: LeakReason;
  words: string;
}

export interface Leak {
  /** Position of the row in the input. */
  index: number;
  row?: number;
  handle?: string;
  signs: LeakSign[];
  /** Every sign in one line, e.g. "40 orders from 25 clicks: more orders than clicks". */
  words: string;
}

const has = (value: number | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Orders per click over the rows with clicks and orders (code-only rows have nothing to divide by). */
export function campaignConversionRate(rows: readonly LeakRow[]): number | undefined {
  let orders = 0;
  let clicks = 0;
  for (const row of rows) {
    if (!has(row.clicks) || row.clicks <= 0 || !has(row.orders)) continue;
    clicks += row.clicks;
    orders += row.orders;
  }
  return clicks > 0 ? conversionRate(orders, clicks) : undefined;
}

const isBaseline = (row: LeakRow) =>
  has(row.clicks) &&
  row.clicks >= BASELINE_CLICKS &&
  has(row.orders) &&
  row.orders >= BASELINE_ORDERS;

/**
 * The rate a row is compared with: orders per click of the *other* rows with at least 100
 * clicks and 5 orders; undefined when there are none (the test then stays silent).
 */
export function baselineConversionRate(
  rows: readonly LeakRow[],
  except: number,
): number | undefined {
  let orders = 0;
  let clicks = 0;
  rows.forEach((row, index) => {
    if (index === except || !isBaseline(row)) return;
    orders += row.orders as number;
    clicks += row.clicks as number;
  });
  return clicks > 0 ? conversionRate(orders, clicks) : undefined;
}

/**
 * The signs of one row. More orders than clicks makes the conversion test redundant, so only
 * the first is said. Rows without clicks are judged on dates alone.
 */
export function leakSigns(row: LeakRow, baselineRate: number | undefined): LeakSign[] {
  const signs: LeakSign[] = [];
  const orders = has(row.orders) ? row.orders : 0;
  if (has(row.clicks) && row.clicks > 0 && orders > 0) {
    if (orders > row.clicks)
      signs.push({
        reason: 'ordersOverClicks',
        words: `${formatCount(orders)} orders from ${formatCount(row.clicks)} clicks: more orders than clicks`,
      });
    else if (
      baselineRate !== undefined &&
      orders >= MIN_LEAK_ORDERS &&
      conversionRate(orders, row.clicks) > LEAK_CONVERSION_MULTIPLE * baselineRate
    )
      signs.push({
        reason: 'conversionOverCampaign',
        words: `conversion ${formatPercent(conversionRate(orders, row.clicks))} (${formatCount(orders)} orders / ${formatCount(row.clicks)} clicks) is over ${LEAK_CONVERSION_MULTIPLE}x the ${formatPercent(baselineRate)} of ${BASELINE_WORDS}`,
      });
  }
  if (row.firstOrderDate && row.postDate && row.firstOrderDate < row.postDate)
    signs.push({
      reason: 'ordersBeforePost',
      words: `first order on ${row.firstOrderDate}, before the post on ${row.postDate}`,
    });
  return signs;
}

/** The rows of one campaign (one tracker) that show a sign, with their reasons. */
export function findLeaks(rows: readonly LeakRow[]): Leak[] {
  const leaks: Leak[] = [];
  rows.forEach((row, index) => {
    const signs = leakSigns(row, baselineConversionRate(rows, index));
    if (signs.length === 0) return;
    leaks.push({
      index,
      row: row.row,
      handle: row.handle,
      signs,
      words: signs.map((sign) => sign.words).join('; '),
    });
  });
  return leaks;
}

// Native formulas for the tracker's "Possible code leak" column: the same tests, shorter words.

/**
 * The campaign's orders per click over the rows with clicks and orders (a row whose orders are
 * not in yet is not a row without orders), or "" without such rows.
 */
export function campaignConversionFormula(orders: string, clicks: string): string {
  const both = `${clicks}, ">0", ${orders}, ">-1E+300"`;
  return `IFERROR(SUMIFS(${orders}, ${both})/SUMIFS(${clicks}, ${both}), "")`;
}

export interface LeakRefs {
  orders: string;
  clicks: string;
  postDate: string;
  /** A column or expression giving each row's first order date, when the sheet has one. */
  firstOrderDate?: string;
}

/**
 * One line of reasons, or "". Works per cell and inside ARRAYFORMULA: conditions multiply
 * instead of AND (N() and AND don't broadcast), blanks compare as 0, and the conversion test
 * compares orders with a multiple of clicks, so a row without clicks never divides by zero.
 * `all` are the whole columns: the baseline is their rows with at least 100 clicks and 5 orders,
 * less this row when it is one of them.
 */
export function leakFormula(c: LeakRefs, all: { orders: string; clicks: string }): string {
  const baseline = `${all.clicks}, ">=${BASELINE_CLICKS}", ${all.orders}, ">=${BASELINE_ORDERS}"`;
  const own = `ISNUMBER(${c.clicks})*ISNUMBER(${c.orders})*(${c.clicks}>=${BASELINE_CLICKS})*(${c.orders}>=${BASELINE_ORDERS})`;
  const otherOrders = `(SUMIFS(${all.orders}, ${baseline})-${own}*${c.orders})`;
  const otherClicks = `(SUMIFS(${all.clicks}, ${baseline})-${own}*${c.clicks})`;
  const overClicks = `(${c.clicks}>0)*(${c.orders}>${c.clicks})`;
  const overBaseline = `IFERROR((${c.clicks}>0)*(${c.orders}<=${c.clicks})*(${c.orders}>=${MIN_LEAK_ORDERS})*(${otherClicks}>0)*(${c.orders}*${otherClicks}>${LEAK_CONVERSION_MULTIPLE}*${otherOrders}*${c.clicks}), 0)`;
  const parts = [
    `IF(${overClicks}, "More orders than clicks. ", "")`,
    `IF(${overBaseline}, "Conversion over ${LEAK_CONVERSION_MULTIPLE}x the other rows'. ", "")`,
  ];
  if (c.firstOrderDate)
    parts.push(
      `IF(ISNUMBER(${c.firstOrderDate})*ISNUMBER(${c.postDate})*(${c.firstOrderDate}<${c.postDate}), "Orders before the post date. ", "")`,
    );
  return `TRIM(${parts.join('&')})`;
}
