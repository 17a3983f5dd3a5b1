// An in-memory Google Sheets for tests: the Apps Script services a bundle calls
// (`emulator.services`, handed to loadBundle), backed by one spreadsheet whose formulas are
// computed by HyperFormula, plus host-side helpers to look inside and to act like a person.
import vm from 'node:vm';
import { type LoadedScript, loadBundle } from './apps-script-vm';
import { sheetArea } from './sheets-areas';
import type { ChangedCell } from './sheets-changes';
import { copyValue } from './sheets-charts';
import type { HostState, MenuRecord, Shown, Warning } from './sheets-context';
import { scriptFunctions } from './sheets-custom-functions';
import {
  type Area,
  areaContains,
  type CfFormat,
  type Formats,
  isArea,
  PROTECTED_MESSAGE,
  protectedArea,
  type SheetModel,
  Workbook,
} from './sheets-model';
import { areaA1 } from './sheets-refs';
import { conditionHolds, passesValidation } from './sheets-rules';
import { createServices, type LockState, type Services, type Shared } from './sheets-services';
import { type CallHook, CallLog, Session } from './sheets-session';
import { readSnapshot, trackState } from './sheets-snapshot';
import {
  assertCellLength,
  type Content,
  checkTimeZone,
  displayString,
  EMPTY,
  parseInput,
} from './sheets-values';

export type { ChangedCell } from './sheets-changes';
export type { Services } from './sheets-services';
export type { CallEntry, CallFilter, CallHook } from './sheets-session';
export type { MenuRecord, Shown, Warning };

export interface EmulatorOptions {
  /** Sheets to start with (default: one empty "Sheet1"); values are entered as typed. */
  sheets?: { name: string; values?: unknown[][] }[];
  /** The acting user of `emulator.services` (default owner@example.com). */
  user?: string;
  /** The spreadsheet's owner (default: the acting user). */
  owner?: string;
  editors?: string[];
  viewers?: string[];
  /** Title of the add-on menu (createAddonMenu). */
  addonName?: string;
  /**
   * A saved workbook (toSnapshot, through JSON) to start from instead of `sheets`; it carries
   * its own owner and sharing. Checked whole before use: a bad one throws, naming the problem.
   */
  snapshot?: unknown;
  /**
   * The spreadsheet's time zone, such as "Europe/Berlin" (default: this process's, which is
   * also the script's): typed dates are days on its calendar; getValues returns their instants.
   */
  timeZone?: string;
  /** How long one custom function call may run (default: Sheets' 30 seconds). */
  customFunctionLimitMs?: number;
  /**
   * Test-only: computes a Sheets function with another engine function, e.g. { FILTER: 'FILTER' }
   * (HyperFormula's Excel reading instead of Google's) or { SUMIF: 'COUNTIF' }, to prove the
   * self-check reports the figures such an engine difference changes.
   */
  readings?: Record<string, string>;
}

export interface ValidationView {
  criteria: string;
  /** Rule arguments; ranges appear as A1 text such as `Lists!A1:A5`. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface SheetView {
  /** Computed values as getValues returns them; the data range when no A1 is given. */
  values(a1?: string): unknown[][];
  formulas(a1?: string): string[][];
  /** True where a cell holds a value or formula of its own (false for an array formula's spill). */
  own(a1: string): boolean[][];
  numberFormats(a1: string): string[][];
  notes(a1: string): string[][];
  validations(a1: string): (ValidationView | null)[][];
  backgrounds(a1: string): string[][];
  /** Every format set on each cell (number format, colours, font, alignment). */
  formats(a1: string): Formats[][];
  readonly hidden: boolean;
  /** getLastRow / getLastColumn: the data range's size without reading its values. */
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Columns hidden with hideColumns, 1-based. */
  readonly hiddenColumns: number[];
  readonly protections: {
    type: 'RANGE' | 'SHEET';
    range: string;
    description: string;
    warningOnly: boolean;
    editors: string[] | null;
  }[];
  readonly conditionalFormats: {
    ranges: string[];
    condition: { type: string; values: unknown[] } | null;
    format: CfFormat;
  }[];
  /** Charts in insertion order; ranges as `Sheet!A1:B5`. */
  readonly charts: ChartView[];
  columnWidth(col: number): number;
}

