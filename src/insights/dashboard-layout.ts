// The whole "Dashboard" sheet as data, computed before anything is written: the blocks' places,
// every formula, format, note and validation, and the charts beside their blocks. Fixed-size
// blocks stack down the left; "Every post", the daily sales and the creators' working table
// spill down on the right; the ranking spills down below the left blocks; charts sit between.

import type { InsightsSettings } from '../shared/api';
import type { ChartSpec, Highlight, Rule, SheetDrawing } from '../sheet/drawing';
import { numberFormat } from '../sheet/formats';
import {
  addedRowsFormula,
  areaA1,
  type Cell,
  columnLetter,
  columnRange,
  text,
} from '../sheet/formulas';
import { asText } from '../sheet/literal';
import {
  AWARENESS_VALUE_INDEX,
  type AwarenessInputs,
  awarenessRows,
  type BlockContext,
  CAMPAIGN_PROGRESS_INDEX,
  campaignRows,
  type HeadlineKey,
  headline,
  headlineCells,
  platformRows,
  progressFormula,
  type StaticRows,
  settingsCells,
  settingsRow,
  valueBlock,
} from './blocks';
import { Canvas, type CellStyle } from './canvas';
import { creatorChart, dailyChart, platformChart } from './charts';
import { type DailySource, dailyTable } from './daily';
import { type Period, POST_COLUMNS, postsTable } from './posts';
import { creatorsTable, rankingTable, TOO_EARLY, tierRows, usualRateFormula } from './ranking';
import { SETTING_FIELDS, type SettingKey } from './settings';
import { sourceRange, type TrackerSource } from './sources';
import { type Kind, type SpillColumn, SpillTable } from './spill-table';

export const DASHBOARD_TITLE = 'Dashboard';

/** Sheet geometry: default row height and column width, as Sheets draws them. */
export const ROW_HEIGHT = 21;
export const COLUMN_WIDTH = 100;
export const FIRST_COLUMN_WIDTH = 170;
/** The left blocks' other columns: room for their headers. */
export const BLOCK_COLUMN_WIDTH = 120;

export const LEFT = 1;
const LEFT_WIDTH = 14;
/** The charts' column, after the left blocks and a spare column. */
export const CHART_COLUMN = LEFT + LEFT_WIDTH + 1;
const CHART_COLUMNS = 7;
/** "Every post" starts after the charts' columns and a spare column. */
const RIGHT = CHART_COLUMN + CHART_COLUMNS + 1;
const RIGHT_TITLE = 6;
/** Rows a spilled table may grow beyond the rows its trackers had when it was built. */
export const SPARE_ROWS = 200;
/** Days the daily sales may grow beyond those it had. */
export const SPARE_DAYS = 400;

export const COLORS = {
  header: '#f1f3f4',
  input: '#fef7e0',
  good: '#ceead6',
  goodText: '#0d652d',
  bad: '#f4c7c3',
  badText: '#a50e0e',
  warning: '#fce8b2',
  warningText: '#7a4f01',
};

export interface DashboardInput {
  /** The trackers shown, in order. */
  sources: readonly TrackerSource[];
  settings: InsightsSettings;
  /** The "Daily sales" sheet and how many rows it has, or null without daily sales. */
  daily: { source: DailySource; rows: number } | null;
  /** What the team typed in a campaign's awareness row on the previous dashboard. */
  awareness: (source: TrackerSource) => AwarenessInputs;
  /** Trackers left out, and other things the team should know. */
  notes: readonly string[];
  /** When, as the team reads it, e.g. "2026-07-24 09:30". */
  refreshedAt: string;
  /** Only posts dated in this period (a report); the dashboard shows every post. */
  period?: Period;
}

/** What a sheet writer draws: the grid's size, every block, the highlights and charts. */
export interface DashboardLayout extends SheetDrawing {
  /** Where the typed cells are, to read them back on the next refresh. */
  settingsRow: number;
  awarenessRow: number;
}

/** The tracker's format for the same kind of value; text stays General on the dashboard. */
export function formatOf(kind: Kind, currency: string): string {
  return numberFormat(kind, currency, 'formula');
}

