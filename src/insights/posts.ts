// "Every post": one row per tracker row with a handle, from every tracker on the dashboard, in
// post-date order, computed by SORT(FILTER(...)) over the trackers' open ranges: one formula per
// group of columns, so no formula passes Sheets' 50,000 characters with 50 trackers. Every group
// filters and sorts the same rows by the same stable key, so their rows line up. Every other
// block adds up its columns. Beside the tracker's numbers it computes each post's engagement
// against its creator's usual rate (from the creators' working table) and its platform's norm,
// and the sales lift around its post date.
import { FAR_BELOW_SHARE, PLATFORM_NORMS } from '../metrics/platforms';
import { USUAL_RATE_WORDS } from '../metrics/rates';
import { MAX_FORMULA_CHARS, ratioFormula, text } from '../sheet/formulas';
import type { LiftRefs } from './lift';
import { liftFormulas } from './lift';
import type { SettingKey } from './settings';
import { type SourceKey, sourceRange, type TrackerSource } from './sources';
import { type SpillColumn, SpillTable } from './spill-table';

export type PostKey =
  | 'campaign'
  | 'creator'
  | 'platform'
  | 'postDate'
  | 'followers'
  | 'reach'
  | 'engagements'
  | 'clicks'
  | 'orders'
  | 'revenue'
  | 'cost'
  | 'newCustomers'
  | 'bonus'
  | 'contentValue'
  | 'sentiment'
  | 'sentimentNote'
  | 'usualRate'
  | 'typedRate'
  | 'typedKey'
  | 'ratedKey'
  | 'key'
  | 'engagementRate'
  | 'platformNorm'
  | 'engagementCheck'
  | 'daysBefore'
  | 'before'
  | 'daysAfter'
  | 'after'
  | 'lift'
  | 'extra'
  | 'spread'
  | 'liftCheck'
  | 'inTotal';

/** Columns taken from the trackers, in order; `from` is the tracker column (or how it's made). */
const FROM_TRACKERS: readonly (SpillColumn<PostKey> & { from?: SourceKey })[] = [
  { key: 'campaign', header: 'Campaign', kind: 'text', note: "The tracker's sheet." },
  // The key first, then what a lookup by key returns (creator, platform).
  {
    key: 'key',
    header: 'Creator key',
    kind: 'text',
    note: 'Handle and platform, lower case: one creator on one platform.',
  },
  { key: 'creator', header: 'Creator', kind: 'text', note: 'The handle.', from: 'handle' },
  { key: 'platform', header: 'Platform', kind: 'text', note: '', from: 'platform' },
  { key: 'postDate', header: 'Post date', kind: 'date', note: '', from: 'postDate' },
  { key: 'followers', header: 'Followers', kind: 'count', note: '', from: 'followers' },
  { key: 'reach', header: 'Reach', kind: 'count', note: '', from: 'reach' },
  { key: 'engagements', header: 'Engagements', kind: 'count', note: '', from: 'engagements' },
  { key: 'clicks', header: 'Clicks', kind: 'count', note: '', from: 'clicks' },
  { key: 'orders', header: 'Orders', kind: 'count', note: '', from: 'orders' },
  {
    key: 'revenue',
    header: 'Revenue',
    kind: 'money',
    note: 'Attributed revenue.',
    from: 'revenue',
  },
  {
    key: 'cost',
    header: 'Cost',
    kind: 'money',
    note: "The tracker's total cost.",
    from: 'totalCost',
  },
  { key: 'newCustomers', header: 'New customers', kind: 'count', note: '', from: 'newCustomers' },
  { key: 'bonus', header: 'Brand Referral Bonus', kind: 'money', note: '', from: 'bonus' },
  {
    key: 'contentValue',
    header: 'Reusable content value',
    kind: 'money',
    note: '',
    from: 'contentValue',
  },
  { key: 'sentiment', header: 'Sentiment', kind: 'text', note: '', from: 'sentiment' },
  { key: 'sentimentNote', header: 'Sentiment note', kind: 'text', note: '', from: 'sentimentNote' },
  {
    key: 'typedRate',
    header: 'Usual rate typed',
    kind: 'rate',
    note: 'The tracker\'s "Usual engagement rate" for this post, as typed.',
    from: 'usualEngagementRate',
  },
];

