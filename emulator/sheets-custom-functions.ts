// A bound script's custom functions in cell formulas, as Sheets runs them: the engine rewrites
// `=ROI(B2, C2)` to one plugin function, `SHEETS.CUSTOM("ROI", B2, C2)`, which hands the
// arguments to the script the way Sheets does (values, 2-D arrays for ranges, "" for blanks,
// Dates) and turns what the script returns or throws back into cells. Plugin registration is
// global to HyperFormula, so the per-spreadsheet functions reach it through the `context` option.

import vm from 'node:vm';
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { LoadedScript } from './apps-script-vm';
import type { Token } from './sheets-refs';
import { dateToSerial, isDate, serialToDate } from './sheets-values';

export const CUSTOM_CALL = 'SHEETS.CUSTOM';

/** Calls one of the script's functions; the arguments are host values, copied into its realm. */
export type ScriptCall = (name: string, args: unknown[]) => unknown;

interface Shape {
  rows: number;
  cols: number;
}

/**
 * A JSDoc block holding `@customfunction`, directly followed by `function NAME(`: what Sheets
 * offers in a cell's autocomplete, and what the emulator lets cells call.
 */
export function customFunctionNames(source: string): string[] {
  const declared = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  return [...source.matchAll(declared)]
    .filter(([, doc]) => /@customfunction\b/.test(doc))
    .map(([, , name]) => name);
}

/** Sheets stops a custom function call after 30 seconds. */
export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time (line 0).';

/**
 * Binds a loaded script's functions; `names` default to its `@customfunction` declarations.
 * A call running longer than `limitMs` is stopped and fails with Sheets' message.
 */
export function scriptFunctions(
  script: LoadedScript,
  names = customFunctionNames(script.source),
  limitMs = CUSTOM_FUNCTION_LIMIT_MS,
): { names: string[]; call: ScriptCall } {
  for (const name of names) {
    if (typeof script.context[name] !== 'function') {
      throw new Error(`emulator: Code.js defines no function ${name}`);
    }
  }
  const slot = '__emulatorCustomCall';
  const call: ScriptCall = (name, args) => {
    script.context[slot] = () => script.call(name, ...args);
    try {
      return vm.runInContext(`${slot}()`, script.context, { timeout: limitMs });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new Error(TIMEOUT_MESSAGE);
      throw error;
    } finally {
      delete script.context[slot];
    }
  };
  return { names, call };
}

/**
 * The custom functions of one spreadsheet, handed to its engine as HyperFormula's `context`,
 * and the result shapes the engine could not predict.
 *
 * HyperFormula fixes the cells an array result covers when it parses the formula, before any
 * value exists. The rule here: when every argument is a literal, the function is called once and
 * its result's shape is used; otherwise the tallest range argument's rows by one column (one
 * result row per input row, as this add-on's functions do). A formula cell whose real result had
 * another shape is remembered, keyed by cell, function, arity and that guess, so a changed
 * formula starts from the guess again; its result is cropped or padded to the reserved cells and
 * the engine rebuilds (once per read) so the next read shows the real shape.
 */
export class CustomFunctions {
  /** `timeZone` is the spreadsheet's: dates pass between cells and script as its instants. */
  constructor(readonly timeZone: () => string) {}

  private readonly names = new Map<string, string>();
  private call: ScriptCall = () => undefined;
  private readonly shapes = new Map<string, Shape>();
  private reshaped = false;

  install(names: string[], call: ScriptCall): void {
    this.names.clear();
    for (const name of names) this.names.set(name.toUpperCase(), name);
    this.call = call;
    this.shapes.clear();
  }

  /** Whether a cell formula's function name (any case) is one of the script's. */
  has(name: string): boolean {
    return this.names.has(name.toUpperCase());
  }

  /** True once after an evaluation met a result shaped unlike its reserved cells. */
  takeReshaped(): boolean {
    const reshaped = this.reshaped;
    this.reshaped = false;
    return reshaped;
  }

  run(name: string, args: unknown[]): unknown {
    const declared = this.names.get(name.toUpperCase());
    if (declared === undefined) throw new Error(`Unknown function: ${name}`);
    return this.call(declared, args);
  }

  remembered(key: string): Shape | undefined {
    return this.shapes.get(key);
  }

  remember(key: string, shape: Shape, guess: Shape): void {
    if (sameShape(shape, guess)) this.shapes.delete(key);
    else this.shapes.set(key, shape);
    this.reshaped = true;
  }
}

