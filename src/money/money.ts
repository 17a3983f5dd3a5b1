// Money done right: full cost, profit ROI, and currencies converted explicitly through the
// team's rate table. An amount always travels with its currency; the only way to add two
// amounts is addMoney, which refuses two currencies, so totals must convert first.
import { roi } from '../metrics/returns';
import { formatMoney, plural } from '../shared/words';

export interface Money {
  readonly amount: number;
  /** Upper-case code: "USD". */
  readonly currency: string;
}

export type CellValue = string | number | boolean | Date;

/** What a cell shows, and what the pure code reports, when a currency has no rate. */
export const MISSING_RATE = 'No rate';
export const RATES_SHEET = 'Rates';
export const RATES_HEADERS = ['Currency', 'Rate to reporting currency', 'Date'] as const;
/** Currency and rate columns of the "Rates" sheet below its header, open-ended. */
export const RATES_TABLE = `'${RATES_SHEET}'!$A$2:$B`;

export function currencyCode(text: string): string {
  return text.trim().toUpperCase();
}

export function money(amount: number, currency: string): Money {
  const code = currencyCode(currency);
  if (!code) throw new Error('An amount needs a currency');
  return { amount, currency: code };
}

export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`Can't add ${a} to ${b} without converting one of them`);
  }
}

/** a + b in their one currency; two currencies throw, so nothing is ever added unconverted. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return { amount: a.amount + b.amount, currency: a.currency };
}

// ---------------------------------------------------------------------------------------------
// The rate table

export interface RateRow {
  currency: string;
  /** Reporting-currency units for one unit of the currency: EUR 1.08 means EUR 1 = USD 1.08. */
  rate: number;
  /** When the rate was taken ("YYYY-MM-DD" or as typed); shown, not used to pick a rate. */
  date: string;
  /** Sheet row, for messages. */
  row?: number;
}

export interface RateProblem {
  row?: number;
  currency: string;
  words: string;
}

export interface RateTable {
  reporting: string;
  /** The usable rate of each currency: the first row that names it, as VLOOKUP finds it. */
  rates: ReadonlyMap<string, RateRow>;
  problems: RateProblem[];
}

function validRate(rate: number): boolean {
  return typeof rate === 'number' && Number.isFinite(rate) && rate > 0;
}

/**
 * One rate per currency: the first row naming it is the one used (the native formula's VLOOKUP
 * finds the same). A first row without a positive rate leaves the currency without a rate,
 * never falling through to a later row; repeated currencies are reported. The reporting
 * currency is always 1.
 */
export function rateTable(reporting: string, rows: readonly RateRow[]): RateTable {
  const to = currencyCode(reporting);
  const rates = new Map<string, RateRow>();
  const firstRow = new Map<string, RateRow>();
  const problems: RateProblem[] = [];
  const at = (row: RateRow) => (row.row ? ` (row ${row.row})` : '');
  for (const row of rows) {
    const currency = currencyCode(row.currency);
    if (!currency) continue;
    const first = firstRow.get(currency);
    if (first) {
      problems.push({
        row: row.row,
        currency,
        words: `${currency} is listed again${at(row)}: the first rate${at(first)} is used`,
      });
      continue;
    }
    firstRow.set(currency, row);
    if (currency === to) {
      if (row.rate !== 1)
        problems.push({
          row: row.row,
          currency,
          words: `${currency} is the reporting currency: its rate is always 1${at(row)}`,
        });
      continue;
    }
    if (!validRate(row.rate)) {
      problems.push({
        row: row.row,
        currency,
        words: `${currency} has no usable rate${at(row)}: a rate is a number above 0`,
      });
      continue;
    }
    rates.set(currency, { ...row, currency });
  }
  return { reporting: to, rates, problems };
}

export type Conversion =
  | { ok: true; money: Money; rate: number }
  | { ok: false; missing: string; money?: undefined };

/** Reporting-currency units per unit of a currency, or undefined when the table has none. */
export function rateOf(currency: string, rates: RateTable): number | undefined {
  const code = currencyCode(currency);
  if (code === rates.reporting) return 1;
  return rates.rates.get(code)?.rate;
}

