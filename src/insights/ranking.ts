// Fair rankings. Creators (one handle on one platform) are added up from "Every post"; a
// creator with fewer orders than the team's threshold is "too early to judge" and ranked after
// the others, and conversion rates are shrunk toward the campaign's rate:
// (orders + k x campaign rate) / (clicks + k). The tier leaderboard compares creators with
// peers of their size (nano to mega), engagement by followers and by reach side by side.
import { USUAL_RATE_WORDS } from '../metrics/rates';
import { TIERS } from '../metrics/tiers';
import {
  type Cell,
  columnLetter,
  exactly,
  ratioFormula,
  roiFormula,
  text,
} from '../sheet/formulas';
import type { StaticRows } from './blocks';
import type { PostKey } from './posts';
import type { SettingKey } from './settings';
import { type SpillColumn, SpillTable } from './spill-table';

export type CreatorKey =
  | 'key'
  | 'creator'
  | 'platform'
  | 'posts'
  | 'followers'
  | 'reach'
  | 'engagements'
  | 'clicks'
  | 'orders'
  | 'revenue'
  | 'spend'
  | 'averageFollowers'
  | 'tier'
  | 'roi'
  | 'conversion'
  | 'shrunk'
  | 'evidence'
  | 'byFollowers'
  | 'byReach'
  | 'tierRoi'
  | 'group'
  | 'order'
  | 'usualRate';

export const ENOUGH = 'enough data';
export const TOO_EARLY = 'too early to judge';

/** The working table: one row per creator, in the order they first appear in "Every post". */
export const CREATOR_COLUMNS: readonly SpillColumn<CreatorKey>[] = [
  { key: 'key', header: 'Creator key', kind: 'text', note: 'Handle and platform, lower case.' },
  { key: 'creator', header: 'Creator', kind: 'text', note: '' },
  { key: 'platform', header: 'Platform', kind: 'text', note: '' },
  { key: 'posts', header: 'Posts', kind: 'count', note: '' },
  { key: 'followers', header: 'Followers (sum)', kind: 'count', note: '' },
  { key: 'reach', header: 'Reach', kind: 'count', note: '' },
  { key: 'engagements', header: 'Engagements', kind: 'count', note: '' },
  { key: 'clicks', header: 'Clicks', kind: 'count', note: '' },
  { key: 'orders', header: 'Orders', kind: 'count', note: '' },
  { key: 'revenue', header: 'Revenue', kind: 'money', note: '' },
  { key: 'spend', header: 'Spend', kind: 'money', note: '' },
  {
    key: 'averageFollowers',
    header: 'Followers',
    kind: 'count',
    note: 'Average over their posts.',
  },
  { key: 'tier', header: 'Tier', kind: 'text', note: 'By followers.' },
  { key: 'roi', header: 'ROI', kind: 'rate', note: '(revenue - spend) / spend.' },
  { key: 'conversion', header: 'Conversion rate', kind: 'rate', note: 'Orders / clicks.' },
  {
    key: 'shrunk',
    header: 'Shrunk conversion',
    kind: 'rate',
    note: '(orders + k x campaign rate) / (clicks + k).',
  },
  { key: 'evidence', header: 'Evidence', kind: 'text', note: '' },
  { key: 'byFollowers', header: 'ER by followers', kind: 'rate', note: '' },
  { key: 'byReach', header: 'ER by reach', kind: 'rate', note: '' },
  { key: 'tierRoi', header: 'Tier ROI', kind: 'rate', note: 'ROI of all creators in the tier.' },
  { key: 'group', header: 'Sort: group', kind: 'count', note: '0 ranked, 1 too early.' },
  { key: 'order', header: 'Sort: ROI', kind: 'rate', note: '' },
  {
    key: 'usualRate',
    header: 'Usual engagement rate',
    kind: 'rate',
    note: `Once per creator, what every post of theirs is compared with: ${USUAL_RATE_WORDS}.`,
  },
];

export type RankKey =
  | 'rank'
  | 'creator'
  | 'platform'
  | 'tier'
  | 'spend'
  | 'revenue'
  | 'orders'
  | 'roi'
  | 'tierRoi'
  | 'conversion'
  | 'shrunk'
  | 'byFollowers'
  | 'byReach'
  | 'evidence';

