// The page's side of preview/contract.ts: one function per request, each resolving to a
// status and a parsed body, so callers decide what a refusal looks like.
import type { CellInput, CellResult, RowsResult, WorkbookView } from '../contract';

export interface Reply<T> {
  ok: boolean;
  status: number;
  /** The body when ok. */
  value?: T;
  /** The body's `error` (or a plain message) when not ok. */
  error: string;
}

async function request<T>(method: 'GET' | 'POST', url: string, body?: string): Promise<Reply<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body,
    });
  } catch {
    return {
      ok: false,
      status: 0,
      error: 'The preview server is not reachable. Is npm start still running?',
    };
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return { ok: true, status: response.status, value: parsed as T, error: '' };
  const error =
    parsed && typeof parsed === 'object' && 'error' in parsed
      ? String((parsed as { error: unknown }).error)
      : `The preview server answered ${response.status} ${response.statusText}`.trim();
  return { ok: false, status: response.status, error };
}

export const api = {
  workbook: () => request<WorkbookView>('GET', '/workbook'),
  setCell: (input: CellInput) => request<CellResult>('POST', '/cell', JSON.stringify(input)),
  run: (name: string, args: unknown[] = []) =>
    request<{ value: unknown }>('POST', `/run/${encodeURIComponent(name)}`, JSON.stringify(args)),
  addRows: (sheet: string, count: number) =>
    request<RowsResult>('POST', '/rows', JSON.stringify({ sheet, count })),
  activate: (sheet: string) => request<unknown>('POST', '/activate', JSON.stringify({ sheet })),
  closeSidebar: () => request<unknown>('POST', '/sidebar/close'),
  /** The snapshot file's text goes as is: the server parses it. */
  open: (snapshot: string) => request<unknown>('POST', '/open', snapshot),
};
