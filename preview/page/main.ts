// The preview page: a Sheets-like window around the emulator's workbook. Every change goes to
// the server (preview/contract.ts). After a cell edit the server answers with what changed and
// the page patches its copy in place; after anything else (menus, the sidebar, rows, opening a
// file) it fetches the whole WorkbookView and re-renders. Switching tabs draws from the copy.
// Ctrl+Z (Cmd+Z) undoes the last edits made in the grid, one at a time.
import type { CellView, Changes, SheetView, WorkbookView } from '../contract';
import { parseA1 } from './a1';
import { button, byId, replace } from './dom';
import { Grid } from './grid';
import { MenuBar } from './menus';
import {
  type ShownWarning,
  setUpDialog,
  setUpWarnings,
  showDialog,
  showToast,
  showWarnings,
} from './notices';
import { api } from './server-calls';
import { SidebarPanel } from './sidebar-panel';

interface Warning {
  sheet: string;
  a1: string;
  message: string;
}

const nameBox = byId('name-box', HTMLInputElement);
const formulaInput = byId('formula-input', HTMLInputElement);
const tabs = byId('sheet-tabs', HTMLElement);
const status = byId('status', HTMLElement);
const openFile = byId('open-file', HTMLInputElement);

let view: WorkbookView | null = null;
let shown: SheetView | null = null;
/** The selected cell of each sheet, so switching tabs comes back to it. */
const selections = new Map<string, string>();
let busy = 0;

const grid = new Grid(byId('grid-scroll', HTMLElement), {
  selected(a1: string, cell: CellView | undefined) {
    nameBox.value = a1;
    formulaInput.value = cell?.input ?? '';
    if (shown) selections.set(shown.name, a1);
  },
  commit: (a1, input) => void setCell(a1, input),
  editing(text) {
    formulaInput.value = text;
  },
  addRows: (count) => void addRows(count),
});

/** An edit as it can be taken back: what the cell held before, typed the same way. */
interface Edit {
  sheet: string;
  a1: string;
  before: string;
}
const undoStack: Edit[] = [];
const MAX_UNDO = 100;

const sidebar = new SidebarPanel({
  serverCall: () => void refresh(),
  closeClicked: () => void work(api.closeSidebar()).then(() => refresh()),
});

const menus = new MenuBar(byId('menu-bar', HTMLElement), {
  save: () => download('/save.json'),
  open: () => openFile.click(),
  exportXlsx: () => download('/export.xlsx'),
  run: (name) => void runMenuItem(name),
});

/** Counts requests in flight for the "Working…" note beside the title. */
async function work<T>(request: Promise<T>): Promise<T> {
  busy++;
  status.textContent = 'Working…';
  try {
    return await request;
  } finally {
    busy--;
    if (busy === 0) status.textContent = '';
  }
}

let queue: Promise<void> = Promise.resolve();

/** Fetches the workbook and shows it; calls run one after another, each shows its own toasts. */
function refresh(warnings: Warning[] = []): Promise<void> {
  const next = queue.then(() => load(warnings));
  queue = next.catch((error) => console.error(error));
  return queue;
}

async function load(warnings: Warning[]): Promise<void> {
  const reply = await work(api.workbook());
  if (!reply.ok || !reply.value) {
    const line = `Could not load the workbook: ${reply.error}`;
    showWarnings([{ key: `load\u0000${Date.now()}`, line }]);
    return;
  }
  render(reply.value, warnings);
}

/** Patches an edit's changes after any fetch already on its way; fetches all when it must. */
function patchInTurn(changes: Changes, warnings: Warning[]): Promise<void> {
  const next = queue.then(async () => {
    if (patch(changes)) showAllWarnings(warnings);
    else await load(warnings);
  });
  queue = next.catch((error) => console.error(error));
  return queue;
}

function render(next: WorkbookView, warnings: Warning[]): void {
  view = next;
  menus.setAddonMenus(next.menus);
  showSheet(next);
  sidebar.show(next.sidebar);
  for (const toast of next.toasts) showToast(toast.title, toast.message);
  // Each toast is shown once: a later redraw from this copy must not show it again.
  next.toasts = [];
  showAllWarnings(warnings);
}

