// The report for a date range over the sample campaigns on a scratch sheet, laid out exactly as
// buildReport lays it out, and the figures its printed blocks must show: the headline with its
// words, sales lift and total value, the platforms and the leaderboard, over that range's posts.
import type { TrackerSource } from '../insights/sources';
import { reportLayout } from '../report/report-layout';
import type { InsightsSettings } from '../shared/api';
import { writeDrawing } from '../sheet/drawing';
import {
  campaignRate,
  headlineValues,
  headlineWords,
  KINDS,
  platformFigures,
  VALUE_KINDS,
  valueBlock,
} from './dashboard-blocks';
import { dailyInput } from './dashboard-check';
import { expectedCreators, rankingFigures } from './dashboard-creators';
import { type CampaignSample, expectedPosts } from './dashboard-posts';
import { liftWordsFigure, wordFigures } from './dashboard-words';
import type { Figure } from './figures';
import { find, labelled } from './layout-cells';
import { SAMPLE_PERIOD } from './sample';
import type { Built, Scratch } from './scratch';

export function buildReportCheck(
  scratch: Scratch,
  input: {
    sources: readonly TrackerSource[];
    campaigns: readonly CampaignSample[];
    settings: InsightsSettings;
    daily: { sheet: string; rows: readonly [string, number][] };
  },
): Built {
  const { sources, settings, daily } = input;
  const layout = reportLayout({
    sources,
    settings,
    daily: dailyInput(daily),
    period: SAMPLE_PERIOD,
    notes: [],
    builtAt: 'the self-check',
  });
  const sheet = scratch.sheet('Report');
  writeDrawing(sheet, layout, true);
  const posts = expectedPosts(input.campaigns, daily.rows, settings.liftDays, SAMPLE_PERIOD);
  const headline = find(layout, (cell) => cell === 'Headline');
  const value = find(layout, (cell) => cell === 'Sales lift and total value');
  const values = headlineValues(posts, []);
  delete values['Goal progress'];
  // Awareness needs visits typed on the dashboard: a report leaves it blank.
  const worth = { ...valueBlock(posts, 0), 'Awareness (est.)': '' };
  const figures: Figure[] = [
    ...labelled(
      layout,
      'Report headline',
      headline.row + 1,
      headline.column,
      values,
      KINDS,
      'ratio',
      headlineWords(posts),
    ),
    ...labelled(
      layout,
      'Report value',
      value.row + 1,
      value.column,
      worth,
      { ...VALUE_KINDS, 'Awareness (est.)': 'text' },
      'money',
    ),
    liftWordsFigure(layout, 'Sales lift and total value', posts),
    ...platformFigures(layout, posts).map((f) => ({ ...f, what: `Report ${f.what}` })),
    ...rankingFigures(
      layout,
      expectedCreators(posts, settings, campaignRate(posts)),
      'Leaderboard: creators ranked by ROI',
    ).map((f) => ({ ...f, what: `Report ${f.what}` })),
    ...wordFigures(layout, settings, campaignRate(posts), 'Report'),
  ];
  return { kind: 'Report', sheet, rows: layout.rows, columns: layout.columns, figures };
}
