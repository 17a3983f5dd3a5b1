// The preview page: a Sheets-like window around the emulator's workbook. Every change goes to
// the server (preview/contract.ts); the page then fetches the whole WorkbookView and re-renders.
import type { CellView, SheetView, WorkbookView } from '../contract';
import { api } from './api';
import { button, byId, replace } from './dom';
import { Grid } from './grid';
import { MenuBar } from './menus';
import { setUpDialog, setUpWarnings, showDialog, showToast, showWarnings } from './notices';
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
});

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
  const next = queue.then(async () => {
    const reply = await work(api.workbook());
    if (!reply.ok || !reply.value) {
      showWarnings([`Could not load the workbook: ${reply.error}`]);
      return;
    }
    render(reply.value, warnings);
  });
  queue = next.catch((error) => console.error(error));
  return queue;
}

function render(next: WorkbookView, warnings: Warning[]): void {
  view = next;
  menus.setAddonMenus(next.menus);
  const visible = next.sheets.filter((sheet) => !sheet.hidden);
  shown = next.sheets.find((sheet) => sheet.name === next.active) ?? visible[0] ?? null;
  renderTabs(visible);
  if (shown) grid.show(shown, selections.get(shown.name) ?? 'A1');
  sidebar.show(next.sidebar);
  for (const toast of next.toasts) showToast(toast.title, toast.message);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const warning of [...warnings, ...next.warnings]) {
    if (seen.has(warning.message)) continue;
    seen.add(warning.message);
    const where = warning.sheet === shown?.name ? warning.a1 : `${warning.sheet}!${warning.a1}`;
    lines.push(where ? `${where}: ${warning.message}` : warning.message);
  }
  showWarnings(lines);
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

async function activate(name: string): Promise<void> {
  if (view?.active === name) return;
  const reply = await work(api.activate(name));
  if (!reply.ok) showDialog('Could not open the sheet', reply.error);
  await refresh();
  grid.focus();
}

async function setCell(a1: string, input: string): Promise<void> {
  if (!shown) return;
  const sheet = shown.name;
  const reply = await work(api.setCell({ sheet, a1, input }));
  if (reply.ok) {
    const warnings = (reply.value?.warnings ?? []).map((message) => ({ sheet, a1, message }));
    await refresh(warnings);
    return;
  }
  // The cell keeps its old value: show the sheet as the server has it.
  showDialog(
    reply.status === 422 ? 'There was a problem' : 'Could not change the cell',
    reply.error,
  );
  if (shown) grid.show(shown, grid.selection());
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
}

setUpChrome();
void refresh().then(() => grid.focus());
