// The dashboard's campaign rows and awareness rows for the sample, and goal progress, by plain
// arithmetic over the expected posts of each campaign.
import type { InsightsSettings } from '../shared/api';
import type { SheetDrawing } from '../sheet/drawing';
import { columnLetter } from '../sheet/formulas';
import type { ExpectedPost } from './dashboard-posts';
import type { Figure, FigureKind } from './figures';
import { find } from './layout-cells';
import { engaged, having, isNumber, known, ratio, roiOf, total, type Value } from './post-sums';

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