export const chartRows = (height: number) => Math.ceil(height / ROW_HEIGHT) + 1;
const PLATFORM_CHART_HEIGHT = 300;
/** Under the value block, in the first screen's columns. */
const PLATFORM_CHART_ROW = 16;
/** Rows 1 to 14, above the platform chart. */
const DAILY_CHART_HEIGHT = 280;

const inputRule = (label: string): Rule => ({
  kind: 'atLeast',
  min: 0,
  help: `${label} must be a number, 0 or more.`,
});

/** A spilled table's header (with its notes) and formula row, and its columns' formats. */
export function putSpill<K extends string>(
  canvas: Canvas,
  table: SpillTable<K>,
  formulas: Partial<Record<K, string>>,
  money: (kind: Kind) => string,
  shown: boolean,
): void {
  const [header, first] = table.cells(formulas);
  const columns: readonly SpillColumn<K>[] = table.columns;
  canvas.table(table.row, table.column, [header], (j) => ({
    bold: shown,
    background: shown ? COLORS.header : undefined,
    note: columns[j].note,
  }));
  const formats = columns.map((column) => money(column.kind));
  canvas.table(table.firstRow, table.column, [first], (j) => ({ format: formats[j] }));
  canvas.spill({ row: table.firstRow, column: table.column, height: table.capacity, formats });
}

/**
 * A formula that says, once the trackers hold more rows than the working tables were sized for
 * at the last build, how many are not counted yet: the tables' ranges are closed, so a refresh
 * counts them. Empty otherwise.
 */
export function uncountedRowsFormula(sources: readonly TrackerSource[], capacity: number): string {
  return addedRowsFormula(
    sources.map((source) => sourceRange(source, 'handle')),
    capacity,
    'refresh (Extensions > Influencer ROI)',
  );
}

/** The rows of the left blocks, and where the ranking starts below them. */
interface Places {
  settingsLabels: number;
  headlineLabels: number;
  valueLabels: number;
  platformTitle: number;
  tierTitle: number;
  /** 0 with a single tracker: the by-campaign block is left out. */
  campaignTitle: number;
  awarenessTitle: number;
  rankingTitle: number;
}

function placesOf(trackers: number): Places {
  // The platform chart sits under the headline, so the first screen shows figures and a chart.
  const platformTitle = PLATFORM_CHART_ROW + chartRows(PLATFORM_CHART_HEIGHT);
  const tierTitle = platformTitle + 9;
  let next = tierTitle + 8;
  const campaignTitle = trackers > 1 ? next : 0;
  if (trackers > 1) next += trackers + 3;
  const awarenessTitle = next;
  next += trackers + 3;
  return {
    settingsLabels: 4,
    headlineLabels: 8,
    valueLabels: 12,
    platformTitle,
    tierTitle,
    campaignTitle,
    awarenessTitle,
    rankingTitle: next,
  };
}

/**
 * The working tables the blocks add up, side by side from `at`: every post, the daily sales and
 * the creators (one row per handle and platform). The dashboard shows them; the report hides them.
 */
export function workingTables(
  input: Pick<DashboardInput, 'sources' | 'daily' | 'period'>,
  at: { row: number; column: number },
  spare: { rows: number; days: number; posts?: number },
  settings: Record<SettingKey, string>,
  head: Record<HeadlineKey, string>,
) {
  const { sources } = input;
  // Room for every tracker row, or for the posts a report's periods hold (`spare.posts`).
  const rows = spare.posts ?? sources.reduce((sum, s) => sum + s.rows, 0);
  const capacity = rows + spare.rows;
  const postDates = new SpillTable(at.row, at.column, POST_COLUMNS, capacity);
  const dailyColumn = at.column + postDates.width + 1;
  const daily = input.daily
    ? dailyTable(
        input.daily.source,
        postDates.range('postDate'),
        at.row,
        dailyColumn,
        input.daily.rows + spare.days,
      )
    : null;
  const posts = postsTable(
    { sources, settings, daily: daily?.refs ?? null, period: input.period },
    at.row,
    at.column,
    capacity,
  );
  const creators = creatorsTable(
    { posts: posts.table, settings, campaignRate: head.conversion },
    at.row,
    daily ? dailyColumn + daily.table.width + 1 : dailyColumn,
    capacity,
  );
  posts.formulas.usualRate = usualRateFormula(posts.table, creators.table);
  const context: BlockContext = { posts: posts.table, settings, sources, lift: daily !== null };
  return { capacity, settings, daily, posts, head, creators, context };
}

