// The lines of words the dashboard and the report compute from their figures.
import { TOO_EARLY } from '../insights/ranking';
import type { InsightsSettings } from '../shared/api';
import { formatPercent } from '../shared/words';
import type { SheetDrawing } from '../sheet/drawing';
import type { ExpectedPost } from './dashboard-posts';
import type { Figure } from './figures';
import { at, find, findOptional } from './layout-cells';
import { isNumber, type Value } from './post-sums';

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
  const percent = isNumber(rate) ? formatPercent(rate) : '';
  const ranking = (shown: string) =>
    `Ranked by ROI. Creators with fewer than ${settings.minOrders} orders are ${TOO_EARLY} and listed after the others. Conversion (shrunk) = (orders + ${settings.priorClicks} x campaign rate ${shown}) / (clicks + ${settings.priorClicks}), so 1 order from 3 clicks does not outrank 50 from 1,000.`;
  const rules: [string, string, string, string[]][] = [
    // TEXT(rate, "0.0%") writes the spreadsheet locale's decimal separator: a comma is as right.
    [
      'Creators ranked by ROI',
      'the ranking rule',
      ranking(percent),
      [ranking(percent.replace('.', ','))],
    ],
    [
      'Every post',
      'the sales lift rule',
      `Sales lift: average daily sales over the post date and the ${settings.liftDays - 1} days after it, minus the average over the ${settings.liftDays} days before (days missing from "Daily sales" don't count); extra sales = that difference x ${settings.liftDays}. It stands out only above twice the normal variation.`,
      [],
    ],
  ];
  for (const [title, what, expected, alternatives] of rules) {
    const place = findOptional(layout, (cell) => cell.startsWith(title));
    if (place)
      figures.push({
        cell: at({ row: place.row + 1, column: place.column }),
        what: `${sheet}: ${what}`,
        expected,
        kind: 'text',
        alternatives,
      });
  }
  return figures;
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
