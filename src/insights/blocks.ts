// The dashboard's fixed-size blocks, as 2-D tables of formulas and values over "Every post":
// settings, headline figures, value beyond direct sales, the per-platform rollup, one row per
// campaign, and the awareness inputs. Each builder is told where its first data row and column
// will be, so a report can place the same blocks elsewhere.
import { PLATFORM_NORMS } from '../metrics/platforms';
import {
  type Cell,
  cellRef,
  columnLetter,
  coverageWords,
  exactly,
  NUMBER_CRITERION as NUMBER,
  ratioFormula,
  roiFormula,
  text,
} from '../sheet/formulas';
import { asText } from '../sheet/literal';
import { goalLabel } from '../tracker/summary';
import type { PostKey } from './posts';
import { SETTING_FIELDS, type SettingKey } from './settings';
import { progressRef, settingRef, type TrackerSource } from './sources';
import type { Kind, SpillTable } from './spill-table';

/** A block's header and rows (values and formulas), with how each column looks. */
export interface StaticRows {
  header: string[];
  rows: Cell[][];
  kinds: readonly Kind[];
  /** A note per header cell. */
  notes?: string[];
  /** Columns whose cells the team types into (validated, 0 or more). */
  inputs?: readonly boolean[];
}

export interface BlockContext {
  posts: SpillTable<PostKey>;
  settings: Record<SettingKey, string>;
  sources: readonly TrackerSource[];
  /** Whether "Every post" has lift columns (there is daily sales data). */
  lift: boolean;
}

const at = (row: number, column: number) => `${columnLetter(column)}${row}`;

/** The settings row: a label over each value; formulas refer to the value cells. */
export function settingsRow(values: Record<SettingKey, number | null>): StaticRows {
  return {
    header: SETTING_FIELDS.map((field) => field.label),
    rows: [SETTING_FIELDS.map((field) => values[field.key] ?? '')],
    kinds: SETTING_FIELDS.map((field) => field.kind),
    notes: SETTING_FIELDS.map((field) => field.note),
    inputs: SETTING_FIELDS.map(() => true),
  };
}

export function settingsCells(row: number, column: number): Record<SettingKey, string> {
  const cells = {} as Record<SettingKey, string>;
  SETTING_FIELDS.forEach((field, i) => {
    cells[field.key] = cellRef(row, column + i);
  });
  return cells;
}

export type HeadlineKey =
  | 'spend'
  | 'revenue'
  | 'roi'
  | 'roas'
  | 'cac'
  | 'orders'
  | 'newCustomers'
  | 'engagementRate'
  | 'conversion'
  | 'progress';

const HEADLINE: readonly { key: HeadlineKey; label: string; kind: Kind; note: string }[] = [
  { key: 'spend', label: 'Spend', kind: 'money', note: "Every post's total cost." },
  {
    key: 'revenue',
    label: 'Revenue',
    kind: 'money',
    note: 'Attributed revenue: sales carrying a code or link.',
  },
  {
    key: 'roi',
    label: 'ROI',
    kind: 'rate',
    note: '(revenue - cost) / cost, over the posts that have revenue.',
  },
  {
    key: 'roas',
    label: 'ROAS',
    kind: 'multiple',
    note: 'Revenue / cost (ROI + 1), over the posts that have revenue.',
  },
  {
    key: 'cac',
    label: 'CAC',
    kind: 'money',
    note: 'Cost / new customers, over the posts that have a new-customer count.',
  },
  { key: 'orders', label: 'Orders', kind: 'count', note: 'Attributed orders.' },
  {
    key: 'newCustomers',
    label: 'New customers',
    kind: 'count',
    note: 'First-time customers through a code or link.',
  },
  {
    key: 'engagementRate',
    label: 'Engagement rate',
    kind: 'rate',
    note: 'Engagements / followers, over the posts that have both.',
  },
  {
    key: 'conversion',
    label: 'Conversion rate',
    kind: 'rate',
    note: 'Orders / clicks over the posts that have both: the campaign rate the shrunk conversion rates start from.',
  },
  {
    key: 'progress',
    label: 'Goal progress',
    kind: 'rate',
    note: "The tracker's progress to its goal. With several campaigns: only when they share the goal type, their achieved totals / the sum of their targets (campaigns with no results yet left out); otherwise see each campaign's in the by-campaign block.",
  },
];