/** The dashboard's working tables on the right, and the ranking below the left blocks. */
function spilledTables(input: DashboardInput, places: Places) {
  const tables = workingTables(
    input,
    { row: RIGHT_TITLE + 2, column: RIGHT },
    { rows: SPARE_ROWS, days: SPARE_DAYS },
    settingsCells(places.settingsLabels + 1, LEFT),
    headlineCells(places.headlineLabels + 1, LEFT),
  );
  const ranking = rankingTable(
    tables.creators.table,
    places.rankingTitle + 2,
    LEFT,
    tables.capacity,
  );
  return { ...tables, ranking };
}

type Tables = ReturnType<typeof spilledTables>;

/** Label rows and titled tables on the left, each value cell in its kind's format. */
function leftWriter(canvas: Canvas, money: (kind: Kind) => string) {
  const header = (row: number, rows: StaticRows) =>
    canvas.table(row, LEFT, [rows.header], (j) => ({
      bold: true,
      background: COLORS.header,
      note: rows.notes?.[j] ?? '',
    }));
  const body = (row: number, rows: StaticRows) =>
    canvas.table(
      row,
      LEFT,
      rows.rows,
      (j): CellStyle => ({
        format: money(rows.kinds[j]),
        ...(rows.inputs?.[j] ? { background: COLORS.input, rule: inputRule(rows.header[j]) } : {}),
      }),
    );
  return {
    /** A label row over its value rows (settings, headline, value). */
    labelled(row: number, rows: StaticRows) {
      header(row, rows);
      body(row + 1, rows);
    },
    /** A titled table: title, header, rows. */
    titled(title: number, label: string, rows: StaticRows) {
      canvas.put(title, LEFT, label, { bold: true });
      header(title + 1, rows);
      body(title + 2, rows);
    },
  };
}

function putTitle(canvas: Canvas, input: DashboardInput, capacity: number): void {
  const names = input.sources.map((s) => `"${s.name}"`).join(', ');
  canvas.put(1, LEFT, DASHBOARD_TITLE, { bold: true });
  canvas.put(
    2,
    LEFT,
    asText(
      `Built from ${names} on ${input.refreshedAt}. Every figure is a Sheets formula over their rows, so rows added later count. Refresh it (Extensions > Influencer ROI > Build dashboard) after adding a tracker.`,
    ),
  );
  if (input.notes.length > 0) canvas.put(3, LEFT, asText(input.notes.join(' ')), { bold: true });
  canvas.put(1, LEFT + 1, uncountedRowsFormula(input.sources, capacity), { bold: true });
}

