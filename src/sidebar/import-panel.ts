// "Import results": pick a tracker and a report (a CSV file read here, or a tab), see what was
// found and the columns used (changeable), preview every change, then apply it. A file goes to
// the server as its first lines and only the columns the import reads (read-columns.ts).
import type {
  FieldChange,
  ImportApplied,
  ImportField,
  ImportMapping,
  ImportPreview,
  ImportRequest,
  KeyFigures,
  RowChange,
  SidebarState,
} from '../shared/api';
import { byId, type Child, count, el, listWords, Messages, replace, whileBusy } from './dom';
import { readColumns, readHead } from './read-columns';
import { callServer } from './script-run';
import { fillTrackerPicker, sidebarStateLoader } from './tracker-picker';

export interface ImportPanel {
  show(): void;
  trackersChanged(): void;
}

/** Far above a real export; a bigger file is surely not one (and would outgrow the server). */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** The columns the user may choose, in the order the panel lists them. */
const FIELDS: [ImportField, string][] = [
  ['code', 'Promo code'],
  ['tag', 'Tag, ad group or tracking ID'],
  ['link', 'Tracking link'],
  ['orders', 'Orders'],
  ['revenue', 'Revenue'],
  ['units', 'Units'],
  ['clicks', 'Clicks'],
  ['newCustomers', 'New customers'],
  ['date', 'Date'],
  ['status', 'Order status'],
  ['refunded', 'Refunds'],
];

const number = (value: number, decimals: number) =>
  value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
const money = (value: number) => number(value, 2);

function cellText(field: FieldChange['field'], value: FieldChange['before']): string {
  if (value === '' || value === null || value === undefined) return 'empty';
  if (typeof value !== 'number') return String(value);
  return field === 'revenue' || field === 'bonus' ? money(value) : number(value, 0);
}

function figures(key: KeyFigures): string {
  const parts: string[] = [];
  if (key.orders !== null) parts.push(count(key.orders, 'order'));
  if (key.revenue !== null) parts.push(money(key.revenue));
  return parts.join(', ');
}

function changeCards(changes: RowChange[]): Child {
  if (changes.length === 0) return null;
  return el(
    'ol',
    { className: 'cards' },
    ...changes.map((change) =>
      el(
        'li',
        {},
        el(
          'div',
          { className: 'card-title' },
          `Row ${change.row}`,
          el('span', { className: 'handle' }, change.handle),
        ),
        ...change.fields.map((field) =>
          el(
            'div',
            { className: field.field === 'lastImport' ? 'change minor' : 'change' },
            el('span', { className: 'key' }, `${field.label} `),
            cellText(field.field, field.before),
            ' → ',
            el('strong', {}, cellText(field.field, field.after)),
          ),
        ),
      ),
    ),
  );
}

function section(title: string, hint: string, items: Child[], className = 'plain'): Child[] {
  if (items.length === 0) return [];
  return [
    el('h3', {}, title),
    hint ? el('p', { className: 'hint' }, hint) : null,
    el('ul', { className: className }, ...items.map((item) => el('li', {}, item))),
  ];
}

function details(preview: ImportPreview): Child[] {
  return [
    ...section(
      'In the file, but no influencer has it',
      'A leaked or mistyped code shows here. Nothing is written for these.',
      preview.unmatched.map((key) =>
        el(
          'span',
          {},
          el('code', {}, key.key),
          ` (${key.kind}${key.label ? `, ${key.label}` : ''}) ${figures(key)}`,
        ),
      ),
      'plain warn',
    ),
    ...section(
      'Claimed by more than one influencer',
      'Not written: give each influencer their own code or link.',
      preview.conflicts.map((key) =>
        el(
          'span',
          {},
          el('code', {}, key.key),
          ` rows ${listWords(key.rows)} (${listWords(key.handles)}) ${figures(key)}`,
        ),
      ),
      'plain warn',
    ),
    ...section(
      'Brand halo (kept apart, not added to revenue)',
      'All purchases of your brand after a click on the link, per Amazon.',
      preview.halo.map(
        (row) =>
          `${row.handle} (row ${row.row}): ${count(row.orders, 'order')}, ${money(row.revenue)}`,
      ),
    ),
    ...section(
      'No data in this file',
      '',
      preview.withoutData.map((row) => `${row.handle} (row ${row.row})`),
    ),
    ...section('Notes', '', preview.warnings),
  ];
}

