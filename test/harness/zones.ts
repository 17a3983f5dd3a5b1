// Spreadsheet time zones for date tests: Sheets hands a script a date cell as midnight in the
// spreadsheet's zone, which is not the script's (this process runs the script, in its own zone).
import type { DayOf } from '../../src/sheet/dates';

/** East of UTC, west of it, and the farthest east (UTC+14): a day read wrong shows in one. */
export const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati'] as const;

const dayFormat = (zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

/** The day an instant is in `zone`, as "YYYY-MM-DD" (what daysIn gives in Apps Script). */
export function dayIn(zone: string): DayOf {
  const format = dayFormat(zone);
  return (date) => format.format(date);
}

/** Midnight of `day` ("YYYY-MM-DD") in `zone`: the Date Sheets gives for that date cell. */
export function midnightIn(day: string, zone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offset = (time: number) => {
    const p = Object.fromEntries(fields.formatToParts(time).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - time;
  };
  const guess = wall - offset(wall);
  return new Date(wall - offset(guess));
}