/** The active sheet and the tabs, from the page's copy of the workbook. */
function showSheet(next: WorkbookView): void {
  const visible = next.sheets.filter((sheet) => !sheet.hidden);
  shown = next.sheets.find((sheet) => sheet.name === next.active) ?? visible[0] ?? null;
  renderTabs(visible);
  if (shown) grid.show(shown, selections.get(shown.name) ?? 'A1');
}

/**
 * An edit's changes, patched into the page's copy; only the shown sheet's changed rows (and
 * charts) are drawn again. False when the copy cannot take them (a new column): fetch it all.
 */
function patch(changes: Changes): boolean {
  const current = view;
  if (!current) return false;
  const sheets = changes.sheets.map((change) => ({
    change,
    sheet: current.sheets.find((s) => s.name === change.name),
  }));
  const newColumns = ({ change, sheet }: (typeof sheets)[number]) =>
    !sheet || (change.size !== undefined && change.size.columns !== sheet.columns);
  if (sheets.some(newColumns)) return false;
  for (const { change, sheet } of sheets) {
    if (!sheet) continue;
    if (change.size) resize(sheet, change.size);
    const rows = new Set<number>();
    for (const { row, column, view: cell } of change.cells) {
      const cells = sheet.cells[row - 1];
      if (!cells || column > sheet.columns) continue;
      cells[column - 1] = cell;
      rows.add(row - 1);
    }
    for (const chart of change.charts) {
      const at = sheet.charts.findIndex((c) => c.id === chart.id);
      if (at >= 0) sheet.charts[at] = chart;
      else sheet.charts.push(chart);
    }
    if (sheet === shown) grid.redraw(sheet, rows, change.charts.length > 0);
  }
  return true;
}

/** Rows sent grow or shrink; new ones start empty. */
function resize(sheet: SheetView, size: { rows: number; maxRows: number }): void {
  sheet.cells.length = Math.min(sheet.cells.length, size.rows);
  while (sheet.cells.length < size.rows) sheet.cells.push([]);
  sheet.rows = size.rows;
  sheet.maxRows = size.maxRows;
}

function showAllWarnings(warnings: Warning[]): void {
  showWarnings(
    [...warnings, ...(view?.warnings ?? [])].map((warning): ShownWarning => {
      const where = warning.sheet === shown?.name ? warning.a1 : `${warning.sheet}!${warning.a1}`;
      return {
        key: warningKey(warning),
        line: where ? `${where}: ${warning.message}` : warning.message,
      };
    }),
  );
}

/** A warning's sheet and kind: its message with cell names left out. */
function warningKey(warning: Warning): string {
  return `${warning.sheet}\u0000${warning.message.replace(/\$?\b[A-Z]{1,3}\$?\d+\b/g, '#')}`;
}

function renderTabs(visible: SheetView[]): void {
  replace(
    tabs,
    ...visible.map((sheet) => {
      const active = sheet === shown;
      return button(sheet.name, () => void activate(sheet.name), {
        className: active ? 'sheet-tab active' : 'sheet-tab',
        attrs: { 'aria-current': active ? 'page' : 'false' },
      });
    }),
  );
}

/** Switches tabs: the server is told, and the sheet is drawn from the page's copy. */
async function activate(name: string): Promise<void> {
  if (view?.active === name) return;
  const reply = await work(api.activate(name));
  if (!reply.ok) {
    showDialog('Could not open the sheet', reply.error);
    await refresh();
  } else {
    await queue;
    if (view) {
      view.active = name;
      showSheet(view);
    }
  }
  grid.focus();
}

