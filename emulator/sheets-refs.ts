// A1 notation and formula references: a small lexer that finds cell/range references, function
// calls and string literals in a formula, so that references can be rewritten (open ranges made
// finite for the engine, relative references shifted, rows/columns inserted or deleted, sheets
// renamed) while everything else in the formula stays exactly as written.

export interface RefPart {
  row?: number;
  col?: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export interface Ref {
  /** Unquoted sheet name when the reference names one. */
  sheet?: string;
  start: RefPart;
  /** Present for ranges (`A1:B2`, `A2:A`, `A:A`, `2:2`). */
  end?: RefPart;
}

export type Token =
  | { kind: 'string' | 'other'; text: string }
  | { kind: 'ref'; text: string; ref: Ref }
  | { kind: 'func'; text: string; name: string }
  | { kind: 'name'; text: string };

const SHEET = "(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?";
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;
const AREA = `(?:${CELL}(?::(?:${CELL}|${COL}|${ROW}))?|${COL}:${COL}|${ROW}:${ROW})`;
const REF = `${SHEET}(${AREA})(?![A-Za-z0-9_.(!])`;
const TOKEN = new RegExp(
  `("(?:[^"]|"")*"?)|${REF}|([A-Za-z_][A-Za-z0-9_.]*)(\\s*\\()?|(\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)|([\\s\\S])`,
  'y',
);
const WHOLE_REF = new RegExp(`^${REF}$`);
const PART = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/;

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function areaA1(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;
}

function parsePart(text: string): RefPart {
  const [, dollarCol, letters, dollarRow, digits] = PART.exec(text) as RegExpExecArray;
  return {
    col: letters ? columnNumber(letters) : undefined,
    row: digits ? Number(digits) : undefined,
    colAbs: Boolean(letters) && dollarCol === '$',
    // In a row-only part like `$8` the first `$` belongs to the row.
    rowAbs: dollarRow === '$' || (!letters && dollarCol === '$'),
  };
}

function parseArea(sheetText: string | undefined, area: string): Ref {
  const [first, second] = area.split(':');
  const ref: Ref = { start: parsePart(first) };
  if (second !== undefined) ref.end = parsePart(second);
  if (sheetText) ref.sheet = unquoteSheet(sheetText);
  return ref;
}

export function unquoteSheet(text: string): string {
  return text.startsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text;
}

export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain && !/^(true|false)$/i.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses a stand-alone A1 reference such as `B2`, `A2:C`, `'My sheet'!A:A`; null if it is not one. */
export function parseA1(text: string): Ref | null {
  const m = WHOLE_REF.exec(text.trim());
  return m ? parseArea(m[1], m[2]) : null;
}

export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(formula); m; m = TOKEN.exec(formula)) {
    const [text, str, sheet, area, word, paren] = m;
    if (str !== undefined) tokens.push({ kind: 'string', text });
    else if (area !== undefined) tokens.push({ kind: 'ref', text, ref: parseArea(sheet, area) });
    else if (word !== undefined && paren !== undefined) {
      tokens.push({ kind: 'func', text, name: word.toUpperCase() });
    } else if (word !== undefined) tokens.push({ kind: 'name', text });
    else tokens.push({ kind: 'other', text });
  }
  return tokens;
}

function formatPart(part: RefPart): string {
  const col = part.col === undefined ? '' : `${part.colAbs ? '$' : ''}${columnLetters(part.col)}`;
  const row = part.row === undefined ? '' : `${part.rowAbs ? '$' : ''}${part.row}`;
  return col + row;
}

export function formatRef(ref: Ref): string {
  const prefix = ref.sheet === undefined ? '' : `${quoteSheet(ref.sheet)}!`;
  return prefix + formatPart(ref.start) + (ref.end ? `:${formatPart(ref.end)}` : '');
}

/**
 * Rewrites every reference in a formula with `fn`: returning the same ref keeps its text as
 * written, a new ref is formatted, null becomes `#REF!` (as Sheets does for deleted cells).
 */
export function mapRefs(formula: string, fn: (ref: Ref) => Ref | null): string {
  return tokenize(formula)
    .map((token) => {
      if (token.kind !== 'ref') return token.text;
      const mapped = fn(token.ref);
      if (mapped === token.ref) return token.text;
      return mapped ? formatRef(mapped) : '#REF!';
    })
    .join('');
}

export function functionNames(formula: string): string[] {
  return tokenize(formula).flatMap((t) => (t.kind === 'func' ? [t.name] : []));
}

/** Shifts the relative parts of every reference (as when a formula is copied by dRow, dCol). */
export function shiftRelative(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const shift = (part: RefPart): RefPart | null => {
    const row = part.row === undefined || part.rowAbs ? part.row : part.row + dRow;
    const col = part.col === undefined || part.colAbs ? part.col : part.col + dCol;
    if ((row !== undefined && row < 1) || (col !== undefined && col < 1)) return null;
    return { ...part, row, col };
  };
  return mapRefs(formula, (ref) => {
    const start = shift(ref.start);
    const end = ref.end ? shift(ref.end) : undefined;
    if (!start || end === null) return null;
    return { ...ref, start, end };
  });
}

export type Axis = 'row' | 'col';

/** A row/column insertion (count > 0) or deletion (count < 0) at index `at` (1-based). */
export interface StructOp {
  axis: Axis;
  at: number;
  count: number;
}

/**
 * Where one bound of a span lands after the op. A bound inside deleted rows moves to the first
 * surviving row after them (start) or before them (end), as range edges do in Sheets.
 */
export function shiftBound(index: number, op: StructOp, isEnd: boolean): number {
  const { at, count } = op;
  if (count > 0) return index >= at ? index + count : index;
  if (index < at) return index;
  if (index >= at - count) return index + count;
  return isEnd ? at - 1 : at;
}

/** New [start, end] of an index span after the op, or null when the whole span was deleted. */
export function shiftSpan(start: number, end: number, op: StructOp): [number, number] | null {
  const span: [number, number] = [shiftBound(start, op, false), shiftBound(end, op, true)];
  return span[1] < span[0] ? null : span;
}

/** Applies a structural op to a reference that points into the changed sheet. */
export function shiftRefForOp(ref: Ref, op: StructOp): Ref | null {
  const key = op.axis;
  const a = ref.start[key];
  const b = ref.end ? ref.end[key] : a;
  if (a === undefined && b === undefined) return ref;
  const span = shiftSpan(a ?? 1, b ?? Number.POSITIVE_INFINITY, op);
  if (!span) return null;
  const start = { ...ref.start, [key]: a === undefined ? undefined : span[0] };
  if (!ref.end) return { ...ref, start };
  const end = { ...ref.end, [key]: b === undefined ? undefined : span[1] };
  return { ...ref, start, end };
}