/** Cell references of the headline values, for the blocks that build on them. */
export function headlineCells(row: number, column: number): Record<HeadlineKey, string> {
  const cells = {} as Record<HeadlineKey, string>;
  HEADLINE.forEach((item, i) => {
    cells[item.key] = cellRef(row, column + i);
  });
  return cells;
}

export function headline(
  context: BlockContext,
  row: number,
  column: number,
  progress: string,
): StaticRows {
  const p = (key: PostKey) => context.posts.range(key);
  const cells = headlineCells(row, column);
  const known = (key: PostKey) => `IF(COUNT(${p(key)})=0, "", SUM(${p(key)}))`;
  const costWith = (key: PostKey) => `SUMIFS(${p('cost')}, ${p(key)}, ${NUMBER})`;
  const engaged = `${p('followers')}, ">0", ${p('engagements')}, ${NUMBER}`;
  const converted = `${p('clicks')}, ">0", ${p('orders')}, ${NUMBER}`;
  const formulas: Record<HeadlineKey, string> = {
    spend: `=SUM(${p('cost')})`,
    revenue: `=${known('revenue')}`,
    roi: `=${roiFormula(cells.revenue, costWith('revenue'))}`,
    roas: `=${ratioFormula(cells.revenue, costWith('revenue'))}`,
    cac: `=${ratioFormula(costWith('newCustomers'), cells.newCustomers)}`,
    orders: `=${known('orders')}`,
    newCustomers: `=${known('newCustomers')}`,
    engagementRate: `=${ratioFormula(`SUMIFS(${p('engagements')}, ${engaged})`, `SUMIFS(${p('followers')}, ${engaged})`)}`,
    conversion: `=${ratioFormula(`SUMIFS(${p('orders')}, ${converted})`, `SUMIFS(${p('clicks')}, ${converted})`)}`,
    progress,
  };
  // Under each ratio: how many posts it used.
  const posts = `COUNTIF(${p('key')}, "?*")`;
  const words: Partial<Record<HeadlineKey, string>> = {
    roi: coverageWords('ROI', `COUNT(${p('revenue')})`, posts, 'no revenue yet', 'post'),
    cac: coverageWords('CAC', `COUNT(${p('newCustomers')})`, posts, 'no new customers yet', 'post'),
    engagementRate: coverageWords(
      'Engagement rate',
      `COUNTIFS(${engaged})`,
      posts,
      'no engagements or followers yet',
      'post',
    ),
    conversion: coverageWords(
      'Conversion',
      `COUNTIFS(${converted})`,
      posts,
      'no clicks or orders yet',
      'post',
    ),
  };
  return {
    header: HEADLINE.map((item) => item.label),
    rows: [
      HEADLINE.map((item) => formulas[item.key]),
      HEADLINE.map((item) => (words[item.key] ? `=${words[item.key]}` : '')),
    ],
    kinds: HEADLINE.map((item) => item.kind),
    notes: HEADLINE.map((item) => item.note),
  };
}

/**
 * Goal progress: the one tracker's own progress cell. Across campaigns only when they share the
 * goal type (orders, revenue or impressions): their achieved totals over the sum of their
 * targets, campaigns with no results yet left out; otherwise "see by campaign". Each campaign's
 * own progress is in the by-campaign block.
 */
export function progressFormula(
  sources: readonly TrackerSource[],
  _campaignProgress: string | null,
) {
  if (sources.length === 1) {
    const ref = progressRef(sources[0]);
    return ref ? `=IFERROR(${ref}, "")` : '';
  }
  const cells = sources.map((source) => ({
    progress: progressRef(source),
    goal: settingRef(source, source.goal),
    target: settingRef(source, source.target),
  }));
  if (cells.length === 0 || cells.some((c) => !c.progress || !c.goal || !c.target))
    return `="see by campaign"`;
  const [first] = cells;
  const same = cells.map((c) => `(${c.goal}=${first.goal})`).join('*');
  // progress x target is what the campaign achieved; a campaign with no results counts nowhere.
  const achieved = cells
    .map((c) => `IF(ISNUMBER(${c.progress}), ${c.progress}*${c.target}, 0)`)
    .join('+');
  const targets = cells.map((c) => `IF(ISNUMBER(${c.progress}), N(${c.target}), 0)`).join('+');
  // An ROI goal is a ratio: ROIs don't add up, so each campaign keeps its own.
  return `=IF(${same}*(${first.goal}<>${text(goalLabel('roi'))}), IFERROR((${achieved})/(${targets}), ""), "see by campaign")`;
}

