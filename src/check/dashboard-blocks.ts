// The dashboard's fixed blocks for the sample, by plain arithmetic over "Every post" as expected:
// the headline with the words under its ratios, value beyond direct sales, and each platform.
import { PLATFORM_NORMS } from '../metrics/platforms';
import type { InsightsSettings } from '../shared/api';
import type { SheetDrawing } from '../sheet/drawing';
import { columnLetter } from '../sheet/formulas';
import {
  awarenessFigures,
  awarenessValue,
  type CampaignFacts,
  campaignFigures,
  progressOf,
} from './dashboard-campaigns';
import type { ExpectedPost } from './dashboard-posts';
import { liftWordsFigure } from './dashboard-words';
import type { Figure, FigureKind } from './figures';
import { find, labelled } from './layout-cells';
import {
  converted,
  engaged,
  having,
  isNumber,
  known,
  ratio,
  roiOf,
  total,
  type Value,
} from './post-sums';

/** The words under a ratio, in posts. */
function postWords(label: string, used: number, all: number, missing: string): string {
  if (all === 0) return '';
  const posts = (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`;
  const left = all - used;
  const every = all === 1 ? '1 post' : `all ${posts(all)}`;
  return `${label} over ${used >= all ? every : `${used} of ${posts(all)}: ${left} ${left === 1 ? 'has' : 'have'} ${missing}`}`;
}

/** Across campaigns of one goal type: achieved / targets, campaigns with no results left out. */
function sharedProgress(
  posts: readonly ExpectedPost[],
  campaigns: readonly CampaignFacts[],
): Value {
  let achieved = 0;
  let targets = 0;
  for (const campaign of campaigns) {
    const progress = progressOf(
      posts.filter((p) => p.campaign === campaign.name),
      campaign.target,
    );
    if (!isNumber(progress)) continue;
    achieved += progress * campaign.target;
    targets += campaign.target;
  }
  return targets > 0 ? achieved / targets : '';
}

export function headlineValues(
  posts: readonly ExpectedPost[],
  campaigns: readonly CampaignFacts[],
): Record<string, Value> {
  const revenue = known(posts, 'revenue');
  const withRevenue = total(having(posts, 'revenue'), 'cost');
  const newCustomers = known(posts, 'newCustomers');
  return {
    Spend: total(posts, 'cost'),
    Revenue: revenue,
    ROI: roiOf(revenue, withRevenue),
    ROAS: ratio(revenue, withRevenue),
    CAC: ratio(total(having(posts, 'newCustomers'), 'cost'), newCustomers),
    Orders: known(posts, 'orders'),
    'New customers': newCustomers,
    'Engagement rate': ratio(
      total(engaged(posts), 'engagements'),
      total(engaged(posts), 'followers'),
    ),
    'Conversion rate': ratio(total(converted(posts), 'orders'), total(converted(posts), 'clicks')),
    'Goal progress': sharedProgress(posts, campaigns),
  };
}

/** The campaign conversion rate the shrunk rates start from (the headline's). */
export function campaignRate(posts: readonly ExpectedPost[]): Value {
  return ratio(total(converted(posts), 'orders'), total(converted(posts), 'clicks'));
}

export function headlineWords(posts: readonly ExpectedPost[]): Record<string, string> {
  const n = posts.length;
  return {
    ROI: postWords('ROI', having(posts, 'revenue').length, n, 'no revenue yet'),
    CAC: postWords('CAC', having(posts, 'newCustomers').length, n, 'no new customers yet'),
    'Engagement rate': postWords(
      'Engagement rate',
      engaged(posts).length,
      n,
      'no engagements or followers yet',
    ),
    'Conversion rate': postWords(
      'Conversion',
      converted(posts).length,
      n,
      'no clicks or orders yet',
    ),
  };
}

export const KINDS: Record<string, FigureKind> = {
  Spend: 'money',
  Revenue: 'money',
  CAC: 'money',
  Orders: 'count',
  'New customers': 'count',
};

export function valueBlock(
  posts: readonly ExpectedPost[],
  awareness: number,
): Record<string, Value> {
  const revenue = known(posts, 'revenue');
  const bonus = total(posts, 'bonus');
  const content = total(posts, 'contentValue');
  const counted = posts.filter((p) => p.values.inTotal === 'yes');
  const sentiment = (word: string) =>
    posts.filter((p) => String(p.values.sentiment).toLowerCase() === word).length;
  return {
    'Attributed revenue': revenue,
    'Sales lift (est.)': counted.length > 0 ? total(counted, 'extra') : '',
    'Brand Referral Bonus': bonus,
    'Reusable content': content,
    'Awareness (est.)': awareness,
    'Total value': (isNumber(revenue) ? revenue : 0) + bonus + content + awareness,
    'ROI (strict)': roiOf(revenue, total(having(posts, 'revenue'), 'cost')),
    'Positive posts': sentiment('positive'),
    'Neutral posts': sentiment('neutral'),
    'Negative posts': sentiment('negative'),
  };
}

export const VALUE_KINDS: Record<string, FigureKind> = {
  'ROI (strict)': 'ratio',
  'Positive posts': 'count',
  'Neutral posts': 'count',
  'Negative posts': 'count',
};

export function platformFigures(layout: SheetDrawing, posts: readonly ExpectedPost[]): Figure[] {
  const title = find(layout, (cell) => cell === 'By platform');
  const names = PLATFORM_NORMS.map((norm) => norm.name);
  const figures: Figure[] = [];
  [...PLATFORM_NORMS, null].forEach((norm, i) => {
    const mine = posts.filter((p) =>
      norm
        ? String(p.values.platform).toLowerCase() === norm.name.toLowerCase()
        : !names.some((n) => n.toLowerCase() === String(p.values.platform).toLowerCase()),
    );
    const revenue = known(mine, 'revenue');
    const rate = ratio(total(engaged(mine), 'engagements'), total(engaged(mine), 'followers'));
    const against =
      !norm || !isNumber(rate)
        ? ''
        : rate < norm.low
          ? 'below'
          : rate > norm.high
            ? 'above'
            : 'within';
    const row = title.row + 2 + i;
    const name = norm ? norm.name : 'Other';
    const cells: [number, Value, FigureKind, string][] = [
      [1, total(mine, 'cost'), 'money', 'Spend'],
      [2, revenue, 'money', 'Revenue'],
      [3, mine.length, 'count', 'Posts'],
      [4, known(mine, 'orders'), 'count', 'Orders'],
      [5, roiOf(revenue, total(having(mine, 'revenue'), 'cost')), 'ratio', 'ROI'],
      [
        6,
        ratio(total(having(mine, 'newCustomers'), 'cost'), total(mine, 'newCustomers')),
        'money',
        'CAC',
      ],
      [7, rate, 'ratio', 'Engagement rate'],
      [9, against, 'text', 'Against norm'],
    ];
    for (const [offset, expected, kind, label] of cells)
      figures.push({
        cell: `${columnLetter(title.column + offset)}${row}`,
        what: `By platform: ${label} of ${name}`,
        expected,
        kind,
      });
  });
  return figures;
}

/** The fixed blocks' figures: headline and its words, value beyond sales, by platform. */
export function dashboardBlocks(
  layout: SheetDrawing,
  posts: readonly ExpectedPost[],
  campaigns: readonly CampaignFacts[],
  settings: InsightsSettings,
): Figure[] {
  const awareness = campaigns.reduce((sum, c) => {
    const value = awarenessValue(c.awareness, settings);
    return sum + (isNumber(value) ? value : 0);
  }, 0);
  const headline = find(layout, (cell) => cell === 'Headline');
  const value = find(layout, (cell) => cell === 'Value beyond direct sales');
  return [
    ...labelled(
      layout,
      'Headline',
      headline.row + 1,
      headline.column,
      headlineValues(posts, campaigns),
      KINDS,
      'ratio',
      headlineWords(posts),
    ),
    ...labelled(
      layout,
      'Value',
      value.row + 1,
      value.column,
      valueBlock(posts, awareness),
      VALUE_KINDS,
      'money',
    ),
    liftWordsFigure(layout, 'Value beyond direct sales', posts),
    ...platformFigures(layout, posts),
    ...campaignFigures(layout, posts, campaigns, settings),
    ...awarenessFigures(layout, campaigns, settings),
  ];
}
