// The dashboard's fixed blocks for the sample, by plain arithmetic over "Every post" as expected:
// the headline with the words under its ratios, value beyond direct sales, and each platform.

import type { PostKey } from '../insights/posts';
import { TOO_EARLY } from '../insights/ranking';
import { PLATFORM_NORMS } from '../metrics/platforms';
import { roi } from '../metrics/returns';
import type { InsightsSettings } from '../shared/api';
import { formatPercent } from '../shared/words';
import type { SheetDrawing } from '../sheet/drawing';
import { columnLetter } from '../sheet/formulas';
import type { ExpectedPost } from './dashboard-posts';
import type { Figure, FigureKind } from './figures';

/** Where a text sits in the layout's values (1-based sheet row and column). */
export function find(
  layout: SheetDrawing,
  test: (cell: string) => boolean,
): { row: number; column: number } {
  const { cells, row, column } = layout.values;
  for (let r = 0; r < cells.length; r++)
    for (let c = 0; c < cells[r].length; c++) {
      const cell = cells[r][c];
      if (typeof cell === 'string' && test(cell)) return { row: row + r, column: column + c };
    }
  throw new Error('The dashboard layout has no such block');
}

type Value = number | string;
const isNumber = (value: unknown): value is number => typeof value === 'number';

function total(posts: readonly ExpectedPost[], key: PostKey): number {
  return posts.reduce(
    (sum, p) => sum + (isNumber(p.values[key]) ? (p.values[key] as number) : 0),
    0,
  );
}
const known = (posts: readonly ExpectedPost[], key: PostKey): Value =>
  posts.some((p) => isNumber(p.values[key])) ? total(posts, key) : '';
const having = (posts: readonly ExpectedPost[], key: PostKey) =>
  posts.filter((p) => isNumber(p.values[key]));
const ratio = (a: Value, b: Value): Value => (isNumber(a) && isNumber(b) && b > 0 ? a / b : '');
const roiOf = (revenue: Value, cost: number): Value =>
  isNumber(revenue) && cost > 0 ? roi(revenue, cost) : '';
const engaged = (posts: readonly ExpectedPost[]) =>
  posts.filter(
    (p) =>
      isNumber(p.values.followers) &&
      (p.values.followers as number) > 0 &&
      isNumber(p.values.engagements),
  );
const converted = (posts: readonly ExpectedPost[]) =>
  posts.filter(
    (p) =>
      isNumber(p.values.clicks) && (p.values.clicks as number) > 0 && isNumber(p.values.orders),
  );

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

/** A label row over a value row: each label this check knows, compared; others are not. */
export function labelled(
  layout: SheetDrawing,
  title: string,
  labelsRow: number,
  column: number,
  values: Record<string, Value>,
  kinds: Record<string, FigureKind>,
  fallback: FigureKind,
  words?: Record<string, string>,
): Figure[] {
  const { cells } = layout.values;
  const row = cells[labelsRow - layout.values.row].slice(column - layout.values.column);
  // The block ends at its first empty label: other tables may share the row further right.
  const end = row.indexOf('');
  const labels = end < 0 ? row : row.slice(0, end);
  const figures: Figure[] = [];
  labels.forEach((label, j) => {
    const name = String(label);
    if (!(name in values)) return;
    const letter = columnLetter(column + j);
    figures.push({
      cell: `${letter}${labelsRow + 1}`,
      what: `${title}: ${name}`,
      expected: values[name],
      kind: kinds[name] ?? fallback,
    });
    if (words && name in words)
      figures.push({
        cell: `${letter}${labelsRow + 2}`,
        what: `${title}: words under ${name}`,
        expected: words[name],
        kind: 'text',
      });
  });
  return figures;
}

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

/** A campaign on the dashboard: its posts by sheet name, its goal target, its awareness. */
export interface CampaignFacts {
  name: string;
  label: string;
  target: number;
  awareness: (number | '')[];
}

/** Referral visits x signup rate x purchase rate x order value, or '' without them. */
export function awarenessValue(typed: (number | '')[], settings: InsightsSettings): Value {
  const visits = typed[3];
  const { signupRate, purchaseRate, orderValue } = settings;
  if (
    !isNumber(visits) ||
    !isNumber(signupRate) ||
    !isNumber(purchaseRate) ||
    !isNumber(orderValue)
  )
    return '';
  return visits * signupRate * purchaseRate * orderValue;
}

/** Progress to an orders goal: orders / target, '' before any order is in. */
export function progressOf(posts: readonly ExpectedPost[], target: number): Value {
  const orders = known(posts, 'orders');
  return isNumber(orders) && target > 0 ? orders / target : '';
}