export interface ChartView {
  id: number;
  type: string;
  ranges: string[];
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  numHeaders: number;
  transposed: boolean;
}

export interface Emulator {
  /** Apps Script services for the default user. */
  readonly services: Services;
  /** Services for a teammate on the same spreadsheet (own user properties and lock ownership). */
  sessionFor(email: string): Services;
  /**
   * Loads build/Code.js (or `code`) against a session's services, and makes the values those
   * services return (arrays, dates, errors) native to the script's realm so `instanceof` works.
   */
  load(services?: Services, code?: string): LoadedScript;
  /** Same realm binding for a script loaded elsewhere with these services. */
  bindRealm(services: Services, context: vm.Context): void;
  /** Runs `hook(name, user)` after every service call; returns the remover. */
  onCall(hook: CallHook): () => void;
  readonly calls: CallLog;
  sheet(name: string): SheetView;
  sheetNames(): string[];
  /** The spreadsheet's time zone (getSpreadsheetTimeZone). */
  readonly timeZone: string;
  /** The sheet a person is looking at; `activate` switches to another, as clicking its tab does. */
  activeSheetName(): string;
  activate(name: string): void;
  /** The person closes the sidebar (its × button or google.script.host.close()). */
  closeSidebar(): void;
  /** A person typing into cells (rows start at `a1`), with validation and protection checks. */
  type(sheetName: string, a1: string, rows: unknown[][] | unknown, options?: { as?: string }): void;
  /**
   * Starts collecting the cells whose computed values the formula engine moves (cells written
   * included); `stop` hands them over, or null when the engine was rebuilt meanwhile (after a
   * structural edit, say) or more than `limit` cells moved. Formats, notes and the like are not
   * values: the caller knows which cells it styled.
   */
  watchChanges(limit?: number): { stop(): ChangedCell[] | null };
  /** The conditional format a cell shows (first matching rule wins), or null. */
  formatOf(sheetName: string, a1: string): CfFormat | null;
  readonly sidebar: Shown | null;
  readonly dialogs: Shown[];
  readonly menus: MenuRecord[];
  readonly toasts: HostState['toasts'];
  readonly alerts: HostState['alerts'];
  /** Queue answers for the next Ui.alert / Ui.prompt calls. */
  readonly uiAnswers: HostState['uiAnswers'];
  readonly warnings: Warning[];
  readonly documentProperties: Record<string, string>;
  userProperties(email?: string): Record<string, string>;
  readonly unsupportedFunctions: string[];
  /**
   * Lets cell formulas call the script's functions, as a bound script's custom functions
   * (default: those its source tags `@customfunction`); other unknown names stay `#NAME?`.
   */
  useCustomFunctions(script: LoadedScript, names?: string[]): void;
  /** The message behind a cell's error, as its tooltip shows (a custom function's throw). */
  errorMessage(sheetName: string, a1: string): string | null;
  /** Another teammate (outside the test's scripts) takes the document lock. */
  holdDocumentLock(email: string): void;
  releaseDocumentLock(): void;
  /** Ends a session's execution: Apps Script releases the locks it still holds. */
  endExecution(services?: Services): void;
}