/**
 * The amount in another currency (the reporting one by default), through the reporting
 * currency: amount x rate(from) / rate(to). A currency without a rate is named, never guessed.
 */
export function convert(amount: Money, rates: RateTable, to: string = rates.reporting): Conversion {
  const target = currencyCode(to);
  if (amount.currency === target) return { ok: true, money: amount, rate: 1 };
  const from = rateOf(amount.currency, rates);
  if (from === undefined) return { ok: false, missing: amount.currency };
  const into = rateOf(target, rates);
  if (into === undefined) return { ok: false, missing: target };
  const rate = from / into;
  return { ok: true, money: { amount: amount.amount * rate, currency: target }, rate };
}

export interface MoneySum {
  total: Money;
  included: number;
  leftOut: number;
  /** Currencies without a rate, in the order met. */
  missing: string[];
}

/** Converts each amount, then adds; an amount without a rate is left out and counted. */
export function sumMoney(
  amounts: readonly Money[],
  rates: RateTable,
  to: string = rates.reporting,
): MoneySum {
  let total = money(0, to);
  let included = 0;
  const missing: string[] = [];
  for (const amount of amounts) {
    const converted = convert(amount, rates, to);
    if (!converted.ok) {
      if (!missing.includes(converted.missing)) missing.push(converted.missing);
      continue;
    }
    total = addMoney(total, converted.money);
    included++;
  }
  return { total, included, leftOut: amounts.length - included, missing };
}

// ---------------------------------------------------------------------------------------------
// Full cost and profit ROI

/** One currency's cost parts; a missing part counts 0. */
export interface CostParts {
  fee?: number;
  product?: number;
  shipping?: number;
  /** What customers saved through the creator's code. */
  discount?: number;
  /** A fraction of attributed sales: 0.1 means 10%. */
  commissionRate?: number;
  /** Attributed sales, net of refunds: the commission's base. */
  attributedSales?: number;
  agencyFees?: number;
}

/** Commission on attributed sales; a refund (negative sales) claws it back. */
export function commission(rate: number, attributedSales: number): number {
  return rate * attributedSales;
}

/** fee + product + shipping + customer discount + commission rate x attributed sales + agency fees. */
export function fullCost(parts: CostParts): number {
  return (
    (parts.fee ?? 0) +
    (parts.product ?? 0) +
    (parts.shipping ?? 0) +
    (parts.discount ?? 0) +
    commission(parts.commissionRate ?? 0, parts.attributedSales ?? 0) +
    (parts.agencyFees ?? 0)
  );
}

/** The row's own gross margin when it has one, else the campaign's; undefined if neither. */
export function grossMargin(rowMargin?: number, campaignMargin?: number): number | undefined {
  if (typeof rowMargin === 'number' && Number.isFinite(rowMargin)) return rowMargin;
  if (typeof campaignMargin === 'number' && Number.isFinite(campaignMargin)) return campaignMargin;
  return undefined;
}

/** (revenue x gross margin - full cost) / full cost: shown beside ROI, never instead of it. */
export function profitRoi(revenue: number, cost: number, margin: number): number {
  return (revenue * margin - cost) / cost;
}

/**
 * One tracker row's money. A row may pay in one currency and sell in another: the fee,
 * product, shipping and agency fees are in `currency`; revenue, the customers' discount and the
 * commission (a share of revenue) are in `salesCurrency`.
 */
export interface PostMoney {
  currency: string;
  /** Blank: the same as `currency`. */
  salesCurrency?: string;
  fee?: number;
  product?: number;
  shipping?: number;
  agencyFees?: number;
  discount?: number;
  commissionRate?: number;
  /** Attributed revenue, net of refunds (negative for a refund-only row). */
  revenue?: number;
  /** This row's gross margin, overriding the campaign's. */
  grossMargin?: number;
}

/** A row's money in the reporting currency. */
export interface ValuedPost {
  currency: string;
  fee: number;
  commission: number;
  fullCost: number;
  revenue: number;
}

export type PostValuation =
  | { ok: true; value: ValuedPost }
  | { ok: false; missing: string[]; value?: undefined };