export type ValueKey =
  | 'revenue'
  | 'lift'
  | 'bonus'
  | 'content'
  | 'awareness'
  | 'total'
  | 'roi'
  | 'positive'
  | 'neutral'
  | 'negative';

/** Cell references of the value block. */
export function valueCells(row: number, column: number): Record<ValueKey, string> {
  const keys: ValueKey[] = [
    'revenue',
    'lift',
    'bonus',
    'content',
    'awareness',
    'total',
    'roi',
    'positive',
    'neutral',
    'negative',
  ];
  const cells = {} as Record<ValueKey, string>;
  keys.forEach((key, i) => {
    cells[key] = cellRef(row, column + i);
  });
  return cells;
}

/** Value beyond direct sales: the total value line beside the strict ROI, never mixed into it. */
export function valueBlock(
  context: BlockContext,
  row: number,
  column: number,
  refs: { revenue: string; roi: string; awareness: string },
): StaticRows {
  const p = (key: PostKey) => context.posts.range(key);
  const cells = valueCells(row, column);
  const sentiment = (word: string) => `=COUNTIF(${p('sentiment')}, ${exactly(word)})`;
  const words: Cell[] = ['', context.lift ? `=${liftWords(context.posts)}` : ''];
  return {
    header: [
      'Attributed revenue',
      'Sales lift (est.)',
      'Brand Referral Bonus',
      'Reusable content',
      'Awareness (est.)',
      'Total value',
      'ROI (strict)',
      'Positive posts',
      'Neutral posts',
      'Negative posts',
    ],
    rows: [
      [
        `=${refs.revenue}`,
        context.lift ? `=${liftTotal(context.posts, `${p('inTotal')}="yes"`)}` : '',
        `=SUM(${p('bonus')})`,
        `=SUM(${p('contentValue')})`,
        `=SUM(${refs.awareness})`,
        `=N(${cells.revenue})+N(${cells.bonus})+N(${cells.content})+N(${cells.awareness})`,
        `=${refs.roi}`,
        sentiment('positive'),
        sentiment('neutral'),
        sentiment('negative'),
      ],
      [...words, ...Array<Cell>(8).fill('')],
    ],
    kinds: [
      'money',
      'money',
      'money',
      'money',
      'money',
      'money',
      'rate',
      'count',
      'count',
      'count',
    ],
    notes: [
      'Revenue carrying a code or link: the only revenue ROI counts.',
      'An estimate from daily sales around post dates: the extra sales of posts whose lift stands out, each overlapping group counted once; blank until one does. Not part of ROI or total value.',
      "Amazon's Brand Referral Bonus, from the trackers.",
      'What the creatives the brand may reuse would have cost to produce.',
      'Referral visits x signup rate x purchase rate x order value, from the awareness block.',
      'Attributed revenue + Brand Referral Bonus + reusable content value + awareness value. A separate line: ROI never includes it.',
      'ROI from attributed revenue only.',
      'Posts marked positive in the trackers.',
      '',
      '',
    ],
  };
}

/** The extra sales of the posts where `counted` (an array condition) holds; blank when none. */
function liftTotal(posts: SpillTable<PostKey>, counted: string): string {
  const used = `SUMPRODUCT((${counted})*1)`;
  return `IF(${used}=0, "", SUMPRODUCT(${posts.range('extra')}, (${counted})*1))`;
}

/** "1 of 3": of the posts with a date (an array condition), how many the lift total used. */
function liftPosts(counted: string, dated: string): string {
  const all = `SUMPRODUCT((${dated})*1)`;
  return `IF(${all}=0, "", SUMPRODUCT((${counted})*1)&" of "&${all})`;
}

/** Under the lift total: how many dated posts it used, and how many lacked daily sales. */
function liftWords(posts: SpillTable<PostKey>): string {
  const dated = `COUNT(${posts.range('postDate')})`;
  const used = `COUNTIF(${posts.range('inTotal')}, "yes")`;
  const short = `(${dated}-COUNT(${posts.range('lift')}))`;
  const lacking = `IF(${short}>0, " ("&${short}&" without enough days of daily sales)", "")`;
  return `IF(${dated}=0, "", "Sales lift from "&${used}&" of "&${dated}&IF(${dated}=1, " post", " posts")&" with a date"&${lacking})`;
}

