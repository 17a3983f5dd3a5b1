// Opens the built sidebar in headless Chromium (scripts/chromium.mjs finds one) with
// google.script.run bridged to the real server bundle: arguments and results cross as JSON,
// a thrown server error reaches the failure handler. Every request other than the page itself
// is blocked and recorded, so a test can prove the page is self-contained.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export type { Browser };

import { BUILD_DIR, type LoadedScript } from '../../emulator/apps-script-vm';
import { launchChromium } from '../../scripts/chromium.mjs';

export const SIDEBAR_PATH = path.join(BUILD_DIR, 'sidebar.html');
/** The page is served from a made-up origin; nothing is ever fetched from the network. */
export const SIDEBAR_URL = 'http://sidebar.test/';

/** What runs server calls: a bundle loaded in the vm, or any stand-in with the same shape. */
export interface ScriptServer {
  call(name: string, ...args: unknown[]): unknown;
}

export interface ServerCall {
  name: string;
  args: unknown[];
  /** The JSON result, or the error message the failure handler received. */
  outcome: { ok: true; value: unknown } | { ok: false; message: string };
}

export interface SidebarSession {
  page: Page;
  /** The server the page talks to (the loaded bundle when opened on an emulator). */
  server: ScriptServer;
  /** Every google.script.run call, in order. */
  calls: ServerCall[];
  /** URLs the page tried to fetch besides itself (all were blocked). */
  requests: string[];
  /** Messages of dialogs (alert, confirm, prompt) the page opened; each was dismissed. */
  dialogs: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** Holds server calls until release(), so a test can see the page while the server works. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/** The sheet emulator (emulator/sheets-emulator.ts), as far as the bridge needs it. */
export interface EmulatorLike {
  /** Loads build/Code.js against the emulator's services. */
  load(): LoadedScript;
  /** What the script last showed with Ui.showSidebar. */
  readonly sidebar: { content: string } | null;
}

export interface OpenOptions {
  /** The browser to open a page in; without it the session launches one and closes it after. */
  browser?: Browser;
  /**
   * A menu function (e.g. "showCodesSidebar") to run first; the page is then the HTML the
   * script handed to Ui.showSidebar, as Sheets would show it. Needs an emulator.
   */
  menu?: string;
  /** The sidebar HTML; build/sidebar.html by default. */
  html?: string;
  /** Names google.script.run offers; by default every public top-level function of the bundle. */
  functions?: string[];
  viewport?: { width: number; height: number };
}

/**
 * Headless Chromium: CHROMIUM_PATH, else a system Chromium or Chrome, else the one inside the
 * @sparticuz/chromium package (see scripts/chromium.mjs). A test file launches one and opens a
 * session per test.
 */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** Apps Script offers the script's top-level functions, except private ones (trailing _). */
function publicFunctions(script: LoadedScript): string[] {
  return script.definedGlobals.filter(
    (name) => typeof script.context[name] === 'function' && !name.endsWith('_'),
  );
}

function isLoadedScript(server: ScriptServer): server is LoadedScript {
  return 'definedGlobals' in server && 'context' in server;
}

/** The message google.script.run hands the failure handler: "Error: ..." as Apps Script does. */
function failureMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const name = 'name' in error && typeof error.name === 'string' ? error.name : 'Error';
    return `${name}: ${String(error.message)}`;
  }
  return `Exception: ${String(error)}`;
}

function isEmulator(target: EmulatorLike | ScriptServer): target is EmulatorLike {
  return 'load' in target && typeof target.load === 'function';
}

/** The HTML Sheets would show: from the menu function, a given page, or build/sidebar.html. */
function sidebarHtml(
  target: EmulatorLike | ScriptServer,
  server: ScriptServer,
  options: OpenOptions,
) {
  if (options.html !== undefined) return options.html;
  if (!options.menu) return readFileSync(SIDEBAR_PATH, 'utf8');
  if (!isEmulator(target)) throw new Error('openSidebar: options.menu needs an emulator');
  server.call(options.menu);
  if (!target.sidebar) throw new Error(`openSidebar: ${options.menu} showed no sidebar`);
  return target.sidebar.content;
}

/**
 * Opens the sidebar with google.script.run bridged to `target`: an emulator (build/Code.js is
 * loaded against it) or a server directly.
 */
