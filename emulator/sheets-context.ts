// The floor every SpreadsheetApp object stands on: what one session sees (its user, the
// workbook, the host UI) and the factories that hand out objects. Object modules reach each
// other only through `ctx.objects`, which sheets-services.ts assembles, so emulator files
// import one way (see scripts/import-cycles.mjs).
import {
  type Area,
  type CfRule,
  type NamedRangeModel,
  PROTECTED_MESSAGE,
  type ProtectionModel,
  type SheetModel,
  type ValidationRule,
  type Workbook,
} from './sheets-model';
import type { Session } from './sheets-session';

export interface Shown {
  title: string;
  content: string;
}

export interface MenuItem {
  caption: string;
  functionName: string;
  submenu?: MenuRecord;
}

export interface MenuRecord {
  title: string;
  items: MenuItem[];
}

export interface Warning {
  sheet: string;
  a1: string;
  message: string;
}

/** What the emulated Sheets UI showed, for tests to inspect. */
export interface HostState {
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  sidebar: Shown | null;
  dialogs: Shown[];
  menus: MenuRecord[];
  alerts: { title: string; prompt: string; kind: 'alert' | 'prompt' }[];
  /** Answers for the next alert/prompt calls, consumed in order (default: OK, empty text). */
  uiAnswers: { button?: string; text?: string }[];
  warnings: Warning[];
}

/** Makers of the script-facing objects, bound to one session. */
export interface ObjectFactories {
  spreadsheet(): object;
  sheet(sheet: SheetModel): object;
  range(area: Area): object;
  protection(protection: ProtectionModel): object;
  namedRange(named: NamedRangeModel): object;
  dataValidation(rule: ValidationRule): object;
  conditionalFormatRule(rule: CfRule): object;
}

export interface Ctx {
  session: Session;
  book: Workbook;
  host: HostState;
  objects: ObjectFactories;
}

/** Structure edits need edit access and no sheet protection the user is kept out of. */
export function assertSheetEditable(ctx: Ctx, sheet: SheetModel): void {
  const { book, session } = ctx;
  book.assertEditor(session.user);
  const locked = book.protections.some(
    (p) => p.type === 'SHEET' && p.area.sheet === sheet && !book.canEditProtection(p, session.user),
  );
  if (locked) throw new Error(PROTECTED_MESSAGE);
}