/** Converts each side at its own rate; a row missing either rate is left out as a whole. */
export function valuePost(post: PostMoney, rates: RateTable): PostValuation {
  const paidIn = post.currency;
  const soldIn = post.salesCurrency?.trim() ? post.salesCurrency : paidIn;
  const missing: string[] = [];
  const inReporting = (amount: number, currency: string): Money => {
    const converted = convert(money(amount, currency), rates);
    if (converted.ok) return converted.money;
    if (!missing.includes(converted.missing)) missing.push(converted.missing);
    return money(0, rates.reporting); // never used: the row is left out below
  };
  const revenue = post.revenue ?? 0;
  const owed = commission(post.commissionRate ?? 0, revenue);
  const fee = inReporting(post.fee ?? 0, paidIn);
  const paid = inReporting(
    (post.fee ?? 0) + (post.product ?? 0) + (post.shipping ?? 0) + (post.agencyFees ?? 0),
    paidIn,
  );
  const givenUp = inReporting((post.discount ?? 0) + owed, soldIn);
  const sold = inReporting(revenue, soldIn);
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    value: {
      currency: rates.reporting,
      fee: fee.amount,
      commission: inReporting(owed, soldIn).amount,
      fullCost: addMoney(paid, givenUp).amount,
      revenue: sold.amount,
    },
  };
}

export interface MoneyTotals {
  currency: string;
  fee: number;
  fullCost: number;
  revenue: number;
  commission: number;
  /** (revenue - full cost) / full cost over the rows included. */
  roi?: number;
  /** Over the rows included that have a gross margin (their own or the campaign's). */
  profitRoi?: number;
  included: number;
  leftOut: number;
  missing: string[];
  /** "2 rows left out: no rate for CHF"; '' when nothing was left out. */
  note: string;
}

export function leftOutNote(leftOut: number, missing: readonly string[]): string {
  if (leftOut === 0) return '';
  return `${plural(leftOut, 'row')} left out: no rate for ${missing.join(', ')}`;
}

/** Totals of many rows in the reporting currency; rows without a rate are counted, not added. */
export function totalPosts(
  posts: readonly PostMoney[],
  rates: RateTable,
  campaignMargin?: number,
): MoneyTotals {
  const zero = () => money(0, rates.reporting);
  let fee = zero();
  let cost = zero();
  let revenue = zero();
  let owed = zero();
  let marginRevenue = zero();
  let marginCost = zero();
  let included = 0;
  const missing: string[] = [];
  for (const post of posts) {
    const valued = valuePost(post, rates);
    if (!valued.ok) {
      for (const code of valued.missing) if (!missing.includes(code)) missing.push(code);
      continue;
    }
    const v = valued.value;
    const inReporting = (amount: number) => money(amount, v.currency);
    included++;
    fee = addMoney(fee, inReporting(v.fee));
    cost = addMoney(cost, inReporting(v.fullCost));
    revenue = addMoney(revenue, inReporting(v.revenue));
    owed = addMoney(owed, inReporting(v.commission));
    const margin = grossMargin(post.grossMargin, campaignMargin);
    if (margin !== undefined) {
      marginRevenue = addMoney(marginRevenue, inReporting(v.revenue * margin));
      marginCost = addMoney(marginCost, inReporting(v.fullCost));
    }
  }
  const leftOut = posts.length - included;
  return {
    currency: rates.reporting,
    fee: fee.amount,
    fullCost: cost.amount,
    revenue: revenue.amount,
    commission: owed.amount,
    roi: cost.amount > 0 ? roi(revenue.amount, cost.amount) : undefined,
    // marginRevenue already carries each row's margin, hence the margin of 1 here.
    profitRoi:
      marginCost.amount > 0 ? profitRoi(marginRevenue.amount, marginCost.amount, 1) : undefined,
    included,
    leftOut,
    missing,
    note: leftOutNote(leftOut, missing),
  };
}

/** "USD 1,250.00 (2 rows left out: no rate for CHF)". */
export function totalWords(amount: number, totals: MoneyTotals): string {
  const text = formatMoney(amount, totals.currency);
  return totals.note ? `${text} (${totals.note})` : text;
}

