// The one way the sidebar talks to the server: google.script.run as a typed promise.
import type { ServerApi } from '../shared/api';

/** The part of google.script.run the sidebar uses; server functions are its other properties. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

type Result<K extends keyof ServerApi> = ReturnType<ServerApi[K]>;

/** Calls a server function; rejects with an Error whose message a user can read as is. */
export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<Result<K>> {
  return new Promise<Result<K>>((resolve, reject) => {
    const fail = (error: unknown) => reject(new Error(plainMessage(error)));
    try {
      if (typeof google === 'undefined' || !google?.script?.run) {
        throw new Error('This page only works inside Google Sheets (Extensions menu).');
      }
      const runner = google.script.run
        .withSuccessHandler((value) => resolve(value as Result<K>))
        .withFailureHandler(fail);
      const fn = runner[name];
      if (typeof fn !== 'function') {
        throw new Error(`The add-on's server has no "${name}" yet. Reload the sidebar.`);
      }
      fn.apply(runner, args);
    } catch (error) {
      fail(error);
    }
  });
}

/**
 * Apps Script prefixes thrown messages with the error's class ("Exception: ", "Error: ",
 * "TypeError: "); users should read plain words, never a class name.
 */
export function plainMessage(error: unknown): string {
  const raw =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error ?? '');
  let text = raw.trim();
  for (let prev = ''; prev !== text; ) {
    prev = text;
    text = text.replace(/^[A-Za-z]*(?:Exception|Error)\s*:\s*/, '').trim();
  }
  return text || 'Something went wrong on the server. Please try again.';
}