/** `ROI(` becomes `SHEETS.CUSTOM("ROI",` (no comma when the call has no arguments). */
export function rewriteCustomCalls(
  tokens: Token[],
  texts: string[],
  isCustom: (name: string) => boolean,
): void {
  tokens.forEach((token, i) => {
    if (token.kind !== 'func' || !isCustom(token.name)) return;
    const next = tokens.slice(i + 1).find((t) => t.text.trim() !== '');
    texts[i] = `${CUSTOM_CALL}("${token.name}"${next?.text === ')' ? '' : ','}`;
  });
}

// The parts of HyperFormula's parse tree and evaluation state the plugin reads.
interface Ast {
  type: string;
  value?: unknown;
  args?: Ast[];
}
interface CallState {
  formulaAddress: { sheet: number; row: number; col: number };
  formulaVertex?: { width: number; height: number };
}

type EngineScalar = unknown;

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

class CustomFunctionPlugin extends FunctionPlugin {
  static implementedFunctions = {
    [CUSTOM_CALL]: {
      method: 'customCall',
      sizeOfResultArrayMethod: 'customCallSize',
      parameters: [
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      repeatLastArgs: 1,
      vectorizationForbidden: true,
    },
  };

  customCall(ast: Ast, state: CallState): unknown {
    const custom = this.custom();
    const [nameArg, ...argAsts] = ast.args ?? [];
    const name = String(nameArg?.value ?? '');
    if (!custom?.has(name)) return new CellError(ErrorType.NAME);
    // The formula's own call fills the cells its vertex reserved; a nested one, its prediction.
    const vertex = state.formulaVertex;
    const isRoot = vertex !== undefined && (vertex as { formula?: unknown }).formula === ast;
    const prediction = isRoot ? undefined : this.predict(custom, name, argAsts, state);
    const reserved = prediction?.reserved ?? {
      rows: vertex?.height ?? 1,
      cols: vertex?.width ?? 1,
    };
    const result = this.resultCells(custom, name, argAsts, state);
    const shape = result instanceof CellError ? { rows: 1, cols: 1 } : gridShape(result);
    // Only a cell's formula is remembered (not a formula evaluated on the side).
    if (vertex !== undefined && !sameShape(shape, reserved)) {
      const { guess } = prediction ?? this.predict(custom, name, argAsts, state);
      custom.remember(shapeKey(state, name, argAsts.length, guess), shape, guess);
    }
    if (result instanceof CellError) return result;
    const fitted = fitToShape(result, reserved);
    return reserved.rows === 1 && reserved.cols === 1
      ? fitted[0][0]
      : SimpleRangeValue.onlyValues(fitted as never);
  }

  customCallSize(ast: Ast, state: CallState): ArraySize {
    const custom = this.custom();
    const [nameArg, ...argAsts] = ast.args ?? [];
    const name = String(nameArg?.value ?? '');
    if (!custom?.has(name)) return ArraySize.scalar();
    const { reserved } = this.predict(custom, name, argAsts, state);
    return new ArraySize(reserved.cols, reserved.rows);
  }

  private custom(): CustomFunctions | undefined {
    const { context } = this.config;
    return context instanceof CustomFunctions ? context : undefined;
  }

  /** The guess described on CustomFunctions, and the shape to reserve (a remembered one wins). */
  private predict(
    custom: CustomFunctions,
    name: string,
    argAsts: Ast[],
    state: CallState,
  ): { guess: Shape; reserved: Shape } {
    const literals = argAsts.map(literalValue);
    let guess: Shape;
    if (literals.every((value) => value !== undefined)) {
      const result = this.toCells(tryRun(custom, name, literals));
      guess = result instanceof CellError ? { rows: 1, cols: 1 } : gridShape(result);
    } else {
      const heights = argAsts.map(
        (arg) => this.arraySizeForAst(arg as never, state as never).height,
      );
      guess = { rows: Math.max(1, ...heights), cols: 1 };
    }
    const key = shapeKey(state, name, argAsts.length, guess);
    return { guess, reserved: custom.remembered(key) ?? guess };
  }

  private resultCells(
    custom: CustomFunctions,
    name: string,
    argAsts: Ast[],
    state: CallState,
  ): EngineScalar[][] | CellError {
    const values = argAsts.map((arg) => this.evaluateAst(arg as never, state as never));
    // Sheets does not run a custom function on an error; the first one shows instead.
    const error = values.flatMap(cellsOf).find((value) => value instanceof CellError);
    if (error) return error as CellError;
    const zone = custom.timeZone();
    return this.toCells(
      tryRun(
        custom,
        name,
        values.map((value) => toScript(value, zone)),
      ),
    );
  }

  /** What the script returned, as rows of engine values; a thrown error as #ERROR! and its message. */
  private toCells(outcome: { value: unknown } | { thrown: string }): EngineScalar[][] | CellError {
    if ('thrown' in outcome) return new CellError(ErrorType.ERROR, outcome.thrown);
    const { value } = outcome;
    if (!Array.isArray(value)) return [[this.toEngine(value)]];
    // A flat array fills a column: each item is a row of one cell.
    const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
    const cols = Math.max(1, ...rows.map((row) => row.length));
    if (rows.length === 0) return [[EmptyValue]];
    return rows.map((row) =>
      Array.from({ length: cols }, (_, c) => (c < row.length ? this.toEngine(row[c]) : EmptyValue)),
    );
  }

  private toEngine(value: unknown): EngineScalar {
    if (value === null || value === undefined) return EmptyValue;
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      return Number.isFinite(value) ? value : new CellError(ErrorType.NUM);
    }
    if (isDate(value)) {
      const serial = dateToSerial(value, this.custom()?.timeZone() ?? 'UTC');
      if (Number.isNaN(serial)) return new CellError(ErrorType.NUM);
      return this.returnNumberWrapper(serial, 'NUMBER_DATE' as never);
    }
    return String(value);
  }
}

