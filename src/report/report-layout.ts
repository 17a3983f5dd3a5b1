// The whole "Report" sheet as data, from the dashboard's own blocks over the posts of a date
// range: headline figures with a line of definition each, value beyond sales (with sales lift),
// what changed since the previous period, the platforms, two charts right under them and the
// leaderboard, in columns A to N, which print on one or two pages fitted to width. The working
// tables the blocks add up (posts, daily sales, creators, settings) sit to the right, in hidden
// columns, which neither print nor show; so do the previous period's posts and headline, built
// the same way, for the comparison.

import {
  type BlockContext,
  type HeadlineKey,
  headline,
  headlineCells,
  platformRows,
  type StaticRows,
  settingsCells,
  settingsRow,
  valueBlock,
} from '../insights/blocks';
import { Canvas } from '../insights/canvas';
import { creatorChart, platformChart } from '../insights/charts';
import type { DailySource } from '../insights/daily';
import {
  BLOCK_COLUMN_WIDTH,
  COLORS,
  chartRows,
  FIRST_COLUMN_WIDTH,
  formatOf,
  LEFT,
  putSpill,
  uncountedRowsFormula,
  workingTables,
} from '../insights/dashboard-layout';
import { type Period, postsTable } from '../insights/posts';
import { rankingTable } from '../insights/ranking';
import { sourceRange, type TrackerSource } from '../insights/sources';
import type { Kind } from '../insights/spill-table';
import type { InsightsSettings } from '../shared/api';
import type { ChartSpec, Highlight, SheetDrawing } from '../sheet/drawing';
import { addedRowsCountFormula, areaA1, type Cell, cellRef } from '../sheet/formulas';
import { asText } from '../sheet/literal';
import { previousPeriod } from './report-changes';

/** Columns A to N: the widest block (the leaderboard) is 14 columns. */
export const REPORT_WIDTH = 14;
/** The hidden working area starts after a spare column. */
const WORK = LEFT + REPORT_WIDTH + 1;
/** Rows a spilled table may grow beyond the rows its trackers had (a report is a snapshot). */
const SPARE_ROWS = 20;
/** Room for the comparison: its summary and one line per headline figure compared. */
export const CHANGE_LINES = 14;
const PLATFORM_CHART_HEIGHT = 300;
/** creatorChart's height. */
const CREATOR_CHART_HEIGHT = 420;

export interface ReportInput {
  sources: readonly TrackerSource[];
  settings: InsightsSettings;
  daily: { source: DailySource; rows: number } | null;
  period: Period;
  notes: readonly string[];
  builtAt: string;
}

/**
 * The hidden comparison block: a label row over the previous period's headline figures and the
 * report's own (the last column counts the posts of each), for report-sheet to read after compute.
 */
export interface ComparisonBlock {
  row: number;
  column: number;
  columns: number;
  previous: Period;
}

export interface ReportLayout extends SheetDrawing {
  comparison: ComparisonBlock;
  /** The first row of the "what changed" lines, CHANGE_LINES rows in column LEFT. */
  changesRow: number;
}

/** Rows of the printed part, top to bottom. */
interface ReportPlaces {
  headlineLabels: number;
  headlineRow: number;
  definitionsRow: number;
  valueLabels: number;
  changesTitle: number;
  changesRow: number;
  platformTitle: number;
  chartRow: number;
  rankingTitle: number;
}

function reportPlaces(figures: number, platforms: number): ReportPlaces {
  const headlineLabels = 5;
  const headlineRow = headlineLabels + 1;
  // The values, the words under them (how many posts each ratio used), then the definitions.
  const definitionsRow = headlineRow + 2;
  const valueLabels = definitionsRow + figures + 2;
  // The value row, the words under it (how many posts the lift used), a line of definition.
  const changesTitle = valueLabels + 5;
  const changesRow = changesTitle + 1;
  const platformTitle = changesRow + CHANGE_LINES + 1;
  // The charts right under the platforms, the leaderboard (as long as it needs) after them.
  const chartRow = platformTitle + platforms + 3;
  const tallest = Math.max(PLATFORM_CHART_HEIGHT, CREATOR_CHART_HEIGHT);
  return {
    headlineLabels,
    headlineRow,
    definitionsRow,
    valueLabels,
    changesTitle,
    changesRow,
    platformTitle,
    chartRow,
    rankingTitle: chartRow + chartRows(tallest) + 1,
  };
}

