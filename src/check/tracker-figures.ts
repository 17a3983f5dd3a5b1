// The tracker's figures for the sample, by plain arithmetic over its rows: every derived cell of
// every row (blank rows and the rows below included) and every total with its words.

import { roi } from '../metrics/returns';
import {
  baselineConversionRate,
  campaignConversionRate,
  type LeakReason,
  leakSigns,
} from '../money/leaks';
import {
  currencyCode,
  grossMargin,
  MISSING_RATE,
  profitRoi,
  type RateTable,
  rateOf,
  valuePost,
} from '../money/money';
import type { TrackerOptions } from '../shared/api';
import { columnLetter } from '../sheet/formulas';
import {
  COLUMNS,
  type ColumnKey,
  columnNumber,
  isDerived,
  type ValueType,
} from '../tracker/columns';
import { FIRST_DATA_ROW, HEADER_ROW } from '../tracker/layout';
import { COVERAGE_ROW, TOTALS, TOTALS_ROW, type TotalKey } from '../tracker/summary';
import type { Figure, FigureKind } from './figures';
import type { SampleRow } from './sample';

type Value = number | '';
type Derived = Partial<Record<ColumnKey, number | string>>;

const num = (row: SampleRow, key: ColumnKey): number | undefined =>
  typeof row[key] === 'number' ? (row[key] as number) : undefined;
/** A blank cell counts 0 in the sheet's arithmetic. */
const zero = (row: SampleRow, key: ColumnKey): number => num(row, key) ?? 0;
const text = (row: SampleRow, key: ColumnKey): string => String(row[key] ?? '').trim();

function ratio(numerator: Value | undefined, denominator: Value | undefined): Value {
  if (typeof numerator !== 'number' || typeof denominator !== 'number') return '';
  return denominator > 0 ? numerator / denominator : '';
}

export function kindOf(type: ValueType): FigureKind {
  if (type === 'money' || type === 'amount') return 'money';
  if (type === 'count') return 'count';
  if (type === 'rate' || type === 'multiple' || type === 'fx') return 'ratio';
  return 'text';
}

/** The short words of the "Possible code leak" column, one per sign. */
const LEAK_WORDS: Record<LeakReason, string> = {
  ordersOverClicks: 'More orders than clicks.',
  conversionOverCampaign: "Conversion over 3x the other rows'.",
  ordersBeforePost: 'Orders before the post date.',
};

export interface TrackerSample {
  options: TrackerOptions;
  rows: readonly SampleRow[];
  margin: number;
  rates: RateTable;
}

function moneyOf(row: SampleRow, currency: string, sample: TrackerSample) {
  const paidIn = text(row, 'currency') || currency;
  const soldIn = text(row, 'salesCurrency') || paidIn;
  const valued = valuePost(
    {
      currency: paidIn,
      salesCurrency: soldIn,
      fee: zero(row, 'fee'),
      product: zero(row, 'productCost'),
      agencyFees: zero(row, 'agencyFees'),
      discount: zero(row, 'discount'),
      commissionRate: zero(row, 'commissionRate'),
      revenue: zero(row, 'revenue'),
    },
    sample.rates,
  );
  const margin = grossMargin(num(row, 'grossMargin'), sample.margin);
  const fullCost = valued.ok ? valued.value.fullCost : MISSING_RATE;
  const revenue = valued.ok ? valued.value.revenue : MISSING_RATE;
  let profit: number | string = MISSING_RATE;
  if (valued.ok)
    profit =
      margin !== undefined && valued.value.fullCost > 0
        ? profitRoi(valued.value.revenue, valued.value.fullCost, margin)
        : '';
  return {
    rate: rateOf(paidIn, sample.rates) ?? MISSING_RATE,
    salesRate: rateOf(soldIn, sample.rates) ?? MISSING_RATE,
    fullCost,
    reportingRevenue: revenue,
    profitRoi: profit,
  };
}

function leakRows(rows: readonly SampleRow[]) {
  return rows.map((row) => ({
    orders: num(row, 'orders'),
    clicks: num(row, 'clicks'),
    postDate: text(row, 'postDate') || undefined,
    firstOrderDate: text(row, 'firstOrderDate') || undefined,
  }));
}