const COMPUTED: readonly SpillColumn<PostKey>[] = [
  {
    key: 'usualRate',
    header: 'Usual engagement rate',
    kind: 'rate',
    note: `The creator's, the same on every post and on the Creators sheet: ${USUAL_RATE_WORDS}.`,
  },
  {
    key: 'engagementRate',
    header: 'Engagement rate',
    kind: 'rate',
    note: 'Engagements / followers.',
  },
  {
    key: 'platformNorm',
    header: 'Platform norm',
    kind: 'rate',
    note: "The low end of the platform's usual engagement for micro-influencers.",
  },
  {
    key: 'engagementCheck',
    header: 'Engagement check',
    kind: 'text',
    note: `"Far below" = under ${FAR_BELOW_SHARE * 100}% of the creator's usual rate or of the platform norm.`,
  },
  {
    key: 'daysBefore',
    header: 'Days before',
    kind: 'count',
    note: 'Days of the N before the post date that have daily sales (missing days count as missing, not as zero).',
  },
  {
    key: 'before',
    header: 'Sales/day before',
    kind: 'money',
    note: 'Average daily sales over the N days before the post date.',
  },
  {
    key: 'daysAfter',
    header: 'Days from post',
    kind: 'count',
    note: 'Days from the post date through the N-1 days after it that have daily sales.',
  },
  {
    key: 'after',
    header: 'Sales/day from post',
    kind: 'money',
    note: 'Average daily sales over the post date and the N-1 days after it.',
  },
  {
    key: 'lift',
    header: 'Lift/day',
    kind: 'money',
    note: 'Sales/day from post - sales/day before; blank unless each window has 5 days of daily sales.',
  },
  {
    key: 'extra',
    header: 'Extra sales (est.)',
    kind: 'money',
    note: 'Lift/day x N: an estimate of sales no code or link caught.',
  },
  {
    key: 'spread',
    header: 'Normal variation (SD)',
    kind: 'money',
    note: 'Standard deviation of daily sales over the N days before (needs 2 days or more).',
  },
  {
    key: 'liftCheck',
    header: 'Lift check',
    kind: 'text',
    note: 'Stands out only when lift/day is over twice the normal variation. "not enough days" says how many days each window had (5 needed); "no data": none. A post within an earlier post\'s window says "overlaps @name" and is left out of the totals (the earlier post carries their shared lift).',
  },
  {
    key: 'inTotal',
    header: 'In lift total',
    kind: 'text',
    note: '"yes" when the extra sales count in the dashboard\'s total lift: the lift stands out and no earlier post overlaps.',
  },
  {
    key: 'typedKey',
    header: 'Key if rate typed',
    kind: 'text',
    note: 'The creator key when a usual rate is typed: what the creators table averages.',
  },
  {
    key: 'ratedKey',
    header: 'Key if rate known',
    kind: 'text',
    note: 'The creator key when the engagement rate is known: what the creators table adds up.',
  },
];

export const POST_COLUMNS: readonly SpillColumn<PostKey>[] = [...FROM_TRACKERS, ...COMPUTED];

/** An optional period: only posts dated from..to (inclusive, ISO dates) are listed. */
export interface Period {
  from: string;
  to: string;
}

export interface PostsInput {
  /** The trackers listed, in the dashboard's order. */
  sources: readonly TrackerSource[];
  settings: Record<SettingKey, string>;
  /** The daily sales table's columns, or null when there is no daily sales data. */
  daily: LiftRefs | null;
  period?: Period;
}

/**
 * A creator's identity across trackers, as the roster's: handle without its @, trimmed, any case,
 * on a platform. (A handle holds no @ but the leading one, so SUBSTITUTE drops just that.)
 */
export function creatorKey(handle: string, platform: string): string {
  return `SUBSTITUTE(LOWER(TRIM(${handle})), "@", "")&" on "&LOWER(TRIM(${platform}))`;
}

/** A day's serial number in Sheets (days since 1899-12-30): shorter than DATE(y, m, d). */
function serialOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * One tracker's rows kept: those with a handle (and, for a report, dated in its period, written
 * as the distance from its middle so the date column is named once: a formula's length grows
 * with every range named; text dates fail the subtraction and are left out, blanks are day 0).
 */
