// The block above the table: the campaign's settings (row 3) and its live totals (row 5),
// each a label over a value. Positions come from the order of these lists.

import { campaignConversionFormula } from '../money/leaks';
import { leftOutNoteFormula, pooledProfitRoiFormula } from '../money/money';
import type { GoalType, TrackerOptions } from '../shared/api';
import { GOAL_TYPES } from '../shared/choices';
import { coverageWords, NUMBER_CRITERION, ratioFormula, roiFormula } from '../sheet/formulas';
import { asText } from '../sheet/literal';
import type { Refs, ValueType } from './columns';

export const TITLE_ROW = 1;
export const SETTINGS_ROW = 3;
export const TOTALS_ROW = 5;
/** Under a ratio total: how many rows it used, in words. */
export const COVERAGE_ROW = 6;

export type SettingKey =
  | 'product'
  | 'currency'
  | 'goal'
  | 'target'
  | 'otherCac'
  | 'reportingCurrency'
  | 'grossMargin';
export type TotalKey =
  | 'progress'
  | 'spend'
  | 'revenue'
  | 'orders'
  | 'newCustomers'
  | 'roi'
  | 'roas'
  | 'cac'
  | 'engagementRate'
  | 'cacVsOther'
  | 'best'
  | 'worst'
  | 'fullCost'
  | 'reportingRevenue'
  | 'profitRoi'
  | 'leftOut'
  | 'conversionRate';

/** A1 addresses of every summary value, by key. */
export type Cells = Record<SettingKey | TotalKey, string>;

interface Setting {
  key: SettingKey;
  label: string;
  type: ValueType | 'goalTarget';
  note: string;
  value: (options: TrackerOptions) => string | number;
}

interface Total {
  key: TotalKey;
  label: string;
  type: ValueType;
  note: string;
  formula: (c: Refs, s: Cells) => string;
  /** A ratio's words under it: how many rows it used and why the others are left out. */
  coverage?: (c: Refs, s: Cells) => string;
}

export function goalLabel(goal: GoalType): string {
  return GOAL_TYPES.find((type) => type.value === goal)?.label ?? goal;
}

export const SETTINGS: readonly Setting[] = [
  {
    key: 'product',
    label: 'Product',
    type: 'text',
    note: 'Product name or ASIN.',
    value: (o) => asText(o.product),
  },
  {
    key: 'currency',
    label: 'Currency',
    type: 'text',
    note: 'Currency of every amount in this tracker.',
    value: (o) => o.currency,
  },
  {
    key: 'goal',
    label: 'Goal',
    type: 'text',
    note: 'What the campaign set out to achieve, decided before launch.',
    value: (o) => goalLabel(o.goalType),
  },
  {
    key: 'target',
    label: 'Goal target',
    type: 'goalTarget',
    note: 'The number to reach.',
    value: (o) => o.goalTarget,
  },
  {
    key: 'otherCac',
    label: 'Other-channel CAC',
    type: 'money',
    note: 'What a customer costs on your other channels (e.g. paid social), for comparison.',
    value: (o) => o.otherChannelCac ?? '',
  },
  {
    key: 'reportingCurrency',
    label: 'Reporting currency',
    type: 'text',
    note: "The currency Full cost, Revenue (reporting) and Profit ROI are shown in; the Rates sheet gives every other currency's rate to it. Empty: Currency.",
    value: (o) => o.currency,
  },
  {
    key: 'grossMargin',
    label: 'Gross margin',
    type: 'rate',
    note: "The share of revenue left after the product's own cost, e.g. 60%: Profit ROI needs it. A row's Gross margin overrides it.",
    value: () => '',
  },
];

/** The total behind each goal: what progress is measured in. */
function goalActual(goal: GoalType, c: Refs, s: Cells): string {
  const actual: Record<GoalType, string> = {
    orders: s.orders,
    revenue: s.revenue,
    roi: s.roi,
    impressions: `SUM(${c.reach})`,
  };
  return actual[goal];
}

function progressFormula(c: Refs, s: Cells): string {
  // Reads the goal cell, so a team can change the goal later without a new tracker.
  const byGoal = GOAL_TYPES.reduceRight(
    (otherwise, goal) =>
      `IF(${s.goal}="${goal.label}", ${goalActual(goal.value, c, s)}, ${otherwise})`,
    '""',
  );
  // Blank while the goal's total is not known yet (no results in), not 0%.
  return `=IFERROR(IF(${s.target}>0, IF(ISNUMBER(${byGoal}), ${byGoal}/${s.target}, ""), ""), "")`;
}

