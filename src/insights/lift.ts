// Sales lift around a post (domain brief): average daily sales over the post date and the N-1
// days after it, minus the average over the N days before; only days present in the daily sales
// count, and each window needs MIN_LIFT_DAYS of them: with fewer the lift stays blank and the check
// says how many it had ("no data" when the daily sales miss both windows). Extra sales = that
// difference x N. It stands out only when the daily lift exceeds twice
// the standard deviation of daily sales over the N days before. Posts are listed in date order,
// so the post just before and just after a post are the ones that can fall in its window: a
// post with an earlier post in its window says "overlaps @name" and is left out of the totals
// (the earlier post carries their shared lift); one with a later post in its window says so too.
// Every sum is SUMIF/COUNTIF with one criterion, the only conditional sums Sheets computes per
// row inside ARRAYFORMULA.
import type { PostKey } from './posts';
import type { SpillTable } from './spill-table';

/** Days of daily sales each window needs before a lift is worth computing (and the least N). */
export const MIN_LIFT_DAYS = 5;

/** The daily sales table's closed column ranges: day (a date), sales, sales squared. */
export interface LiftRefs {
  day: string;
  sales: string;
  squares: string;
}

/** Lift column formulas of the posts table, N being the settings cell `days`. */
export function liftFormulas(
  table: SpillTable<PostKey>,
  daily: LiftRefs,
  days: string,
): Partial<Record<PostKey, string>> {
  const r = (key: PostKey) => table.range(key);
  const date = r('postDate');
  const dated = (then: string) => `=ARRAYFORMULA(IF(ISNUMBER(${date}), ${then}, ""))`;
  // Sums and counts from a day on: a window [a, b) is from(a) - from(b).
  const count = (from: string) => `COUNTIF(${daily.day}, ">="&(${from}))`;
  const sum = (from: string, of = daily.sales) => `SUMIF(${daily.day}, ">="&(${from}), ${of})`;
  const start = `${date}-${days}`;
  const end = `${date}+${days}`;
  const beforeSum = `(${sum(start)}-${sum(date)})`;
  const beforeSquares = `(${sum(start, daily.squares)}-${sum(date, daily.squares)})`;
  const daysBefore = r('daysBefore');
  const variance = `(${beforeSquares}-${beforeSum}^2/${daysBefore})/(${daysBefore}-1)`;
  const lift = r('lift');
  const overlapsEarlier = `IF(ISNUMBER(${table.previous('postDate')}), ${date}-${table.previous('postDate')}<=${days}, FALSE)`;
  const overlapsLater = `IF(ISNUMBER(${table.next('postDate')}), ${table.next('postDate')}-${date}<=${days}-1, FALSE)`;
  const verdict = `IF(${lift}>2*${r('spread')}, "stands out", "within normal variation")`;
  const daysAfter = r('daysAfter');
  const enough = `(${daysBefore}>=${MIN_LIFT_DAYS})*(${daysAfter}>=${MIN_LIFT_DAYS})`;
  const short = `IF(${daysBefore}+${daysAfter}=0, "no data", "not enough days: "&${daysBefore}&" before, "&${daysAfter}&" from the post (needs ${MIN_LIFT_DAYS} each)")`;
  return {
    daysBefore: dated(`${count(start)}-${count(date)}`),
    before: dated(`IF(${daysBefore}>0, ${beforeSum}/${daysBefore}, "")`),
    daysAfter: dated(`${count(date)}-${count(end)}`),
    after: dated(`IF(${daysAfter}>0, (${sum(date)}-${sum(end)})/${daysAfter}, "")`),
    lift: `=ARRAYFORMULA(IF(ISNUMBER(${date}), IF(${enough}, ${r('after')}-${r('before')}, ""), ""))`,
    extra: `=ARRAYFORMULA(IF(ISNUMBER(${lift}), ${lift}*${days}, ""))`,
    spread: dated(`IF(${daysBefore}>=2, IF(${variance}>0, SQRT(${variance}), 0), "")`),
    liftCheck: `=ARRAYFORMULA(IF(ISNUMBER(${date}), IF(ISNUMBER(${lift}), IF(${overlapsEarlier}, "overlaps "&${table.previous('creator')}, ${verdict}&IF(${overlapsLater}, "; overlaps "&${table.next('creator')}, "")), ${short}), ""))`,
    inTotal: `=ARRAYFORMULA(IF(LEFT(${r('liftCheck')}, 10)="stands out", "yes", ""))`,
  };
}
