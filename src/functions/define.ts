// How every custom function handles its arguments: single values or ranges, row by row,
// blanks to blanks, one error format. A function's own code is only its arithmetic.
import {
  BLANK,
  type Blank,
  type Cell,
  Invalid,
  type Kind,
  type ResultCell,
  type SheetArg,
  type SheetResult,
  toNumber,
  toText,
} from './arguments';

// Bound once: in a sandbox whose global object is intercepted (node:vm, where the bundle is
// tested and benchmarked) every lookup of a global like Array costs a native call, per cell.
const isArray = Array.isArray;
const isFiniteNumber = Number.isFinite;
const MAX_VALUE = Number.MAX_VALUE;

export interface Param {
  name: string;
  kind: Kind;
  /** Blank means "use the default" instead of "blank row". */
  optional?: boolean;
  /** Set when 0 is meaningless here; says why, e.g. "ROI is undefined when nothing was spent". */
  nonZero?: string;
  /** The argument may span several columns (likes, comments, ...), summed per row. */
  sumColumns?: boolean;
}

type Input = number | string | undefined;
/** What a function computes for one row: a value, a row of values, or a refusal of one input. */
export type Output = ResultCell | readonly ResultCell[] | Refusal;

export class Refusal {
  constructor(
    readonly param: string,
    readonly reason: string,
  ) {}
}

interface Spec {
  name: string;
  params: readonly Param[];
  compute: (inputs: Input[]) => Output;
  /** How many cells one row of the result spans. */
  width: number;
}

export class ArgumentError extends Error {}

/** The one message format: `FUNCTION: argument problem (row N)`. */
export function message(fn: string, param: string, reason: string, row?: number): string {
  return `${fn}: ${param} ${reason}${row === undefined ? '' : ` (row ${row + 1})`}`;
}

export function defineFunction(
  name: string,
  params: readonly Param[],
  compute: (inputs: Input[]) => Output,
  width = 1,
): (...args: SheetArg[]) => SheetResult {
  const spec: Spec = { name, params, compute, width };
  return (...args) => evaluate(spec, args);
}

function evaluate(spec: Spec, args: SheetArg[]): SheetResult {
  // =ROI(A1): an argument left out comes as undefined (a blank cell comes as ""): a mistake in
  // the formula, not a blank row.
  for (let i = 0; i < spec.params.length; i++) {
    const param = spec.params[i];
    if (args[i] === undefined && !param.optional)
      throw new ArgumentError(
        message(spec.name, param.name, `is missing: ${spec.name} needs ${required(spec)}`),
      );
  }
  const height = rangeHeight(spec, args);
  const inputs: Input[] = new Array(spec.params.length);
  if (height < 0) {
    const outcome = computeRow(spec, args, inputs, -1);
    // A single cell shows a thrown error as #ERROR! with the message.
    if (outcome instanceof Problem) throw new ArgumentError(outcome.message);
    return spec.width === 1 ? (outcome as ResultCell) : [toRow(spec, outcome)];
  }
  const result: ResultCell[][] = new Array(height);
  for (let row = 0; row < height; row++) {
    const outcome = computeRow(spec, args, inputs, row);
    // In a range one bad row must not blank the others: it holds its reason as text.
    result[row] = toRow(spec, outcome instanceof Problem ? `#${outcome.message}` : outcome);
  }
  return result;
}

