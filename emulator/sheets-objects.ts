// The SpreadsheetApp object model a script sees: Spreadsheet, Protection, NamedRange and
// User. Sheets live in sheets-sheet.ts, ranges in sheets-range.ts. Every object is a fresh wrapper over the shared
// model, as Apps Script hands out new objects on every call.

import { rangeArea, sheetArea } from './sheets-areas';
import { assertSheetEditable, type Ctx } from './sheets-context';
import {
  type Area,
  type NamedRangeModel,
  PROTECTED_MESSAGE,
  type ProtectionModel,
  protectedArea,
  type SheetModel,
  type Workbook,
} from './sheets-model';
import { signatureError, unwrap } from './sheets-session';
import { checkTimeZone, EMAIL } from './sheets-values';

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' } as const);

const SERVICE = 'SpreadsheetApp';
const path = (cls: string, method: string) => `${SERVICE}.${cls}.${method}`;

function sheetOf(value: unknown, method: string): SheetModel {
  const sheet = unwrap<SheetModel>(value, 'Sheet');
  if (!sheet) throw signatureError(path('Spreadsheet', method), [value]);
  return sheet;
}

function protectionTypeOf(value: unknown, at: string): 'RANGE' | 'SHEET' {
  if (value === 'RANGE' || value === 'SHEET') return value;
  throw signatureError(at, [value]);
}

export function userObject(ctx: Ctx, email: string, service = SERVICE) {
  return ctx.session.wrap(
    service,
    'User',
    { getEmail: () => email, getUserLoginId: () => email },
    email,
  );
}

function emailOf(value: unknown, at: string): string {
  const fromUser = unwrap<string>(value, 'User');
  if (fromUser !== undefined) return fromUser;
  if (typeof value !== 'string') throw signatureError(at, [value]);
  if (!EMAIL.test(value.trim())) throw new Error(`Invalid email: ${value}`);
  return value.trim();
}

// ---- Spreadsheet ----

