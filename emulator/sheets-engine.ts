// The formula engine: one HyperFormula instance per spreadsheet, one engine sheet per sheet.
// Formulas are kept as written by the model; the engine gets a translated copy (open ranges made
// finite, functions Google Sheets lacks refused) and is rebuilt lazily after structural changes.
import {
  DetailedCellError,
  EmptyValue,
  ExportedCellChange,
  type ExportedChange,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import { SheetsArrayPlugin } from './sheets-array-functions';
import { ChangeWatch } from './sheets-changes';
import { CustomFunctions, rewriteCustomCalls, type ScriptCall } from './sheets-custom-functions';
import { Cutoff } from './sheets-cutoff';
import { formatNumber } from './sheets-format';
import { areaA1, formatRef, type Ref, type Token, tokenize } from './sheets-refs';
import { hostDate, isDate, type Literal, wallDate, wallSerial } from './sheets-values';

/** Functions of Google Sheets; only those HyperFormula also implements are allowed. */
const SHEETS_FUNCTIONS =
  `ABS ACOS ACOSH ACOT ACOTH ADDRESS AND ARABIC ARRAYFORMULA ARRAY_CONSTRAIN ASIN ASINH
ATAN ATAN2 ATANH AVEDEV AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS BASE BIN2DEC BIN2HEX BIN2OCT
BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING CEILING.MATH CEILING.PRECISE CHAR CHOOSE CLEAN
CODE COLUMN COLUMNS COMBIN COMBINA CONCATENATE CORREL COS COSH COT COTH COUNT COUNTA COUNTBLANK
COUNTIF COUNTIFS COUNTUNIQUE COVAR CSC CSCH DATE DATEDIF DATEVALUE DAY DAYS DAYS360 DB DDB DEC2BIN
DEC2HEX DEC2OCT DECIMAL DEGREES DELTA DEVSQ DOLLARDE DOLLARFR EDATE EFFECT EOMONTH ERF ERFC EVEN
EXACT EXP FACT FACTDOUBLE FALSE FILTER FIND FLOOR FLOOR.MATH FLOOR.PRECISE FORMULATEXT FV
FVSCHEDULE GCD GEOMEAN HARMEAN HEX2BIN HEX2DEC HEX2OCT HLOOKUP HOUR HSTACK HYPERLINK IF IFERROR
IFNA IFS INDEX INT IPMT IRR ISBLANK ISERR ISERROR ISEVEN ISFORMULA ISLOGICAL ISNA ISNONTEXT
ISNUMBER ISODD ISOWEEKNUM ISO.CEILING ISPMT ISREF ISTEXT LARGE LCM LEFT LEN LN LOG LOG10 LOWER
MATCH MAX MAXA MAXIFS MEDIAN MID MIN MINA MINIFS MINUTE MIRR MMULT MOD MONTH MROUND MULTINOMIAL N
NA NETWORKDAYS NETWORKDAYS.INTL NOMINAL NOT NOW NPER NPV OCT2BIN OCT2DEC OCT2HEX ODD OFFSET OR
PDURATION PEARSON PERCENTILE PI PMT POWER PPMT PRODUCT PROPER PV QUARTILE QUOTIENT RADIANS RAND
RANDBETWEEN RANK RATE REPLACE REPT RIGHT ROMAN ROUND ROUNDDOWN ROUNDUP ROW ROWS RRI RSQ SEARCH
SEC SECH SECOND SEQUENCE SERIESSUM SHEET SHEETS SIGN SIN SINH SKEW SLN SLOPE SMALL SORT SQRT
SQRTPI STDEV STDEVA STDEVP STDEVPA STEYX SUBSTITUTE SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT SUMSQ
SUMX2MY2 SUMX2PY2 SUMXMY2 SWITCH SYD T TAN TANH TBILLEQ TBILLPRICE TBILLYIELD TEXT TEXTJOIN TIME
TIMEVALUE TODAY TRANSPOSE TRIM TRUE TRUNC UNICHAR UNICODE UNIQUE UPPER VALUE VAR VARA VARP VARPA
VLOOKUP VSTACK WEEKDAY WEEKNUM WORKDAY WORKDAY.INTL XIRR XLOOKUP XNPV XOR YEAR YEARFRAC`.split(
    /\s+/,
  );

/** Sheets' TEXT: the engine's own mishandles number formats such as `0.0%` or `#,##0`. */
class SheetsTextPlugin extends FunctionPlugin {
  static implementedFunctions = {
    'SHEETS.TEXT': {
      method: 'text',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
  };

  text(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata('SHEETS.TEXT'),
      (value: number, format: string) => formatNumber(value, format, wallDate),
    );
  }
}

const ENGINE_FUNCTIONS = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
if (!ENGINE_FUNCTIONS.has('SHEETS.TEXT')) {
  HyperFormula.registerFunctionPlugin(SheetsTextPlugin, { enGB: { 'SHEETS.TEXT': 'SHEETS.TEXT' } });
}
if (!ENGINE_FUNCTIONS.has('SHEETS.FILTER')) {
  HyperFormula.registerFunctionPlugin(SheetsArrayPlugin, {
    enGB: { 'SHEETS.FILTER': 'SHEETS.FILTER', 'SHEETS.SORT': 'SHEETS.SORT' },
  });
}
/** Engine functions standing in for Sheets functions the engine gets wrong. */
const REPLACED: Record<string, string> = {
  TEXT: 'SHEETS.TEXT',
  FILTER: 'SHEETS.FILTER',
  SORT: 'SHEETS.SORT',
};
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(
  SHEETS_FUNCTIONS.filter((name) => ENGINE_FUNCTIONS.has(name)),
);
/** A script's function named like a built-in is never called: Sheets runs the built-in. */
const BUILT_IN: ReadonlySet<string> = new Set(SHEETS_FUNCTIONS);

/** What the model hands the engine for one cell. `asDate` marks numbers shown as dates. */
export type EngineCell = { formula: string } | { value: Literal; asDate: boolean } | undefined;

export interface EngineSheet {
  name: string;
  cells: EngineCell[][];
}

export interface EngineSource {
  sheets(): EngineSheet[];
  /** Rows and columns of a sheet (by name, any case), undefined when there is no such sheet. */
  extent(sheetName: string): { rows: number; cols: number } | undefined;
  /** The spreadsheet's time zone, in which custom functions get and give dates. */
  timeZone(): string;
  /** Named ranges as `name` and an absolute reference formula such as `='Data'!$A$1:$A$9`. */
  namedRanges(): { name: string; formula: string }[];
}

export type EngineValue = number | string | boolean | null | { error: string };

export interface EngineResult {
  value: EngineValue;
  /** The engine inferred a date/time (e.g. `=DATE(...)`, `=A2+7` on a date). */
  isDate: boolean;
}

const ERRORS: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  CYCLE: '#REF!', // Sheets: "Circular dependency detected"
  SPILL: '#REF!', // Sheets: "Array result was not expanded because it would overwrite data"
  ERROR: '#ERROR!',
  LIC: '#ERROR!',
};

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