function condition(source: TrackerSource, period?: Period): string {
  const kept = `(${sourceRange(source, 'handle')}<>"")`;
  if (!period) return kept;
  const from = serialOf(period.from);
  const to = serialOf(period.to);
  const date = sourceRange(source, 'postDate');
  return `${kept}*IFERROR(ABS(${date}-${(from + to) / 2})<=${(to - from) / 2}, FALSE)`;
}

/** A column's cells from one tracker, as the stacked array takes them. */
function columnFrom(source: TrackerSource, column: FromTracker): string {
  const range = (key: SourceKey) => sourceRange(source, key);
  if (column.from) return range(column.from);
  if (column.key === 'campaign') return `IF(${range('handle')}="", "", ${text(source.name)})`;
  // The key is stacked too: beyond the posts its cells stay empty, not "" (which "?*" counts).
  return creatorKey(range('handle'), range('platform'));
}

type FromTracker = (typeof FROM_TRACKERS)[number];

/** Room left for a group's columns in one formula, below Sheets' limit per cell. */
const GROUP_BUDGET = MAX_FORMULA_CHARS - 5000;

/**
 * One formula per group of side-by-side columns: SORT(FILTER) of the same rows by the same
 * key (post date; SORT is stable, so ties keep the trackers' order), so the groups line up. A
 * new group starts where one more column would pass the budget.
 */
function groupFormulas(input: PostsInput): Partial<Record<PostKey, string>> {
  const conditions = `{${input.sources.map((s) => condition(s, input.period)).join('; ')}}`;
  const dates = `{${input.sources.map((s) => sourceRange(s, 'postDate')).join('; ')}}`;
  const formula = (columns: readonly FromTracker[]) => {
    const stacked = input.sources
      .map((source) => columns.map((column) => columnFrom(source, column)).join(', '))
      .join('; ');
    return `=ARRAYFORMULA(IFERROR(SORT(FILTER({${stacked}}, ${conditions}), FILTER(${dates}, ${conditions}), TRUE), ""))`;
  };
  const formulas: Partial<Record<PostKey, string>> = {};
  let group: FromTracker[] = [];
  for (const column of FROM_TRACKERS) {
    if (group.length > 0 && formula([...group, column]).length > GROUP_BUDGET) {
      formulas[group[0].key] = formula(group);
      group = [];
    }
    group.push(column);
  }
  formulas[group[0].key] = formula(group);
  return formulas;
}

/** The platform's low norm for a platform cell, or "". */
function norm(platform: string): string {
  return PLATFORM_NORMS.reduceRight(
    (otherwise, p) =>
      `IF(LOWER(TRIM(${platform}))=${text(p.name.toLowerCase())}, ${p.low}, ${otherwise})`,
    '""',
  );
}

/**
 * The table at (row, column) with room for `capacity` posts, and its formulas; the usual rate's
 * lookup is the creators table's (usualRateFormula in ranking.ts).
 */
export function postsTable(input: PostsInput, row: number, column: number, capacity: number) {
  const table = new SpillTable(row, column, POST_COLUMNS, capacity);
  const r = (key: PostKey) => table.range(key);
  const rate = r('engagementRate');
  const below = (reference: string) =>
    `IF(ISNUMBER(${reference}), ${rate}<${reference}*${FAR_BELOW_SHARE}, FALSE)`;
  const keyWhen = (known: string) => `=ARRAYFORMULA(IF(ISNUMBER(${known}), ${r('key')}, ""))`;
  const formulas: Partial<Record<PostKey, string>> = {
    ...groupFormulas(input),
    engagementRate: `=ARRAYFORMULA(${ratioFormula(r('engagements'), r('followers'))})`,
    platformNorm: `=ARRAYFORMULA(IF(${r('key')}="", "", ${norm(r('platform'))}))`,
    engagementCheck: `=ARRAYFORMULA(IF(ISNUMBER(${rate}), IF(${below(r('usualRate'))}, IF(${below(r('platformNorm'))}, "far below own usual and platform norm", "far below own usual"), IF(${below(r('platformNorm'))}, "far below platform norm", "")), ""))`,
    typedKey: keyWhen(r('typedRate')),
    ratedKey: keyWhen(rate),
    ...(input.daily ? liftFormulas(table, input.daily, input.settings.liftDays) : {}),
  };
  return { table, formulas };
}

export type PostsTable = ReturnType<typeof postsTable>['table'];
