// The dashboard's fixed-size blocks, as 2-D tables of formulas and values over "Every post":
// settings, headline figures, value beyond direct sales, the per-platform rollup, one row per
// campaign, and the awareness inputs. Each builder is told where its first data row and column
// will be, so a report can place the same blocks elsewhere.
import { PLATFORM_NORMS } from '../metrics/platforms';
import {
  type Cell,
  cellRef,
  columnLetter,
  exactly,
  ratioFormula,
  roiFormula,
  text,
} from '../sheet/formulas';
import { asText } from '../sheet/literal';
import type { PostKey } from './posts';
import { SETTING_FIELDS, type SettingKey } from './settings';
import { progressRef, type TrackerSource } from './sources';
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
  { key: 'roi', label: 'ROI', kind: 'rate', note: '(revenue - spend) / spend.' },
  { key: 'roas', label: 'ROAS', kind: 'multiple', note: 'Revenue / spend (ROI + 1).' },
  { key: 'cac', label: 'CAC', kind: 'money', note: 'Spend / new customers.' },
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
    note: 'Engagements / followers, over the posts that have followers.',
  },
  {
    key: 'conversion',
    label: 'Conversion rate',
    kind: 'rate',
    note: 'Orders / clicks: the campaign rate the shrunk conversion rates start from.',
  },
  {
    key: 'progress',
    label: 'Goal progress',
    kind: 'rate',
    note: "The tracker's progress to its goal; with several campaigns, their average.",
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
  const formulas: Record<HeadlineKey, string> = {
    spend: `=SUM(${p('cost')})`,
    revenue: `=SUM(${p('revenue')})`,
    roi: `=${roiFormula(cells.revenue, cells.spend)}`,
    roas: `=${ratioFormula(cells.revenue, cells.spend)}`,
    cac: `=${ratioFormula(cells.spend, cells.newCustomers)}`,
    orders: `=SUM(${p('orders')})`,
    newCustomers: `=SUM(${p('newCustomers')})`,
    engagementRate: `=${ratioFormula(`SUMIF(${p('followers')}, ">0", ${p('engagements')})`, `SUM(${p('followers')})`)}`,
    conversion: `=${ratioFormula(cells.orders, `SUM(${p('clicks')})`)}`,
    progress,
  };
  return {
    header: HEADLINE.map((item) => item.label),
    rows: [HEADLINE.map((item) => formulas[item.key])],
    kinds: HEADLINE.map((item) => item.kind),
    notes: HEADLINE.map((item) => item.note),
  };
}

/** Goal progress: the one tracker's own progress cell, or the campaigns' average. */
export function progressFormula(
  sources: readonly TrackerSource[],
  campaignProgress: string | null,
) {
  if (sources.length === 1) {
    const ref = progressRef(sources[0]);
    return ref ? `=IFERROR(${ref}, "")` : '';
  }
  return campaignProgress ? `=IFERROR(AVERAGE(${campaignProgress}), "")` : '';
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
        context.lift ? `=SUMIF(${p('inTotal')}, "yes", ${p('extra')})` : '',
        `=SUM(${p('bonus')})`,
        `=SUM(${p('contentValue')})`,
        `=SUM(${refs.awareness})`,
        `=N(${cells.revenue})+N(${cells.bonus})+N(${cells.content})+N(${cells.awareness})`,
        `=${refs.roi}`,
        sentiment('positive'),
        sentiment('neutral'),
        sentiment('negative'),
      ],
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
      'An estimate from daily sales around post dates: the extra sales of posts whose lift stands out, each overlapping group counted once. Not part of ROI or total value.',
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

/** The per-platform rollup; its first three columns (platform, spend, revenue) feed a chart. */
export function platformRows(context: BlockContext, firstRow: number, column: number): StaticRows {
  const p = (key: PostKey) => context.posts.range(key);
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
    const rate = cell(7);
    return [
      norm ? norm.name : 'Other',
      `=${sum('cost')}`,
      `=${sum('revenue')}`,
      `=COUNTIFS(${criteria})`,
      `=${sum('orders')}`,
      `=${roiFormula(cell(2), cell(1))}`,
      `=${ratioFormula(cell(1), sum('newCustomers'))}`,
      `=${ratioFormula(`SUMIFS(${p('engagements')}, ${criteria}, ${p('followers')}, ">0")`, sum('followers'))}`,
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
      '(revenue - spend) / spend.',
      'Spend / new customers.',
      'Engagements / followers.',
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
    const mine = exactly(source.name);
    const sum = (key: PostKey) => `SUMIF(${p('campaign')}, ${mine}, ${p(key)})`;
    const progress = progressRef(source);
    return [
      asText(source.name),
      `=COUNTIF(${p('campaign')}, ${mine})`,
      `=${sum('cost')}`,
      `=${sum('revenue')}`,
      `=${roiFormula(cell(3), cell(2))}`,
      `=${ratioFormula(cell(3), cell(2))}`,
      `=${sum('orders')}`,
      `=${sum('newCustomers')}`,
      `=${ratioFormula(cell(2), cell(7))}`,
      `=${ratioFormula(`SUMIFS(${p('engagements')}, ${p('campaign')}, ${mine}, ${p('followers')}, ">0")`, sum('followers'))}`,
      progress ? `=IFERROR(${progress}, "")` : '',
      context.lift
        ? `=SUMIFS(${p('extra')}, ${p('campaign')}, ${mine}, ${p('inTotal')}, "yes")`
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