/** The per-platform rollup; its first three columns (platform, spend, revenue) feed a chart. */
export function platformRows(context: BlockContext, firstRow: number, column: number): StaticRows {
  const p = (key: PostKey) => context.posts.range(key);
  const engaged = `${p('followers')}, ">0", ${p('engagements')}, ${NUMBER}`;
  const header = [
    'Platform',
    'Spend',
    'Revenue',
    'Posts',
    'Orders',
    'ROI',
    'CAC',
    'Engagement rate',
    'Platform norm',
    'Against norm',
  ];
  const named = PLATFORM_NORMS.map((norm) => norm.name);
  const rows: Cell[][] = [...PLATFORM_NORMS, null].map((norm, i) => {
    const row = firstRow + i;
    const cell = (offset: number) => at(row, column + offset);
    // "Other": platforms not in the list, blank ones included.
    const criteria = norm
      ? `${p('platform')}, ${exactly(norm.name)}`
      : `${p('key')}, "?*", ${named.map((name) => `${p('platform')}, ${text(`<>${name}`)}`).join(', ')}`;
    const sum = (key: PostKey) => `SUMIFS(${p(key)}, ${criteria})`;
    const known = (key: PostKey) =>
      `IF(COUNTIFS(${criteria}, ${p(key)}, ${NUMBER})=0, "", ${sum(key)})`;
    const rate = cell(7);
    return [
      norm ? norm.name : 'Other',
      `=${sum('cost')}`,
      `=${known('revenue')}`,
      `=COUNTIFS(${criteria})`,
      `=${known('orders')}`,
      `=${roiFormula(cell(2), `SUMIFS(${p('cost')}, ${criteria}, ${p('revenue')}, ${NUMBER})`)}`,
      `=${ratioFormula(`SUMIFS(${p('cost')}, ${criteria}, ${p('newCustomers')}, ${NUMBER})`, sum('newCustomers'))}`,
      `=${ratioFormula(`SUMIFS(${p('engagements')}, ${criteria}, ${engaged})`, `SUMIFS(${p('followers')}, ${criteria}, ${engaged})`)}`,
      norm ? `${Math.round(norm.low * 100)}% to ${Math.round(norm.high * 100)}%` : '',
      norm
        ? `=IF(ISNUMBER(${rate}), IF(${rate}<${norm.low}, "below", IF(${rate}>${norm.high}, "above", "within")), "")`
        : '',
    ];
  });
  return {
    header,
    rows,
    kinds: ['text', 'money', 'money', 'count', 'count', 'rate', 'money', 'rate', 'text', 'text'],
    notes: [
      '',
      "Posts' total cost.",
      'Attributed revenue.',
      '',
      '',
      '(revenue - cost) / cost, over the posts that have revenue.',
      'Cost / new customers, over the posts that have a new-customer count.',
      'Engagements / followers, over the posts that have both.',
      'Typical engagement of micro-influencers on the platform.',
      'The engagement rate against that range.',
    ],
  };
}

const CAMPAIGN_HEADER = [
  'Campaign',
  'Posts',
  'Spend',
  'Revenue',
  'ROI',
  'ROAS',
  'Orders',
  'New customers',
  'CAC',
  'Engagement rate',
  'Goal progress',
  'Sales lift (est.)',
  'Lift posts',
  'Total value',
];
/** Where a campaign row's goal progress is, from the block's first column. */
export const CAMPAIGN_PROGRESS_INDEX = CAMPAIGN_HEADER.indexOf('Goal progress');