const DEFAULT_USER = 'owner@example.com';
/** More cells moved than this, and rereading the sheets is the simpler answer. */
const DEFAULT_CHANGE_LIMIT = 20_000;

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  if (options.snapshot !== undefined && options.sheets) {
    throw new Error('emulator: start from sheets or from a snapshot, not both');
  }
  const loaded = options.snapshot === undefined ? null : readSnapshot(options.snapshot);
  const user = options.user ?? loaded?.book.owner ?? DEFAULT_USER;
  const owner = options.owner ?? user;
  const book = loaded?.book ?? new Workbook(owner, options.editors ?? [], options.viewers ?? []);
  if (options.timeZone !== undefined) book.timeZone = checkTimeZone(options.timeZone);
  // The acting user opened the spreadsheet, so they have access at least as an editor.
  if (!book.role(user)) book.editors.push(user);
  if (!loaded) seedSheets(book, options.sheets ?? [{ name: 'Sheet1' }]);
  if (options.readings) book.engine.read(options.readings);

  const host: HostState = {
    toasts: [],
    sidebar: null,
    dialogs: [],
    menus: [],
    alerts: [],
    uiAnswers: [],
    warnings: [],
  };
  const shared: Shared = {
    book,
    host,
    addonName: options.addonName ?? 'Add-on',
    documentProperties: loaded?.documentProperties ?? new Map(),
    scriptProperties: loaded?.scriptProperties ?? new Map(),
    userProperties: new Map(),
    documentLock: { holder: null },
    scriptLock: { holder: null },
    userLocks: new Map(),
  };
  const calls = new CallLog();
  const sessions = new WeakMap<object, Session>();
  const open = (email: string) => {
    const session = new Session(email, calls);
    const services = createServices(shared, session);
    sessions.set(services, session);
    return services;
  };
  const services = open(user);
  trackState(services, shared);
  const sessionOf = (s: Services) => {
    const session = sessions.get(s);
    if (!session) throw new Error('emulator: these services come from another emulator');
    return session;
  };
  const bindRealm = (s: Services, context: vm.Context) => {
    const get = (name: string) => vm.runInContext(name, context);
    sessionOf(s).realm = {
      Array: get('Array'),
      Date: get('Date'),
      Object: get('Object'),
      Error: get('Error'),
    };
  };

  return {
    services,
    sessionFor: open,
    load(s = services, code) {
      const loaded = code === undefined ? loadBundle(s) : loadBundle(s, code);
      bindRealm(s, loaded.context);
      return loaded;
    },
    bindRealm,
    onCall: (hook) => calls.onCall(hook),
    calls,
    sheet: (name) => sheetView(book, sheetNamed(book, name)),
    sheetNames: () => book.sheets.map((s) => s.name),
    get timeZone() {
      return book.timeZone;
    },
    activeSheetName: () => (book.activeSheet ?? book.sheets[0]).name,
    activate(name) {
      book.activeSheet = sheetNamed(book, name);
    },
    closeSidebar() {
      host.sidebar = null;
    },
    type: (sheetName, a1, rows, typeOptions) =>
      typeInto(book, host, sheetNamed(book, sheetName), a1, rows, typeOptions?.as ?? user),
    watchChanges(limit = DEFAULT_CHANGE_LIMIT) {
      const { watch, stop } = book.engine.watch(limit);
      return {
        stop() {
          stop();
          return watch.result();
        },
      };
    },
    formatOf: (sheetName, a1) => formatOf(book, sheetNamed(book, sheetName), a1),
    get sidebar() {
      return host.sidebar;
    },
    get dialogs() {
      return host.dialogs;
    },
    get menus() {
      return host.menus;
    },
    get toasts() {
      return host.toasts;
    },
    get alerts() {
      return host.alerts;
    },
    get uiAnswers() {
      return host.uiAnswers;
    },
    get warnings() {
      return host.warnings;
    },
    get documentProperties() {
      return Object.fromEntries(shared.documentProperties);
    },
    userProperties: (email = user) =>
      Object.fromEntries(shared.userProperties.get(email.toLowerCase()) ?? []),
    get unsupportedFunctions() {
      return book.engine.unsupportedFunctions;
    },
    useCustomFunctions(script, names) {
      const { names: callable, call } = scriptFunctions(
        script,
        names,
        options.customFunctionLimitMs,
      );
      book.engine.useCustomFunctions(callable, call);
    },
    errorMessage(sheetName, a1) {
      const sheet = sheetNamed(book, sheetName);
      const { r1, c1 } = sheetArea(book, sheet, [a1], 'emulator');
      return book.hasFormulas(sheet) ? book.engine.errorMessage(sheet.name, r1, c1) : null;
    },
    holdDocumentLock(email) {
      shared.documentLock.holder = { teammate: email };
    },
    releaseDocumentLock() {
      shared.documentLock.holder = null;
    },
    endExecution(s = services) {
      const session = sessionOf(s);
      const locks: LockState[] = [
        shared.documentLock,
        shared.scriptLock,
        ...shared.userLocks.values(),
      ];
      for (const lock of locks) if (lock.holder === session) lock.holder = null;
    },
  };
}