/** 1 for a row wholly in the tracker's currency (blank currencies mean it), else 0. */
function inTrackerCurrency(c: Refs, s: Cells): string {
  const same = (range: string) =>
    `((${range}="")+(UPPER(TRIM(${range}))=UPPER(TRIM(${s.currency}))))`;
  return `${same(c.currency)}*${same(c.salesCurrency)}`;
}

/** Best and worst need two rows with a result: with one, both would be the same creator. */
function rankedHandle(pick: 'MAX' | 'MIN', c: Refs): string {
  return `=IF(COUNT(${c.roi})<2, "", INDEX(${c.handle}, MATCH(${pick}(${c.roi}), ${c.roi}, 0)))`;
}

/** A sum of a column, blank while no row has a number in it (nothing known is not zero). */
function knownSum(range: string, sum: string): string {
  return `=IF(COUNT(${range})=0, "", ${sum})`;
}

/** 1 where a row has a handle and a number in `range` (SUMPRODUCT's array arithmetic). */
const withNumber = (c: Refs, range: string) => `(${c.handle}<>"")*ISNUMBER(${range})`;

/** The rows of the tracker's currency that have a number in `range`: what CAC, ROI and ROAS use. */
function sameRows(c: Refs, s: Cells, range: string): string {
  return `${withNumber(c, range)}*${inTrackerCurrency(c, s)}`;
}

const NUMBER = NUMBER_CRITERION;

/** Revenue of the rows in the tracker's currency that have revenue. */
function revenueOfRows(c: Refs, s: Cells): string {
  return `IF(COUNT(${c.revenue})=0, "", SUMPRODUCT(${c.revenue}, ${inTrackerCurrency(c, s)}))`;
}

/** Total cost of the rows in the tracker's currency that have a number in `range`. */
function costOfRows(c: Refs, s: Cells, range: string): string {
  return `SUMPRODUCT(${c.totalCost}, ${sameRows(c, s, range)})`;
}

/** Words for a total over the rows of the tracker's currency with a number in `range`. */
function rowsWords(label: string, c: Refs, s: Cells, range: string, missing: string): string {
  return `=${coverageWords(
    label,
    `SUMPRODUCT(${sameRows(c, s, range)})`,
    `SUMPRODUCT((${c.handle}<>"")*${inTrackerCurrency(c, s)})`,
    missing,
  )}`;
}

