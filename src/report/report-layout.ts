// The whole "Report" sheet as data, from the dashboard's own blocks over the posts of a date
// range: headline figures with a line of definition each, value beyond sales (with sales lift),
// what changed since the previous report, the platforms, the leaderboard and two charts, in
// columns A to N, which print on one or two pages fitted to width. The working tables the
// blocks add up (posts, daily sales, creators, settings) sit to the right, in hidden columns,
// which neither print nor show.

import {
  type BlockContext,
  headline,
  headlineCells,
  platformRows,
  settingsCells,
  settingsRow,
  valueBlock,
} from '../insights/blocks';
import { Canvas } from '../insights/canvas';
import { creatorChart, platformChart } from '../insights/charts';
import { type DailySource, dailyTable } from '../insights/daily';
import {
  BLOCK_COLUMN_WIDTH,
  COLORS,
  chartRows,
  FIRST_COLUMN_WIDTH,
  formatOf,
  LEFT,
  putSpill,
} from '../insights/dashboard-layout';
import { type Period, POST_COLUMNS, postsTable } from '../insights/posts';
import { creatorsTable, rankingTable } from '../insights/ranking';
import type { TrackerSource } from '../insights/sources';
import { type Kind, SpillTable } from '../insights/table';
import type { InsightsSettings } from '../shared/api';
import type { ChartSpec, Highlight, SheetDrawing } from '../sheet/blocks';
import { areaA1, type Cell } from '../sheet/formulas';
import { asText } from '../sheet/literal';

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
  history: readonly TrackerSource[];
  settings: InsightsSettings;
  daily: { source: DailySource; rows: number } | null;
  period: Period;
  notes: readonly string[];
  builtAt: string;
}

export interface ReportLayout extends SheetDrawing {
  /** The headline values' row (columns LEFT to LEFT + 8: spend .. conversion rate). */
  headlineRow: number;
  /** The first row of the "what changed" lines, CHANGE_LINES rows in column LEFT. */
  changesRow: number;
  /** The first hidden column. */
  workColumn: number;
}