/** Sheets' largest grid: 10 million cells, 18,278 columns (ZZZ). */
const ENGINE_MAX_ROWS = 10_000_000;
const ENGINE_MAX_COLUMNS = 18_278;

/** The engine's message for an array result it had no room for (blocked or off the grid). */
const NO_SPACE = 'No space for array result.';

/** An array result's cells: its anchor (0-based, as the engine counts) and its size. */
interface ArrayExtent {
  row: number;
  col: number;
  height: number;
  width: number;
}

interface ArrayVertex {
  cellAddress: SimpleCellAddress;
  array: unknown;
  valueOrUndef(): { data?: unknown[][] } | undefined;
}

/**
 * The array result a cell belongs to, read from the engine's dependency graph (no public API
 * says which array covers a spilled cell); undefined for any other cell. Its size is what the
 * result fills: the engine reserves room for the largest result FILTER or UNIQUE could give,
 * while Sheets expands only what the result holds.
 */
function arrayAt(hf: HyperFormula, address: SimpleCellAddress): ArrayExtent | undefined {
  const graph = hf.dependencyGraph as unknown as {
    getCell(address: SimpleCellAddress): Partial<ArrayVertex> | undefined;
  };
  const vertex = graph.getCell(address);
  if (!vertex?.cellAddress || vertex.array === undefined || !vertex.valueOrUndef) return undefined;
  const { row, col } = vertex.cellAddress;
  const key = vertex.array as object;
  let size = filled.get(key);
  if (!size) {
    size = filledSize(vertex as ArrayVertex);
    filled.set(key, size);
  }
  return { row, col, ...size };
}

