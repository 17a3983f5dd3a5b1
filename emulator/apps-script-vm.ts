// Loads the exact bundle clasp pushes into a vm context shaped like Apps Script: the
// language's built-ins and the services a test hands in; no require, process, timers or fetch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const BUILD_DIR = path.resolve(__dirname, '../build');
export const BUNDLE_PATH = path.join(BUILD_DIR, 'Code.js');

export interface LoadedScript {
  context: vm.Context;
  /** The code it ran (for what only the source says, such as `@customfunction` tags). */
  source: string;
  /** Names the script's global scope defined (beyond the services handed in). */
  definedGlobals: string[];
  /** Calls a top-level function of the script, as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
  /** Copies a host value (arrays, dates, plain objects) into the script's realm, as Sheets would pass it. */
  toRealm<T>(value: T): T;
  logs: string[];
}

export function loadBundle(
  services: Record<string, unknown> = {},
  code = readBundle(),
): LoadedScript {
  const logs: string[] = [];
  const log = (...parts: unknown[]) => logs.push(parts.map(String).join(' '));
  const sandbox: Record<string, unknown> = {
    console: { log, info: log, warn: log, error: log },
    Logger: { log },
    ...services,
  };
  const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
  const before = new Set(Object.getOwnPropertyNames(context));
  vm.runInContext(code, context, { filename: 'Code.js' });
  const definedGlobals = Object.getOwnPropertyNames(context).filter((name) => !before.has(name));
  const realmArray = vm.runInContext('Array', context) as ArrayConstructor;
  const realmDate = vm.runInContext('Date', context) as DateConstructor;
  const realmObject = vm.runInContext('Object', context) as ObjectConstructor;

  function toRealm<T>(value: T): T {
    if (Array.isArray(value)) return realmArray.from(value, (item) => toRealm(item)) as T;
    // Tag check, not instanceof: a date may come from either realm.
    if (Object.prototype.toString.call(value) === '[object Date]') {
      return new realmDate((value as unknown as Date).getTime()) as T;
    }
    if (value && typeof value === 'object') {
      const copy = realmObject.create(realmObject.prototype) as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) copy[key] = toRealm(item);
      return copy as T;
    }
    return value;
  }

  function call(name: string, ...args: unknown[]): unknown {
    const fn = context[name];
    if (typeof fn !== 'function') throw new Error(`Code.js defines no function ${name}`);
    return fn(...args.map((arg) => toRealm(arg)));
  }

  return { context, source: code, definedGlobals, call, toRealm, logs };
}

export function readBundle(): string {
  return readFileSync(BUNDLE_PATH, 'utf8');
}