/** "revenue and cost", the arguments a function can't do without. */
function required(spec: Spec): string {
  const names = spec.params.filter((param) => !param.optional).map((param) => param.name);
  return names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

class Problem {
  readonly message: string;
  constructor(fn: string, param: string, reason: string, row: number) {
    this.message = message(fn, param, reason, row < 0 ? undefined : row);
  }
}

function toRow(spec: Spec, outcome: ResultCell | readonly ResultCell[]): ResultCell[] {
  if (typeof outcome !== 'object') {
    if (spec.width === 1) return [outcome];
    const row: ResultCell[] = [outcome];
    for (let i = 1; i < spec.width; i++) row.push('');
    return row;
  }
  return outcome.slice();
}

/** -1 when every argument is a single value; otherwise the rows all ranges share. */
function rangeHeight(spec: Spec, args: SheetArg[]): number {
  let height = -1;
  let first = '';
  for (let i = 0; i < spec.params.length; i++) {
    const arg = args[i];
    if (!isArray(arg)) continue;
    const param = spec.params[i];
    const width = arg.length > 0 && isArray(arg[0]) ? arg[0].length : 0;
    if (!param.sumColumns && width !== 1) {
      throw new ArgumentError(
        message(
          spec.name,
          param.name,
          `must be one column, but the range has ${width} ${width === 1 ? 'column' : 'columns'}`,
        ),
      );
    }
    if (height >= 0 && arg.length !== height) {
      throw new ArgumentError(
        `${spec.name}: ${first} has ${rows(height)} but ${param.name} has ${rows(arg.length)}; give ranges of the same height`,
      );
    }
    if (height < 0) {
      height = arg.length;
      first = param.name;
    }
  }
  return height;
}

/** One row's result: a value, "" for a blank row, or the problem with one of its inputs. */
function computeRow(
  spec: Spec,
  args: SheetArg[],
  inputs: Input[],
  row: number,
): ResultCell | readonly ResultCell[] | Problem {
  const params = spec.params;
  // A blank required input blanks the row whatever the other inputs hold, in any argument order.
  let problem: Problem | undefined;
  for (let i = 0; i < params.length; i++) {
    const param = params[i];
    const arg = args[i];
    const value = read(param, isArray(arg) ? arg[row] : arg);
    if (value === BLANK) {
      if (!param.optional) return '';
      inputs[i] = undefined;
    } else if (value instanceof Invalid) {
      problem = problem || new Problem(spec.name, param.name, value.reason, row);
    } else if (value === 0 && param.nonZero) {
      problem = problem || new Problem(spec.name, param.name, `is 0: ${param.nonZero}`, row);
    } else {
      inputs[i] = value;
    }
  }
  if (problem) return problem;
  const output = spec.compute(inputs);
  if (output instanceof Refusal) {
    return new Problem(spec.name, output.param, output.reason, row);
  }
  if (typeof output === 'number' && !isFiniteNumber(output)) {
    return new Problem(spec.name, 'values', 'are too large to compute with', row);
  }
  return output;
}

/** One argument's value for one row; a row of several cells is summed when the param allows. */
function read(param: Param, cells: Cell | Cell[]): number | string | Blank | Invalid {
  let cell: Cell;
  if (isArray(cells)) {
    if (cells.length !== 1) return sumRow(param, cells);
    cell = cells[0];
  } else {
    cell = cells;
  }
  // The common case takes no parsing: toNumber would return the number unchanged.
  if (isReadyNumber(cell, param.kind)) return cell;
  return param.kind === 'text' ? toText(cell) : toNumber(cell, param.kind);
}

/** A positive finite number where a number is wanted (at most 1 for a rate). */
function isReadyNumber(cell: Cell, kind: Kind): cell is number {
  return (
    typeof cell === 'number' &&
    cell > 0 &&
    cell <= MAX_VALUE &&
    kind !== 'text' &&
    (cell <= 1 || kind !== 'rate')
  );
}

function sumRow(param: Param, cells: Cell[]): number | Blank | Invalid {
  let sum = 0;
  let blank = true;
  for (let column = 0; column < cells.length; column++) {
    const value = toNumber(cells[column], param.kind === 'text' ? 'count' : param.kind);
    if (value === BLANK) continue;
    if (value instanceof Invalid) return new Invalid(`column ${column + 1} ${value.reason}`);
    sum += value;
    blank = false;
  }
  return blank ? BLANK : sum;
}

function rows(count: number): string {
  return `${count} ${count === 1 ? 'row' : 'rows'}`;
}