function summary(preview: ImportPreview): Child {
  const rows: [string, string][] = [
    ['Report', preview.reportLabel],
    ['From', preview.from],
    ['Rows', String(preview.rows)],
  ];
  if (preview.dateRange)
    rows.push(['Dates', `${preview.dateRange.from} to ${preview.dateRange.to}`]);
  if (preview.currency) rows.push(['Currency', preview.currency]);
  rows.push(['Revenue', preview.revenueColumn]);
  return el(
    'dl',
    { className: 'found' },
    ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]),
  );
}

const storeName = (store: string) => store || 'the store imported without a name';

/**
 * The store question beside the preview: the same store restated (pick which) or another store
 * (name it). `answer` gets the store to send with the next preview and the apply.
 */
function storeQuestion(shown: ImportPreview, answer: (store: string) => void): Child {
  if (!shown.storeQuestion) return null;
  const same = el('input', {
    id: 'import-store-same',
    attrs: { type: 'radio', name: 'import-store' },
  });
  const other = el('input', {
    id: 'import-store-other',
    attrs: { type: 'radio', name: 'import-store' },
  });
  const known = el(
    'select',
    { id: 'import-store-known', attrs: { 'aria-label': 'Which store' } },
    ...shown.stores.map((store) => el('option', { attrs: { value: store } }, storeName(store))),
  );
  const name = el('input', {
    id: 'import-store-name',
    attrs: { type: 'text', maxlength: '60', 'aria-label': 'Name of the other store' },
  });
  const use = el(
    'button',
    { id: 'import-store-use', attrs: { type: 'button' } },
    'Use this answer',
  );
  use.addEventListener('click', () => {
    if (same.checked) answer(known.value);
    else if (other.checked && name.value.trim()) answer(name.value.trim());
  });
  return el(
    'fieldset',
    { className: 'store-question' },
    el('legend', {}, 'Which store is this file from?'),
    el('p', { className: 'hint' }, shown.storeQuestion),
    el('label', {}, same, ' The same store, restated: ', known),
    el('label', {}, other, ' Another store, named ', name),
    use,
  );
}

/**
 * The status column's values, each with its rows and revenue and whether it counts; a number or
 * an unknown word starts unchosen and must be chosen before applying.
 */
function statusChoices(
  shown: ImportPreview,
  choose: (value: string, counts: boolean) => void,
): Child {
  if (shown.statuses.length === 0) return null;
  return el(
    'fieldset',
    { className: 'statuses' },
    el('legend', {}, 'Which statuses count'),
    ...shown.statuses.map((status, i) => {
      const id = `import-status-${i}`;
      const select = el(
        'select',
        { id },
        ...(status.counts === null ? [el('option', { attrs: { value: '' } }, 'Choose…')] : []),
        el('option', { attrs: { value: 'yes' } }, 'Counts'),
        el('option', { attrs: { value: 'no' } }, 'Doesn’t count'),
      );
      select.value = status.counts === null ? '' : status.counts ? 'yes' : 'no';
      select.addEventListener('change', () => {
        if (select.value) choose(status.value, select.value === 'yes');
      });
      return el(
        'div',
        { className: 'field' },
        el(
          'label',
          { attrs: { for: id } },
          el('code', {}, status.value),
          ` ${count(status.rows, 'row')}, ${money(status.revenue)}`,
        ),
        select,
      );
    }),
  );
}

/** The panel's elements, looked up once. */
function panelElements() {
  return {
    form: byId('import-form', HTMLFormElement),
    panel: byId('panel-import', HTMLElement),
    tracker: byId('import-tracker', HTMLSelectElement),
    fromFile: byId('import-from-file', HTMLInputElement),
    fromTab: byId('import-from-tab', HTMLInputElement),
    drop: byId('import-drop', HTMLElement),
    fileInput: byId('import-file', HTMLInputElement),
    tabField: byId('import-tab-field', HTMLElement),
    tab: byId('import-tab', HTMLSelectElement),
    dateField: byId('import-date-order-field', HTMLElement),
    dateOrder: byId('import-date-order', HTMLSelectElement),
    rateField: byId('import-rate-field', HTMLElement),
    rate: byId('import-rate', HTMLInputElement),
    preview: byId('import-preview', HTMLButtonElement),
    apply: byId('import-apply', HTMLButtonElement),
    found: byId('import-found', HTMLElement),
    result: byId('import-result', HTMLElement),
    messages: new Messages(byId('import-status', HTMLElement), byId('import-error', HTMLElement)),
  };
}