/** The blocks down the left; returns the platform rows (their chart and highlights follow them). */
function putLeftBlocks(
  canvas: Canvas,
  input: DashboardInput,
  places: Places,
  tables: Tables,
  money: (kind: Kind) => string,
): StaticRows {
  const { sources } = input;
  const { context, head } = tables;
  const left = leftWriter(canvas, money);
  left.labelled(places.settingsLabels, settingsRow(input.settings));
  // The headline and value blocks refer to the campaign and awareness rows below them.
  const awarenessFirst = places.awarenessTitle + 2;
  const awarenessValues = columnRange(
    LEFT + AWARENESS_VALUE_INDEX,
    awarenessFirst,
    awarenessFirst + sources.length - 1,
  );
  const campaignFirst = places.campaignTitle + 2;
  const campaignProgress = places.campaignTitle
    ? columnRange(LEFT + CAMPAIGN_PROGRESS_INDEX, campaignFirst, campaignFirst + sources.length - 1)
    : null;
  canvas.put(places.headlineLabels - 1, LEFT, 'Headline', { bold: true });
  left.labelled(
    places.headlineLabels,
    headline(context, places.headlineLabels + 1, LEFT, progressFormula(sources, campaignProgress)),
  );
  canvas.put(places.valueLabels - 1, LEFT, 'Value beyond direct sales', { bold: true });
  left.labelled(
    places.valueLabels,
    valueBlock(context, places.valueLabels + 1, LEFT, {
      revenue: head.revenue,
      roi: head.roi,
      awareness: awarenessValues,
    }),
  );
  canvas.put(
    places.valueLabels + 3,
    LEFT,
    'Total value = attributed revenue + Brand Referral Bonus + reusable content value + awareness value. It is not ROI, which counts attributed revenue only. Sales lift is an estimate from daily sales around post dates, in neither.',
  );
  const platforms = platformRows(context, places.platformTitle + 2, LEFT);
  left.titled(places.platformTitle, 'By platform', platforms);
  left.titled(
    places.tierTitle,
    'By tier: creators compared with peers of their size',
    tierRows(
      { posts: tables.posts.table, settings: tables.settings, campaignRate: head.conversion },
      tables.creators.table,
      places.tierTitle + 2,
      LEFT,
    ),
  );
  if (places.campaignTitle)
    left.titled(
      places.campaignTitle,
      'By campaign',
      campaignRows(
        context,
        campaignFirst,
        LEFT,
        (i) => `${columnLetter(LEFT + AWARENESS_VALUE_INDEX)}${awarenessFirst + i}`,
      ),
    );
  left.titled(
    places.awarenessTitle,
    "Awareness: type each campaign's figures for its period",
    awarenessRows(context, awarenessFirst, LEFT, input.awareness),
  );
  return platforms;
}

/** Every post, daily sales, the creators' working table and the ranking, each titled. */
function putSpilledTables(canvas: Canvas, tables: Tables, money: (kind: Kind) => string): void {
  const spillTable = <K extends string>(
    table: SpillTable<K>,
    title: string,
    subtitle: Cell,
    formulas: Partial<Record<K, string>>,
  ) => {
    canvas.put(table.row - 2, table.column, title, { bold: true });
    if (subtitle !== '') canvas.put(table.row - 1, table.column, subtitle);
    putSpill(canvas, table, formulas, money, true);
  };
  const { settings, daily, posts, creators, ranking, head } = tables;
  const n = settings.liftDays;
  spillTable(
    posts.table,
    'Every post (the rows the blocks add up), in post-date order',
    daily
      ? `="Sales lift: average daily sales over the post date and the "&(${n}-1)&" days after it, minus the average over the "&${n}&" days before (days missing from ""Daily sales"" don't count); extra sales = that difference x "&${n}&". It stands out only above twice the normal variation."`
      : 'Sales lift needs daily sales: import an Amazon Business Report by date (Import results), or type Date, Units and Sales in a sheet named "Daily sales", then refresh.',
    posts.formulas,
  );
  if (daily)
    spillTable(daily.table, 'Daily sales by day', 'From the "Daily sales" sheet.', daily.formulas);
  spillTable(
    creators.table,
    'Creators (working table for the ranking and tiers)',
    'One row per handle and platform.',
    creators.formulas,
  );
  const fair = `="Ranked by ROI. Creators with fewer than "&${settings.minOrders}&" orders are ${TOO_EARLY} and listed after the others. Conversion (shrunk) = (orders + "&${settings.priorClicks}&" x campaign rate "&IFERROR(TEXT(${head.conversion}, "0.0%"), "")&") / (clicks + "&${settings.priorClicks}&"), so 1 order from 3 clicks does not outrank 50 from 1,000."`;
  spillTable(ranking.table, 'Creators ranked by ROI', fair, ranking.formulas);
}