export function campaignFigures(
  layout: SheetDrawing,
  posts: readonly ExpectedPost[],
  campaigns: readonly CampaignFacts[],
  settings: InsightsSettings,
): Figure[] {
  const title = find(layout, (cell) => cell === 'By campaign');
  const figures: Figure[] = [];
  campaigns.forEach((campaign, i) => {
    const mine = posts.filter((p) => p.campaign === campaign.name);
    const revenue = known(mine, 'revenue');
    const withRevenue = total(having(mine, 'revenue'), 'cost');
    const newCustomers = known(mine, 'newCustomers');
    const awareness = awarenessValue(campaign.awareness, settings);
    const counted = mine.filter((p) => p.values.inTotal === 'yes');
    const dated = mine.filter((p) => String(p.values.postDate) !== '');
    const cells: [Value, FigureKind, string][] = [
      [mine.length, 'count', 'Posts'],
      [total(mine, 'cost'), 'money', 'Spend'],
      [revenue, 'money', 'Revenue'],
      [roiOf(revenue, withRevenue), 'ratio', 'ROI'],
      [ratio(revenue, withRevenue), 'ratio', 'ROAS'],
      [known(mine, 'orders'), 'count', 'Orders'],
      [newCustomers, 'count', 'New customers'],
      [ratio(total(having(mine, 'newCustomers'), 'cost'), newCustomers), 'money', 'CAC'],
      [
        ratio(total(engaged(mine), 'engagements'), total(engaged(mine), 'followers')),
        'ratio',
        'Engagement rate',
      ],
      [progressOf(mine, campaign.target), 'ratio', 'Goal progress'],
      [counted.length > 0 ? total(counted, 'extra') : '', 'money', 'Sales lift (est.)'],
      [dated.length > 0 ? `${counted.length} of ${dated.length}` : '', 'text', 'Lift posts'],
      [
        (isNumber(revenue) ? revenue : 0) +
          total(mine, 'bonus') +
          total(mine, 'contentValue') +
          (isNumber(awareness) ? awareness : 0),
        'money',
        'Total value',
      ],
    ];
    cells.forEach(([expected, kind, label], j) => {
      figures.push({
        cell: `${columnLetter(title.column + 1 + j)}${title.row + 2 + i}`,
        what: `By campaign: ${label} of ${campaign.label}`,
        expected,
        kind,
      });
    });
  });
  return figures;
}

export function awarenessFigures(
  layout: SheetDrawing,
  campaigns: readonly CampaignFacts[],
  settings: InsightsSettings,
): Figure[] {
  const title = find(layout, (cell) => cell.startsWith('Awareness:'));
  const figures: Figure[] = [];
  campaigns.forEach((campaign, i) => {
    const [before, after] = campaign.awareness;
    const row = title.row + 2 + i;
    figures.push(
      {
        cell: `${columnLetter(title.column + 3)}${row}`,
        what: `Awareness: Follower change of ${campaign.label}`,
        expected: isNumber(before) && isNumber(after) ? after - before : '',
        kind: 'count',
      },
      {
        cell: `${columnLetter(title.column + 7)}${row}`,
        what: `Awareness: Awareness (est.) of ${campaign.label}`,
        expected: awarenessValue(campaign.awareness, settings),
        kind: 'money',
      },
    );
  });
  return figures;
}

/** The lines of words the sheets compute: the ranking's rule with the campaign rate (TEXT),
 * the sales lift's rule with N, and the warning about rows added since (blank: none were). */
export function wordFigures(
  layout: SheetDrawing,
  settings: InsightsSettings,
  rate: Value,
  sheet: string,
): Figure[] {
  const figures: Figure[] = [];
  const uncounted = find(layout, (cell) => cell.includes('rows added since the last refresh'));
  figures.push({
    cell: at(uncounted),
    what: `${sheet}: rows not counted yet`,
    expected: '',
    kind: 'text',
  });
  const rules: [string, string, string][] = [
    [
      'Creators ranked by ROI',
      'the ranking rule',
      `Ranked by ROI. Creators with fewer than ${settings.minOrders} orders are ${TOO_EARLY} and listed after the others. Conversion (shrunk) = (orders + ${settings.priorClicks} x campaign rate ${isNumber(rate) ? formatPercent(rate) : ''}) / (clicks + ${settings.priorClicks}), so 1 order from 3 clicks does not outrank 50 from 1,000.`,
    ],
    [
      'Every post',
      'the sales lift rule',
      `Sales lift: average daily sales over the post date and the ${settings.liftDays - 1} days after it, minus the average over the ${settings.liftDays} days before (days missing from "Daily sales" don't count); extra sales = that difference x ${settings.liftDays}. It stands out only above twice the normal variation.`,
    ],
  ];
  for (const [title, what, expected] of rules) {
    const place = findOptional(layout, (cell) => cell.startsWith(title));
    if (place)
      figures.push({
        cell: at({ row: place.row + 1, column: place.column }),
        what: `${sheet}: ${what}`,
        expected,
        kind: 'text',
      });
  }
  return figures;
}

const at = (place: { row: number; column: number }) => `${columnLetter(place.column)}${place.row}`;

function findOptional(layout: SheetDrawing, test: (cell: string) => boolean) {
  try {
    return find(layout, test);
  } catch {
    return null;
  }
}

/** The words under the sales lift: how many dated posts it used, how many lacked daily sales. */
export function liftWordsFigure(
  layout: SheetDrawing,
  title: string,
  posts: readonly ExpectedPost[],
): Figure {
  const place = find(layout, (cell) => cell === title);
  const dated = posts.filter((p) => String(p.values.postDate) !== '').length;
  const used = posts.filter((p) => p.values.inTotal === 'yes').length;
  const short = dated - posts.filter((p) => isNumber(p.values.lift)).length;
  const lacking = short > 0 ? ` (${short} without enough days of daily sales)` : '';
  const expected =
    dated === 0
      ? ''
      : `Sales lift from ${used} of ${dated} ${dated === 1 ? 'post' : 'posts'} with a date${lacking}`;
  return {
    cell: at({ row: place.row + 3, column: place.column + 1 }),
    what: `${title}: words under the sales lift`,
    expected,
    kind: 'text',
  };
}
