// Errors a user reads as they are: the sidebar shows their message, and Sheets prefixes nothing
// else. One home for every feature (tracker, team, import), so none borrows another's.

/** A problem with what the user typed or chose; its message says what to change. */
export class InputError extends Error {}

/** A teammate is changing the spreadsheet right now; trying again in a moment works. */
export class BusyError extends Error {}

/** The message alone; a service error may not be an instance of this realm's Error. */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