/** Filled sizes per computed array (the engine replaces the array when it recomputes). */
const filled = new WeakMap<object, { height: number; width: number }>();

function filledSize(vertex: ArrayVertex): { height: number; width: number } {
  let data: unknown[][] | undefined;
  try {
    data = vertex.valueOrUndef()?.data;
  } catch {
    data = undefined;
  }
  let height = 1;
  let width = 1;
  data?.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value === EmptyValue) return;
      height = Math.max(height, r + 1);
      width = Math.max(width, c + 1);
    });
  });
  return { height, width };
}

export class Engine {
  private hf: HyperFormula | null = null;
  private readonly unsupported = new Set<string>();
  private readonly extents = new Map<string, { rows: number; cols: number }>();
  private batching = false;
  private readonly custom: CustomFunctions;
  /** Engine sheets where a cell was cleared since the last recalculation. */
  private readonly cleared = new Set<number>();
  private readonly watches = new Set<ChangeWatch>();
  private readonly cutoff = new Cutoff();
  /**
   * Every cell's value as last computed, per engine sheet, kept from the first watch on: the
   * engine reports every cell it recomputed, and most keep their value.
   */
  private seen: Map<number, unknown[][]> | null = null;
  /** The engine function computing each Sheets function it reads differently (see REPLACED). */
  private readings: Record<string, string> = { ...REPLACED };

  constructor(private readonly source: EngineSource) {
    this.custom = new CustomFunctions(() => source.timeZone());
  }

  /** Makes the script's functions callable from cell formulas (names are case-insensitive). */
  useCustomFunctions(names: string[], call: ScriptCall): void {
    this.custom.install(names, call);
    this.invalidate();
  }

  /**
   * Computes a Sheets function with another engine function, e.g. { FILTER: 'FILTER' } for
   * HyperFormula's own (Excel) reading: tests prove the add-on's self-check notices.
   */
  read(readings: Record<string, string>): void {
    this.readings = { ...this.readings, ...readings };
    this.invalidate();
  }

  get unsupportedFunctions(): string[] {
    return [...this.unsupported];
  }

  /** Starts collecting the cells the engine recomputes (see ChangeWatch); `stop` ends it. */
  watch(limit: number): { watch: ChangeWatch; stop: () => void } {
    // Built now if it was not (before watching: a build loses watches), so every later update
    // reaches it and is seen.
    this.seen ??= allValues(this.build());
    const watch = new ChangeWatch(limit);
    this.watches.add(watch);
    return { watch, stop: () => this.watches.delete(watch) };
  }

