// Dates as sheet cells hold them.

/** A sheet's date cell (a Date in the script's time zone) as the day it shows. */
export function dayOfDate(date: Date): string {
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