export const TOTALS: readonly Total[] = [
  {
    key: 'progress',
    label: 'Progress to goal',
    type: 'rate',
    note: "The goal's total divided by its target.",
    formula: progressFormula,
  },
  {
    key: 'spend',
    label: 'Spend',
    type: 'money',
    note: "Sum of total cost over the rows paid and sold in the tracker's currency (Currency and Sales currency empty or the same): two currencies are never added. Full cost (reporting) converts every row.",
    formula: (c, s) => `=SUMPRODUCT(${c.totalCost}, ${inTrackerCurrency(c, s)})`,
  },
  {
    key: 'revenue',
    label: 'Revenue',
    type: 'money',
    note: "Sum of revenue over the rows paid and sold in the tracker's currency. Revenue (reporting) converts every row.",
    formula: (c, s) => knownSum(c.revenue, `SUMPRODUCT(${c.revenue}, ${inTrackerCurrency(c, s)})`),
  },
  {
    key: 'orders',
    label: 'Orders',
    type: 'count',
    note: 'Sum of orders; blank until a row has them.',
    formula: (c) => knownSum(c.orders, `SUM(${c.orders})`),
  },
  {
    key: 'newCustomers',
    label: 'New customers',
    type: 'count',
    note: 'Sum of new customers; blank until a row has them.',
    formula: (c) => knownSum(c.newCustomers, `SUM(${c.newCustomers})`),
  },
  {
    key: 'roi',
    label: 'ROI',
    type: 'rate',
    note: 'Campaign ROI = (revenue - cost) / cost over the rows that have revenue (the words under it say how many): a row with no revenue yet is not a loss.',
    formula: (c, s) => `=${roiFormula(revenueOfRows(c, s), costOfRows(c, s, c.revenue))}`,
    coverage: (c, s) => rowsWords('ROI', c, s, c.revenue, 'no revenue yet'),
  },
  {
    key: 'roas',
    label: 'ROAS',
    type: 'multiple',
    note: 'Campaign ROAS = revenue / cost over the rows that have revenue.',
    formula: (c, s) => `=${ratioFormula(revenueOfRows(c, s), costOfRows(c, s, c.revenue))}`,
  },
  {
    key: 'cac',
    label: 'CAC',
    type: 'money',
    note: 'Campaign CAC = cost / new customers over the rows that have a new-customer count (the words under it say how many).',
    formula: (c, s) =>
      `=${ratioFormula(costOfRows(c, s, c.newCustomers), `SUMPRODUCT(${c.newCustomers}, ${inTrackerCurrency(c, s)})`)}`,
    coverage: (c, s) => rowsWords('CAC', c, s, c.newCustomers, 'no new customers yet'),
  },
  {
    key: 'engagementRate',
    label: 'Engagement rate',
    type: 'rate',
    note: 'Engagements / followers, over the rows that have both (the words under it say how many).',
    formula: (c) =>
      `=${ratioFormula(`SUMIFS(${c.engagements}, ${c.followers}, ">0", ${c.engagements}, ${NUMBER})`, `SUMIFS(${c.followers}, ${c.followers}, ">0", ${c.engagements}, ${NUMBER})`)}`,
    coverage: (c) =>
      `=${coverageWords(
        'Engagement rate',
        `COUNTIFS(${c.followers}, ">0", ${c.engagements}, ${NUMBER})`,
        `SUMPRODUCT((${c.handle}<>"")*1)`,
        'no engagements or followers yet',
      )}`,
  },
  {
    key: 'cacVsOther',
    label: 'CAC vs other channels',
    type: 'multiple',
    note: 'Campaign CAC (the same rows) / other-channel CAC. Below 1x, influencers win customers more cheaply.',
    formula: (_c, s) =>
      `=IF(AND(ISNUMBER(${s.cac}), N(${s.otherCac})>0), ${s.cac}/${s.otherCac}, "")`,
  },
  {
    key: 'best',
    label: 'Best influencer (ROI)',
    type: 'text',
    note: 'The handle with the highest ROI; blank until two rows have one.',
    formula: (c) => rankedHandle('MAX', c),
  },
  {
    key: 'worst',
    label: 'Worst influencer (ROI)',
    type: 'text',
    note: 'The handle with the lowest ROI; blank until two rows have one.',
    formula: (c) => rankedHandle('MIN', c),
  },
  {
    key: 'fullCost',
    label: 'Full cost (reporting)',
    type: 'amount',
    note: 'Sum of Full cost, every row converted to the reporting currency through the Rates sheet; rows with no rate are left out (see Left out).',
    formula: (c) => `=SUM(${c.fullCost})`,
  },
  {
    key: 'reportingRevenue',
    label: 'Revenue (reporting)',
    type: 'amount',
    note: 'Sum of Revenue (reporting): revenue converted to the reporting currency; rows with no rate are left out.',
    formula: (c) => `=SUM(${c.reportingRevenue})`,
  },
  {
    key: 'profitRoi',
    label: 'Profit ROI',
    type: 'rate',
    note: 'Campaign profit ROI = (sum of revenue x gross margin - full cost) / full cost, over the rows with a margin and a rate.',
    formula: (c) => `=${pooledProfitRoiFormula(c.profitRoi, c.fullCost)}`,
  },
  {
    key: 'leftOut',
    label: 'Left out',
    type: 'text',
    note: 'How many rows the converted totals leave out because their currency has no rate in the Rates sheet.',
    formula: (c) => `=${leftOutNoteFormula(c.fullCost)}`,
  },
  {
    key: 'conversionRate',
    label: 'Conversion rate',
    type: 'rate',
    note: 'Campaign conversion rate = orders / clicks over the rows with both (the words under it say how many).',
    formula: (c) => `=${campaignConversionFormula(c.orders, c.clicks)}`,
    coverage: (c) =>
      `=${coverageWords(
        'Conversion',
        `COUNTIFS(${c.clicks}, ">0", ${c.orders}, ${NUMBER})`,
        `SUMPRODUCT((${c.handle}<>"")*1)`,
        'no clicks or orders yet',
      )}`,
  },
];

export const SUMMARY_WIDTH = Math.max(SETTINGS.length, TOTALS.length);