  /** Hands the recomputed cells whose value moved to the watches, and remembers the values. */
  private record(hf: HyperFormula, changes: ExportedChange[]): void {
    const seen = this.seen;
    if (!seen) return;
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const { sheet, row, col } = change.address;
      let rows = seen.get(sheet);
      if (!rows) {
        rows = [];
        seen.set(sheet, rows);
      }
      rows[row] ??= [];
      const before = rows[row][col];
      rows[row][col] = change.newValue;
      if (sameValue(before, change.newValue)) continue;
      const name = hf.getSheetName(sheet);
      if (name === undefined) continue;
      const reshaped = (before ?? null) === null || (change.newValue ?? null) === null;
      for (const watch of this.watches) watch.add(name, row + 1, col + 1, reshaped);
    }
  }

  /** Drops the engine state; the next read rebuilds it from the model. */
  invalidate(): void {
    for (const watch of this.watches) watch.lose();
    this.seen = null;
    this.extents.clear();
    this.cleared.clear();
    this.hf?.destroy();
    this.hf = null;
  }

  /** Applies one cell change to a live engine (no-op when it will be rebuilt anyway). */
  update(sheetName: string, row: number, col: number, cell: EngineCell): void {
    const hf = this.hf;
    if (!hf) return;
    this.extents.clear();
    const sheet = hf.getSheetId(sheetName);
    if (sheet === undefined) {
      this.invalidate();
      return;
    }
    const address = { sheet, row: row - 1, col: col - 1 };
    this.cutoff.write(address);
    try {
      this.record(hf, hf.setCellContents(address, [[this.raw(cell, sheetName)]]));
    } finally {
      if (!this.batching) this.cutoff.settle();
    }
    // A cleared cell may have been all that kept an array result from expanding (Sheets then
    // shows the result again); the engine does not retry on its own.
    if (cell === undefined) this.cleared.add(sheet);
    if (!this.batching) this.settle();
  }

  /** Array results on a sheet that data blocked get another try (the engine never retries). */
  private retryBlocked(hf: HyperFormula, sheet: number): void {
    const graph = hf.dependencyGraph as unknown as {
      arrayMapping?: { arrayMapping?: Map<string, ArrayVertex> };
    };
    const arrays = [...(graph.arrayMapping?.arrayMapping?.values() ?? [])];
    for (const { cellAddress } of arrays) {
      if (cellAddress.sheet !== sheet) continue;
      const value = hf.getCellValue(cellAddress);
      if (!(value instanceof DetailedCellError) || value.type !== 'SPILL') continue;
      const formula = hf.getCellFormula(cellAddress);
      if (formula === undefined) continue;
      this.cutoff.write(cellAddress);
      try {
        this.record(hf, hf.setCellContents(cellAddress, [[formula]]));
      } finally {
        this.cutoff.settle();
      }
    }
  }

  /** Rows and columns an array result would need beyond its sheet's grid (0 when it fits). */
  private overflow(sheetName: string, array: ArrayExtent): { rows: number; cols: number } {
    const extent = this.source.extent(sheetName) ?? { rows: Infinity, cols: Infinity };
    return {
      rows: Math.max(0, array.row + array.height - extent.rows),
      cols: Math.max(0, array.col + array.width - extent.cols),
    };
  }

  /** A cell an array result would fill past its sheet's grid: Sheets leaves it empty. */
  private offGrid(hf: HyperFormula, sheetName: string, address: SimpleCellAddress): boolean {
    const array = arrayAt(hf, address);
    if (!array || (array.height === 1 && array.width === 1)) return false;
    if (array.row === address.row && array.col === address.col) return false;
    const over = this.overflow(sheetName, array);
    return over.rows > 0 || over.cols > 0;
  }

  value(sheetName: string, row: number, col: number): EngineResult {
    const hf = this.build();
    const sheet = hf.getSheetId(sheetName);
    if (sheet === undefined) return { value: null, isDate: false };
    const address = { sheet, row: row - 1, col: col - 1 };
    const array = arrayAt(hf, address);
    if (array && (array.height > 1 || array.width > 1)) {
      const over = this.overflow(sheetName, array);
      if (over.rows > 0 || over.cols > 0) {
        // Sheets keeps an array result that runs off the grid to its anchor: #REF!.
        const anchor = array.row === address.row && array.col === address.col;
        return { value: anchor ? { error: '#REF!' } : null, isDate: false };
      }
    }
    const value = toEngineValue(hf.getCellValue(address));
    const isDate =
      typeof value === 'number' && DATE_TYPES.has(hf.getCellValueDetailedType(address));
    return { value, isDate };
  }

  /** The message behind a cell's error (what a custom function threw), or null. */
  errorMessage(sheetName: string, row: number, col: number): string | null {
    const hf = this.build();
    const sheet = hf.getSheetId(sheetName);
    if (sheet === undefined) return null;
    const address = { sheet, row: row - 1, col: col - 1 };
    const array = arrayAt(hf, address);
    const value = hf.getCellValue(address);
    const unplaced = value instanceof DetailedCellError && value.message === NO_SPACE;
    const isAnchor = array?.row === address.row && array?.col === address.col;
    const offGrid = array !== undefined && isAnchor && this.overflow(sheetName, array).rows > 0;
    const offSide = array !== undefined && isAnchor && this.overflow(sheetName, array).cols > 0;
    if (unplaced || offGrid || offSide) {
      const message = this.arrayMessage(hf, sheetName, address);
      if (message) return message;
    }
    return value instanceof DetailedCellError && value.message ? value.message : null;
  }

  /** Sheets' message for an array result at `anchor` that was not expanded, or null. */
  private arrayMessage(
    hf: HyperFormula,
    sheetName: string,
    anchor: SimpleCellAddress,
  ): string | null {
    const formula = hf.getCellFormula(anchor);
    if (formula === undefined) return null;
    const result = hf.calculateFormula(formula, anchor.sheet);
    if (!Array.isArray(result)) return null;
    const height = result.length;
    const width = Math.max(0, ...result.map((r) => r.length));
    const over = this.overflow(sheetName, { ...anchor, height, width });
    if (over.rows > 0) {
      return `Result was not automatically expanded, please insert more rows (${over.rows}).`;
    }
    if (over.cols > 0) {
      return `Result was not automatically expanded, please insert more columns (${over.cols}).`;
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const cell = { sheet: anchor.sheet, row: anchor.row + r, col: anchor.col + c };
        if ((r === 0 && c === 0) || hf.isCellEmpty(cell)) continue;
        if (arrayAt(hf, cell)?.row === anchor.row && arrayAt(hf, cell)?.col === anchor.col)
          continue;
        const where = areaA1(cell.row + 1, cell.col + 1, cell.row + 1, cell.col + 1);
        return `Array result was not expanded because it would overwrite data in ${where}.`;
      }
    }
    return null;
  }

  /** Runs several updates with one recalculation (values cannot be read inside). */
  batch(fn: () => void): void {
    const hf = this.hf;
    if (!hf || this.batching) {
      fn();
      return;
    }
    this.batching = true;
    try {
      this.record(hf, hf.batch(fn));
    } finally {
      this.batching = false;
      this.cutoff.settle();
    }
    this.settle();
  }

  /** A custom function's result outgrew (or undershot) its cells: rebuild on next read. */
  private settle(): void {
    const hf = this.hf;
    if (hf) for (const sheet of this.cleared) this.retryBlocked(hf, sheet);
    this.cleared.clear();
    if (this.custom.takeReshaped()) this.invalidate();
  }

  /** The last row and column holding a value (spilled results included, even `""`). */
  filledExtent(sheetName: string): { rows: number; cols: number } {
    const cached = this.extents.get(sheetName);
    if (cached) return cached;
    const hf = this.build();
    const sheet = hf.getSheetId(sheetName);
    const extent = { rows: 0, cols: 0 };
    if (sheet !== undefined) {
      hf.getSheetValues(sheet).forEach((row, r) => {
        row.forEach((value, c) => {
          if (value === null || this.offGrid(hf, sheetName, { sheet, row: r, col: c })) return;
          extent.rows = Math.max(extent.rows, r + 1);
          extent.cols = Math.max(extent.cols, c + 1);
        });
      });
    }
    this.extents.set(sheetName, extent);
    return extent;
  }

  /** Evaluates a formula as if written in a cell of `sheetName` (references already shifted). */
  evaluate(formula: string, sheetName: string): EngineValue {
    const hf = this.build();
    const sheet = hf.getSheetId(sheetName);
    if (sheet === undefined) return { error: '#REF!' };
    try {
      const result = hf.calculateFormula(this.translate(formula, sheetName), sheet);
      return toEngineValue(Array.isArray(result) ? (result[0]?.[0] ?? null) : result);
    } catch {
      return { error: '#ERROR!' };
    }
  }

  private build(): HyperFormula {
    if (this.hf) return this.hf;
    let hf = this.create();
    // One more build sizes the custom-function results this one could not predict; no further.
    if (this.custom.takeReshaped()) {
      hf.destroy();
      hf = this.create();
      this.custom.takeReshaped();
    }
    this.hf = hf;
    return hf;
  }

  private create(): HyperFormula {
    for (const watch of this.watches) watch.lose();
    this.seen = null;
    const sheets = this.source.sheets();
    const data: Record<string, RawCellContent[][]> = {};
    for (const sheet of sheets) {
      data[sheet.name] = Array.from(sheet.cells, (row) =>
        Array.from(row ?? [], (cell) => this.raw(cell, sheet.name)),
      );
    }
    const hf = HyperFormula.buildFromSheets(data, {
      licenseKey: 'gpl-v3',
      useArrayArithmetic: false,
      // Sheets keeps full double precision; the engine would round results to 10 digits.
      smartRounding: false,
      // Sheets' undo is the page's own; the engine's history only slows every edit down.
      undoLimit: 0,
      // Room for any array result: one that runs past its sheet's grid shows Sheets' #REF!
      // (see value), which needs the engine to have computed it whole.
      maxRows: ENGINE_MAX_ROWS,
      maxColumns: ENGINE_MAX_COLUMNS,
      functionArgSeparator: ',',
      decimalSeparator: '.',
      arrayColumnSeparator: ',',
      arrayRowSeparator: ';',
      dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD', 'YYYY/MM/DD'],
      parseDateTime: parseDigitDateTime,
      timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
      currencySymbol: ['$'],
      nullDate: { year: 1899, month: 12, day: 30 },
      leapYear1900: false,
      context: this.custom,
    });
    this.cutoff.install(hf);
    for (const { name, formula } of this.source.namedRanges()) {
      try {
        hf.addNamedExpression(name, this.translate(formula, sheets[0]?.name ?? ''));
      } catch {
        // A name the engine cannot hold evaluates to #NAME?, as an unknown name would.
      }
    }
    return hf;
  }

  private raw(cell: EngineCell, sheetName: string): RawCellContent {
    if (!cell) return null;
    if ('formula' in cell) return this.translate(cell.formula, sheetName);
    const { value, asDate } = cell;
    if (typeof value === 'string') return `'${value}`;
    if (typeof value === 'boolean') return value;
    const serial = isDate(value) ? wallSerial(value) : value;
    // The engine reads a Date by its local fields: hand it the wall clock in this process's zone.
    return asDate ? hostDate(serial) : serial;
  }

  /** The formula as the engine should see it. */
  translate(formula: string, sheetName: string): string {
    const tokens = tokenize(formula);
    const isCustom = (name: string) => !BUILT_IN.has(name) && this.custom.has(name);
    const refused = tokens.flatMap((t) =>
      t.kind === 'func' && !ALLOWED_FUNCTIONS.has(t.name) && !isCustom(t.name) ? [t.name] : [],
    );
    if (refused.length > 0) {
      for (const name of refused) this.unsupported.add(name);
      return '=#NAME?';
    }
    const texts = tokens.map((t) => {
      if (t.kind === 'ref') return closeOpenRange(t, this.source.extent(t.ref.sheet ?? sheetName));
      // The engine knows TRUE and FALSE only as functions.
      if (t.kind === 'name' && /^(true|false)$/i.test(t.text)) return `${t.text.toUpperCase()}()`;
      if (t.kind === 'func' && this.readings[t.name] && this.readings[t.name] !== t.name)
        return `${this.readings[t.name]}(`;
      if (t.kind === 'string') return quotesInside(t.text);
      return t.text;
    });
    rewriteCustomCalls(tokens, texts, isCustom);
    stackArrayLiterals(tokens, texts);
    wrapArrayContexts(tokens, texts);
    return texts.join('');
  }
}