export function spreadsheetObject(ctx: Ctx) {
  const { book, session, host } = ctx;
  const user = session.user;
  const at = (method: string) => path('Spreadsheet', method);

  const share = (emails: unknown[], role: 'editor' | 'viewer', method: string) => {
    book.assertEditor(user);
    for (const value of emails) {
      const email = emailOf(value, at(method));
      const current = book.role(email);
      if (current === 'owner' || current === 'editor') continue;
      if (role === 'viewer') {
        if (!current) book.viewers.push(email);
        continue;
      }
      book.viewers = book.viewers.filter((v) => v.toLowerCase() !== email.toLowerCase());
      book.editors.push(email);
    }
    return self;
  };
  const unshare = (value: unknown, list: 'editors' | 'viewers', method: string) => {
    book.assertEditor(user);
    const email = emailOf(value, at(method)).toLowerCase();
    book[list] = book[list].filter((e) => e.toLowerCase() !== email);
    return self;
  };
  const canSeeSharing = () => ['owner', 'editor'].includes(book.role(user) ?? '');

  const self = session.wrap(SERVICE, 'Spreadsheet', {
    getId: () => book.id,
    getName: () => book.name,
    rename(name: unknown) {
      book.assertEditor(user);
      book.name = String(name);
    },
    getUrl: () => `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
    getSheets: () => book.sheets.map((sheet) => ctx.objects.sheet(sheet)),
    getNumSheets: () => book.sheets.length,
    getSheetByName(name: unknown) {
      if (typeof name !== 'string') throw signatureError(at('getSheetByName'), [name]);
      const sheet = book.sheetByName(name);
      return sheet ? ctx.objects.sheet(sheet) : null;
    },
    getSheetById(id: unknown) {
      const sheet = book.sheets.find((s) => s.id === id);
      return sheet ? ctx.objects.sheet(sheet) : null;
    },
    insertSheet: (...args: unknown[]) => ctx.objects.sheet(insertSheet(ctx, args)),
    deleteSheet(value: unknown) {
      const sheet = sheetOf(value, 'deleteSheet');
      assertSheetEditable(ctx, sheet);
      book.deleteSheet(sheet);
    },
    getActiveSheet: () => ctx.objects.sheet(book.activeSheet ?? book.sheets[0]),
    setActiveSheet(value: unknown) {
      const sheet = sheetOf(value, 'setActiveSheet');
      book.activeSheet = sheet;
      return ctx.objects.sheet(sheet);
    },
    getRange(a1: unknown) {
      if (typeof a1 !== 'string') throw signatureError(at('getRange'), [a1]);
      const active = book.activeSheet ?? book.sheets[0];
      return ctx.objects.range(sheetArea(book, active, [a1], at('getRange')));
    },
    toast(message: unknown, title?: unknown, timeoutSeconds?: unknown) {
      host.toasts.push({
        message: String(message),
        title: title === undefined ? '' : String(title),
        timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
      });
    },
    setNamedRange(name: unknown, range: unknown) {
      if (typeof name !== 'string') throw signatureError(at('setNamedRange'), [name, range]);
      const area = rangeArea(range, at('setNamedRange'), [name, range]);
      book.assertEditor(user);
      setNamedRange(book, name, area);
    },
    getRangeByName(name: unknown) {
      const found = book.namedRanges.find(
        (n) => n.name.toLowerCase() === String(name).toLowerCase(),
      );
      return found ? ctx.objects.range(found.area) : null;
    },
    getNamedRanges: () => book.namedRanges.map((n) => namedRangeObject(ctx, n)),
    removeNamedRange(name: unknown) {
      book.assertEditor(user);
      book.namedRanges = book.namedRanges.filter(
        (n) => n.name.toLowerCase() !== String(name).toLowerCase(),
      );
      book.invalidateEngine();
    },
    getProtections(type: unknown) {
      const kind = protectionTypeOf(type, at('getProtections'));
      return book.protections.filter((p) => p.type === kind).map((p) => protectionObject(ctx, p));
    },
    getOwner: () => userObject(ctx, book.owner),
    getEditors: () => (canSeeSharing() ? book.editors.map((e) => userObject(ctx, e)) : []),
    getViewers: () => (canSeeSharing() ? book.viewers.map((e) => userObject(ctx, e)) : []),
    addEditor: (email: unknown) => share([email], 'editor', 'addEditor'),
    addEditors(emails: unknown) {
      if (!Array.isArray(emails)) throw signatureError(at('addEditors'), [emails]);
      return share(emails, 'editor', 'addEditors');
    },
    addViewer: (email: unknown) => share([email], 'viewer', 'addViewer'),
    addViewers(emails: unknown) {
      if (!Array.isArray(emails)) throw signatureError(at('addViewers'), [emails]);
      return share(emails, 'viewer', 'addViewers');
    },
    removeEditor: (email: unknown) => unshare(email, 'editors', 'removeEditor'),
    removeViewer: (email: unknown) => unshare(email, 'viewers', 'removeViewer'),
    getSpreadsheetTimeZone: () => book.timeZone,
    setSpreadsheetTimeZone(timeZone: unknown) {
      if (typeof timeZone !== 'string')
        throw signatureError(at('setSpreadsheetTimeZone'), [timeZone]);
      book.assertEditor(user);
      // Cells keep their days and times; the instants scripts get move with the zone.
      book.timeZone = checkTimeZone(timeZone);
    },
    getSpreadsheetLocale: () => 'en_US',
  });
  return self;
}

const NAME_RULE = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

function setNamedRange(book: Workbook, name: string, area: Area): void {
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name);
  if (!NAME_RULE.test(name) || looksLikeCell || /^(true|false)$/i.test(name) || name.length > 250) {
    throw new Error('Invalid argument: name');
  }
  book.namedRanges = book.namedRanges.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
  book.namedRanges.push({ name, area });
  book.invalidateEngine();
}

function insertSheet(ctx: Ctx, args: unknown[]): SheetModel {
  const { book, session } = ctx;
  book.assertEditor(session.user);
  const [first, second] = args;
  const name = typeof first === 'string' ? first : undefined;
  const index = typeof first === 'number' ? first : typeof second === 'number' ? second : undefined;
  const badName = name !== undefined && (name.trim() === '' || name.length > 100);
  if (badName || (first !== undefined && typeof first !== 'string' && typeof first !== 'number')) {
    throw signatureError(path('Spreadsheet', 'insertSheet'), args);
  }
  const active = book.activeSheet ? book.sheets.indexOf(book.activeSheet) + 1 : book.sheets.length;
  book.assertRoomFor(1000 * 26);
  const sheet = book.addSheet(name, index ?? active);
  book.activeSheet = sheet;
  return sheet;
}

// ---- Protection and NamedRange ----

export function protectionObject(ctx: Ctx, protection: ProtectionModel) {
  const { book, session } = ctx;
  const user = session.user;
  const at = (method: string) => path('Protection', method);
  const assertCanChange = () => {
    if (!book.protections.includes(protection)) throw new Error('This protection was removed.');
    if (!book.canEditProtection(protection, user)) throw new Error(PROTECTED_MESSAGE);
  };
  /** The first change of editors turns the mirrored list into an explicit one. */
  const editors = () => {
    protection.editors ??= [book.owner, ...book.editors];
    return protection.editors;
  };
  const keep = (email: string) =>
    [book.owner, user].some((e) => e.toLowerCase() === email.toLowerCase());
  const addEditors = (emails: unknown[], method: string) => {
    assertCanChange();
    for (const value of emails) {
      const email = emailOf(value, at(method));
      if (!editors().some((e) => e.toLowerCase() === email.toLowerCase())) editors().push(email);
    }
    return self;
  };
  const removeEditors = (emails: unknown[], method: string) => {
    assertCanChange();
    const gone = emails.map((value) => emailOf(value, at(method)).toLowerCase());
    protection.editors = editors().filter((e) => keep(e) || !gone.includes(e.toLowerCase()));
    return self;
  };
  const list = (values: unknown, method: string) => {
    if (!Array.isArray(values)) throw signatureError(at(method), [values]);
    return values;
  };

  const self = session.wrap(
    SERVICE,
    'Protection',
    {
      getDescription: () => protection.description,
      setDescription(text: unknown) {
        if (typeof text !== 'string') throw signatureError(at('setDescription'), [text]);
        assertCanChange();
        protection.description = text;
        return self;
      },
      isWarningOnly: () => protection.warningOnly,
      setWarningOnly(warningOnly: unknown) {
        if (typeof warningOnly !== 'boolean')
          throw signatureError(at('setWarningOnly'), [warningOnly]);
        assertCanChange();
        protection.warningOnly = warningOnly;
        return self;
      },
      getProtectionType: () => protection.type,
      getRange: () => ctx.objects.range(protectedArea(protection)),
      getRangeName: () => null,
      setRange(range: unknown) {
        assertCanChange();
        protection.area = rangeArea(range, at('setRange'), [range]);
        return self;
      },
      getUnprotectedRanges: () => protection.unprotected.map((area) => ctx.objects.range(area)),
      setUnprotectedRanges(ranges: unknown) {
        if (protection.type !== 'SHEET')
          throw new Error('Only sheet protections can have unprotected ranges.');
        assertCanChange();
        protection.unprotected = list(ranges, 'setUnprotectedRanges').map((r) =>
          rangeArea(r, at('setUnprotectedRanges'), [ranges]),
        );
        return self;
      },
      canEdit: () => book.canEditProtection(protection, user),
      canDomainEdit: () => false,
      setDomainEdit() {
        assertCanChange();
        return self;
      },
      getEditors: () =>
        (protection.editors ?? [book.owner, ...book.editors]).map((e) => userObject(ctx, e)),
      addEditor: (email: unknown) => addEditors([email], 'addEditor'),
      addEditors: (emails: unknown) => addEditors(list(emails, 'addEditors'), 'addEditors'),
      removeEditor: (email: unknown) => removeEditors([email], 'removeEditor'),
      removeEditors: (emails: unknown) =>
        removeEditors(list(emails, 'removeEditors'), 'removeEditors'),
      remove() {
        assertCanChange();
        book.protections = book.protections.filter((p) => p !== protection);
      },
    },
    protection,
  );
  return self;
}

export function namedRangeObject(ctx: Ctx, named: NamedRangeModel) {
  const { book, session } = ctx;
  const self = session.wrap(SERVICE, 'NamedRange', {
    getName: () => named.name,
    setName(name: unknown) {
      if (typeof name !== 'string') throw signatureError(path('NamedRange', 'setName'), [name]);
      book.assertEditor(session.user);
      book.namedRanges = book.namedRanges.filter((n) => n !== named);
      setNamedRange(book, name, named.area);
      named = book.namedRanges[book.namedRanges.length - 1];
      return self;
    },
    getRange: () => ctx.objects.range(named.area),
    setRange(range: unknown) {
      const area = rangeArea(range, path('NamedRange', 'setRange'), [range]);
      book.assertEditor(session.user);
      named.area = area;
      book.invalidateEngine();
      return self;
    },
    remove() {
      book.assertEditor(session.user);
      book.namedRanges = book.namedRanges.filter((n) => n !== named);
      book.invalidateEngine();
    },
  });
  return self;
}