/** Every derived column of one typed row. */
export function derivedRow(
  rows: readonly SampleRow[],
  index: number,
  sample: TrackerSample,
): Derived {
  const row = rows[index];
  const totalCost = zero(row, 'fee') + zero(row, 'productCost');
  const parts = (['likes', 'comments', 'shares', 'saves'] as const).map((key) => num(row, key));
  const engagements: Value = parts.some((p) => p !== undefined)
    ? parts.reduce<number>((sum, p) => sum + (p ?? 0), 0)
    : '';
  const revenue = num(row, 'revenue');
  const leaks = leakRows(rows);
  const signs = leakSigns(leaks[index], baselineConversionRate(leaks, index));
  return {
    totalCost,
    engagements,
    engagementRate: ratio(engagements, num(row, 'followers')),
    conversionRate: ratio(num(row, 'orders'), num(row, 'clicks')),
    cpe: ratio(totalCost, engagements),
    cac: ratio(totalCost, num(row, 'newCustomers')),
    aov: ratio(revenue, num(row, 'orders')),
    roi: revenue !== undefined && totalCost > 0 ? roi(revenue, totalCost) : '',
    roas: ratio(revenue, totalCost),
    ...moneyOf(row, sample.options.currency, sample),
    possibleLeak: signs.map((sign) => LEAK_WORDS[sign.reason]).join(' '),
  };
}

const DERIVED = COLUMNS.filter(isDerived);

function rowFigures(sample: TrackerSample): Figure[] {
  const figures: Figure[] = [];
  for (let i = 0; i < sample.options.startingRows; i++) {
    const row = sample.rows[i] ?? {};
    const derived = row.handle ? derivedRow(sample.rows, i, sample) : {};
    const who = row.handle ? String(row.handle) : `blank row ${FIRST_DATA_ROW + i}`;
    for (const column of DERIVED) {
      const letter = columnLetter(columnNumber(column.key));
      figures.push({
        cell: `${letter}${FIRST_DATA_ROW + i}`,
        what: `${column.header} of ${who}`,
        expected: derived[column.key] ?? '',
        kind: kindOf(column.type),
        formulaCell: `${letter}${HEADER_ROW}`,
      });
    }
  }
  return figures;
}

/** The words under a ratio total, as the tracker says them. */
export function coverageWords(label: string, used: number, total: number, missing: string): string {
  if (total === 0) return '';
  const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
  const left = total - used;
  const all = total === 1 ? '1 row' : `all ${rows(total)}`;
  const some = `${used} of ${rows(total)}: ${left} ${left === 1 ? 'has' : 'have'} ${missing}`;
  return `${label} over ${used >= total ? all : some}`;
}

interface Typed {
  row: SampleRow;
  derived: Derived;
  same: boolean;
}

const sum = (items: readonly Typed[], value: (t: Typed) => unknown): number =>
  items.reduce((total, t) => {
    const v = value(t);
    return total + (typeof v === 'number' ? v : 0);
  }, 0);
const hasNumber = (t: Typed, key: ColumnKey) => num(t.row, key) !== undefined;
const knownSum = (typed: readonly Typed[], key: ColumnKey, rows: readonly Typed[]): Value =>
  typed.some((t) => hasNumber(t, key)) ? sum(rows, (t) => t.row[key]) : '';

function bestOrWorst(typed: readonly Typed[], pick: (a: number, b: number) => boolean): string {
  const ranked = typed.filter((t) => typeof t.derived.roi === 'number');
  if (ranked.length < 2) return '';
  return String(
    ranked.reduce((best, t) =>
      pick(t.derived.roi as number, best.derived.roi as number) ? t : best,
    ).row.handle,
  );
}

function leftOutWords(count: number): string {
  if (count === 0) return '';
  return `${count === 1 ? '1 row' : `${count} rows`} left out: no rate`;
}

