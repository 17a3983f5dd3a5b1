// The ranking and the tier leaderboard for the sample, by plain arithmetic: creators (one handle
// on one platform) added up from the expected "Every post", ranked with enough orders first by
// ROI, conversion shrunk toward the campaign's rate.

import type { PostKey } from '../insights/posts';
import { ENOUGH, RANK_COLUMNS, type RankKey, TOO_EARLY } from '../insights/ranking';
import { roi } from '../metrics/returns';
import { influencerTier, TIERS } from '../metrics/tiers';
import type { InsightsSettings } from '../shared/api';
import type { SheetDrawing } from '../sheet/drawing';
import { columnLetter } from '../sheet/formulas';
import type { ExpectedPost, PostValue } from './dashboard-posts';
import type { Figure, FigureKind } from './figures';
import { find } from './layout-cells';

type Creator = Record<string, PostValue>;
const isNumber = (value: unknown): value is number => typeof value === 'number';
const ratio = (a: number, b: number): PostValue => (b > 0 ? a / b : '');
const roiOf = (revenue: number, spend: number): PostValue => (spend > 0 ? roi(revenue, spend) : '');

function sumOf(posts: readonly ExpectedPost[], key: PostKey): number {
  return posts.reduce(
    (sum, p) => sum + (isNumber(p.values[key]) ? (p.values[key] as number) : 0),
    0,
  );
}

/** One creator per key, in the order they first appear in "Every post". */
export function expectedCreators(
  posts: readonly ExpectedPost[],
  settings: InsightsSettings,
  campaignRate: PostValue,
): Creator[] {
  const keys = [...new Set(posts.map((p) => String(p.values.key)))];
  const creators = keys.map((key): Creator => {
    const mine = posts.filter((p) => p.values.key === key);
    const [s, n] = [(k: PostKey) => sumOf(mine, k), mine.length];
    const followers = s('followers');
    const average = ratio(followers, n);
    const orders = s('orders');
    const clicks = s('clicks');
    return {
      key,
      creator: mine[0].values.creator ?? '',
      platform: mine[0].values.platform ?? '',
      posts: n,
      followers,
      reach: s('reach'),
      engagements: s('engagements'),
      clicks,
      orders,
      revenue: s('revenue'),
      spend: s('cost'),
      tier: followers > 0 && isNumber(average) ? influencerTier(average) : '',
      roi: roiOf(s('revenue'), s('cost')),
      conversion: ratio(orders, clicks),
      shrunk: isNumber(campaignRate)
        ? (orders + settings.priorClicks * campaignRate) / (clicks + settings.priorClicks)
        : '',
      evidence: orders >= settings.minOrders ? ENOUGH : TOO_EARLY,
      byFollowers: ratio(s('engagements'), followers),
      byReach: ratio(s('engagements'), s('reach')),
    };
  });
  for (const creator of creators) {
    const peers = creators.filter((c) => c.tier === creator.tier);
    const total = (k: string) => peers.reduce((sum, c) => sum + (c[k] as number), 0);
    creator.tierRoi = creator.tier === '' ? '' : roiOf(total('revenue'), total('spend'));
  }
  return creators;
}

const kindOf = (key: RankKey): FigureKind => {
  const kind = RANK_COLUMNS.find((c) => c.key === key)?.kind;
  return kind === 'money'
    ? 'money'
    : kind === 'count'
      ? 'count'
      : kind === 'rate'
        ? 'ratio'
        : 'text';
};

/** Ranks 1 to n for creators with enough orders, then the others' marked too early. */
const rankOf = (i: number, enough: number): PostValue =>
  i < enough ? i + 1 : `${i + 1} (too early)`;

/** "Creators ranked by ROI": enough data first, each group by ROI (no ROI last), then a blank row. */
export function rankingFigures(
  layout: SheetDrawing,
  creators: readonly Creator[],
  heading = 'Creators ranked by ROI',
): Figure[] {
  const group = (c: Creator) => (c.evidence === ENOUGH ? 0 : 1);
  const order = (c: Creator) => (isNumber(c.roi) ? c.roi : -1e9);
  const ranked = creators
    .map((c, i) => ({ c, i }))
    .sort((a, b) => group(a.c) - group(b.c) || order(b.c) - order(a.c) || a.i - b.i)
    .map(({ c }) => c);
  const enough = ranked.filter((c) => c.evidence === ENOUGH).length;
  const title = find(layout, (cell) => cell === heading);
  const first = title.row + 3;
  const figures: Figure[] = [];
  RANK_COLUMNS.forEach((column, j) => {
    const letter = columnLetter(title.column + j);
    const formulaColumn = columnLetter(title.column + (column.key === 'rank' ? 0 : 1));
    for (let i = 0; i <= ranked.length; i++) {
      const creator = ranked[i];
      let expected: PostValue = '';
      if (creator)
        expected = column.key === 'rank' ? rankOf(i, enough) : (creator[column.key] ?? '');
      figures.push({
        cell: `${letter}${first + i}`,
        what: `Ranking: ${column.header} of ${creator ? String(creator.creator).trim() : 'the row after the last creator'}`,
        expected,
        kind: kindOf(column.key),
        formulaCell: `${formulaColumn}${first}`,
      });
    }
  });
  return figures;
}

/** The tier leaderboard: one row per tier, largest first. */
export function tierFigures(
  layout: SheetDrawing,
  creators: readonly Creator[],
  settings: InsightsSettings,
  campaignRate: PostValue,
): Figure[] {
  const title = find(layout, (cell) => cell.startsWith('By tier'));
  const figures: Figure[] = [];
  [...TIERS].reverse().forEach(({ tier }, i) => {
    const peers = creators.filter((c) => c.tier === tier);
    const total = (k: string) => peers.reduce((sum, c) => sum + (c[k] as number), 0);
    const best = peers
      .filter((c) => c.evidence === ENOUGH && isNumber(c.roi))
      .reduce<Creator | null>(
        (top, c) => (top && (top.roi as number) >= (c.roi as number) ? top : c),
        null,
      );
    const shrunk =
      peers.length > 0 && isNumber(campaignRate)
        ? (total('orders') + settings.priorClicks * campaignRate) /
          (total('clicks') + settings.priorClicks)
        : '';
    const cells: [PostValue, FigureKind, string][] = [
      [peers.length, 'count', 'Creators'],
      [total('spend'), 'money', 'Spend'],
      [total('revenue'), 'money', 'Revenue'],
      [roiOf(total('revenue'), total('spend')), 'ratio', 'ROI'],
      [ratio(total('engagements'), total('followers')), 'ratio', 'ER by followers'],
      [ratio(total('engagements'), total('reach')), 'ratio', 'ER by reach'],
      [shrunk, 'ratio', 'Shrunk conversion'],
      [best ? best.creator : '', 'text', 'Best creator'],
    ];
    cells.forEach(([expected, kind, label], j) => {
      figures.push({
        cell: `${columnLetter(title.column + 1 + j)}${title.row + 2 + i}`,
        what: `By tier: ${label} of ${tier}`,
        expected,
        kind,
      });
    });
  });
  return figures;
}