/** The visible ranking; every column but the rank comes from the working table. */
export const RANK_COLUMNS: readonly SpillColumn<RankKey>[] = [
  {
    key: 'rank',
    header: 'Rank',
    kind: 'count',
    note: 'Creators with enough orders first; the others after them, marked "(too early)".',
  },
  { key: 'creator', header: 'Creator', kind: 'text', note: '' },
  { key: 'platform', header: 'Platform', kind: 'text', note: '' },
  {
    key: 'tier',
    header: 'Tier',
    kind: 'text',
    note: 'nano < 10k followers, micro < 100k, mid < 500k, macro < 1M, mega.',
  },
  { key: 'spend', header: 'Spend', kind: 'money', note: '' },
  { key: 'revenue', header: 'Revenue', kind: 'money', note: '' },
  { key: 'orders', header: 'Orders', kind: 'count', note: '' },
  { key: 'roi', header: 'ROI', kind: 'rate', note: '(revenue - spend) / spend.' },
  {
    key: 'tierRoi',
    header: 'Tier ROI',
    kind: 'rate',
    note: 'ROI of their peers: every creator of the same tier.',
  },
  { key: 'conversion', header: 'Conversion rate', kind: 'rate', note: 'Orders / clicks.' },
  {
    key: 'shrunk',
    header: 'Shrunk conversion',
    kind: 'rate',
    note: '(orders + k x campaign rate) / (clicks + k): a fair comparison when clicks are few.',
  },
  { key: 'byFollowers', header: 'ER by followers', kind: 'rate', note: 'Engagements / followers.' },
  { key: 'byReach', header: 'ER by reach', kind: 'rate', note: 'Engagements / reach.' },
  {
    key: 'evidence',
    header: 'Evidence',
    kind: 'text',
    note: `"${TOO_EARLY}" below the orders threshold.`,
  },
];

/** Nested IFs naming the tier of a follower count (the domain brief's bounds). */
export function tierOf(followers: string): string {
  return TIERS.reduceRight(
    (otherwise, { tier, minFollowers }) =>
      minFollowers === 0
        ? text(tier)
        : `IF(${followers}>=${minFollowers}, ${text(tier)}, ${otherwise})`,
    '""',
  );
}

export interface RankingInput {
  posts: SpillTable<PostKey>;
  settings: Record<SettingKey, string>;
  /** The campaign's conversion rate (all orders / all clicks): the shrinkage's prior. */
  campaignRate: string;
}

export function creatorsTable(input: RankingInput, row: number, column: number, capacity: number) {
  const table = new SpillTable(row, column, CREATOR_COLUMNS, capacity);
  const p = (key: PostKey) => input.posts.range(key);
  const c = (key: CreatorKey) => table.range(key);
  const k = c('key');
  const each = (then: string) => `=ARRAYFORMULA(IF(${k}="", "", ${then}))`;
  const sumOf = (post: PostKey) => each(`SUMIF(${p('key')}, ${k}, ${p(post)})`);
  // "Every post" keeps the key just left of the creator and the platform: one lookup area.
  const posts = input.posts;
  const area = `$${posts.letter('key')}$${posts.firstRow}:$${posts.letter('platform')}$${posts.lastRow}`;
  const lookup = (post: PostKey) =>
    each(
      `IFERROR(VLOOKUP(${k}, ${area}, ${posts.columnOf(post) - posts.columnOf('key') + 1}, FALSE), "")`,
    );
  const per = (numerator: string, denominator: string) =>
    each(ratioFormula(numerator, denominator));
  const { minOrders, priorClicks } = input.settings;
  const tierSum = (of: CreatorKey) => `SUMIF(${c('tier')}, ${c('tier')}, ${c(of)})`;
  const formulas: Record<CreatorKey, string> = {
    key: `=ARRAYFORMULA(IFERROR(UNIQUE(FILTER(${p('key')}, ${p('key')}<>"")), ""))`,
    creator: lookup('creator'),
    platform: lookup('platform'),
    posts: each(`COUNTIF(${p('key')}, ${k})`),
    followers: sumOf('followers'),
    reach: sumOf('reach'),
    engagements: sumOf('engagements'),
    clicks: sumOf('clicks'),
    orders: sumOf('orders'),
    revenue: sumOf('revenue'),
    spend: sumOf('cost'),
    averageFollowers: per(c('followers'), c('posts')),
    tier: each(`IF(${c('followers')}>0, ${tierOf(c('averageFollowers'))}, "")`),
    roi: each(roiFormula(c('revenue'), c('spend'))),
    conversion: per(c('orders'), c('clicks')),
    shrunk: each(
      `IF(ISNUMBER(${input.campaignRate}), IFERROR((${c('orders')}+${priorClicks}*${input.campaignRate})/(${c('clicks')}+${priorClicks}), ""), "")`,
    ),
    evidence: each(`IF(${c('orders')}>=${minOrders}, ${text(ENOUGH)}, ${text(TOO_EARLY)})`),
    byFollowers: per(c('engagements'), c('followers')),
    byReach: per(c('engagements'), c('reach')),
    tierRoi: each(`IF(${c('tier')}="", "", ${roiFormula(tierSum('revenue'), tierSum('spend'))})`),
    group: each(`IF(${c('evidence')}=${text(ENOUGH)}, 0, 1)`),
    order: each(`IF(ISNUMBER(${c('roi')}), ${c('roi')}, -1000000000)`),
    usualRate: each(usualRate(input.posts, k)),
  };
  return { table, formulas };
}