function seedSheets(book: Workbook, specs: { name: string; values?: unknown[][] }[]): void {
  for (const { name, values = [] } of specs) {
    const width = Math.max(0, ...values.map((row) => row.length));
    const sheet = book.addSheet(
      name,
      book.sheets.length,
      Math.max(1000, values.length),
      Math.max(26, width),
    );
    values.forEach((row, i) => {
      row.forEach((value, j) => {
        book.setContent(sheet, i + 1, j + 1, parseInput(value, undefined, book.timeZone));
      });
    });
  }
  book.activeSheet = book.sheets[0];
}

function sheetNamed(book: Workbook, name: string): SheetModel {
  const sheet = book.sheetByName(name);
  if (!sheet)
    throw new Error(
      `emulator: no sheet named "${name}" (sheets: ${book.sheets.map((s) => s.name).join(', ')})`,
    );
  return sheet;
}

function areaOf(book: Workbook, sheet: SheetModel, a1?: string): Area | null {
  if (a1 !== undefined) return sheetArea(book, sheet, [a1], 'emulator');
  const r2 = book.lastRow(sheet);
  const c2 = book.lastColumn(sheet);
  return r2 && c2 ? { sheet, r1: 1, c1: 1, r2, c2 } : null;
}

function mapArea<T>(area: Area | null, fn: (row: number, col: number) => T): T[][] {
  if (!area) return [];
  return Array.from({ length: area.r2 - area.r1 + 1 }, (_, i) =>
    Array.from({ length: area.c2 - area.c1 + 1 }, (_, j) => fn(area.r1 + i, area.c1 + j)),
  );
}

const describeArea = (area: Area) =>
  `${area.sheet.name}!${areaA1(area.r1, area.c1, area.r2, area.c2)}`;

function sheetView(book: Workbook, sheet: SheetModel): SheetView {
  const grid = <T>(a1: string | undefined, fn: (row: number, col: number) => T) =>
    mapArea(areaOf(book, sheet, a1), fn);
  const format = (row: number, col: number) => sheet.cell(row, col)?.format;
  return {
    values: (a1) => grid(a1, (r, c) => book.valueAt(sheet, r, c)),
    formulas: (a1) => grid(a1, (r, c) => sheet.cell(r, c)?.formula ?? ''),
    own: (a1) =>
      grid(a1, (r, c) => {
        const cell = sheet.cell(r, c);
        return cell?.value !== undefined || cell?.formula !== undefined;
      }),
    numberFormats: (a1) => grid(a1, (r, c) => format(r, c)?.numberFormat ?? 'General'),
    notes: (a1) => grid(a1, (r, c) => sheet.cell(r, c)?.note ?? ''),
    backgrounds: (a1) => grid(a1, (r, c) => format(r, c)?.background ?? '#ffffff'),
    formats: (a1) => grid(a1, (r, c) => ({ ...format(r, c) })),
    get hidden() {
      return sheet.hidden;
    },
    get lastRow() {
      return book.lastRow(sheet);
    },
    get lastColumn() {
      return book.lastColumn(sheet);
    },
    validations: (a1) =>
      grid(a1, (r, c) => {
        const rule = sheet.cell(r, c)?.validation?.rule;
        if (!rule) return null;
        const args = rule.args.map((arg) => (isArea(arg) ? describeArea(arg) : arg));
        return {
          criteria: rule.criteria,
          args,
          allowInvalid: rule.allowInvalid,
          helpText: rule.helpText,
        };
      }),
    get frozenRows() {
      return sheet.frozenRows;
    },
    get frozenColumns() {
      return sheet.frozenColumns;
    },
    get maxRows() {
      return sheet.maxRows;
    },
    get maxColumns() {
      return sheet.maxColumns;
    },
    get hiddenColumns() {
      return sheet.hiddenColumns.flatMap((hidden, i) => (hidden ? [i + 1] : []));
    },
    get protections() {
      return book.protections
        .filter((p) => p.area.sheet === sheet)
        .map((p) => ({
          type: p.type,
          range: describeArea(protectedArea(p)),
          description: p.description,
          warningOnly: p.warningOnly,
          editors: p.editors && [...p.editors],
        }));
    },
    get conditionalFormats() {
      return sheet.cfRules.map((rule) => ({
        ranges: rule.ranges.map(describeArea),
        condition: rule.condition && { ...rule.condition, values: [...rule.condition.values] },
        format: { ...rule.format },
      }));
    },
    get charts() {
      return sheet.charts.map((chart) => ({
        id: chart.id as number,
        type: chart.type,
        ranges: chart.ranges.map(describeArea),
        anchor: { ...chart.anchor },
        options: copyValue(chart.options) as Record<string, unknown>,
        numHeaders: chart.numHeaders,
        transposed: chart.transposed,
      }));
    },
    columnWidth: (col) => sheet.columnWidths[col - 1] ?? 100,
  };
}

