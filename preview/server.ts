// The preview's HTTP server (preview/contract.ts lists the routes). Bound to 127.0.0.1; requests
// from other origins or hosts are refused before anything runs, and nothing a request sends can
// crash the process or half-change the workbook.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toSnapshot } from '../emulator/sheets-snapshot';
import type { CellInput, CellResult, RowsInput, RowsResult } from './contract';
import { workbookView } from './view';
import { MAX_ADDED_ROWS, PreviewWorkbook } from './workbook';
import { workbookToXlsx } from './xlsx';

/** An import may send a 10 MB file as JSON text; twice that is the most any body may carry. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;
const NAME = /^[A-Za-z_$][\w$]*$/;

export interface PreviewOptions {
  /** 0 picks a free port. */
  port: number;
  /** Builds the workbook the preview opens on (the sample, an empty sheet, or a saved file). */
  open: () => PreviewWorkbook;
  /** The page's files, by path (`/`, `/page.js`, ...). */
  assets: Map<string, { contentType: string; body: string }>;
  /** Injected first into the sidebar's <head>: google.script.run over HTTP. */
  sidebarShim: string;
}

export interface RunningPreview {
  url: string;
  port: number;
  server: Server;
  /** The workbook being shown (replaced by POST /open). */
  readonly workbook: PreviewWorkbook;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  let workbook = options.open();
  let sidebarVersion = 0;
  let shownSidebar = workbook.emulator.sidebar;
  // Toasts from building the opening workbook (the sample) were never seen by anyone.
  let toastsSeen = workbook.emulator.toasts.length;
  let port = 0;

