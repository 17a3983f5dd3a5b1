// Turning one value Sheets passes (number, text, TRUE/FALSE, Date, "" for blank) into what a
// metric needs, or into the reason it can't be used. One path for every custom function.
import type { ValueKind } from '../shared/value-kind';

/** A value Sheets passes for one cell. */
export type Cell = string | number | boolean | Date | null | undefined;
/** An argument: one cell, or a range as rows of cells. */
export type SheetArg = Cell | Cell[][];
export type ResultCell = string | number;
export type SheetResult = ResultCell | ResultCell[][];

export type Kind = Extract<ValueKind, 'money' | 'count' | 'rate' | 'text'>;

/** A blank input: the row computes to a blank cell. */
export const BLANK: unique symbol = Symbol('blank');
export type Blank = typeof BLANK;

/** Why an input was refused, worded to follow "FUNCTION: argument ". */
export class Invalid {
  constructor(readonly reason: string) {}
}

// Bound once: global lookups are slow where the global object is intercepted (node:vm).
const isFiniteNumber = Number.isFinite;

/** A number as Sheets reads typed text in en_US: "1200", "1,200.50", "15%", "1e3". */
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?$/i;

/** Cross-realm safe: dates made by Sheets (or another vm context) fail `instanceof Date`. */
function isDate(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return 'a date';
  return String(value);
}

const WANTED: Record<Exclude<Kind, 'text'>, string> = {
  money: 'an amount of money',
  count: 'a number',
  rate: 'a rate (like 0.15 or 15%)',
};

function parseNumber(value: Cell, kind: Exclude<Kind, 'text'>): number | Blank | Invalid {
  if (typeof value === 'number')
    return isFiniteNumber(value) ? value : new Invalid('is not a finite number');
  if (value === '' || value === null || value === undefined) return BLANK;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return BLANK;
    if (PLAIN_NUMBER.test(text)) {
      const plain = text.indexOf(',') < 0 ? text : text.replace(/,/g, '');
      const number = plain.endsWith('%') ? Number(plain.slice(0, -1)) / 100 : Number(plain);
      // "1e400" reads as Infinity: refuse it rather than compute a silently wrong 0 or "mega".
      return isFiniteNumber(number)
        ? number
        : new Invalid(`is ${describe(value)}, too large a number`);
    }
  }
  return new Invalid(`is ${describe(value)}, not ${WANTED[kind]}`);
}

/** A number of the given kind, BLANK, or the reason it is unusable. */
export function toNumber(value: Cell, kind: Exclude<Kind, 'text'>): number | Blank | Invalid {
  const number = parseNumber(value, kind);
  if (typeof number !== 'number') return number;
  if (number < 0) return new Invalid(`must not be negative (got ${number})`);
  if (kind === 'rate' && number > 1) {
    return new Invalid(
      `must be between 0 and 1 (got ${number}); write ${number}% or ${number / 100}`,
    );
  }
  return number;
}

export function toText(value: Cell): string | Blank | Invalid {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? BLANK : text;
  }
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return BLANK;
  return new Invalid(`is ${describe(value)}, not text`);
}