export function reportLayout(input: ReportInput): ReportLayout {
  const { sources, period } = input;
  const currency = sources.find((s) => s.currency)?.currency || 'USD';
  const money = (kind: Kind) => formatOf(kind, currency);
  const canvas = new Canvas();
  const highlights: Highlight[] = [];

  // ---- the hidden working area: settings, then the tables side by side ----
  const settings = settingsCells(2, WORK);
  const capacity = sources.reduce((sum, s) => sum + s.rows, 0) + SPARE_ROWS;
  const tableRow = 4;
  const postDates = new SpillTable(tableRow, WORK, POST_COLUMNS, capacity);
  const dailyColumn = WORK + postDates.width + 1;
  const daily = input.daily
    ? dailyTable(
        input.daily.source,
        postDates.range('postDate'),
        tableRow,
        dailyColumn,
        input.daily.rows + 40,
      )
    : null;
  const posts = postsTable(
    { sources, history: input.history, settings, daily: daily?.refs ?? null, period },
    tableRow,
    WORK,
    capacity,
  );
  const creatorsColumn = daily ? dailyColumn + daily.table.width + 1 : dailyColumn;

  // ---- the printed part, top to bottom ----
  const title = 1;
  const headlineLabels = 5;
  const headlineRow = headlineLabels + 1;
  const head = headlineCells(headlineRow, LEFT);
  const creators = creatorsTable(
    { posts: posts.table, settings, campaignRate: head.conversion },
    tableRow,
    creatorsColumn,
    capacity,
  );
  const context: BlockContext = { posts: posts.table, settings, sources, lift: daily !== null };
  // Goal progress is the campaign's to date, not the period's: left out of a report.
  const full = headline(context, headlineRow, LEFT, '');
  const figures = full.header.length - 1;
  const headlineBlock = {
    header: full.header.slice(0, figures),
    rows: full.rows.map((row) => row.slice(0, figures)),
    kinds: full.kinds.slice(0, figures),
    notes: (full.notes ?? []).slice(0, figures),
  };
  const definitionsRow = headlineRow + 1;
  const valueLabels = definitionsRow + figures + 2;
  const value = valueBlock(context, valueLabels + 1, LEFT, {
    revenue: head.revenue,
    roi: head.roi,
    awareness: '0',
  });
  // Awareness needs each campaign's visits typed for its period: the dashboard's, not a range's.
  const awarenessIndex = value.header.indexOf('Awareness (est.)');
  value.rows[0][awarenessIndex] = '';
  const valueNotes = [...(value.notes ?? [])];
  valueNotes[awarenessIndex] = 'Not in a report: it needs visits typed on the dashboard.';
  const changesTitle = valueLabels + 4;
  const changesRow = changesTitle + 1;
  const platformTitle = changesRow + CHANGE_LINES + 1;
  const platforms = platformRows(context, platformTitle + 2, LEFT);
  const rankingTitle = platformTitle + platforms.rows.length + 3;
  const ranking = rankingTable(creators.table, rankingTitle + 2, LEFT, capacity);
  const chartRow = ranking.table.lastRow + 2;

  const campaigns = sources.map((s) => `"${s.name}"`).join(', ');
  canvas.put(title, LEFT, `Report: ${period.from} to ${period.to}`, { bold: true });
  canvas.put(
    title + 1,
    LEFT,
    asText(
      `Posts dated ${period.from} to ${period.to} (inclusive) in ${campaigns}; built ${input.builtAt}. Print: File > Print, Fit to width.`,
    ),
  );
  if (input.notes.length > 0)
    canvas.put(title + 2, LEFT, asText(input.notes.join(' ')), { bold: true });

  const header = (row: number, labels: string[], notes: string[] = []) =>
    canvas.table(row, LEFT, [labels], (j) => ({
      bold: true,
      background: COLORS.header,
      note: notes[j] ?? '',
    }));
  const values = (row: number, rows: Cell[][], kinds: readonly Kind[]) =>
    canvas.table(row, LEFT, rows, (j) => ({ format: money(kinds[j]) }));

  canvas.put(headlineLabels - 1, LEFT, 'Headline', { bold: true });
  header(headlineLabels, headlineBlock.header, headlineBlock.notes);
  values(headlineRow, headlineBlock.rows, headlineBlock.kinds);
  headlineBlock.header.forEach((label, i) => {
    const definition = headlineBlock.notes[i];
    canvas.put(definitionsRow + i, LEFT, asText(`${label}: ${definition}`));
  });

  canvas.put(valueLabels - 1, LEFT, 'Sales lift and total value', { bold: true });
  header(valueLabels, value.header, valueNotes);
  values(valueLabels + 1, value.rows, value.kinds);
  canvas.put(
    valueLabels + 2,
    LEFT,
    'Total value = attributed revenue + Brand Referral Bonus + reusable content value. Sales lift (from "Daily sales") is an estimate, in neither it nor ROI.',
  );

  canvas.put(changesTitle, LEFT, 'What changed since the previous report', { bold: true });

  canvas.put(platformTitle, LEFT, 'By platform', { bold: true });
  header(platformTitle + 1, platforms.header, platforms.notes);
  values(platformTitle + 2, platforms.rows, platforms.kinds);

  canvas.put(rankingTitle, LEFT, 'Leaderboard: creators ranked by ROI', { bold: true });
  // Working tables and the ranking: header, then the formula row that spills.
  const spill = <K extends string>(
    table: SpillTable<K>,
    formulas: Partial<Record<K, string>>,
    shown: boolean,
  ) => putSpill(canvas, table, formulas, money, shown);
  spill(ranking.table, ranking.formulas, true);
  const settingValues = settingsRow(input.settings);
  canvas.table(1, WORK, [settingValues.header, ...settingValues.rows]);
  spill(posts.table, posts.formulas, false);
  if (daily) spill(daily.table, daily.formulas, false);
  spill(creators.table, creators.formulas, false);

  const a1 = (row: number, column: number, rows = 1) => areaA1(row, column, rows, 1);
  const signOf = (range: string) =>
    highlights.push(
      { range, when: { lessThan: 0 }, background: COLORS.bad, fontColor: COLORS.badText },
      { range, when: { greaterThan: 0 }, background: COLORS.good, fontColor: COLORS.goodText },
    );
  signOf(a1(headlineRow, LEFT + 2));
  signOf(a1(platformTitle + 2, LEFT + 5, platforms.rows.length));
  signOf(a1(ranking.table.firstRow, ranking.table.columnOf('roi'), capacity));

  // Both charts read the printed blocks (charts skip hidden columns), side by side below them.
  const charts: ChartSpec[] = [
    platformChart(
      { row: platformTitle + 1, column: LEFT, rows: platforms.rows.length + 1, columns: 3 },
      { row: chartRow, column: LEFT },
      currency,
      PLATFORM_CHART_HEIGHT,
    ),
    creatorChart(ranking.table.area('creator'), ranking.table.area('roi'), {
      row: chartRow,
      column: LEFT + 6,
    }),
  ];

  const lastRow = Math.max(
    chartRow + chartRows(CREATOR_CHART_HEIGHT),
    posts.table.lastRow,
    creators.table.lastRow,
    daily ? daily.table.lastRow : 0,
    canvas.height,
  );
  const lastColumn = Math.max(canvas.width, creators.table.column + creators.table.width - 1);
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
    headlineRow,
    changesRow,
    workColumn: WORK,
  };
}