/** What to type to put a cell back as it is: its formula or value, text kept as text. */
function retypable(cell: CellView | undefined): string {
  // Empty, or filled by an array formula elsewhere: clearing the cell puts it back.
  if (!cell || cell.input === '' || cell.spilled) return '';
  if (cell.kind !== 'text' || cell.input.startsWith('=')) return cell.input;
  // Text that would be read as a number, date, boolean or formula gets Sheets' apostrophe.
  const ambiguous = /^\s*[-+=$.\d']/.test(cell.input) || /^(true|false)$/i.test(cell.input.trim());
  return ambiguous ? `'${cell.input}` : cell.input;
}

async function setCell(
  a1: string,
  input: string,
  sheetName?: string,
  undoing = false,
): Promise<void> {
  const sheet = sheetName ?? shown?.name;
  if (!sheet) return;
  const at = parseA1(a1);
  const sheetView = view?.sheets.find((s) => s.name === sheet);
  const before = retypable(at ? sheetView?.cells[at.row]?.[at.column] : undefined);
  const reply = await work(api.setCell({ sheet, a1, input }));
  if (reply.ok) {
    if (!undoing) {
      undoStack.push({ sheet, a1, before });
      if (undoStack.length > MAX_UNDO) undoStack.shift();
    }
    const warnings = (reply.value?.warnings ?? []).map((message) => ({ sheet, a1, message }));
    const changes = reply.value?.changes;
    if (changes) await patchInTurn(changes, warnings);
    else await refresh(warnings);
    return;
  }
  // The cell keeps its old value: show the sheet as the server has it.
  showDialog(
    reply.status === 422 ? 'There was a problem' : 'Could not change the cell',
    reply.error,
  );
  if (shown) grid.show(shown, grid.selection());
}

/** Ctrl+Z: the last edit's cell gets its old content back, on its own sheet. */
async function undo(): Promise<void> {
  const edit = undoStack.pop();
  if (!edit) return;
  await activate(edit.sheet);
  selections.set(edit.sheet, edit.a1);
  await setCell(edit.a1, edit.before, edit.sheet, true);
  grid.goTo(edit.a1);
}

async function addRows(count: number): Promise<void> {
  if (!shown) return;
  const reply = await work(api.addRows(shown.name, count));
  if (!reply.ok) showDialog('Could not add rows', reply.error);
  const changes = reply.value?.changes;
  await (changes ? patchInTurn(changes, []) : refresh());
}

async function runMenuItem(name: string): Promise<void> {
  const reply = await work(api.run(name, []));
  if (!reply.ok) showDialog('Error', reply.error);
  await refresh();
}

function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

async function openSnapshot(file: File): Promise<void> {
  const reply = await work(file.text().then((text) => api.open(text)));
  if (!reply.ok) {
    showDialog('Could not open the file', reply.error);
    return;
  }
  selections.clear();
  await refresh();
}

function setUpChrome(): void {
  byId('save-button', HTMLButtonElement).addEventListener('click', () => download('/save.json'));
  byId('export-button', HTMLButtonElement).addEventListener('click', () =>
    download('/export.xlsx'),
  );
  byId('open-button', HTMLButtonElement).addEventListener('click', () => openFile.click());
  openFile.addEventListener('change', () => {
    const file = openFile.files?.[0];
    openFile.value = '';
    if (file) void openSnapshot(file);
  });
  setUpWarnings();
  setUpDialog(() => grid.focus());

  formulaInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const input = formulaInput.value;
      if (input !== (grid.selectedCell()?.input ?? '')) void setCell(grid.selection(), input);
      grid.focus();
      if (event.key === 'Enter') grid.move(1, 0);
      else grid.move(0, event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      formulaInput.value = grid.selectedCell()?.input ?? '';
      grid.focus();
    }
  });
  nameBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!grid.goTo(nameBox.value)) nameBox.value = grid.selection();
      grid.focus();
    } else if (event.key === 'Escape') {
      nameBox.value = grid.selection();
      grid.focus();
    }
  });
  nameBox.addEventListener('focus', () => nameBox.select());
  // Inside the formula bar, name box or cell editor, Ctrl+Z stays the browser's text undo.
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z')
      return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    void undo();
  });
}

setUpChrome();
void refresh().then(() => grid.focus());
