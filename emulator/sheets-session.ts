// Sessions (one user's execution against the shared spreadsheet), the call log every service
// method reports to, and the wrapper that turns plain method tables into Apps Script objects.
import { isDate } from './sheets-values';

export interface CallEntry {
  /** `Class.method`, e.g. `Range.setValues`. */
  name: string;
  user: string;
  /** The service the object belongs to, e.g. `SpreadsheetApp`, `Ui`, `PropertiesService`. */
  service: string;
}

export type CallHook = (name: string, user: string) => void;
export type CallFilter = string | RegExp | ((entry: CallEntry) => boolean);

const SPREADSHEET_CLASSES = new Set(['Spreadsheet', 'Sheet', 'Range', 'Protection', 'NamedRange']);
/** Methods that only hand back an object for a range or sheet, without reading or writing. */
const NAVIGATION = new Set([
  'getRange',
  'getDataRange',
  'getRangeByName',
  'offset',
  'getSheet',
  'getParent',
]);

export class CallLog {
  readonly log: CallEntry[] = [];
  /** Milliseconds spent inside service calls (the emulator's work, not the script's) since reset. */
  serviceMs = 0;
  private depth = 0;
  private readonly hooks = new Set<CallHook>();
  private inHook = false;

  /** Times the outermost service call (one service may call another's methods). */
  timed<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.depth++;
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.serviceMs += performance.now() - start;
      this.depth--;
    }
  }

  record(entry: CallEntry): void {
    this.log.push(entry);
  }

  /** Runs the hooks after a call; calls made by a hook do not re-enter the hooks. */
  afterCall(entry: CallEntry): void {
    if (this.inHook || this.hooks.size === 0) return;
    this.inHook = true;
    try {
      for (const hook of [...this.hooks]) hook(entry.name, entry.user);
    } finally {
      this.inHook = false;
    }
  }

  onCall(hook: CallHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  /**
   * Calls matching the filter: `'Range.setValues'` (exact), `'Range'` (a class), a RegExp on
   * the name, or a predicate. Without a filter, every call.
   */
  count(filter?: CallFilter): number {
    return this.log.filter((entry) => matches(entry, filter)).length;
  }

  reset(): void {
    this.log.length = 0;
    this.serviceMs = 0;
  }

  /** Calls that read or write the spreadsheet (not those that only get a range object). */
  spreadsheetCount(): number {
    return this.log.filter((entry) => {
      const [cls, method] = entry.name.split('.');
      return SPREADSHEET_CLASSES.has(cls) && !NAVIGATION.has(method);
    }).length;
  }

  services(): Set<string> {
    return new Set(this.log.map((entry) => entry.service));
  }
}

function matches(entry: CallEntry, filter?: CallFilter): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(entry);
  if (filter instanceof RegExp) return filter.test(entry.name);
  return filter.includes('.') ? entry.name === filter : entry.name.startsWith(`${filter}.`);
}

/** Constructors of the script's realm, so returned values pass its `instanceof` checks. */
export interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

const brands = new WeakMap<object, { cls: string; model: unknown }>();

type Methods = Record<string, unknown>;

export class Session {
  realm: Realm | null = null;

  constructor(
    readonly user: string,
    readonly calls: CallLog,
  ) {}

  /**
   * Makes an Apps Script object from a method table: every function is logged as
   * `cls.method`, runs, has its result moved into the script's realm, then the hooks run.
   * `model` is what other methods get back from `unwrap` when the object is passed to them.
   */
  wrap<T extends Methods>(service: string, cls: string, methods: T, model?: unknown): T {
    const object: Methods = {};
    for (const [key, member] of Object.entries(methods)) {
      object[key] =
        typeof member === 'function'
          ? this.method(service, cls, key, member as (...args: unknown[]) => unknown)
          : member;
    }
    brands.set(object, { cls, model });
    return object as T;
  }

  private method(service: string, cls: string, name: string, fn: (...args: unknown[]) => unknown) {
    const entry = { name: `${cls}.${name}`, user: this.user, service };
    return (...args: unknown[]) => {
      this.calls.record(entry);
      let result: unknown;
      try {
        result = this.calls.timed(() => fn(...args));
      } catch (error) {
        throw this.exception(error);
      }
      this.calls.afterCall(entry);
      return this.toRealm(result);
    };
  }

  /** Apps Script errors print as `Exception: message`. */
  exception(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    const copy = this.realm ? new this.realm.Error(error.message) : new Error(error.message);
    copy.name = 'Exception';
    return copy;
  }

  toRealm<T>(value: T): T {
    const realm = this.realm;
    if (!realm) return value;
    const move = (item: unknown): unknown => {
      if (Array.isArray(item)) return realm.Array.from(item, move);
      if (isDate(item)) return new realm.Date(item.getTime());
      if (item && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
        if (brands.has(item)) return item;
        const copy = realm.Object.create(realm.Object.prototype) as Record<string, unknown>;
        for (const [key, inner] of Object.entries(item)) copy[key] = move(inner);
        return copy;
      }
      return item;
    };
    return move(value) as T;
  }
}

/** The class name of an object made by `wrap` (e.g. `DataValidationBuilder`), if any. */
export function classOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? brands.get(value)?.cls : undefined;
}

/** The model behind an object made by `wrap`, when it is of class `cls`. */
export function unwrap<T>(value: unknown, cls: string): T | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const brand = brands.get(value);
  return brand?.cls === cls ? (brand.model as T) : undefined;
}

/** Apps Script's message when arguments do not fit any overload of a method. */
export function signatureError(path: string, args: unknown[]): Error {
  const types = args.map(typeName).join(',');
  return new Error(`The parameters (${types}) don't match the method signature for ${path}.`);
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return Array.isArray(value[0]) ? 'Object[][]' : 'Object[]';
  return classOf(value) ?? 'Object';
}