type Ui = ReturnType<typeof panelElements>;

/** A file picked or dropped, read in the page (read-columns.ts). */
interface ChosenFile {
  file: File;
  fileName: string;
  /** Its first whole rows, for importColumns. */
  head: string;
  /** The columns last read, and what was read: read again only when they change. */
  read: { plan: string; records: string } | null;
}

/** What the user chose so far; the server's own choices stand for the rest. */
interface Choices {
  file: ChosenFile | null;
  /** Columns the user chose. */
  overrides: ImportMapping;
  /** The store named in answer to the store question; undefined: the server decides. */
  store: string | undefined;
  /** Status values the user chose to count or not. */
  statuses: Record<string, boolean>;
  /** The request the shown preview answers; Apply sends exactly this. */
  previewed: ImportRequest | null;
  /** The column choices stay open once opened, across previews. */
  mappingOpen: boolean;
}

/** Whether there is a file or a tab to import. */
function hasSource(ui: Ui, choices: Choices): boolean {
  return ui.fromTab.checked ? ui.tab.value !== '' : choices.file !== null;
}

/** The file as the server takes it: its head, then only the columns importColumns names. */
async function fileParts(ui: Ui, chosen: ChosenFile, mapping: ImportMapping) {
  const plan = await callServer('importColumns', { head: chosen.head, mapping });
  const key = JSON.stringify(plan);
  if (chosen.read?.plan !== key) {
    const { records } = await readColumns(chosen.file, plan, (fraction) =>
      ui.messages.progress(`Reading “${chosen.fileName}”: ${Math.round(fraction * 100)}%`),
    );
    chosen.read = { plan: key, records };
    ui.messages.progress('Reading the report…');
  }
  return { fileName: chosen.fileName, head: chosen.head, records: chosen.read.records };
}

/** The request for the current choices (a file is read here), or null with nothing to import. */
async function buildRequest(ui: Ui, choices: Choices): Promise<ImportRequest | null> {
  const { dateOrder, rateField, rate, fromTab, tab } = ui;
  const base = {
    sheetName: ui.tracker.value,
    mapping: { ...choices.overrides },
    ...(dateOrder.value ? { dateOrder: dateOrder.value as 'mdy' | 'dmy' } : {}),
    ...(choices.store !== undefined ? { store: choices.store } : {}),
    ...(Object.keys(choices.statuses).length > 0 ? { statuses: { ...choices.statuses } } : {}),
    ...(!rateField.hidden && rate.value.trim() !== ''
      ? { bonusRate: Number(rate.value) / 100 }
      : {}),
  };
  if (fromTab.checked) return tab.value ? { ...base, sourceSheet: tab.value } : null;
  return choices.file ? { ...base, ...(await fileParts(ui, choices.file, base.mapping)) } : null;
}

/** The column choices: change one and the preview updates. */
function mappingChoices(shown: ImportPreview, choices: Choices, rerun: () => void): Child {
  const options = (field: ImportField, label: string) => {
    const id = `import-map-${field}`;
    const select = el(
      'select',
      { id },
      el('option', { attrs: { value: '' } }, '(none)'),
      ...shown.headers
        .filter(Boolean)
        .map((header) => el('option', { attrs: { value: header } }, header)),
    );
    select.value = shown.mapping[field] ?? '';
    select.addEventListener('change', () => {
      choices.overrides = { ...choices.overrides, [field]: select.value };
      rerun();
    });
    return el('div', { className: 'field' }, el('label', { attrs: { for: id } }, label), select);
  };
  const box = el(
    'details',
    { className: 'mapping' },
    el('summary', {}, 'Columns used'),
    el('p', { className: 'hint' }, 'Change a column and the preview updates.'),
    ...FIELDS.map(([field, label]) => options(field, label)),
  );
  box.open = shown.needsKeyColumn || choices.mappingOpen;
  box.addEventListener('toggle', () => {
    choices.mappingOpen = box.open;
  });
  return box;
}

/** What stops Apply, in one message; '' when nothing does. */
function blockedBy(shown: ImportPreview): string {
  if (shown.storeQuestion) return shown.storeQuestion;
  if (shown.needsDateOrder || shown.needsKeyColumn)
    return shown.warnings[0] ?? 'Choose the missing column.';
  return shown.needsStatuses ? 'Choose whether each status marked “Choose…” counts.' : '';
}