/** The dashboard's headline without goal progress: that is the campaign's to date, not a range's. */
function reportHeadline(context: BlockContext, headlineRow: number, column = LEFT) {
  const full = headline(context, headlineRow, column, '');
  const figures = full.header.length - 1;
  return {
    header: full.header.slice(0, figures),
    rows: full.rows.map((row) => row.slice(0, figures)),
    kinds: full.kinds.slice(0, figures),
    notes: (full.notes ?? []).slice(0, figures),
  };
}

/** Sales lift and total value; awareness needs visits typed on the dashboard, so not here. */
function reportValue(context: BlockContext, row: number, head: Record<HeadlineKey, string>) {
  const value = valueBlock(context, row, LEFT, {
    revenue: head.revenue,
    roi: head.roi,
    awareness: '0',
  });
  const awarenessIndex = value.header.indexOf('Awareness (est.)');
  value.rows[0][awarenessIndex] = '';
  const notes = [...(value.notes ?? [])];
  notes[awarenessIndex] = 'Not in a report: it needs visits typed on the dashboard.';
  return { ...value, notes };
}

/** Both periods, the previous one and the report's, as one range of days. */
function bothPeriods(period: Period): Period {
  return { from: previousPeriod(period.from, period.to).from, to: period.to };
}

/**
 * The posts the report's tables need room for: those dated in either period (every tracker row
 * when a source was read without its post days). A year of trackers then costs a report only
 * the rows of its weeks.
 */
function postsToHold(input: ReportInput): number | undefined {
  const { from, to } = bothPeriods(input.period);
  let posts = 0;
  for (const source of input.sources) {
    if (!source.postDays) return undefined;
    posts += source.postDays.filter((day) => day !== '' && day >= from && day <= to).length;
  }
  return posts;
}

/** "N rows added since ... are not counted", over the posts dated in either period. */
function uncountedPostsFormula(input: ReportInput, capacity: number): string {
  const { from, to } = bothPeriods(input.period);
  const date = (iso: string) =>
    `DATE(${iso.slice(0, 4)}, ${+iso.slice(5, 7)}, ${+iso.slice(8, 10)})`;
  const counts = input.sources.map((source) => {
    const dates = sourceRange(source, 'postDate');
    return `COUNTIFS(${sourceRange(source, 'handle')}, "<>", ${dates}, ">="&${date(from)}, ${dates}, "<="&${date(to)})`;
  });
  return addedRowsCountFormula(counts, capacity, 'refresh (Extensions > Influencer ROI)');
}

function putReportTitle(canvas: Canvas, input: ReportInput, capacity: number): void {
  const { period } = input;
  const campaigns = input.sources.map((s) => `"${s.name}"`).join(', ');
  canvas.put(1, LEFT, `Report: ${period.from} to ${period.to}`, { bold: true });
  canvas.put(
    2,
    LEFT,
    asText(
      `Posts dated ${period.from} to ${period.to} (inclusive) in ${campaigns}; built ${input.builtAt}. Print: File > Print, Fit to width.`,
    ),
  );
  if (input.notes.length > 0) canvas.put(3, LEFT, asText(input.notes.join(' ')), { bold: true });
  const uncounted =
    postsToHold(input) === undefined
      ? uncountedRowsFormula(input.sources, capacity)
      : uncountedPostsFormula(input, capacity);
  canvas.put(1, LEFT + 4, uncounted, { bold: true });
}

