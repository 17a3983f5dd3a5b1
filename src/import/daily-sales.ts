// The "Daily sales" sheet: one row per day and source (date, units, sales, source). A new
// report replaces its source's days from its first to its last date and keeps the others.

import type { DayOf } from '../sheet/dates';
import { ImportError } from './import-error';
import type { DailySale, DailySalesReport } from './recognize';
import { headerKey } from './text';

export interface StoredDay extends DailySale {
  source: string;
}

export const DAILY_SALES_HEADERS = ['Date', 'Units', 'Sales', 'Source'];

export function mergeDailySales(
  stored: readonly StoredDay[],
  report: DailySalesReport,
): StoredDay[] {
  const range = report.dateRange;
  const kept = stored.filter(
    (day) => day.source !== report.source || !range || day.date < range.from || day.date > range.to,
  );
  const added = report.days.map((day) => ({ ...day, source: report.source }));
  return kept
    .concat(added)
    .sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : a.source < b.source
          ? -1
          : a.source > b.source
            ? 1
            : 0,
    );
}

/** Header first; dates as "YYYY-MM-DD" text (the sheet formats the column as plain text). */
export function toDailySalesRows(days: readonly StoredDay[]): (string | number)[][] {
  return [
    DAILY_SALES_HEADERS.slice(),
    ...days.map((day) => [day.date, day.units, day.sales, day.source]),
  ];
}

/** `dayOf` reads date cells on the spreadsheet's calendar (sheet/dates.ts). */
export function fromDailySalesRows(
  rows: readonly (readonly unknown[])[],
  dayOf: DayOf,
): StoredDay[] {
  if (rows.length === 0) return [];
  DAILY_SALES_HEADERS.forEach((expected, i) => {
    if (headerKey(String(rows[0][i] ?? '')) !== headerKey(expected))
      throw new ImportError(
        'ledgerChanged',
        `The "Daily sales" sheet's column ${i + 1} isn't "${expected}": restore its header row.`,
      );
  });
  const days: StoredDay[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [date, units, sales, source] = rows[i];
    if (date == null || date === '') continue;
    days.push({
      date: date instanceof Date ? dayOf(date) : String(date),
      units: Number(units) || 0,
      sales: Number(sales) || 0,
      source: String(source ?? ''),
    });
  }
  return days;
}
