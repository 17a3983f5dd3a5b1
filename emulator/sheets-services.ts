// The global services a script calls: SpreadsheetApp (with its Ui), PropertiesService,
// LockService, HtmlService, ScriptApp, Session, Utilities and Charts, for one session (user).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsvText } from 'csv-parse/sync';
import { BUILD_DIR } from './apps-script-vm';
import { utilitiesBlobs } from './sheets-blobs';
import { chartsService } from './sheets-charts';
import type { Ctx, HostState, MenuRecord, ObjectFactories } from './sheets-context';
import type { Workbook } from './sheets-model';
import {
  namedRangeObject,
  ProtectionType,
  protectionObject,
  spreadsheetObject,
  userObject,
} from './sheets-objects';
import { rangeObject } from './sheets-range';
import {
  BooleanCriteria,
  conditionalFormatRuleBuilder,
  conditionalFormatRuleObject,
  DataValidationCriteria,
  dataValidationBuilder,
  dataValidationObject,
} from './sheets-rules';
import { type Session, signatureError, unwrap } from './sheets-session';
import { sheetObject } from './sheets-sheet';
import { checkTimeZone, HOST_TIME_ZONE, isDate, zoneParts } from './sheets-values';

/** The services object handed to loadBundle, typed as Apps Script's for host-side tests. */
export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Charts: GoogleAppsScript.Charts.Charts;
  [name: string]: unknown;
}

/** Who holds a lock: a session, or a stand-in for a teammate outside the test's scripts. */
export interface LockState {
  holder: object | null;
}

/** What all sessions of one emulator share. */
export interface Shared {
  book: Workbook;
  host: HostState;
  addonName: string;
  documentProperties: Map<string, string>;
  scriptProperties: Map<string, string>;
  userProperties: Map<string, Map<string, string>>;
  documentLock: LockState;
  scriptLock: LockState;
  userLocks: Map<string, LockState>;
}