  const routes: Record<
    string,
    (req: IncomingMessage, body: string, url: URL) => Reply | Promise<Reply>
  > = {
    'GET /workbook': () => {
      const emulator = workbook.emulator;
      if (emulator.sidebar !== shownSidebar) {
        shownSidebar = emulator.sidebar;
        if (shownSidebar) sidebarVersion++;
      }
      const toasts = emulator.toasts
        .slice(toastsSeen)
        .map(({ title, message }) => ({ title, message }));
      toastsSeen = emulator.toasts.length;
      return json(200, workbookView(emulator, { sidebarVersion, toasts }));
    },
    'POST /cell': (_req, body) => {
      const input = parseJson(body) as Partial<CellInput> | null;
      if (
        !input ||
        typeof input.sheet !== 'string' ||
        typeof input.a1 !== 'string' ||
        typeof input.input !== 'string' ||
        !/^[A-Z]{1,3}[1-9]\d{0,6}$/i.test(input.a1)
      ) {
        throw new HttpError(
          400,
          'POST /cell takes {"sheet", "a1", "input"}: a sheet name, one cell such as "B7", and the text typed.',
        );
      }
      if (!workbook.emulator.sheetNames().includes(input.sheet)) {
        throw new HttpError(404, `There is no sheet named "${input.sheet}".`);
      }
      const outcome = workbook.type(input.sheet, input.a1.toUpperCase(), input.input);
      if (outcome.status === 'refused') return json(422, { error: outcome.message });
      const result: CellResult = {
        display: outcome.display,
        warnings: outcome.warnings,
        changes: outcome.changes,
      };
      return json(200, result);
    },
    'POST /rows': (_req, body) => {
      const input = parseJson(body) as Partial<RowsInput> | null;
      if (
        typeof input?.sheet !== 'string' ||
        typeof input.count !== 'number' ||
        !Number.isInteger(input.count) ||
        input.count < 1 ||
        input.count > MAX_ADDED_ROWS
      ) {
        throw new HttpError(
          400,
          `POST /rows takes {"sheet", "count"}: a sheet name and 1 to ${MAX_ADDED_ROWS} rows to add at the bottom.`,
        );
      }
      if (!workbook.emulator.sheetNames().includes(input.sheet)) {
        throw new HttpError(404, `There is no sheet named "${input.sheet}".`);
      }
      try {
        const result: RowsResult = workbook.addRowsWatched(input.sheet, input.count);
        return json(200, result);
      } catch (error) {
        return json(422, { error: messageOf(error) });
      }
    },
    'POST /activate': (_req, body) => {
      const input = parseJson(body) as { sheet?: unknown } | null;
      if (
        typeof input?.sheet !== 'string' ||
        !workbook.emulator.sheetNames().includes(input.sheet)
      ) {
        throw new HttpError(400, 'POST /activate takes {"sheet"}: the name of a sheet.');
      }
      workbook.emulator.activate(input.sheet);
      return json(200, { active: input.sheet });
    },
    'GET /sidebar': () => {
      const shown = workbook.emulator.sidebar;
      if (!shown) throw new HttpError(404, 'No sidebar is open.');
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: withShim(shown.content, options.sidebarShim),
      };
    },
    'POST /sidebar/close': () => {
      workbook.emulator.closeSidebar();
      shownSidebar = null;
      return json(200, { closed: true });
    },
    'GET /export.xlsx': async () => ({
      status: 200,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await workbookToXlsx(workbook.emulator),
      headers: { 'Content-Disposition': 'attachment; filename="influencer-roi-preview.xlsx"' },
    }),
    'GET /save.json': () => ({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: JSON.stringify(toSnapshot(workbook.emulator)),
      headers: { 'Content-Disposition': 'attachment; filename="influencer-roi-workbook.json"' },
    }),
    'POST /open': (_req, body) => {
      const snapshot = parseJson(body);
      if (snapshot === undefined)
        throw new HttpError(400, 'POST /open takes a saved workbook (.json).');
      try {
        workbook = new PreviewWorkbook({ snapshot });
      } catch (error) {
        throw new HttpError(422, `That file is not a saved preview workbook: ${messageOf(error)}`);
      }
      shownSidebar = workbook.emulator.sidebar;
      toastsSeen = workbook.emulator.toasts.length;
      return json(200, { opened: true });
    },
  };

  const handle = async (req: IncomingMessage): Promise<Reply> => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    refuseForeign(req, port);
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      const asset = options.assets.get(url.pathname);
      if (asset) return { status: 200, type: asset.contentType, body: asset.body };
    }
    if (url.pathname.startsWith('/run/')) {
      if (method !== 'POST')
        throw new HttpError(405, 'Use POST /run/NAME with a JSON array of arguments.');
      return runRoute(workbook, url.pathname.slice('/run/'.length), await readBody(req));
    }
    const route = routes[`${method} ${url.pathname}`];
    if (!route) throw new HttpError(404, `Nothing at ${method} ${url.pathname}.`);
    const body = method === 'POST' ? await readBody(req) : '';
    return route(req, body, url);
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    handle(req).then(
      // How long the server worked, for the browser's network panel and the bench.
      (reply) => send(res, withServerTiming(reply, performance.now() - started)),
      (error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        send(res, json(status, { error: messageOf(error) }), status === 413);
      },
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        server,
        get workbook() {
          return workbook;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

function withServerTiming(reply: Reply, ms: number): Reply {
  return { ...reply, headers: { ...reply.headers, 'Server-Timing': `app;dur=${ms.toFixed(1)}` } };
}

function json(status: number, value: unknown): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

function runRoute(workbook: PreviewWorkbook, rawName: string, body: string): Reply {
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    throw new HttpError(404, 'No such function.');
  }
  if (!NAME.test(name) || !workbook.has(name)) {
    throw new HttpError(404, `The script has no function "${name.slice(0, 80)}".`);
  }
  const args = parseJson(body);
  if (!Array.isArray(args)) throw new HttpError(400, 'The body must be a JSON array of arguments.');
  const outcome = workbook.run(name, args);
  if (outcome.status === 'unknown')
    throw new HttpError(404, `The script has no function "${name}".`);
  if (outcome.status === 'threw') return json(422, { error: outcome.message });
  return json(200, { value: outcome.value });
}

/** Only this page, on this machine, may drive the preview: no other origin, no rebound host. */
function refuseForeign(req: IncomingMessage, port: number): void {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) {
    throw new HttpError(403, 'The preview only answers requests for 127.0.0.1 or localhost.');
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((host) => origin === `http://${host}`)) {
    throw new HttpError(403, 'The preview only answers its own page.');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(new HttpError(413, 'The request is over 20 MB.'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'The request is over 20 MB.'));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, reply: Reply, closeAfter = false): void {
  if (res.headersSent) return;
  res.writeHead(reply.status, {
    'Content-Type': reply.type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(closeAfter ? { Connection: 'close' } : {}),
    ...reply.headers,
  });
  res.end(reply.body);
}

/** The sidebar as the script made it, with google.script.run first in <head>. */
function withShim(html: string, shim: string): string {
  const script = `<script>${shim.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return script + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + script + html.slice(at);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