/** The printed blocks: headline with a line of definition each, value, platforms, leaderboard. */
function putPrintedBlocks(
  canvas: Canvas,
  places: ReportPlaces,
  blocks: { headline: StaticRows; value: StaticRows; platforms: StaticRows },
  money: (kind: Kind) => string,
): void {
  const header = (row: number, labels: string[], notes: readonly string[] = []) =>
    canvas.table(row, LEFT, [labels], (j) => ({
      bold: true,
      background: COLORS.header,
      note: notes[j] ?? '',
    }));
  const values = (row: number, rows: Cell[][], kinds: readonly Kind[]) =>
    canvas.table(row, LEFT, rows, (j) => ({ format: money(kinds[j]) }));
  const { headline: head, value, platforms } = blocks;
  canvas.put(places.headlineLabels - 1, LEFT, 'Headline', { bold: true });
  header(places.headlineLabels, head.header, head.notes);
  values(places.headlineRow, head.rows, head.kinds);
  head.header.forEach((label, i) => {
    canvas.put(places.definitionsRow + i, LEFT, asText(`${label}: ${head.notes?.[i] ?? ''}`));
  });
  canvas.put(places.valueLabels - 1, LEFT, 'Sales lift and total value', { bold: true });
  header(places.valueLabels, value.header, value.notes);
  values(places.valueLabels + 1, value.rows, value.kinds);
  canvas.put(
    places.valueLabels + 3,
    LEFT,
    'Total value = attributed revenue + Brand Referral Bonus + reusable content value. Sales lift (from "Daily sales") is an estimate, in neither it nor ROI.',
  );
  canvas.put(places.changesTitle, LEFT, 'What changed since the previous period', { bold: true });
  canvas.put(places.platformTitle, LEFT, 'By platform', { bold: true });
  header(places.platformTitle + 1, platforms.header, platforms.notes);
  values(places.platformTitle + 2, platforms.rows, platforms.kinds);
  canvas.put(places.rankingTitle, LEFT, 'Leaderboard: creators ranked by ROI', { bold: true });
}

/** Both charts read the printed blocks (charts skip hidden columns), side by side below them. */
function reportCharts(
  platformTitle: number,
  platforms: StaticRows,
  ranking: ReturnType<typeof rankingTable>['table'],
  row: number,
  currency: string,
): ChartSpec[] {
  return [
    platformChart(
      { row: platformTitle + 1, column: LEFT, rows: platforms.rows.length + 1, columns: 3 },
      { row, column: LEFT },
      currency,
      PLATFORM_CHART_HEIGHT,
    ),
    creatorChart(ranking.area('creator'), ranking.area('roi'), { row, column: LEFT + 6 }),
  ];
}

type Tables = ReturnType<typeof workingTables>;

/**
 * The previous period's posts (the same trackers, the same length just before the report's
 * range) and the comparison block beside them: labels, the previous period's headline built by
 * the same formulas, and the report's own figures; the last column counts each period's posts.
 */
function putComparison(
  canvas: Canvas,
  input: ReportInput,
  tables: Tables,
  headlineRow: number,
  money: (kind: Kind) => string,
): { block: ComparisonBlock; lastColumn: number } {
  const { from, to } = previousPeriod(input.period.from, input.period.to);
  const previous = { from, to };
  const postsColumn = tables.creators.table.column + tables.creators.table.width + 1;
  const before = postsTable(
    { ...input, settings: tables.settings, daily: null, period: previous },
    4,
    postsColumn,
    tables.capacity,
  );
  putSpill(canvas, before.table, before.formulas, money, false);
  const column = postsColumn + before.table.width + 1;
  const context: BlockContext = { ...tables.context, posts: before.table, lift: false };
  const figures = reportHeadline(context, 5, column);
  const postsOf = (key: string) => `=COUNTIF(${key}, "?*")`;
  const labels = [...figures.header, 'Posts'];
  const rows: Cell[][] = [
    labels,
    [...figures.rows[0], postsOf(before.table.range('key'))],
    [
      ...figures.header.map((_, i) => `=${cellRef(headlineRow, LEFT + i)}`),
      postsOf(tables.posts.table.range('key')),
    ],
  ];
  canvas.table(4, column, rows, (j) => ({ format: money(figures.kinds[j] ?? 'count') }));
  return {
    block: { row: 4, column, columns: labels.length, previous },
    lastColumn: column + labels.length - 1,
  };
}