// ---------------------------------------------------------------------------------------------
// Native formulas for the tracker and the plan. Each works on single cells and, inside the
// tracker's ARRAYFORMULA, on whole columns: no AND/OR (they aggregate), no INDEX (it doesn't
// broadcast), ISNUMBER(a)*ISNUMBER(b) for "both are numbers".

/**
 * The currency's rate to the reporting currency, or "No rate". The first row of the table
 * naming the currency wins (as rateTable does); blank, zero, negative or text rates are no rate.
 */
export function rateFormula(currency: string, reporting: string, table = RATES_TABLE): string {
  const lookup = `VLOOKUP(TRIM(${currency}), ${table}, 2, FALSE)`;
  return `IF(UPPER(TRIM(${currency}))=UPPER(TRIM(${reporting})), 1, IFERROR(IF(${lookup}*1>0, ${lookup}*1, "${MISSING_RATE}"), "${MISSING_RATE}"))`;
}

/**
 * The amount times its rate, or "No rate" when that rate, or any other rate the row needs, is
 * missing: a row counts in the totals whole or not at all.
 */
export function convertFormula(
  amount: string,
  rate: string,
  otherRates: readonly string[] = [],
): string {
  const all = [rate, ...otherRates].map((r) => `ISNUMBER(${r})`).join('*');
  return `IF(${all}, ${amount}*${rate}, "${MISSING_RATE}")`;
}

/** Cell references of the full cost's parts; shipping may live in the product column. */
export interface FullCostRefs {
  fee: string;
  product: string;
  shipping?: string;
  agencyFees: string;
  discount: string;
  commissionRate: string;
  revenue: string;
}

/**
 * Full cost in one currency, or, given the row's two rates (paid side and sales side), in the
 * reporting currency with "No rate" when either is missing.
 */
export function fullCostFormula(c: FullCostRefs, rates?: { paid: string; sales: string }): string {
  const paid = [c.fee, c.product, ...(c.shipping ? [c.shipping] : []), c.agencyFees].join('+');
  const givenUp = `${c.discount}+${c.commissionRate}*${c.revenue}`;
  if (!rates) return `${paid}+${givenUp}`;
  return `IF(ISNUMBER(${rates.paid})*ISNUMBER(${rates.sales}), (${paid})*${rates.paid}+(${givenUp})*${rates.sales}, "${MISSING_RATE}")`;
}

/** The row's margin when it has one, else the campaign's setting. */
export function marginFormula(rowMargin: string, campaignMargin: string): string {
  return `IF(ISNUMBER(${rowMargin}), ${rowMargin}, ${campaignMargin})`;
}

/**
 * (revenue x margin - full cost) / full cost; blank without a margin or a cost, "No rate" when
 * the row's amounts could not be converted.
 */
export function profitRoiFormula(revenue: string, cost: string, margin: string): string {
  return `IF(ISNUMBER(${cost})*ISNUMBER(${revenue}), IF(ISNUMBER(${margin})*(${cost}>0), (${revenue}*${margin}-${cost})/${cost}, ""), "${MISSING_RATE}")`;
}

/** How many rows of a converted column a total leaves out (SUM itself skips the marker). */
export function leftOutFormula(range: string): string {
  return `COUNTIF(${range}, "${MISSING_RATE}")`;
}

/** The words under a total: "" or "3 rows left out: no rate". */
export function leftOutNoteFormula(range: string): string {
  const count = leftOutFormula(range);
  return `IF(${count}=0, "", IF(${count}=1, "1 row", ${count}&" rows")&" left out: no rate")`;
}

/**
 * Pooled profit ROI of the rows that have one: sum of (profit ROI x full cost) over the full
 * cost of those rows. Text ("", "No rate") counts 0 in SUMPRODUCT and never passes SUMIFS's
 * numeric test, so rows without a figure drop out of both.
 */
export function pooledProfitRoiFormula(profitRois: string, costs: string): string {
  return `IFERROR(SUMPRODUCT(${profitRois}, ${costs})/SUMIFS(${costs}, ${profitRois}, ">-1E+300"), "")`;
}
