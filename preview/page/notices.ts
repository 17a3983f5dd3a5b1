// What Sheets shows on top of the grid: the refusal dialog, the warning banner and toasts.
import { button, byId, el, replace } from './dom';

/** Sheets' "There was a problem" dialog; one at a time, OK closes it. */
export function showDialog(title: string, message: string): void {
  const dialog = byId('dialog', HTMLDialogElement);
  replace(byId('dialog-title', HTMLElement), title);
  replace(byId('dialog-message', HTMLElement), message);
  if (!dialog.open) dialog.showModal();
  byId('dialog-ok', HTMLButtonElement).focus();
}

export function setUpDialog(onClose: () => void): void {
  const dialog = byId('dialog', HTMLDialogElement);
  byId('dialog-ok', HTMLButtonElement).addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', onClose);
}

/** A warning line and what it is: its sheet and kind, so dismissing it keeps it away. */
export interface ShownWarning {
  key: string;
  line: string;
}

const DISMISSED_KEY = 'influencer-roi-preview.dismissed-warnings';
let shownKeys: string[] = [];

/** Warnings dismissed on this computer (per sheet and kind), kept across reloads. */
export function dismissedWarnings(): Set<string> {
  try {
    const stored = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(stored) ? stored.map(String) : []);
  } catch {
    return new Set();
  }
}

function remember(keys: string[]): void {
  try {
    const all = [...new Set([...dismissedWarnings(), ...keys])];
    localStorage.setItem(DISMISSED_KEY, JSON.stringify(all));
  } catch {
    // Storage may be off (private mode): the warning then stays dismissed until a reload.
  }
}

/** The yellow banner above the grid; each call replaces what it says; dismissed kinds stay away. */
export function showWarnings(warnings: ShownWarning[]): void {
  const dismissed = dismissedWarnings();
  const seen = new Set<string>();
  const fresh = warnings.filter((warning) => {
    if (!warning.line.trim() || dismissed.has(warning.key) || seen.has(warning.line)) return false;
    seen.add(warning.line);
    return true;
  });
  const banner = byId('warnings', HTMLElement);
  if (fresh.length === 0) return;
  shownKeys = fresh.map((warning) => warning.key);
  replace(byId('warnings-text', HTMLElement), ...fresh.map((w) => el('div', {}, w.line)));
  banner.hidden = false;
}

export function setUpWarnings(): void {
  byId('warnings-dismiss', HTMLButtonElement).addEventListener('click', () => {
    byId('warnings', HTMLElement).hidden = true;
    remember(shownKeys);
  });
}

const TOAST_MS = 5000;

/** Toasts stack bottom right and go away after a few seconds, like Spreadsheet.toast. */
export function showToast(title: string, message: string): void {
  const list = byId('toasts', HTMLElement);
  const toast = el('div', { className: 'toast', attrs: { role: 'status' } });
  const close = () => toast.remove();
  toast.append(
    el(
      'div',
      { className: 'toast-body' },
      title ? el('strong', {}, title) : null,
      el('div', {}, message),
    ),
    button('×', close, { className: 'toast-close', attrs: { 'aria-label': 'Dismiss' } }),
  );
  list.append(toast);
  window.setTimeout(close, TOAST_MS);
}