const enumOf = <T extends string>(...names: T[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);

export function createServices(shared: Shared, session: Session): Services {
  const objects: ObjectFactories = {
    spreadsheet: () => spreadsheetObject(ctx),
    sheet: (sheet) => sheetObject(ctx, sheet),
    range: (area) => rangeObject(ctx, area),
    protection: (protection) => protectionObject(ctx, protection),
    namedRange: (named) => namedRangeObject(ctx, named),
    dataValidation: (rule) => dataValidationObject(ctx, rule),
    conditionalFormatRule: (rule) => conditionalFormatRuleObject(ctx, rule),
  };
  const ctx: Ctx = { session, book: shared.book, host: shared.host, objects };
  const userKey = session.user.toLowerCase();
  const userProps = shared.userProperties.get(userKey) ?? new Map<string, string>();
  shared.userProperties.set(userKey, userProps);
  const userLock = shared.userLocks.get(userKey) ?? { holder: null };
  shared.userLocks.set(userKey, userLock);

  const services = {
    SpreadsheetApp: spreadsheetApp(ctx, shared),
    PropertiesService: session.wrap('PropertiesService', 'PropertiesService', {
      getDocumentProperties: () => propertiesObject(session, shared.documentProperties),
      getScriptProperties: () => propertiesObject(session, shared.scriptProperties),
      getUserProperties: () => propertiesObject(session, userProps),
    }),
    LockService: session.wrap('LockService', 'LockService', {
      getDocumentLock: () => lockObject(session, shared.documentLock),
      getScriptLock: () => lockObject(session, shared.scriptLock),
      getUserLock: () => lockObject(session, userLock),
    }),
    HtmlService: htmlService(session),
    ScriptApp: scriptApp(session),
    Session: session.wrap('Session', 'Session', {
      getActiveUser: () => userObject(ctx, session.user, 'Session'),
      getEffectiveUser: () => userObject(ctx, session.user, 'Session'),
      getActiveUserLocale: () => 'en',
      getScriptTimeZone: () => HOST_TIME_ZONE,
      getTemporaryActiveUserKey: () => `temp-${Buffer.from(session.user).toString('base64')}`,
    }),
    Charts: chartsService(session),
    Utilities: session.wrap('Utilities', 'Utilities', {
      formatDate,
      parseCsv,
      sleep: () => undefined,
      getUuid: () => crypto.randomUUID(),
      ...utilitiesBlobs(session),
    }),
  };
  return services as unknown as Services;
}

function spreadsheetApp(ctx: Ctx, shared: Shared) {
  const { book, session } = ctx;
  const open = () => {
    if (!book.role(session.user)) {
      throw new Error('You do not have permission to access the requested document.');
    }
    return spreadsheetObject(ctx);
  };
  const activeSheet = () => book.activeSheet ?? book.sheets[0];
  return session.wrap('SpreadsheetApp', 'SpreadsheetApp', {
    getActiveSpreadsheet: open,
    getActive: open,
    getActiveSheet() {
      open();
      return sheetObject(ctx, activeSheet());
    },
    getActiveRange() {
      open();
      return rangeObject(ctx, { sheet: activeSheet(), r1: 1, c1: 1, r2: 1, c2: 1 });
    },
    getUi: () => uiObject(ctx, shared.addonName),
    newDataValidation: () => dataValidationBuilder(ctx),
    newConditionalFormatRule: () => conditionalFormatRuleBuilder(ctx),
    flush: () => undefined,
    DataValidationCriteria,
    BooleanCriteria,
    ProtectionType,
    WrapStrategy: enumOf('WRAP', 'OVERFLOW', 'CLIP'),
    BorderStyle: enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'),
    Dimension: enumOf('COLUMNS', 'ROWS'),
  });
}

// ---- PropertiesService ----

const MAX_VALUE = 9 * 1024;
const MAX_STORE = 500 * 1024;

function propertiesObject(session: Session, store: Map<string, string>) {
  const at = (method: string) => `PropertiesService.Properties.${method}`;
  const put = (key: unknown, value: unknown, method: string) => {
    if (typeof key !== 'string' || value === null || value === undefined) {
      throw signatureError(at(method), [key, value]);
    }
    if (key === '') throw new Error('Invalid argument: key');
    const text = isDate(value) ? String(new Date(value.getTime())) : String(value);
    if (Buffer.byteLength(text) > MAX_VALUE) throw new Error('Argument too large: value');
    store.set(key, text);
  };
  const checkQuota = () => {
    let total = 0;
    for (const [key, value] of store) total += Buffer.byteLength(key) + Buffer.byteLength(value);
    if (total > MAX_STORE) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  };
  const self = session.wrap('PropertiesService', 'Properties', {
    getProperty: (key: unknown) => store.get(String(key)) ?? null,
    setProperty(key: unknown, value: unknown) {
      const before = new Map(store);
      put(key, value, 'setProperty');
      guard(before, checkQuota);
      return self;
    },
    setProperties(values: unknown, deleteAllOthers?: unknown) {
      if (typeof values !== 'object' || values === null || Array.isArray(values)) {
        throw signatureError(at('setProperties'), [values]);
      }
      const before = new Map(store);
      if (deleteAllOthers === true) store.clear();
      for (const [key, value] of Object.entries(values)) put(key, value, 'setProperties');
      guard(before, checkQuota);
      return self;
    },
    getProperties: () => Object.fromEntries(store),
    getKeys: () => [...store.keys()],
    deleteProperty(key: unknown) {
      store.delete(String(key));
      return self;
    },
    deleteAllProperties() {
      store.clear();
      return self;
    },
  });

  /** Leaves the store as it was when the change breaks the quota. */
  function guard(before: Map<string, string>, check: () => void): void {
    try {
      check();
    } catch (error) {
      store.clear();
      for (const [key, value] of before) store.set(key, value);
      throw error;
    }
  }
  return self;
}

// ---- LockService ----

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function lockObject(session: Session, state: LockState) {
  const at = (method: string) => `LockService.Lock.${method}`;
  // Nothing runs concurrently here, so a lock another session holds is never freed while waiting.
  const acquire = (timeout: unknown, method: string) => {
    if (typeof timeout !== 'number') throw signatureError(at(method), [timeout]);
    if (state.holder !== null && state.holder !== session) return false;
    state.holder = session;
    return true;
  };
  return session.wrap('LockService', 'Lock', {
    tryLock: (timeout: unknown) => acquire(timeout, 'tryLock'),
    waitLock(timeout: unknown) {
      if (!acquire(timeout, 'waitLock')) throw new Error(LOCK_TIMEOUT);
    },
    releaseLock() {
      if (state.holder === session) state.holder = null;
    },
    hasLock: () => state.holder === session,
  });
}

// ---- HtmlService ----

interface HtmlModel {
  content: string;
  title: string;
  width: number;
  height: number;
  metaTags: { name: string; content: string }[];
}

function htmlService(session: Session) {
  return session.wrap('HtmlService', 'HtmlService', {
    createHtmlOutput: (html?: unknown) =>
      htmlOutput(session, html === undefined ? '' : String(html)),
    createHtmlOutputFromFile(name: unknown) {
      if (typeof name !== 'string')
        throw signatureError('HtmlService.createHtmlOutputFromFile', [name]);
      const file = path.join(BUILD_DIR, name.endsWith('.html') ? name : `${name}.html`);
      if (!existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
      return htmlOutput(session, readFileSync(file, 'utf8'));
    },
    SandboxMode: enumOf('EMULATED', 'IFRAME', 'NATIVE'),
    XFrameOptionsMode: enumOf('ALLOWALL', 'DEFAULT'),
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function htmlOutput(session: Session, content: string) {
  const model: HtmlModel = { content, title: '', width: 300, height: 500, metaTags: [] };
  const self = session.wrap(
    'HtmlService',
    'HtmlOutput',
    {
      getContent: () => model.content,
      setContent(html: unknown) {
        model.content = String(html);
        return self;
      },
      append(html: unknown) {
        model.content += String(html);
        return self;
      },
      appendUntrusted(text: unknown) {
        model.content += escapeHtml(String(text));
        return self;
      },
      clear() {
        model.content = '';
        return self;
      },
      getTitle: () => model.title,
      setTitle(title: unknown) {
        model.title = String(title);
        return self;
      },
      getWidth: () => model.width,
      setWidth(width: unknown) {
        model.width = Number(width);
        return self;
      },
      getHeight: () => model.height,
      setHeight(height: unknown) {
        model.height = Number(height);
        return self;
      },
      setSandboxMode: () => self,
      setXFrameOptionsMode: () => self,
      setFaviconUrl: () => self,
      addMetaTag(name: unknown, value: unknown) {
        model.metaTags.push({ name: String(name), content: String(value) });
        return self;
      },
      getMetaTags: () => model.metaTags.map((tag) => ({ ...tag })),
    },
    model,
  );
  return self;
}

// ---- Ui ----

const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

function uiObject(ctx: Ctx, addonName: string) {
  const { session, host } = ctx;
  const at = (method: string) => `SpreadsheetApp.Ui.${method}`;
  const shown = (html: unknown, method: string, title?: unknown) => {
    const model = unwrap<HtmlModel>(html, 'HtmlOutput');
    if (!model) throw signatureError(at(method), [html]);
    return { title: title === undefined ? model.title : String(title), content: model.content };
  };
  /** alert/prompt overloads: (prompt), (prompt, buttons), (title, prompt, buttons). */
  const dialogArgs = (args: unknown[]) => {
    const last = args[args.length - 1];
    const buttons = args.length > 1 && typeof last === 'string' && last in ButtonSet;
    const texts = (buttons ? args.slice(0, -1) : args).map(String);
    const set = buttons ? String(last) : 'OK';
    return { title: texts.length > 1 ? texts[0] : '', prompt: texts[texts.length - 1] ?? '', set };
  };
  const answer = (set: string) => {
    const next = host.uiAnswers.shift();
    return {
      button: next?.button ?? (set.startsWith('YES') ? 'YES' : 'OK'),
      text: next?.text ?? '',
    };
  };
  return session.wrap('Ui', 'Ui', {
    createAddonMenu: () => menuObject(ctx, { title: addonName, items: [] }),
    createMenu(caption: unknown) {
      if (typeof caption !== 'string') throw signatureError(at('createMenu'), [caption]);
      return menuObject(ctx, { title: caption, items: [] });
    },
    showSidebar(html: unknown) {
      host.sidebar = shown(html, 'showSidebar');
    },
    showModalDialog(html: unknown, title: unknown) {
      host.dialogs.push(shown(html, 'showModalDialog', title));
    },
    showModelessDialog(html: unknown, title: unknown) {
      host.dialogs.push(shown(html, 'showModelessDialog', title));
    },
    alert(...args: unknown[]) {
      const { title, prompt, set } = dialogArgs(args);
      host.alerts.push({ title, prompt, kind: 'alert' });
      return answer(set).button;
    },
    prompt(...args: unknown[]) {
      const { title, prompt, set } = dialogArgs(args);
      host.alerts.push({ title, prompt, kind: 'prompt' });
      const { button, text } = answer(set);
      return session.wrap('Ui', 'PromptResponse', {
        getResponseText: () => text,
        getSelectedButton: () => button,
      });
    },
    Button,
    ButtonSet,
  });
}

function menuObject(ctx: Ctx, menu: MenuRecord) {
  const { session, host } = ctx;
  const at = (method: string) => `SpreadsheetApp.Menu.${method}`;
  const self = session.wrap(
    'Ui',
    'Menu',
    {
      addItem(caption: unknown, functionName: unknown) {
        if (typeof caption !== 'string' || typeof functionName !== 'string') {
          throw signatureError(at('addItem'), [caption, functionName]);
        }
        menu.items.push({ caption, functionName });
        return self;
      },
      addSeparator() {
        menu.items.push({ caption: '---', functionName: '' });
        return self;
      },
      addSubMenu(sub: unknown) {
        const model = unwrap<MenuRecord>(sub, 'Menu');
        if (!model) throw signatureError(at('addSubMenu'), [sub]);
        menu.items.push({ caption: model.title, functionName: '', submenu: model });
        return self;
      },
      addToUi() {
        host.menus = host.menus.filter((m) => m.title !== menu.title);
        host.menus.push(menu);
      },
    },
    menu,
  );
  return self;
}

// ---- ScriptApp and Utilities ----

function scriptApp(session: Session) {
  const AuthMode = enumOf('NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION');
  const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
  return session.wrap('ScriptApp', 'ScriptApp', {
    getAuthorizationInfo: () =>
      session.wrap('ScriptApp', 'AuthorizationInfo', {
        getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
        getAuthorizationUrl: () => null,
      }),
    getScriptId: () => 'emulated-script-id',
    getProjectTriggers: () => [],
    getOAuthToken: () => 'emulated-oauth-token',
    AuthMode,
    AuthorizationStatus,
  });
}

/**
 * Utilities.parseCsv(csv, delimiter?): rows of strings, as written (no trimming, no types).
 * Quoted fields may hold the delimiter, doubled quotes and line breaks; lines end in LF, CRLF
 * or CR; rows keep their own length; a blank line is a row of one empty string, and a final
 * line break adds no row. Text it can't split (a quote never closed) throws.
 */
function parseCsv(...args: unknown[]): string[][] {
  const [csv, delimiter] = args;
  const badDelimiter =
    args.length > 1 && (typeof delimiter !== 'string' || [...delimiter].length !== 1);
  if (typeof csv !== 'string' || args.length > 2 || badDelimiter) {
    throw signatureError('Utilities.parseCsv', args);
  }
  try {
    return parseCsvText(csv, {
      delimiter: args.length > 1 ? (delimiter as string) : ',',
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch {
    throw new Error('Could not parse text.');
  }
}

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** Utilities.formatDate with the common SimpleDateFormat letters. */
function formatDate(date: unknown, timeZone: unknown, format: unknown): string {
  if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
    throw signatureError('Utilities.formatDate', [date, timeZone, format]);
  }
  const parts = zoneParts(date, checkTimeZone(timeZone));
  const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) =>
    Number(parts[k]),
  );
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const tokens: Record<string, string> = {
    yyyy: String(y),
    yy: pad(y % 100),
    MMMM: MONTHS[mo - 1],
    MMM: MONTHS[mo - 1].slice(0, 3),
    MM: pad(mo),
    M: String(mo),
    dd: pad(d),
    d: String(d),
    HH: pad(h),
    H: String(h),
    hh: pad(h % 12 || 12),
    h: String(h % 12 || 12),
    mm: pad(mi),
    m: String(mi),
    ss: pad(s),
    s: String(s),
    SSS: pad(date.getMilliseconds(), 3),
    a: h < 12 ? 'AM' : 'PM',
    EEEE: parts.weekday,
    EEE: parts.weekday.slice(0, 3),
    E: parts.weekday.slice(0, 3),
  };
  return format.replace(
    /'([^']*)'|yyyy|yy|MMMM|MMM|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|a|EEEE|EEE|E/g,
    (token, quoted) => (quoted !== undefined ? quoted || "'" : (tokens[token] ?? token)),
  );
}