/** One row per campaign (several trackers): its own figures, lift and total value. */
export function campaignRows(
  context: BlockContext,
  firstRow: number,
  column: number,
  awarenessValue: (index: number) => string,
): StaticRows {
  const p = (key: PostKey) => context.posts.range(key);
  const rows: Cell[][] = context.sources.map((source, i) => {
    const row = firstRow + i;
    const cell = (offset: number) => at(row, column + offset);
    // The campaign's posts by "=" on its name as a text literal, never as a SUMIF criterion: a
    // name like =HYPERLINK("x","y") or "<5" would be read as a comparison there.
    const mine = `(${p('campaign')}=${text(source.name)})`;
    const sum = (key: PostKey) => `SUMPRODUCT(${p(key)}, ${mine}*1)`;
    const known = (key: PostKey) =>
      `IF(SUMPRODUCT(${mine}*ISNUMBER(${p(key)}))=0, "", ${sum(key)})`;
    const costWith = (key: PostKey) => `SUMPRODUCT(${p('cost')}, ${mine}*ISNUMBER(${p(key)}))`;
    const engaged = `${mine}*ISNUMBER(${p('followers')})*(${p('followers')}>0)*ISNUMBER(${p('engagements')})`;
    const progress = progressRef(source);
    return [
      asText(source.name),
      `=SUMPRODUCT(${mine}*1)`,
      `=${sum('cost')}`,
      `=${known('revenue')}`,
      `=${roiFormula(cell(3), costWith('revenue'))}`,
      `=${ratioFormula(cell(3), costWith('revenue'))}`,
      `=${known('orders')}`,
      `=${known('newCustomers')}`,
      `=${ratioFormula(costWith('newCustomers'), cell(7))}`,
      `=${ratioFormula(`SUMPRODUCT(${p('engagements')}, ${engaged})`, `SUMPRODUCT(${p('followers')}, ${engaged})`)}`,
      progress ? `=IFERROR(${progress}, "")` : '',
      context.lift ? `=${liftTotal(context.posts, `${mine}*(${p('inTotal')}="yes")`)}` : '',
      context.lift
        ? `=${liftPosts(`${mine}*(${p('inTotal')}="yes")`, `${mine}*ISNUMBER(${p('postDate')})`)}`
        : '',
      `=N(${cell(3)})+${sum('bonus')}+${sum('contentValue')}+N(${awarenessValue(i)})`,
    ];
  });
  return {
    header: CAMPAIGN_HEADER,
    rows,
    kinds: [
      'text',
      'count',
      'money',
      'money',
      'rate',
      'multiple',
      'count',
      'count',
      'money',
      'rate',
      'rate',
      'money',
      'text',
      'money',
    ],
  };
}

/** What the team typed in a campaign's awareness row: followers before and after, mentions,
 * referral visits, branded searches ('' where empty). */
export type AwarenessInputs = (number | '')[];

export const AWARENESS_INPUTS = 5;

const AWARENESS_HEADER = [
  'Campaign',
  'Followers before',
  'Followers after',
  'Follower change',
  'Mentions',
  'Referral visits',
  'Branded searches',
  'Awareness (est.)',
];
/** Where a campaign's awareness value is, from the block's first column. */
export const AWARENESS_VALUE_INDEX = AWARENESS_HEADER.indexOf('Awareness (est.)');

/** Awareness per campaign: typed figures, the follower change and the awareness value. */
export function awarenessRows(
  context: BlockContext,
  firstRow: number,
  column: number,
  typed: (source: TrackerSource) => AwarenessInputs,
): StaticRows {
  const { signupRate, purchaseRate, orderValue } = context.settings;
  const rows: Cell[][] = context.sources.map((source, i) => {
    const row = firstRow + i;
    const cell = (offset: number) => at(row, column + offset);
    const [before, after, mentions, visits, searches] = typed(source);
    return [
      asText(source.name),
      before,
      after,
      `=IF(AND(ISNUMBER(${cell(1)}), ISNUMBER(${cell(2)})), ${cell(2)}-${cell(1)}, "")`,
      mentions,
      visits,
      searches,
      `=IF(AND(ISNUMBER(${cell(5)}), ISNUMBER(${signupRate}), ISNUMBER(${purchaseRate}), ISNUMBER(${orderValue})), ${cell(5)}*${signupRate}*${purchaseRate}*${orderValue}, "")`,
    ];
  });
  return {
    header: AWARENESS_HEADER,
    rows,
    kinds: ['text', 'count', 'count', 'count', 'count', 'count', 'count', 'money'],
    notes: [
      '',
      "The brand's own followers when the campaign started (type it).",
      'And when it ended (type it).',
      'After - before.',
      'Mentions of the brand during the campaign (type it).',
      "Visits from the creators' links and profiles (type it).",
      'Searches for the brand name during the campaign (type it).',
      'Referral visits x signup rate x purchase rate x order value (the settings above).',
    ],
    inputs: [false, true, true, false, true, true, true, false],
  };
}