/** Draws the preview with its questions, and offers Apply when nothing is left to answer. */
function renderPreview(ui: Ui, choices: Choices, shown: ImportPreview, rerun: () => void): void {
  const { dateField, dateOrder, rateField, found, messages } = ui;
  dateField.hidden = !shown.needsDateOrder && dateOrder.value === '';
  rateField.hidden = shown.reportType !== 'amazonAttribution';
  const days = shown.dailySales;
  // A re-preview redraws the choices: keep the keyboard where it was.
  const focused = document.activeElement?.id ?? '';
  replace(
    found,
    summary(shown),
    storeQuestion(shown, (answer) => {
      choices.store = answer;
      rerun();
    }),
    statusChoices(shown, (value, counts) => {
      choices.statuses = { ...choices.statuses, [value]: counts };
      rerun();
    }),
    mappingChoices(shown, choices, rerun),
    days
      ? el(
          'p',
          { className: 'hint' },
          `${count(days.days, 'day')} of store sales go to the “Daily sales” sheet` +
            (days.replaced ? `, replacing ${count(days.replaced, 'stored day')}.` : '.'),
        )
      : null,
    shown.changes.length > 0 ? el('h3', {}, `Changes in “${shown.sheetName}”`) : null,
    changeCards(shown.changes),
    ...details(shown),
  );
  if (focused.startsWith('import-map-') || focused.startsWith('import-status-'))
    document.getElementById(focused)?.focus();
  const blocked = blockedBy(shown);
  if (blocked) {
    messages.error(blocked);
    return;
  }
  if (shown.unchanged) {
    messages.success('Already imported: applying it again would change nothing.');
    return;
  }
  offerApply(ui, shown);
}

function offerApply(ui: Ui, shown: ImportPreview): void {
  const days = shown.dailySales;
  const cells = shown.changes.reduce((sum, change) => sum + change.fields.length, 0);
  const label = days
    ? `Apply ${count(days.days, 'day')}`
    : cells > 0
      ? `Apply ${count(cells, 'change')}`
      : 'Record the report';
  ui.messages.success(
    days
      ? `Found ${shown.reportLabel}. Nothing is written until you apply.`
      : cells > 0
        ? `Found ${shown.reportLabel}: ${count(shown.changes.length, 'row')} of the tracker change. Nothing is written until you apply.`
        : `Found ${shown.reportLabel}: no tracker cell changes. Recording it keeps its numbers for later imports of the same source.`,
  );
  replace(ui.apply, label);
  ui.apply.hidden = false;
}

async function runPreview(ui: Ui, choices: Choices): Promise<void> {
  choices.previewed = null;
  ui.apply.hidden = true;
  replace(ui.result);
  if (!hasSource(ui, choices)) {
    ui.messages.info(ui.fromTab.checked ? 'Pick the tab to import.' : 'Choose a CSV file.');
    return;
  }
  try {
    const { sent, shown } = await whileBusy(
      ui.preview,
      ui.messages,
      'Reading the report…',
      async () => {
        const request = await buildRequest(ui, choices);
        if (!request) throw new Error('Choose a CSV file.');
        return { sent: request, shown: await callServer('previewImport', request) };
      },
    );
    renderPreview(ui, choices, shown, () => void runPreview(ui, choices));
    if (!ui.apply.hidden) choices.previewed = sent;
  } catch (error) {
    replace(ui.found);
    ui.messages.error((error as Error).message);
  }
}

/** Forgets every choice made for the previous file or tab. */
function startAfresh(ui: Ui, choices: Choices): void {
  choices.overrides = {};
  choices.store = undefined;
  choices.statuses = {};
  choices.mappingOpen = false;
  ui.dateOrder.value = '';
  ui.dateField.hidden = true;
  forgetPreview(ui, choices);
}

function forgetPreview(ui: Ui, choices: Choices): void {
  choices.previewed = null;
  ui.apply.hidden = true;
  replace(ui.found);
  replace(ui.result);
}

