// "Every post": one row per tracker row with a handle, from every tracker on the dashboard, in
// post-date order, computed by one FILTER over the trackers' open ranges. Every other block adds
// up its columns. Beside the tracker's numbers it computes each post's engagement against its
// creator's usual rate and its platform's norm, and the sales lift around its post date.
import { FAR_BELOW_SHARE, PLATFORM_NORMS } from '../metrics/platforms';
import { ratioFormula, text } from '../sheet/formulas';
import type { LiftRefs } from './lift';
import { liftFormulas } from './lift';
import type { SettingKey } from './settings';
import { createdBefore, type SourceKey, sourceRange, type TrackerSource } from './sources';
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
    key: 'usualRate',
    header: 'Usual engagement rate',
    kind: 'rate',
    note: "As typed in the tracker; left empty there, the creator's engagement rate on the same platform in this dashboard's trackers created before it (engagements / followers).",
  },
];

const COMPUTED: readonly SpillColumn<PostKey>[] = [
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
  /** Every tracker known, for creators' usual rates in trackers created earlier. */
  history: readonly TrackerSource[];
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

function dateOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `DATE(${y}, ${m}, ${d})`;
}

/** The usual rate fallback: engagements / followers of this creator in earlier trackers. */
function earlierRate(source: TrackerSource, history: readonly TrackerSource[]): string {
  const earlier = history.filter((other) => createdBefore(other, source));
  if (earlier.length === 0) return '""';
  const key = creatorKey(sourceRange(source, 'handle'), sourceRange(source, 'platform'));
  const sum = (column: SourceKey) =>
    earlier
      .map(
        (other) =>
          `SUMIF(${creatorKey(sourceRange(other, 'handle'), sourceRange(other, 'platform'))}, ${key}, ${sourceRange(other, column)})`,
      )
      .join('+');
  return `IFERROR((${sum('engagements')})/(${sum('followers')}), "")`;
}

/** One tracker's columns, in FROM_TRACKERS order, for the stacked array. */
function group(source: TrackerSource, history: readonly TrackerSource[]): string {
  const range = (key: SourceKey) => sourceRange(source, key);
  const handle = range('handle');
  const usual = range('usualEngagementRate');
  return FROM_TRACKERS.map((column) => {
    if (column.from) return range(column.from);
    if (column.key === 'campaign') return `IF(${handle}="", "", ${text(source.name)})`;
    if (column.key === 'usualRate')
      return `IF(ISNUMBER(${usual}), ${usual}, ${earlierRate(source, history)})`;
    return creatorKey(handle, range('platform'));
  }).join(', ');
}

function condition(source: TrackerSource, period?: Period): string {
  const kept = `(${sourceRange(source, 'handle')}<>"")`;
  if (!period) return kept;
  const date = sourceRange(source, 'postDate');
  return `${kept}*ISNUMBER(${date})*(${date}>=${dateOf(period.from)})*(${date}<=${dateOf(period.to)})`;
}

/** The platform's low norm for a platform cell, or "". */
function norm(platform: string): string {
  return PLATFORM_NORMS.reduceRight(
    (otherwise, p) =>
      `IF(LOWER(TRIM(${platform}))=${text(p.name.toLowerCase())}, ${p.low}, ${otherwise})`,
    '""',
  );
}

/** The table at (row, column) with room for `capacity` posts, and its formulas. */
export function postsTable(input: PostsInput, row: number, column: number, capacity: number) {
  const table = new SpillTable(row, column, POST_COLUMNS, capacity);
  const r = (key: PostKey) => table.range(key);
  const groups = input.sources.map((source) => group(source, input.history)).join('; ');
  const conditions = input.sources.map((source) => condition(source, input.period)).join('; ');
  const dateIndex = FROM_TRACKERS.findIndex((c) => c.key === 'postDate') + 1;
  const rate = r('engagementRate');
  const below = (reference: string) =>
    `IF(ISNUMBER(${reference}), ${rate}<${reference}*${FAR_BELOW_SHARE}, FALSE)`;
  const formulas: Partial<Record<PostKey, string>> = {
    campaign: `=ARRAYFORMULA(IFERROR(SORT(FILTER({${groups}}, {${conditions}}), ${dateIndex}, TRUE), ""))`,
    engagementRate: `=ARRAYFORMULA(${ratioFormula(r('engagements'), r('followers'))})`,
    platformNorm: `=ARRAYFORMULA(IF(${r('key')}="", "", ${norm(r('platform'))}))`,
    engagementCheck: `=ARRAYFORMULA(IF(ISNUMBER(${rate}), IF(${below(r('usualRate'))}, IF(${below(r('platformNorm'))}, "far below own usual and platform norm", "far below own usual"), IF(${below(r('platformNorm'))}, "far below platform norm", "")), ""))`,
    ...(input.daily ? liftFormulas(table, input.daily, input.settings.liftDays) : {}),
  };
  return { table, formulas };
}

export type PostsTable = ReturnType<typeof postsTable>['table'];