export function reportLayout(input: ReportInput): ReportLayout {
  const currency = input.sources.find((s) => s.currency)?.currency || 'USD';
  const money = (kind: Kind) => formatOf(kind, currency);
  const canvas = new Canvas();
  // The hidden working area: settings in rows 1-2, then the tables side by side from row 4.
  const headlineRow = reportPlaces(0, 0).headlineRow;
  const tables = workingTables(
    input,
    { row: 4, column: WORK },
    { rows: SPARE_ROWS, days: 40, posts: postsToHold(input) },
    settingsCells(2, WORK),
    headlineCells(headlineRow, LEFT),
  );
  const { context, head, posts, daily, creators, capacity } = tables;
  const headlineBlock = reportHeadline(context, headlineRow);
  const platformsAt = (platformTitle: number) => platformRows(context, platformTitle + 2, LEFT);
  // The platform rows' count decides where the leaderboard goes: place, then build at the place.
  const count = platformsAt(0).rows.length;
  const places = reportPlaces(headlineBlock.header.length, count);
  const platforms = platformsAt(places.platformTitle);
  const ranking = rankingTable(creators.table, places.rankingTitle + 2, LEFT, capacity);

  putReportTitle(canvas, input, capacity);
  putPrintedBlocks(
    canvas,
    places,
    {
      headline: headlineBlock,
      value: reportValue(context, places.valueLabels + 1, head),
      platforms,
    },
    money,
  );
  // Working tables and the ranking: header, then the formula row that spills.
  putSpill(canvas, ranking.table, ranking.formulas, money, true);
  const settingValues = settingsRow(input.settings);
  canvas.table(1, WORK, [settingValues.header, ...settingValues.rows]);
  putSpill(canvas, posts.table, posts.formulas, money, false);
  if (daily) putSpill(canvas, daily.table, daily.formulas, money, false);
  putSpill(canvas, creators.table, creators.formulas, money, false);
  const comparison = putComparison(canvas, input, tables, headlineRow, money);

  const a1 = (row: number, column: number, rows = 1) => areaA1(row, column, rows, 1);
  const highlights: Highlight[] = [
    a1(headlineRow, LEFT + 2),
    a1(places.platformTitle + 2, LEFT + 5, platforms.rows.length),
    a1(ranking.table.firstRow, ranking.table.columnOf('roi'), capacity),
  ].flatMap((range) => [
    { range, when: { lessThan: 0 }, background: COLORS.bad, fontColor: COLORS.badText },
    { range, when: { greaterThan: 0 }, background: COLORS.good, fontColor: COLORS.goodText },
  ]);

  const charts = reportCharts(
    places.platformTitle,
    platforms,
    ranking.table,
    places.chartRow,
    currency,
  );

  const lastRow = Math.max(
    ranking.table.lastRow,
    posts.table.lastRow,
    creators.table.lastRow,
    daily ? daily.table.lastRow : 0,
    canvas.height,
  );
  const lastColumn = Math.max(canvas.width, comparison.lastColumn);
  return {
    rows: lastRow,
    columns: lastColumn,
    ...canvas.blocks(),
    highlights,
    widths: [
      [LEFT, 1, FIRST_COLUMN_WIDTH],
      [LEFT + 1, REPORT_WIDTH - 1, BLOCK_COLUMN_WIDTH],
    ],
    charts,
    hiddenFrom: WORK,
    comparison: comparison.block,
    changesRow: places.changesRow,
  };
}
