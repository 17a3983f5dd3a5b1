// The dashboard over the sample campaigns on a scratch sheet, laid out exactly as buildDashboard
// lays it out (the scratch trackers as its sources, the scratch "Daily sales" as its days), and
// the figures it must show, found by the blocks' titles and headers in that same layout.
import { type DashboardLayout, dashboardLayout } from '../insights/dashboard-layout';
import { POST_COLUMNS, type PostKey } from '../insights/posts';
import { storedSettings } from '../insights/settings';
import { readTracker, type TrackerSource, toSource } from '../insights/sources';
import type { Kind } from '../insights/spill-table';
import { writeDrawing } from '../sheet/drawing';
import { columnLetter } from '../sheet/formulas';
import { campaignRate, dashboardBlocks } from './dashboard-blocks';
import { expectedCreators, rankingFigures, tierFigures } from './dashboard-creators';
import { type CampaignSample, type ExpectedPost, expectedPosts } from './dashboard-posts';
import { wordFigures } from './dashboard-words';
import type { Figure, FigureKind } from './figures';
import { find } from './layout-cells';
import { SAMPLE_AWARENESS, SAMPLE_INSIGHTS } from './sample';
import type { Built, Scratch } from './scratch';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadCampaign {
  sample: CampaignSample;
  sheet: Sheet;
  /** The scratch tracker's values, as Sheets computed them. */
  values: unknown[][];
}

export function buildDaily(scratch: Scratch, daily: readonly [string, number][]): string {
  const sheet = scratch.sheet('Daily sales');
  sheet
    .getRange(1, 1, daily.length + 1, 2)
    .setValues([['Date', 'Sales'], ...daily.map((d) => [...d])]);
  return scratch.nameOf('Daily sales');
}

export const figureKind = (kind: Kind): FigureKind =>
  kind === 'money'
    ? 'money'
    : kind === 'count'
      ? 'count'
      : kind === 'rate' || kind === 'multiple'
        ? 'ratio'
        : 'text';

/** The cell holding a spilled column's formula: its own first cell, else the table's first. */
function formulaCell(layout: DashboardLayout, row: number, column: number, first: number): string {
  const cell = layout.values.cells[row - layout.values.row]?.[column - layout.values.column];
  const own = typeof cell === 'string' && cell.startsWith('=');
  return `${columnLetter(own ? column : first)}${row}`;
}

/** Every cell of "Every post": each post's row, and the row after the last left blank. */
function postFigures(layout: DashboardLayout, posts: readonly ExpectedPost[]): Figure[] {
  const title = find(layout, (cell) => cell.startsWith('Every post'));
  const header = title.row + 2;
  const figures: Figure[] = [];
  POST_COLUMNS.forEach((column, j) => {
    const letter = columnLetter(title.column + j);
    const formula = formulaCell(layout, header + 1, title.column + j, title.column);
    for (let i = 0; i <= posts.length; i++) {
      const post = posts[i];
      const whose = post
        ? `${String(post.values.creator).trim()} (${post.label})`
        : 'the row after the last post';
      figures.push({
        cell: `${letter}${header + 1 + i}`,
        what: `Every post: ${column.header} of ${whose}`,
        expected: post ? (post.values[column.key as PostKey] ?? '') : '',
        kind: figureKind(column.kind),
        formulaCell: formula,
      });
    }
  });
  return figures;
}

/** The scratch trackers as the dashboard and the report read them. */
export function sourcesOf(campaigns: readonly ReadCampaign[]): TrackerSource[] {
  return campaigns.map((c) =>
    toSource(readTracker(c.sheet.getName(), c.values), {
      name: c.sheet.getName(),
      sheetId: c.sheet.getSheetId(),
      createdAt: c.sample.createdAt,
    }),
  );
}

export const sampleSettings = () => storedSettings(SAMPLE_INSIGHTS);

/** The scratch "Daily sales" sheet as the dashboard and report layouts take it. */
export function dailyInput(daily: { sheet: string; rows: readonly unknown[] }) {
  return {
    source: { sheet: daily.sheet, dateColumn: 1, salesColumn: 2, firstRow: 2 },
    rows: daily.rows.length,
  };
}

export function buildDashboardCheck(
  scratch: Scratch,
  input: {
    sources: readonly TrackerSource[];
    campaigns: readonly CampaignSample[];
    daily: { sheet: string; rows: readonly [string, number][] };
  },
): Built {
  const { sources, campaigns, daily } = input;
  const settings = sampleSettings();
  const typed = new Map(campaigns.map((c) => [c.name, SAMPLE_AWARENESS[c.label] ?? []]));
  const layout = dashboardLayout({
    sources,
    settings,
    daily: dailyInput(daily),
    awareness: (source) => typed.get(source.name) ?? ['', '', '', '', ''],
    notes: [],
    refreshedAt: 'the self-check',
  });
  const sheet = scratch.sheet('Dashboard');
  writeDrawing(sheet, layout, true);
  const posts = expectedPosts(campaigns, daily.rows, settings.liftDays);
  const facts = campaigns.map((c) => ({
    name: c.name,
    label: c.label,
    target: c.options.goalTarget,
    awareness: SAMPLE_AWARENESS[c.label] ?? [],
  }));
  const rate = campaignRate(posts);
  const creators = expectedCreators(posts, settings, rate);
  return {
    kind: 'Dashboard',
    sheet,
    rows: layout.rows,
    columns: layout.columns,
    figures: [
      ...postFigures(layout, posts),
      ...dashboardBlocks(layout, posts, facts, settings),
      ...rankingFigures(layout, creators),
      ...tierFigures(layout, creators, settings, rate),
      ...wordFigures(layout, settings, rate, 'Dashboard'),
    ],
  };
}
