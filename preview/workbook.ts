// The preview's one spreadsheet: the Sheets emulator with the real build/Code.js loaded in an
// Apps Script-shaped vm, as a person and the sidebar use it. The HTTP layer only translates.
import type { LoadedScript } from '../emulator/apps-script-vm';
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator/sheets-emulator';
import { parseA1 } from '../emulator/sheets-refs';
import type { Services } from '../emulator/sheets-services';
import { displayString } from '../emulator/sheets-values';
import { changesView } from './changes';
import type { Changes } from './contract';

/** Who the preview's person is; the emulated spreadsheet is theirs. */
export const PREVIEW_USER = 'you@preview.local';
export const ADDON_NAME = 'Influencer ROI';

/** Calls the preview can't honour offline, and what the person reads instead. */
const NOT_OFFLINE: Record<string, string> = {
  addTeammates:
    "The offline preview can't share this spreadsheet: adding teammates needs Google. In Google Sheets this panel adds them as editors or viewers.",
};

export type RunOutcome =
  | { status: 'ok'; value: unknown }
  | { status: 'threw'; message: string }
  | { status: 'unknown' };

/** The most rows one request adds, as Sheets' "Add more rows at bottom" allows at once. */
export const MAX_ADDED_ROWS = 1000;

export type TypeOutcome =
  | { status: 'ok'; display: string; warnings: string[]; changes: Changes | null }
  | { status: 'refused'; message: string };

export class PreviewWorkbook {
  readonly emulator: Emulator;
  readonly script: LoadedScript;
  private readonly services: Services;
  private readonly functions: ReadonlySet<string>;

  constructor(options: Pick<EmulatorOptions, 'sheets'> & { snapshot?: unknown } = {}) {
    this.emulator = createEmulator({ ...options, user: PREVIEW_USER, addonName: ADDON_NAME });
    this.services = this.emulator.services;
    this.script = this.emulator.load(this.services);
    this.emulator.useCustomFunctions(this.script);
    this.functions = new Set(publicFunctions(this.script));
    // Opening the spreadsheet runs onOpen, which builds the add-on menu.
    this.run('onOpen', [{ authMode: 'FULL' }]);
  }

  /** Whether google.script.run (or the menu) may call NAME: a public top-level function. */
  has(name: string): boolean {
    return this.functions.has(name);
  }

  /** Calls a top-level function as google.script.run does: arguments and result as JSON. */
  run(name: string, args: unknown[]): RunOutcome {
    if (!this.has(name)) return { status: 'unknown' };
    const refusal = NOT_OFFLINE[name];
    if (refusal) return { status: 'threw', message: `Error: ${refusal}` };
    try {
      const result = this.script.call(name, ...args);
      return {
        status: 'ok',
        value: result === undefined ? null : JSON.parse(JSON.stringify(result)),
      };
    } catch (error) {
      return { status: 'threw', message: failureMessage(error) };
    } finally {
      // The execution ends: Apps Script releases the locks it still holds.
      this.emulator.endExecution(this.services);
    }
  }

  /** addRows, with what changed for the page (null when everything must be read again). */
  addRowsWatched(sheet: string, count: number): { maxRows: number; changes: Changes | null } {
    const watch = this.emulator.watchChanges();
    try {
      const maxRows = this.addRows(sheet, count);
      return { maxRows, changes: changesView(this.emulator, watch.stop(), []) };
    } finally {
      watch.stop();
    }
  }

  /** Adds `count` empty rows at the bottom of a sheet ("Add 1000 more rows"); its new size. */
  addRows(sheet: string, count: number): number {
    const target = this.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet);
    if (!target) throw new Error(`There is no sheet named "${sheet}".`);
    target.insertRowsAfter(target.getMaxRows(), count);
    return target.getMaxRows();
  }

  /**
   * A person types into one cell, with Sheets' validation and protection checks. Typing in a
   * row just below the sheet's last one adds rows down to it first.
   */
  type(sheet: string, a1: string, input: string): TypeOutcome {
    const watch = this.emulator.watchChanges();
    try {
      const outcome = this.typeUnwatched(sheet, a1, input);
      if (outcome.status !== 'ok') return outcome;
      const at = parseA1(a1);
      const written = at ? [{ sheet, row: at.start.row ?? 1, col: at.start.col ?? 1 }] : [];
      return { ...outcome, changes: changesView(this.emulator, watch.stop(), written) };
    } finally {
      watch.stop();
    }
  }

  private typeUnwatched(sheet: string, a1: string, input: string): TypeOutcome {
    const before = this.emulator.warnings.length;
    const row = Number(/\d+$/.exec(a1)?.[0] ?? 0);
    const maxRows = this.emulator.sheet(sheet).maxRows;
    if (row > maxRows) {
      if (row > maxRows + MAX_ADDED_ROWS) {
        return {
          status: 'refused',
          message: `${sheet}!${a1} is more than ${MAX_ADDED_ROWS} rows below the sheet's last row (${maxRows}). Add rows at the bottom first.`,
        };
      }
      if (input === '') return { status: 'ok', display: '', warnings: [], changes: null };
      try {
        this.addRows(sheet, row - maxRows);
      } catch (error) {
        return { status: 'refused', message: messageOf(error) };
      }
    }
    try {
      this.emulator.type(sheet, a1, input);
    } catch (error) {
      return { status: 'refused', message: messageOf(error) };
    }
    if (input === '') this.respill(sheet);
    const warnings = this.emulator.warnings.slice(before).map((warning) => warning.message);
    const view = this.emulator.sheet(sheet);
    const [[value]] = view.values(a1);
    const [[format]] = view.numberFormats(a1);
    const display = displayString(value, format, this.emulator.timeZone);
    return { status: 'ok', display, warnings, changes: null };
  }
  /**
   * Clearing the cell that blocked an array formula lets Sheets fill the array again; the formula
   * engine keeps showing #REF!, so the preview enters those formulas again, as they were.
   */
  private respill(sheet: string): void {
    const view = this.emulator.sheet(sheet);
    const formulas = view.formulas();
    const values = view.values();
    const target = this.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet);
    formulas.forEach((row, i) => {
      row.forEach((formula, j) => {
        if (formula && values[i][j] === '#REF!' && /^=\s*ARRAYFORMULA\(/i.test(formula))
          target?.getRange(i + 1, j + 1).setFormula(formula);
      });
    });
  }
}

function publicFunctions(script: LoadedScript): string[] {
  return script.definedGlobals.filter(
    (name) => typeof script.context[name] === 'function' && !name.endsWith('_'),
  );
}

/** What google.script.run's failure handler receives: "Error: ..." as Apps Script words it. */
function failureMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const name = 'name' in error && typeof error.name === 'string' ? error.name : 'Error';
    return `${name}: ${String(error.message)}`;
  }
  return `Exception: ${String(error)}`;
}

export function messageOf(error: unknown): string {
  return error && typeof error === 'object' && 'message' in error
    ? String(error.message)
    : String(error);
}