const parseDateTime = HyperFormula.defaultConfig.parseDateTime;

/**
 * Every date and time format above is digits: text without one is never a date. The engine
 * tries each format on every text it compares (`A8:A=""` over a column of names), which was a
 * tenth of an edit's recalculation on the sample.
 */
function parseDigitDateTime(text: string, dateFormat?: string, timeFormat?: string) {
  return /\d/.test(text) ? parseDateTime(text, dateFormat, timeFormat) : undefined;
}

function allValues(hf: HyperFormula): Map<number, unknown[][]> {
  const values = new Map<number, unknown[][]>();
  for (const name of hf.getSheetNames()) {
    const sheet = hf.getSheetId(name);
    if (sheet !== undefined) values.set(sheet, hf.getSheetValues(sheet));
  }
  return values;
}

/** Empty (never seen) and null are the same; errors are the same when type and message are. */
function sameValue(before: unknown, after: unknown): boolean {
  if ((before ?? null) === (after ?? null)) return true;
  return (
    before instanceof DetailedCellError &&
    after instanceof DetailedCellError &&
    before.type === after.type &&
    before.message === after.message
  );
}

/** `"say ""hi"""`: Sheets doubles a quote inside text; the engine needs it spelled out. */
function quotesInside(literal: string): string {
  const parts = literal.slice(1, -1).split('""');
  if (parts.length === 1 || !literal.endsWith('"')) return literal;
  return `(${parts.map((part) => `"${part}"`).join('&CHAR(34)&')})`;
}

