// A tracker as the dashboard reads it: where its header and columns are (found by header, so
// moved columns still work), its goal progress cell and currency; and the open ranges its
// formulas use, so rows added to the tracker later count without a refresh.

import type { DayOf } from '../sheet/dates';
import { columnLetter, sheetRef } from '../sheet/formulas';
import type { ColumnKey } from '../tracker/columns';
import { NEEDED_COLUMNS, readTrackerTable } from '../tracker/read';
import { LayoutError } from '../tracker/table';

/** The tracker columns the dashboard reads (tracker/read.ts lists them). */
export const CORE_KEYS = NEEDED_COLUMNS.dashboard;

/** Columns appended after the computed ones; an older tracker gets them from the dashboard. */
export const ADDED_KEYS = [
  'bonus',
  'usualEngagementRate',
  'sentiment',
  'sentimentNote',
  'contentValue',
] as const satisfies readonly ColumnKey[];

export type SourceKey = (typeof CORE_KEYS)[number] | (typeof ADDED_KEYS)[number];

export interface TrackerSource {
  /** The sheet's name: the campaign's label on the dashboard. */
  name: string;
  sheetId: number;
  /** When the tracker was created (ISO); earlier trackers give creators their usual rates. */
  createdAt: string;
  headerRow: number;
  /** 1-based column of every key. */
  columns: Record<SourceKey, number>;
  /** A1 of the tracker's "Progress to goal" total, or null when it was moved away. */
  progress: string | null;
  /** A1 of its "Goal" and "Goal target" settings, or null when moved away. */
  goal?: string | null;
  target?: string | null;
  /** The campaign's currency ('' when its settings block was moved away). */
  currency: string;
  /** Data rows the sheet had when read (for sizing the dashboard). */
  rows: number;
  /**
   * The post date of each data row with a creator, as a day in the spreadsheet's time zone ('' for
   * none): a report sizes its tables to the posts of its periods. Only read for a report.
   */
  postDays?: readonly string[];
}

/** What reading a tracker's values found: its shape, and the appended columns it lacks. */
export interface ReadTracker {
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  progress: string | null;
  goal: string | null;
  target: string | null;
  currency: string;
  rows: number;
}

/** Finds the table in a tracker's values; throws LayoutError when its layout was changed. */
export function readTracker(name: string, values: unknown[][]): ReadTracker {
  const { headerRow, columns, setting } = readTrackerTable(name, values, 'dashboard');
  const progress = setting('Progress to goal');
  const currency = setting('Currency');
  const a1 = (cell: { row: number; column: number } | null) =>
    cell ? `${columnLetter(cell.column)}${cell.row}` : null;
  return {
    headerRow,
    columns,
    progress: a1(progress),
    goal: a1(setting('Goal')),
    target: a1(setting('Goal target')),
    currency: String(currency?.value ?? '')
      .trim()
      .toUpperCase(),
    rows: Math.max(0, values.length - headerRow),
  };
}

/** The keys a read tracker still lacks (an older tracker). */
export function missingKeys(read: ReadTracker): SourceKey[] {
  return ADDED_KEYS.filter((key) => read.columns[key] === undefined);
}

export function toSource(
  read: ReadTracker,
  identity: { name: string; sheetId: number; createdAt: string },
): TrackerSource {
  const missing = [...CORE_KEYS, ...ADDED_KEYS].filter((key) => read.columns[key] === undefined);
  if (missing.length > 0)
    throw new LayoutError(`"${identity.name}" has no ${missing.join(', ')} column.`);
  return {
    ...identity,
    headerRow: read.headerRow,
    columns: read.columns as Record<SourceKey, number>,
    progress: read.progress,
    goal: read.goal,
    target: read.target,
    currency: read.currency,
    rows: read.rows,
  };
}

/** The post day of each data row with a creator ('' without a date), in the values read. */
export function postDaysOf(source: TrackerSource, values: unknown[][], dayOf: DayOf): string[] {
  const handle = source.columns.handle - 1;
  const date = source.columns.postDate - 1;
  return values
    .slice(source.headerRow)
    .filter((row) => String(row[handle] ?? '').trim() !== '')
    .map((row) => (row[date] instanceof Date ? dayOf(row[date] as Date) : ''));
}

/** Whether `a` was created before `b` (sheet ids break a tie: a later sheet has a larger id). */
export function createdBefore(
  a: { createdAt: string; sheetId: number },
  b: { createdAt: string; sheetId: number },
): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.sheetId < b.sheetId);
}

/** A tracker column as an open range from its first data row, e.g. 'Spring'!Q8:Q. */
export function sourceRange(source: TrackerSource, key: SourceKey): string {
  const letter = columnLetter(source.columns[key]);
  return `${sheetRef(source.name)}!${letter}${source.headerRow + 1}:${letter}`;
}

/** A cell of the tracker's settings (A1) as a reference, or null. */
export function settingRef(source: TrackerSource, a1: string | null | undefined): string | null {
  return a1 ? `${sheetRef(source.name)}!${a1}` : null;
}

/** The tracker's goal progress cell as a reference, or null. */
export function progressRef(source: TrackerSource): string | null {
  return source.progress ? `${sheetRef(source.name)}!${source.progress}` : null;
}
