// Reading a tracker someone has worked in: columns are found by their header, never by position,
// so a moved column still works and a renamed one gets a message that says what to do.
import { COLUMNS, type ColumnKey } from './columns';

/** How far down a header may have moved (rows inserted above it). */
export const HEADER_SEARCH_ROWS = 20;

export interface TableShape {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 1-based sheet column of each wanted key. */
  columns: Partial<Record<ColumnKey, number>>;
}

export class LayoutError extends Error {}

/** A header as compared: trimmed, any case. */
export function normalise(header: unknown): string {
  return String(header ?? '')
    .trim()
    .toLowerCase();
}

export function headerOf(key: ColumnKey): string {
  return COLUMNS.find((column) => column.key === key)?.header ?? key;
}

/** Finds the header row (the one naming the first wanted column) and each wanted column in it. */
export function findTable(
  sheetName: string,
  top: unknown[][],
  wanted: readonly ColumnKey[],
): TableShape {
  const headers = wanted.map((key) => normalise(headerOf(key)));
  const rowIndex = top.findIndex((row) => row.some((cell) => normalise(cell) === headers[0]));
  if (rowIndex < 0) {
    throw new LayoutError(
      `"${sheetName}" doesn't look like a campaign tracker: none of its first ${HEADER_SEARCH_ROWS} rows has a "${headerOf(wanted[0])}" header. Open a tracker, or create one from the sidebar.`,
    );
  }
  const row = top[rowIndex].map(normalise);
  const columns: Partial<Record<ColumnKey, number>> = {};
  const missing: string[] = [];
  wanted.forEach((key, i) => {
    const index = row.indexOf(headers[i]);
    if (index < 0) missing.push(`"${headerOf(key)}"`);
    else columns[key] = index + 1;
  });
  if (missing.length > 0) {
    throw new LayoutError(
      `The layout of "${sheetName}" was changed: row ${rowIndex + 1} has no ${missing.join(' or ')} header. Rename the header back (headers may be moved, not renamed), or create a new tracker.`,
    );
  }
  return { headerRow: rowIndex + 1, columns };
}