/** ROI green above zero and red below; engagement checks in amber; lift that stands out green. */
function highlightsOf(places: Places, tables: Tables, platforms: StaticRows): Highlight[] {
  const { capacity, posts, ranking, daily, context } = tables;
  const highlights: Highlight[] = [];
  const signOf = (range: string) => {
    highlights.push(
      { range, when: { lessThan: 0 }, background: COLORS.bad, fontColor: COLORS.badText },
      { range, when: { greaterThan: 0 }, background: COLORS.good, fontColor: COLORS.goodText },
    );
  };
  const a1 = (row: number, column: number, rows = 1) => areaA1(row, column, rows, 1);
  signOf(a1(places.headlineLabels + 1, LEFT + 2));
  signOf(a1(places.platformTitle + 2, LEFT + 5, platforms.rows.length));
  signOf(a1(places.tierTitle + 2, LEFT + 4, 5));
  if (places.campaignTitle) signOf(a1(places.campaignTitle + 2, LEFT + 4, context.sources.length));
  signOf(a1(ranking.table.firstRow, ranking.table.columnOf('roi'), capacity));
  const check = posts.table.columnOf('engagementCheck');
  const checkTop = a1(posts.table.firstRow, check);
  highlights.push({
    range: a1(posts.table.firstRow, check, capacity),
    when: { formula: `=LEN(${checkTop})>0` },
    background: COLORS.warning,
    fontColor: COLORS.warningText,
  });
  if (daily) {
    const liftCheck = a1(posts.table.firstRow, posts.table.columnOf('liftCheck'));
    highlights.push({
      range: a1(posts.table.firstRow, posts.table.columnOf('liftCheck'), capacity),
      when: { formula: `=LEFT(${liftCheck}, 10)=${text('stands out')}` },
      background: COLORS.good,
      fontColor: COLORS.goodText,
    });
  }
  return highlights;
}

/** Spend and revenue by platform under the headline (the first screen); daily sales at the top
 * right; ROI by creator beside the ranking. */
function chartsOf(
  places: Places,
  tables: Tables,
  platforms: StaticRows,
  currency: string,
): ChartSpec[] {
  const charts: ChartSpec[] = [];
  if (tables.daily)
    charts.push({
      ...dailyChart(
        tables.daily.table.area('day', 'postDay'),
        { row: 1, column: CHART_COLUMN },
        currency,
        DAILY_CHART_HEIGHT,
      ),
      // Its data is the hidden daily table.
      showHidden: true,
    });
  charts.push(
    platformChart(
      { row: places.platformTitle + 1, column: LEFT, rows: platforms.rows.length + 1, columns: 3 },
      { row: PLATFORM_CHART_ROW, column: LEFT },
      currency,
      PLATFORM_CHART_HEIGHT,
    ),
  );
  charts.push(
    creatorChart(tables.ranking.table.area('creator'), tables.ranking.table.area('roi'), {
      row: places.rankingTitle,
      column: CHART_COLUMN,
    }),
  );
  return charts;
}

export function dashboardLayout(input: DashboardInput): DashboardLayout {
  const currency = input.sources.find((s) => s.currency)?.currency || 'USD';
  const money = (kind: Kind) => formatOf(kind, currency);
  const canvas = new Canvas();
  const places = placesOf(input.sources.length);
  const tables = spilledTables(input, places);
  putTitle(canvas, input, tables.capacity);
  const platforms = putLeftBlocks(canvas, input, places, tables, money);
  putSpilledTables(canvas, tables, money);
  const { posts, creators, ranking, daily } = tables;
  const lastRow = Math.max(
    posts.table.lastRow + 1,
    creators.table.lastRow + 1,
    ranking.table.lastRow + 1,
    daily ? daily.table.lastRow + 1 : 0,
    canvas.height,
  );
  return {
    rows: lastRow + 1,
    columns: creators.table.column + creators.table.width,
    ...canvas.blocks(),
    highlights: highlightsOf(places, tables, platforms),
    widths: [
      [LEFT, 1, FIRST_COLUMN_WIDTH],
      [LEFT + 1, LEFT_WIDTH - 1, BLOCK_COLUMN_WIDTH],
    ],
    charts: chartsOf(places, tables, platforms, currency),
    // Daily sales by day and the creators' working table: what the blocks add up, not to read.
    hiddenFrom: posts.table.column + posts.table.width + 1,
    settingsRow: places.settingsLabels + 1,
    awarenessRow: places.awarenessTitle + 2,
  };
}

/** The settings values' columns, in SETTING_FIELDS order, from the dashboard's first column. */
export const SETTINGS_WIDTH = SETTING_FIELDS.length;
