// "Daily sales by day": the "Daily sales" sheet (written by Import results with dates as text
// YYYY-MM-DD, or typed by a person, dates as real dates or text) summed per distinct day, with
// the sales of days that had a post marked for the chart. The lift formulas read this table.
import { columnLetter, sheetRef } from '../sheet/formulas';
import type { LiftRefs } from './lift';
import { type SpillColumn, SpillTable } from './spill-table';

export type DailyKey = 'day' | 'sales' | 'postDay' | 'squares';

export const DAILY_COLUMNS: readonly SpillColumn<DailyKey>[] = [
  { key: 'day', header: 'Day', kind: 'date', note: 'Each day the "Daily sales" sheet has.' },
  {
    key: 'sales',
    header: 'Daily sales',
    kind: 'money',
    note: 'Sales of the day, every source of the "Daily sales" sheet added up.',
  },
  {
    key: 'postDay',
    header: 'Post day',
    kind: 'money',
    note: "The day's sales when a post went live that day (the chart's markers).",
  },
  { key: 'squares', header: 'Sales squared', kind: 'money', note: 'For the standard deviation.' },
];

/** Where the "Daily sales" sheet keeps its days: sheet name, 1-based columns, first data row. */
export interface DailySource {
  sheet: string;
  dateColumn: number;
  salesColumn: number;
  firstRow: number;
}

export function dailyTable(
  source: DailySource,
  postDates: string,
  row: number,
  column: number,
  capacity: number,
) {
  const table = new SpillTable(row, column, DAILY_COLUMNS, capacity);
  const open = (col: number) => {
    const letter = columnLetter(col);
    return `${sheetRef(source.sheet)}!${letter}${source.firstRow}:${letter}`;
  };
  const dates = open(source.dateColumn);
  // Text dates ("2026-05-04", "5/4/2026") and real dates alike, as day numbers.
  const days = `IF(ISNUMBER(${dates}), ${dates}, IFERROR(DATEVALUE(${dates}), ""))`;
  const day = table.range('day');
  const sales = table.range('sales');
  const formulas: Record<DailyKey, string> = {
    day: `=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER(${days}, ISNUMBER(${days}))), 1, TRUE), ""))`,
    sales: `=ARRAYFORMULA(IF(ISNUMBER(${day}), SUMIF(${days}, ${day}, ${open(source.salesColumn)}), ""))`,
    postDay: `=ARRAYFORMULA(IF(ISNUMBER(${day}), IF(COUNTIF(${postDates}, ${day})>0, ${sales}, ""), ""))`,
    squares: `=ARRAYFORMULA(IF(ISNUMBER(${sales}), ${sales}^2, ""))`,
  };
  const refs: LiftRefs = { day, sales, squares: table.range('squares') };
  return { table, formulas, refs };
}