function tryRun(
  custom: CustomFunctions,
  name: string,
  args: unknown[],
): { value: unknown } | { thrown: string } {
  try {
    return { value: custom.run(name, args) };
  } catch (error) {
    // Thrown by the script's realm, so no instanceof Error; Apps Script shows a thrown string as is.
    const message = (error as { message?: unknown } | null)?.message;
    return { thrown: typeof message === 'string' ? message : String(error) };
  }
}

/** A literal argument's value (number or text, maybe negated); undefined for anything else. */
function literalValue(ast: Ast): unknown {
  if (ast.type === 'NUMBER' || ast.type === 'STRING') return ast.value;
  const operand = (ast as { value?: Ast }).value;
  if (ast.type === 'MINUS_UNARY_OP' && operand?.type === 'NUMBER') return -Number(operand.value);
  return undefined;
}

function shapeKey(state: CallState, name: string, arity: number, guess: Shape): string {
  const { sheet, row, col } = state.formulaAddress;
  return `${sheet}!${row},${col} ${name.toUpperCase()}/${arity} ${guess.rows}x${guess.cols}`;
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

function gridShape(cells: EngineScalar[][]): Shape {
  return { rows: cells.length, cols: cells[0].length };
}

/** Crops or pads (with blanks) a result to the cells the engine reserved for it. */
function fitToShape(cells: EngineScalar[][], shape: Shape): EngineScalar[][] {
  return Array.from({ length: shape.rows }, (_, r) =>
    Array.from({ length: shape.cols }, (_, c) => cells[r]?.[c] ?? EmptyValue),
  );
}

function cellsOf(value: unknown): unknown[] {
  return value instanceof SimpleRangeValue ? value.valuesFromTopLeftCorner() : [value];
}

/** An evaluated argument as Sheets passes it: a value, or rows of values for a range. */
function toScript(value: unknown, zone: string): unknown {
  if (!(value instanceof SimpleRangeValue)) return scalarToScript(value, zone);
  // A one-cell range arrives as its value, as with a single-cell reference.
  if (value.width() === 1 && value.height() === 1) return scalarToScript(value.data[0][0], zone);
  return value.data.map((row) => row.map((cell) => scalarToScript(cell, zone)));
}

function scalarToScript(value: unknown, zone: string): unknown {
  if (value === EmptyValue || value === undefined) return '';
  if (value !== null && typeof value === 'object' && 'val' in value) {
    // A number the engine knows as a date or time (a date-formatted cell, DATE(), A2+7).
    const rich = value as { val: number; getDetailedType(): string };
    return DATE_TYPES.has(rich.getDetailedType()) ? serialToDate(rich.val, zone) : rich.val;
  }
  return value;
}

if (!HyperFormula.getRegisteredFunctionNames('enGB').includes(CUSTOM_CALL)) {
  HyperFormula.registerFunctionPlugin(CustomFunctionPlugin, {
    enGB: { [CUSTOM_CALL]: CUSTOM_CALL },
  });
}
