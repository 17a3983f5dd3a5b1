// The one kind of failure the import's pure code raises: a message a user can act on, and a
// reason the panel can branch on (e.g. ask for the date order). Nothing has been written yet.

export type ImportFailure =
  | 'notCsv'
  | 'tooLarge'
  | 'empty'
  | 'headerOnly'
  | 'noKeyColumn'
  | 'unknownColumn'
  | 'badValue'
  | 'ambiguousDates'
  | 'mixedDates'
  | 'ledgerChanged';

export class ImportError extends Error {
  readonly reason: ImportFailure;

  constructor(reason: ImportFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}
