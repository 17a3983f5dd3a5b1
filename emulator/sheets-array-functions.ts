// Google Sheets' FILTER and SORT, which the engine implements with Excel's meaning (its FILTER
// keeps only one-dimensional ranges; its SORT takes a 1/-1 order and one key). These follow
// Google's documentation: https://support.google.com/docs/answer/3093197 (FILTER) and
// https://support.google.com/docs/answer/3093150 (SORT).
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
} from 'hyperformula';

type Ast = { args: unknown[] };
type Value = unknown;

/** Dates, currencies and percents reach a function as number objects; their raw number. */
function raw(value: Value): Value {
  if (typeof value === 'object' && value !== null && 'val' in value) {
    return (value as { val: unknown }).val;
  }
  return value;
}

function firstError(data: Value[][]): CellError | undefined {
  for (const row of data) for (const cell of row) if (cell instanceof CellError) return cell;
  return undefined;
}

/** A condition cell: TRUE or a non-zero number keeps the row; anything else drops it. */
function keeps(value: Value): boolean {
  const v = raw(value);
  return v === true || (typeof v === 'number' && v !== 0);
}

/** Ascending order: numbers (dates too), then text (case-insensitive), then booleans. */
function rank(value: Value): number {
  const v = raw(value);
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3;
}

function compare(a: Value, b: Value): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const va = raw(a);
  const vb = raw(b);
  if (typeof va === 'number' && typeof vb === 'number') return va - vb;
  if (typeof va === 'string' && typeof vb === 'string') {
    const la = va.toLowerCase();
    const lb = vb.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  if (typeof va === 'boolean' && typeof vb === 'boolean') return Number(va) - Number(vb);
  return 0;
}

/**
 * An error as the whole result, in one cell as Sheets shows it: a blank cell under it keeps the
 * engine from repeating a lone error over the whole area it set aside.
 */
function alone(error: CellError, range: SimpleRangeValue) {
  const rows = range.height() > 1 ? [[error], [EmptyValue]] : [[error]];
  return SimpleRangeValue.onlyValues(rows as never);
}

export class SheetsArrayPlugin extends FunctionPlugin {
  static implementedFunctions = {
    'SHEETS.FILTER': {
      method: 'filter',
      sizeOfResultArrayMethod: 'filterSize',
      enableArrayArithmeticForArguments: true,
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE },
      ],
      repeatLastArgs: 1,
      vectorizationForbidden: true,
    },
    'SHEETS.SORT': {
      method: 'sort',
      sizeOfResultArrayMethod: 'sortSize',
      enableArrayArithmeticForArguments: true,
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.BOOLEAN, optionalArg: true },
      ],
      repeatLastArgs: 2,
      vectorizationForbidden: true,
    },
  };

  /** FILTER(range, condition1, [condition2, ...]): rows (or columns) whose conditions all hold. */
  filter(ast: Ast, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata('SHEETS.FILTER'),
      (range: SimpleRangeValue, ...conditions: SimpleRangeValue[]) => {
        const height = range.height();
        const width = range.width();
        const byRow = conditions.every((c) => c.width() === 1 && c.height() === height);
        const byColumn = !byRow && conditions.every((c) => c.height() === 1 && c.width() === width);
        if (!byRow && !byColumn)
          return alone(new CellError(ErrorType.VALUE, 'FILTER has mismatched range sizes.'), range);
        const flags = conditions.map((c) => c.data.flat());
        const error = firstError(flags);
        if (error) return alone(error, range);
        const count = byRow ? height : width;
        const kept = Array.from({ length: count }, (_, i) => i).filter((i) =>
          flags.every((f) => keeps(f[i])),
        );
        if (kept.length === 0)
          return alone(
            new CellError(ErrorType.NA, 'No matches are found in FILTER evaluation.'),
            range,
          );
        const data = range.data;
        const rows = byRow
          ? kept.map((i) => data[i].slice())
          : data.map((row) => kept.map((j) => row[j]));
        return SimpleRangeValue.onlyValues(rows as never);
      },
    );
  }

  filterSize(ast: Ast, state: unknown) {
    if (ast.args.length < 2) return ArraySize.error();
    const [range] = this.argSizes(ast, state, 'SHEETS.FILTER');
    return new ArraySize(range.width, range.height);
  }

  /** SORT(range, sort_column, is_ascending, [sort_column2, is_ascending2, ...]); stable. */
  sort(ast: Ast, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata('SHEETS.SORT'),
      (range: SimpleRangeValue, ...pairs: Value[]) => {
        const data = range.data;
        const height = range.height();
        // One row sorts to itself, whatever the key: the engine hands a one-cell sort range
        // (a FILTER that kept one row) over as a plain value, which Sheets still reads as a range.
        if (height === 1) return SimpleRangeValue.onlyValues([data[0].slice()] as never);
        const keys: { values: Value[]; ascending: boolean }[] = [];
        const given = pairs.length === 0 ? [1, true] : pairs;
        for (let i = 0; i < given.length; i += 2) {
          const column = given[i];
          const ascending = given[i + 1] === undefined ? true : Boolean(given[i + 1]);
          if (column instanceof SimpleRangeValue) {
            if (column.width() !== 1 || column.height() !== height)
              return alone(
                new CellError(ErrorType.VALUE, 'SORT has mismatched range sizes.'),
                range,
              );
            keys.push({ values: column.data.map((row) => row[0]), ascending });
            continue;
          }
          const index = raw(column);
          if (typeof index !== 'number' || index < 1 || index > range.width())
            return alone(
              new CellError(ErrorType.VALUE, 'SORT: sort_column is out of range.'),
              range,
            );
          keys.push({ values: data.map((row) => row[Math.trunc(index) - 1]), ascending });
        }
        const order = data.map((_, i) => i);
        order.sort((a, b) => {
          for (const { values, ascending } of keys) {
            const empty = (i: number) => values[i] === EmptyValue;
            if (empty(a) || empty(b)) {
              if (empty(a) && empty(b)) continue;
              return empty(a) ? 1 : -1;
            }
            const result = compare(values[a], values[b]);
            if (result !== 0) return ascending ? result : -result;
          }
          return a - b;
        });
        return SimpleRangeValue.onlyValues(order.map((i) => data[i].slice()) as never);
      },
    );
  }

  sortSize(ast: Ast, state: unknown) {
    if (ast.args.length < 1) return ArraySize.error();
    const [range] = this.argSizes(ast, state, 'SHEETS.SORT');
    return new ArraySize(range.width, range.height);
  }

  private argSizes(ast: Ast, state: unknown, name: string): ArraySize[] {
    const arrays = this.metadata(name)?.enableArrayArithmeticForArguments ?? false;
    const { formulaAddress, arraysFlag } = state as { formulaAddress: never; arraysFlag: boolean };
    return ast.args.map((arg) =>
      this.arraySizeForAst(
        arg as never,
        { formulaAddress, arraysFlag: arraysFlag || arrays } as never,
      ),
    );
  }
}
