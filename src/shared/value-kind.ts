// What kind of value a cell or a figure holds, in every sheet and sentence the add-on writes.
// One vocabulary: its number format comes from sheet/formats.ts, its words from shared/words.ts.

export type ValueKind =
  | 'text'
  | 'count'
  /** A count that may have a fraction (expected clicks and orders in the plan). */
  | 'decimal'
  | 'money'
  | 'rate'
  | 'multiple'
  | 'date'
  /** An exchange rate. */
  | 'fx'
  /** Money in a currency the team may change later: no symbol that could lie. */
  | 'amount';

/** The kinds a figure in a sentence may have (what changed since the last report). */
export type FigureKind = Extract<ValueKind, 'money' | 'rate' | 'count' | 'multiple'>;
