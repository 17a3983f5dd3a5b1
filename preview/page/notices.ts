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

/** The yellow banner above the grid; each call replaces what it says. */
export function showWarnings(messages: string[]): void {
  const unique = [...new Set(messages.filter((message) => message.trim() !== ''))];
  const banner = byId('warnings', HTMLElement);
  if (unique.length === 0) return;
  replace(byId('warnings-text', HTMLElement), ...unique.map((message) => el('div', {}, message)));
  banner.hidden = false;
}

export function setUpWarnings(): void {
  byId('warnings-dismiss', HTMLButtonElement).addEventListener('click', () => {
    byId('warnings', HTMLElement).hidden = true;
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
