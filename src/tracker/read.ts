// The one reader of a tracker's values: finds its header and columns by name (moved columns
// still work; a renamed one gets a message that says what to do), the appended columns an older
// tracker may lack, and the settings above the header. Each feature names the columns it needs
// here, so one list says what a tracker must have for codes, import, the dashboard and the roster.
import { columnLetter } from '../sheet/formulas';
import { findAppended } from './append';
import { COLUMNS, type ColumnKey, isDerived } from './columns';
import { findTable, HEADER_SEARCH_ROWS, LayoutError, normalise } from './table';

/** The columns each reader needs; a tracker without one of them can't be read for that use. */
export const NEEDED_COLUMNS = {
  codes: ['handle', 'platform', 'promoCode', 'trackingLink'],
  import: ['handle', 'promoCode', 'trackingLink', 'clicks', 'orders', 'revenue', 'newCustomers'],
  dashboard: [
    'handle',
    'platform',
    'followers',
    'postDate',
    'reach',
    'engagements',
    'clicks',
    'orders',
    'revenue',
    'totalCost',
    'newCustomers',
  ],
  roster: [
    'handle',
    'platform',
    'followers',
    'postDate',
    'fee',
    'productCost',
    'reach',
    'clicks',
    'orders',
    'revenue',
    'newCustomers',
    'engagements',
  ],
  prefill: ['handle', 'platform', 'followers'],
} as const satisfies Record<string, readonly ColumnKey[]>;

export type TrackerReader = keyof typeof NEEDED_COLUMNS;

/** Readers whose figures would be wrong with a broken computed column: they leave it out. */
const WHOLE_TABLE_READERS: readonly TrackerReader[] = ['dashboard', 'roster'];

export interface SettingCell {
  /** 1-based sheet row and column of the value. */
  row: number;
  column: number;
  value: unknown;
}

export interface TrackerTable {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 1-based column of every needed column, and of every appended column the tracker has. */
  columns: Partial<Record<ColumnKey, number>>;
  /** The cell under a settings label above the header ("Currency" over "USD"), or null. */
  setting(label: string): SettingCell | null;
}

/** Reads a tracker's values (from row 1); throws LayoutError when a needed header is missing. */
export function readTrackerTable(
  name: string,
  values: readonly (readonly unknown[])[],
  reader: TrackerReader,
): TrackerTable {
  const top = values.slice(0, HEADER_SEARCH_ROWS) as unknown[][];
  if (WHOLE_TABLE_READERS.includes(reader)) refuseBroken(values, findTable(name, top, ['handle']));
  const { headerRow, columns } = findTable(name, top, NEEDED_COLUMNS[reader]);
  findAppended((values[headerRow - 1] ?? []) as unknown[], columns);
  const settings = values.slice(0, headerRow - 1);
  return { headerRow, columns, setting: (label) => settingBelow(settings, label) };
}

function settingBelow(top: readonly (readonly unknown[])[], label: string): SettingCell | null {
  const wanted = normalise(label);
  for (let i = 0; i + 1 < top.length; i++) {
    const column = top[i].findIndex((cell) => normalise(cell) === wanted);
    if (column >= 0) return { row: i + 2, column: column + 1, value: top[i + 1][column] };
  }
  return null;
}

/** Sheets shows an error value as its text, e.g. "#REF!". */
export function errorShown(value: unknown): string | null {
  return typeof value === 'string' && /^#[A-Z0-9/]+[!?]$|^#N\/A$/.test(value) ? value : null;
}

/**
 * A computed column whose header formula shows an error: a value typed in the column stops its
 * ARRAYFORMULA from filling the rows (Sheets shows #REF!), so the header reads as the error and
 * every figure from the column is gone. Names the column and the typed cell, and the way out.
 */
function refuseBroken(values: readonly (readonly unknown[])[], shape: { headerRow: number }) {
  const header = values[shape.headerRow - 1] ?? [];
  const present = new Set(header.map(normalise));
  header.forEach((cell, index) => {
    const error = errorShown(cell);
    if (!error) return;
    const letter = columnLetter(index + 1);
    const column = COLUMNS[index];
    const label =
      column && isDerived(column) && !present.has(normalise(column.header))
        ? column.header
        : `Column ${letter}`;
    let typed = '';
    for (let r = shape.headerRow; r < values.length && !typed; r++) {
      const value = values[r][index];
      if (value !== '' && value !== null && value !== undefined) typed = `${letter}${r + 1}`;
    }
    const cause = typed ? `a value was typed at ${typed}` : 'its formula was changed';
    throw new LayoutError(`${label} shows ${error}: ${cause}; use Repair tracker.`);
  });
}