function totalValues(
  sample: TrackerSample,
  typed: readonly Typed[],
): Record<TotalKey, Value | string> {
  const same = typed.filter((t) => t.same);
  const withRevenue = same.filter((t) => hasNumber(t, 'revenue'));
  const withCustomers = same.filter((t) => hasNumber(t, 'newCustomers'));
  const revenue = knownSum(typed, 'revenue', same);
  const cost = (rows: readonly Typed[]) => sum(rows, (t) => t.derived.totalCost);
  const roiRows = revenue === '' ? '' : cost(withRevenue);
  const engaged = typed.filter(
    (t) => zero(t.row, 'followers') > 0 && typeof t.derived.engagements === 'number',
  );
  const cac = ratio(
    cost(withCustomers),
    sum(same, (t) => t.row.newCustomers),
  );
  const otherCac = sample.options.otherChannelCac ?? 0;
  const orders = knownSum(typed, 'orders', typed);
  const pooled = typed.filter((t) => typeof t.derived.profitRoi === 'number');
  const pooledCost = sum(pooled, (t) => t.derived.fullCost);
  return {
    progress:
      typeof orders === 'number' && sample.options.goalTarget > 0
        ? orders / sample.options.goalTarget
        : '',
    spend: cost(same),
    revenue,
    orders,
    newCustomers: knownSum(typed, 'newCustomers', typed),
    roi:
      typeof revenue === 'number' && typeof roiRows === 'number' && roiRows > 0
        ? roi(revenue, roiRows)
        : '',
    roas: ratio(revenue, roiRows),
    cac,
    engagementRate: ratio(
      sum(engaged, (t) => t.derived.engagements),
      sum(engaged, (t) => t.row.followers),
    ),
    cacVsOther: typeof cac === 'number' && otherCac > 0 ? cac / otherCac : '',
    best: bestOrWorst(typed, (a, b) => a > b),
    worst: bestOrWorst(typed, (a, b) => a < b),
    fullCost: sum(typed, (t) => t.derived.fullCost),
    reportingRevenue: sum(typed, (t) => t.derived.reportingRevenue),
    profitRoi:
      pooledCost !== 0
        ? sum(pooled, (t) => (t.derived.profitRoi as number) * (t.derived.fullCost as number)) /
          pooledCost
        : '',
    leftOut: leftOutWords(typed.filter((t) => t.derived.fullCost === MISSING_RATE).length),
    conversionRate: campaignConversionRate(leakRows(typed.map((t) => t.row))) ?? '',
  };
}

function coverageValues(typed: readonly Typed[]): Partial<Record<TotalKey, string>> {
  const same = typed.filter((t) => t.same);
  const count = (rows: readonly Typed[], test: (t: Typed) => boolean) => rows.filter(test).length;
  return {
    roi: coverageWords(
      'ROI',
      count(same, (t) => hasNumber(t, 'revenue')),
      same.length,
      'no revenue yet',
    ),
    cac: coverageWords(
      'CAC',
      count(same, (t) => hasNumber(t, 'newCustomers')),
      same.length,
      'no new customers yet',
    ),
    engagementRate: coverageWords(
      'Engagement rate',
      count(
        typed,
        (t) => zero(t.row, 'followers') > 0 && typeof t.derived.engagements === 'number',
      ),
      typed.length,
      'no engagements or followers yet',
    ),
    conversionRate: coverageWords(
      'Conversion',
      count(typed, (t) => zero(t.row, 'clicks') > 0 && hasNumber(t, 'orders')),
      typed.length,
      'no clicks or orders yet',
    ),
  };
}

function inCurrency(row: SampleRow, currency: string): boolean {
  const blankOr = (key: ColumnKey) =>
    !text(row, key) || currencyCode(text(row, key)) === currencyCode(currency);
  return blankOr('currency') && blankOr('salesCurrency');
}

function totalFigures(sample: TrackerSample): Figure[] {
  const typed: Typed[] = [];
  sample.rows.forEach((row, i) => {
    if (row.handle)
      typed.push({
        row,
        derived: derivedRow(sample.rows, i, sample),
        same: inCurrency(row, sample.options.currency),
      });
  });
  const values = totalValues(sample, typed);
  const coverage = coverageValues(typed);
  const figures: Figure[] = [];
  TOTALS.forEach((total, i) => {
    const letter = columnLetter(i + 1);
    figures.push({
      cell: `${letter}${TOTALS_ROW}`,
      what: `Total: ${total.label}`,
      expected: values[total.key],
      kind: kindOf(total.type),
    });
    if (total.coverage)
      figures.push({
        cell: `${letter}${COVERAGE_ROW}`,
        what: `Words under ${total.label}`,
        expected: coverage[total.key] ?? '',
        kind: 'text',
      });
  });
  return figures;
}

/** Every figure of the sample tracker: each row's derived cells, the totals and their words. */
export function trackerFigures(sample: TrackerSample): Figure[] {
  return [...rowFigures(sample), ...totalFigures(sample)];
}