function toEngineValue(value: unknown): EngineValue {
  if (value instanceof DetailedCellError) return { error: ERRORS[value.type] ?? '#ERROR!' };
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  return { error: '#VALUE!' };
}

/** `A8:A` becomes `A8:A1000` on a 1,000-row sheet; `A:A`, `2:2`, `A8:8` likewise. */
function closeOpenRange(
  token: Token & { kind: 'ref' },
  extent: { rows: number; cols: number } | undefined,
): string {
  const { ref } = token;
  const open =
    ref.end &&
    [ref.start.row, ref.start.col, ref.end.row, ref.end.col].some((part) => part === undefined);
  if (!open || !ref.end || !extent) return token.text;
  const closed: Ref = {
    ...ref,
    start: { ...ref.start, row: ref.start.row ?? 1, col: ref.start.col ?? 1 },
    end: { ...ref.end, row: ref.end.row ?? extent.rows, col: ref.end.col ?? extent.cols },
  };
  const prefix = token.text.includes('!')
    ? token.text.slice(0, token.text.lastIndexOf('!') + 1)
    : '';
  return prefix + formatRef({ ...closed, sheet: undefined });
}

/**
 * `{a, b; c, d}` becomes `VSTACK(HSTACK(a, b), HSTACK(c, d))`: the engine does not recompute
 * inline arrays holding ranges when those ranges change, but it does track VSTACK/HSTACK.
 */