export type CreatorsTable = ReturnType<typeof creatorsTable>['table'];

/** usualEngagementRate (metrics/rates.ts) as a formula for the creator keys `k`. */
function usualRate(posts: SpillTable<PostKey>, k: string): string {
  const p = (key: PostKey) => posts.range(key);
  const typed = `COUNTIF(${p('typedKey')}, ${k})`;
  const rated = (of: PostKey) => `SUMIF(${p('ratedKey')}, ${k}, ${p(of)})`;
  return `IF(${typed}>0, SUMIF(${p('typedKey')}, ${k}, ${p('typedRate')})/${typed}, IF(${rated('followers')}>0, ${rated('engagements')}/${rated('followers')}, ""))`;
}

/** Every post's usual rate: its creator's, looked up once per post in the creators table. */
export function usualRateFormula(posts: SpillTable<PostKey>, creators: CreatorsTable): string {
  const area = `$${creators.letter('key')}$${creators.firstRow}:$${creators.letter('usualRate')}$${creators.lastRow}`;
  const at = creators.columnOf('usualRate') - creators.columnOf('key') + 1;
  const key = posts.range('key');
  return `=ARRAYFORMULA(IF(${key}="", "", IFERROR(VLOOKUP(${key}, ${area}, ${at}, FALSE), "")))`;
}

/** The ranking: enough-data creators by ROI, then the too-early ones by ROI. */
export function rankingTable(
  creators: CreatorsTable,
  row: number,
  column: number,
  capacity: number,
) {
  const table = new SpillTable(row, column, RANK_COLUMNS, capacity);
  const c = (key: CreatorKey) => creators.range(key);
  const present = `${c('key')}<>""`;
  const shown = RANK_COLUMNS.filter((col) => col.key !== 'rank').map((col) =>
    c(col.key as CreatorKey),
  );
  const kept = (range: string) => `FILTER(${range}, ${present})`;
  const formulas: Partial<Record<RankKey, string>> = {
    // Creators with enough orders come first, ranks 1 to n; every other listed creator has a
    // rank too, marked too early, so a campaign where all are under the threshold is still ranked.
    rank: `=ARRAYFORMULA(IF(SEQUENCE(${capacity})<=COUNTIF(${c('evidence')}, ${text(ENOUGH)}), SEQUENCE(${capacity}), IF(SEQUENCE(${capacity})<=COUNTIF(${c('key')}, "?*"), SEQUENCE(${capacity})&" (too early)", "")))`,
    creator: `=ARRAYFORMULA(IFERROR(SORT(FILTER({${shown.join(', ')}}, ${present}), ${kept(c('group'))}, TRUE, ${kept(c('order'))}, FALSE), ""))`,
  };
  return { table, formulas };
}

/** The tier leaderboard: one static row per tier, over the creators' working table. */
export function tierRows(
  input: RankingInput,
  creators: CreatorsTable,
  firstRow: number,
  column: number,
): StaticRows {
  const c = (key: CreatorKey) => creators.range(key);
  const { priorClicks } = input.settings;
  const header = [
    'Tier',
    'Creators',
    'Spend',
    'Revenue',
    'ROI',
    'ER by followers',
    'ER by reach',
    'Shrunk conversion',
    'Best creator',
  ];
  const rows: Cell[][] = [...TIERS].reverse().map(({ tier }, i) => {
    const row = firstRow + i;
    const at = (offset: number) => `${columnLetter(column + offset)}${row}`;
    const when = exactly(tier);
    const sum = (key: CreatorKey) => `SUMIF(${c('tier')}, ${when}, ${c(key)})`;
    return [
      tier,
      `=COUNTIF(${c('tier')}, ${when})`,
      `=${sum('spend')}`,
      `=${sum('revenue')}`,
      `=${roiFormula(at(3), at(2))}`,
      `=${ratioFormula(sum('engagements'), sum('followers'))}`,
      `=${ratioFormula(sum('engagements'), sum('reach'))}`,
      `=IF(${at(1)}>0, IFERROR((${sum('orders')}+${priorClicks}*${input.campaignRate})/(${sum('clicks')}+${priorClicks}), ""), "")`,
      `=IFERROR(INDEX(SORT(FILTER({${c('creator')}, ${c('roi')}}, ${c('tier')}=${text(tier)}, ${c('evidence')}=${text(ENOUGH)}, ISNUMBER(${c('roi')})), 2, FALSE), 1, 1), "")`,
    ];
  });
  return {
    header,
    rows,
    kinds: ['text', 'count', 'money', 'money', 'rate', 'rate', 'rate', 'rate', 'text'],
  };
}
