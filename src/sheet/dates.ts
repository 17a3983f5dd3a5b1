// Days as the spreadsheet shows them. Sheets hands a script a date cell as the instant its day
// starts in the spreadsheet's time zone (File > Settings), which need not be the script's: read
// with the script's calendar (getDate()), a Berlin spreadsheet's 14 March is the 13th.

/** The day a date cell shows, as "YYYY-MM-DD". */
export type DayOf = (date: Date) => string;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The day reader of a spreadsheet: its time zone read once, at the first date cell (a sheet
 * without one costs no call), and each distinct instant formatted once.
 */
export function daysOf(spreadsheet: Spreadsheet): DayOf {
  let read: DayOf | undefined;
  return (date) => {
    read ??= daysIn(spreadsheet.getSpreadsheetTimeZone());
    return read(date);
  };
}

/** The day reader for a time zone ("Europe/Berlin"). */
export function daysIn(timeZone: string): DayOf {
  const known = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let day = known.get(time);
    if (day === undefined) {
      day = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');
      known.set(time, day);
    }
    return day;
  };
}

const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A cell as a day: a date cell by the spreadsheet's calendar, "YYYY-MM-DD" text as written;
 * anything else (blank, other text, an invalid date) is no day.
 */
export function cellDay(value: unknown, dayOf: DayOf): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : dayOf(value);
  const text = typeof value === 'string' ? value.trim() : '';
  return DAY_TEXT.test(text) ? text : undefined;
}

/** A cell as the text it holds, a date cell as its day ("YYYY-MM-DD"). */
export function cellText(value: unknown, dayOf: DayOf): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dayOf(value);
  return String(value).trim();
}