async function readFile(ui: Ui, choices: Choices, chosen: File | undefined): Promise<void> {
  if (!chosen) return;
  startAfresh(ui, choices);
  choices.file = null;
  if (chosen.size > MAX_FILE_BYTES) {
    ui.messages.error('The file is over 200 MB: export a shorter date range and import each part.');
    return;
  }
  ui.messages.progress(`Reading “${chosen.name}”…`);
  try {
    const head = await readHead(chosen);
    choices.file = { file: chosen, fileName: chosen.name, head, read: null };
  } catch {
    ui.messages.error(`“${chosen.name}” could not be read.`);
    return;
  }
  await runPreview(ui, choices);
}

async function applyPreviewed(ui: Ui, choices: Choices): Promise<void> {
  const sent = choices.previewed;
  if (!sent || ui.apply.disabled) return;
  try {
    const done: ImportApplied = await whileBusy(ui.apply, ui.messages, 'Importing…', () =>
      callServer('applyImport', sent),
    );
    choices.previewed = null;
    ui.apply.hidden = true;
    const { written } = done;
    const parts = done.dailySales
      ? [`${count(written.dailySalesDays, 'day')} in “Daily sales”`]
      : [`${count(written.cells, 'cell')} in “${done.sheetName}”`];
    if (written.columnsAdded.length > 0)
      parts.push(`added the ${listWords(written.columnsAdded)} column(s)`);
    ui.messages.success(`Imported ${done.reportLabel}: ${parts.join(', ')}.`);
    replace(ui.found);
    replace(
      ui.result,
      done.changes.length > 0 ? el('h3', {}, 'Written') : null,
      changeCards(done.changes),
      ...details(done),
    );
    ui.preview.focus();
  } catch (error) {
    ui.messages.error((error as Error).message);
  }
}

function showSource(ui: Ui): void {
  ui.tabField.hidden = !ui.fromTab.checked;
  ui.drop.hidden = ui.fromTab.checked;
}

/** Every listener of the panel: the source, the file (picked or dropped), the choices, Apply. */
function wireEvents(ui: Ui, choices: Choices): void {
  const rerun = () => void runPreview(ui, choices);
  ui.fileInput.addEventListener(
    'change',
    () => void readFile(ui, choices, ui.fileInput.files?.[0]),
  );
  for (const radio of [ui.fromFile, ui.fromTab]) {
    radio.addEventListener('change', () => {
      showSource(ui);
      startAfresh(ui, choices);
      ui.messages.clear();
    });
  }
  ui.tab.addEventListener('change', () => {
    startAfresh(ui, choices);
    rerun();
  });
  ui.tracker.addEventListener('change', () => {
    choices.store = undefined;
    forgetPreview(ui, choices);
    if (hasSource(ui, choices)) rerun();
  });
  ui.dateOrder.addEventListener('change', rerun);
  ui.rate.addEventListener('change', () => {
    if (hasSource(ui, choices)) rerun();
  });
  ui.panel.addEventListener('dragover', (event) => {
    event.preventDefault();
    ui.drop.classList.add('dragging');
  });
  ui.panel.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
  ui.panel.addEventListener('drop', (event) => {
    event.preventDefault();
    ui.drop.classList.remove('dragging');
    const dropped = event.dataTransfer?.files?.[0];
    if (!dropped) return;
    ui.fromFile.checked = true;
    showSource(ui);
    void readFile(ui, choices, dropped);
  });
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!ui.preview.disabled) rerun();
  });
  ui.apply.addEventListener('click', () => void applyPreviewed(ui, choices));
}

/** The trackers and tabs to choose from, and the team's bonus rate, once the state is loaded. */
function fillChoices(ui: Ui, state: SidebarState): void {
  const none = !fillTrackerPicker(ui.tracker, state, ui.messages);
  for (const input of [ui.tracker, ui.fileInput, ui.fromFile, ui.fromTab, ui.tab, ui.preview])
    input.disabled = none;
  replace(
    ui.tab,
    ...(state.tabs.length > 0
      ? state.tabs.map((name) => el('option', { attrs: { value: name } }, name))
      : [el('option', { attrs: { value: '' } }, 'No other tab')]),
  );
  if (!ui.rate.value) ui.rate.value = String(Math.round(state.bonusRate * 10000) / 100);
}

export function setUpImportPanel(): ImportPanel {
  const ui = panelElements();
  const choices: Choices = {
    file: null,
    overrides: {},
    store: undefined,
    statuses: {},
    previewed: null,
    mappingOpen: false,
  };
  wireEvents(ui, choices);
  showSource(ui);
  return sidebarStateLoader(ui.messages, (state) => fillChoices(ui, state));
}