function formatOf(book: Workbook, sheet: SheetModel, a1: string): CfFormat | null {
  const { r1: row, c1: col } = sheetArea(book, sheet, [a1], 'emulator');
  for (const rule of sheet.cfRules) {
    const inRule = rule.ranges.some((area) => areaContains(area, sheet, row, col));
    if (inRule && conditionHolds(book, rule, sheet, row, col)) return { ...rule.format };
  }
  return null;
}

interface Snapshot {
  row: number;
  col: number;
  content: Content;
  numberFormat: string | undefined;
}

function snapshot(sheet: SheetModel, row: number, col: number): Snapshot {
  const cell = sheet.cell(row, col);
  const content: Content =
    cell?.formula !== undefined
      ? { kind: 'formula', formula: cell.formula }
      : cell?.value !== undefined
        ? { kind: 'value', value: cell.value }
        : EMPTY;
  return { row, col, content, numberFormat: cell?.format.numberFormat };
}

function restore(book: Workbook, sheet: SheetModel, saved: Snapshot[]): void {
  for (const { row, col, content, numberFormat } of [...saved].reverse()) {
    book.setFormat(sheet, row, col, 'numberFormat', numberFormat ?? null);
    book.setContent(sheet, row, col, content);
  }
}

/** Typing from the UI: protected cells refuse (or warn), invalid input is rejected or flagged. */
function typeInto(
  book: Workbook,
  host: HostState,
  sheet: SheetModel,
  a1: string,
  input: unknown,
  user: string,
): void {
  const rows = Array.isArray(input)
    ? (input as unknown[]).map((row) => (Array.isArray(row) ? row : [row]))
    : [[input]];
  const start = sheetArea(book, sheet, [a1], 'emulator');
  const width = Math.max(1, ...rows.map((row) => row.length));
  const area = sheetArea(book, sheet, [start.r1, start.c1, rows.length, width], 'emulator');
  book.assertEditor(user);
  const cellName = (row: number, col: number) => areaA1(row, col, row, col);
  for (const protection of book.protectionsOver(area)) {
    if (!book.canEditProtection(protection, user)) throw new Error(PROTECTED_MESSAGE);
    if (protection.warningOnly) {
      const where = describeArea(protectedArea(protection));
      host.warnings.push({
        sheet: sheet.name,
        a1: areaA1(area.r1, area.c1, area.r2, area.c2),
        message: `Editing protected range ${where}${protection.description ? ` (${protection.description})` : ''}`,
      });
    }
  }
  const cells = rows.flatMap((values, i) =>
    values.map((raw, j) => ({ row: area.r1 + i, col: area.c1 + j, raw })),
  );
  for (const { raw } of cells) assertCellLength(raw);
  const saved = cells.map(({ row, col }) => snapshot(sheet, row, col));
  book.batch(() => {
    for (const { row, col, raw } of cells) {
      const format = sheet.cell(row, col)?.format.numberFormat;
      book.setContent(sheet, row, col, parseInput(raw, format, book.timeZone));
    }
  });
  for (const { row, col, raw } of cells) {
    const applied = sheet.cell(row, col)?.validation;
    if (!applied) continue;
    const value = book.valueAt(sheet, row, col);
    const text = typeof raw === 'string' ? raw : displayString(value, 'General', book.timeZone);
    if (passesValidation(book, applied, sheet, row, col, { value, text })) continue;
    const help =
      applied.rule.helpText ||
      `The data you entered in cell ${cellName(row, col)} violates the data validation rules set on this cell.`;
    if (applied.rule.allowInvalid) {
      host.warnings.push({
        sheet: sheet.name,
        a1: cellName(row, col),
        message: `Invalid: ${help}`,
      });
      continue;
    }
    book.batch(() => restore(book, sheet, saved));
    throw new Error(`There was a problem with ${sheet.name}!${cellName(row, col)}: ${help}`);
  }
}