function stackArrayLiterals(tokens: Token[], texts: string[]): void {
  const open: number[] = []; // paren depth at each open brace
  let depth = 0;
  tokens.forEach(({ kind, text }, i) => {
    if (kind === 'func' || text === '(') depth++;
    else if (text === ')') depth--;
    else if (text === '{') {
      open.push(depth);
      texts[i] = 'VSTACK(HSTACK(';
    } else if (text === '}' && open.length > 0) {
      open.pop();
      texts[i] = '))';
    } else if (text === ';' && open[open.length - 1] === depth) texts[i] = '),HSTACK(';
  });
}

/**
 * Sheets evaluates SUMPRODUCT's arguments as arrays, and `=A1:A3` alone spills the range; the
 * engine needs an explicit ARRAYFORMULA for both.
 */
function wrapArrayContexts(tokens: Token[], texts: string[]): void {
  tokens.forEach((token, i) => {
    if (token.kind !== 'func' || token.name !== 'SUMPRODUCT') return;
    const close = matchingParen(tokens, i);
    if (close < 0) return;
    texts[i] = `ARRAYFORMULA(${texts[i]}`;
    texts[close] = `${texts[close]})`;
  });
  const significant = tokens.filter((t) => t.text.trim() !== '');
  const [first, only] = significant;
  if (significant.length === 2 && first.text === '=' && only.kind === 'ref' && only.ref.end) {
    const i = tokens.indexOf(only);
    texts[i] = `ARRAYFORMULA(${texts[i]})`;
  }
}

function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const { kind, text } = tokens[i];
    if (kind === 'func' || text === '(') depth++;
    else if (text === ')' && --depth === 0) return i;
  }
  return -1;
}