export async function openSidebar(
  target: EmulatorLike | ScriptServer,
  options: OpenOptions = {},
): Promise<SidebarSession> {
  const server: ScriptServer = isEmulator(target) ? target.load() : target;
  const functions =
    options.functions ?? (isLoadedScript(server) ? publicFunctions(server) : undefined);
  if (!functions) throw new Error('openSidebar: pass options.functions for a stand-in server');
  const html = sidebarHtml(target, server, options);

  const browser = options.browser ?? (await launchBrowser());
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 300, height: 900 },
    serviceWorkers: 'block',
    javaScriptEnabled: true,
  });
  const page = await context.newPage();
  const calls: ServerCall[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  let gate: { promise: Promise<void>; open: () => void } | undefined;

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === SIDEBAR_URL) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    requests.push(url);
    return route.abort('blockedbyclient');
  });
  // WebSockets are not routed; record them too.
  page.on('websocket', (socket) => requests.push(socket.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.exposeFunction('__scriptRun', async (name: string, json: string) => {
    if (gate) await gate.promise;
    const args = JSON.parse(json) as unknown[];
    try {
      const result = server.call(name, ...args);
      // Like google.script.run: only what survives JSON reaches the page.
      const value = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
      calls.push({ name, args, outcome: { ok: true, value } });
      return { ok: true, json: value === undefined ? undefined : JSON.stringify(value) };
    } catch (error) {
      const message = failureMessage(error);
      calls.push({ name, args, outcome: { ok: false, message } });
      return { ok: false, message };
    }
  });

  await page.addInitScript((names: string[]) => {
    type Handler = ((value: unknown, userObject?: unknown) => void) | null;
    type Bridge = (
      name: string,
      json: string,
    ) => Promise<{ ok: boolean; json?: string; message?: string }>;
    const bridge = (window as unknown as { __scriptRun: Bridge }).__scriptRun;
    function runner(success: Handler, failure: Handler, userObject: unknown): object {
      const run: Record<string, unknown> = {
        withSuccessHandler: (fn: Handler) => runner(fn, failure, userObject),
        withFailureHandler: (fn: Handler) => runner(success, fn, userObject),
        withUserObject: (object: unknown) => runner(success, failure, object),
      };
      for (const name of names) {
        run[name] = (...args: unknown[]) => {
          // Asynchronous like the real thing: handlers never run inside the call.
          bridge(name, JSON.stringify(args)).then(
            (reply) => {
              if (reply.ok) {
                success?.(
                  reply.json === undefined ? undefined : JSON.parse(reply.json),
                  userObject,
                );
              } else {
                failure?.(new Error(reply.message), userObject);
              }
            },
            (error: Error) => failure?.(error, userObject),
          );
        };
      }
      return run;
    }
    const host = { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} } };
    (window as unknown as { google: unknown }).google = {
      script: { run: runner(null, null, undefined), host },
    };
  }, functions);

  await page.goto(SIDEBAR_URL);

  return {
    page,
    server,
    calls,
    requests,
    dialogs,
    pageErrors,
    hold() {
      if (gate) return;
      let open = () => {};
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { promise, open };
    },
    release() {
      gate?.open();
      gate = undefined;
    },
    async close() {
      gate?.open();
      await context.close();
      if (!options.browser) await browser.close();
    },
  };
}

/** A test file's browser: sessions opened here are checked and closed after each test. */
export interface SidebarBrowser {
  /** Opens the sidebar (see openSidebar) on the file's shared browser. */
  open(
    target: EmulatorLike | ScriptServer,
    options?: Omit<OpenOptions, 'browser'>,
  ): Promise<SidebarSession>;
}

/**
 * Call once at the top of a test file: launches one browser for the file and closes it after
 * all tests. After each test, every session `open` made must have seen no page error, no
 * dialog and no outside request; it is then closed.
 */
export function useSidebarBrowser(): SidebarBrowser {
  let browser: Browser | undefined;
  let sessions: SidebarSession[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });

  afterEach(async () => {
    const opened = sessions;
    sessions = [];
    try {
      for (const session of opened) {
        expect(session.pageErrors).toEqual([]);
        expect(session.dialogs).toEqual([]);
        expect(session.requests).toEqual([]);
      }
    } finally {
      for (const session of opened) await session.close();
    }
  });

  return {
    async open(target, options = {}) {
      if (!browser) throw new Error('useSidebarBrowser: open() runs only inside tests and hooks');
      const session = await openSidebar(target, { ...options, browser });
      sessions.push(session);
      return session;
    },
  };
}
