// "Import results": pick a tracker and a report (a CSV file read here, or a tab), see what was
// found and the columns used (changeable), preview every change, then apply it.
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
import { callServer } from './server';
import { fillTrackerPicker, sidebarStateLoader } from './tracker-picker';

export interface ImportPanel {
  show(): void;
  trackersChanged(): void;
}

const MAX_FILE_BYTES = 10 * 1024 * 1024;

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

export function setUpImportPanel(): ImportPanel {
  const form = byId('import-form', HTMLFormElement);
  const panel = byId('panel-import', HTMLElement);
  const tracker = byId('import-tracker', HTMLSelectElement);
  const fromFile = byId('import-from-file', HTMLInputElement);
  const fromTab = byId('import-from-tab', HTMLInputElement);
  const drop = byId('import-drop', HTMLElement);
  const fileInput = byId('import-file', HTMLInputElement);
  const tabField = byId('import-tab-field', HTMLElement);
  const tab = byId('import-tab', HTMLSelectElement);
  const dateField = byId('import-date-order-field', HTMLElement);
  const dateOrder = byId('import-date-order', HTMLSelectElement);
  const rateField = byId('import-rate-field', HTMLElement);
  const rate = byId('import-rate', HTMLInputElement);
  const preview = byId('import-preview', HTMLButtonElement);
  const apply = byId('import-apply', HTMLButtonElement);
  const found = byId('import-found', HTMLElement);
  const result = byId('import-result', HTMLElement);
  const messages = new Messages(
    byId('import-status', HTMLElement),
    byId('import-error', HTMLElement),
  );
  let file: { csv: string; fileName: string } | null = null;
  /** Columns the user chose; the server's own choice stands for the others. */
  let overrides: ImportMapping = {};
  /** The request the shown preview answers; Apply sends exactly this. */
  let previewed: ImportRequest | null = null;
  /** The column choices stay open once opened, across previews. */
  let mappingOpen = false;
  /** The store the user named in answer to the store question; undefined: the server decides. */
  let store: string | undefined;
  /** Status values the user chose to count or not. */
  let statuses: Record<string, boolean> = {};

  const forgetPreview = () => {
    previewed = null;
    apply.hidden = true;
    replace(found);
    replace(result);
  };

  const showSource = () => {
    tabField.hidden = !fromTab.checked;
    drop.hidden = fromTab.checked;
  };

  function request(): ImportRequest | null {
    const choices = {
      sheetName: tracker.value,
      mapping: { ...overrides },
      ...(dateOrder.value ? { dateOrder: dateOrder.value as 'mdy' | 'dmy' } : {}),
      ...(store !== undefined ? { store } : {}),
      ...(Object.keys(statuses).length > 0 ? { statuses: { ...statuses } } : {}),
      ...(!rateField.hidden && rate.value.trim() !== ''
        ? { bonusRate: Number(rate.value) / 100 }
        : {}),
    };
    if (fromTab.checked) return tab.value ? { ...choices, sourceSheet: tab.value } : null;
    return file ? { ...choices, ...file } : null;
  }

  function mappingChoices(shown: ImportPreview): Child {
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
        overrides = { ...overrides, [field]: select.value };
        void runPreview();
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
    box.open = shown.needsKeyColumn || mappingOpen;
    box.addEventListener('toggle', () => {
      mappingOpen = box.open;
    });
    return box;
  }

  function show(shown: ImportPreview): void {
    dateField.hidden = !shown.needsDateOrder && dateOrder.value === '';
    rateField.hidden = shown.reportType !== 'amazonAttribution';
    const blocked =
      shown.needsDateOrder ||
      shown.needsKeyColumn ||
      shown.needsStatuses ||
      shown.storeQuestion !== '';
    const days = shown.dailySales;
    // A re-preview redraws the choices: keep the keyboard where it was.
    const focused = document.activeElement?.id ?? '';
    replace(
      found,
      summary(shown),
      storeQuestion(shown, (answer) => {
        store = answer;
        void runPreview();
      }),
      statusChoices(shown, (value, counts) => {
        statuses = { ...statuses, [value]: counts };
        void runPreview();
      }),
      mappingChoices(shown),
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
    if (blocked) {
      messages.error(
        shown.storeQuestion ||
          (shown.needsStatuses && !shown.needsDateOrder && !shown.needsKeyColumn
            ? 'Choose whether each status marked “Choose…” counts.'
            : (shown.warnings[0] ?? 'Choose the missing column.')),
      );
      return;
    }
    if (shown.unchanged) {
      messages.success('Already imported: applying it again would change nothing.');
      return;
    }
    const cells = shown.changes.reduce((sum, change) => sum + change.fields.length, 0);
    const label = days
      ? `Apply ${count(days.days, 'day')}`
      : cells > 0
        ? `Apply ${count(cells, 'change')}`
        : 'Record the report';
    messages.success(
      days
        ? `Found ${shown.reportLabel}. Nothing is written until you apply.`
        : cells > 0
          ? `Found ${shown.reportLabel}: ${count(shown.changes.length, 'row')} of the tracker change. Nothing is written until you apply.`
          : `Found ${shown.reportLabel}: no tracker cell changes. Recording it keeps its numbers for later imports of the same source.`,
    );
    replace(apply, label);
    apply.hidden = false;
  }

  async function runPreview(): Promise<void> {
    const sent = request();
    previewed = null;
    apply.hidden = true;
    replace(result);
    if (!sent) {
      messages.info(fromTab.checked ? 'Pick the tab to import.' : 'Choose a CSV file.');
      return;
    }
    try {
      const shown = await whileBusy(preview, messages, 'Reading the report…', () =>
        callServer('previewImport', sent),
      );
      show(shown);
      if (!apply.hidden) previewed = sent;
    } catch (error) {
      replace(found);
      messages.error((error as Error).message);
    }
  }

  function fresh(): void {
    overrides = {};
    store = undefined;
    statuses = {};
    mappingOpen = false;
    dateOrder.value = '';
    dateField.hidden = true;
    forgetPreview();
  }

  function readFile(chosen: File | undefined): void {
    if (!chosen) return;
    fresh();
    file = null;
    if (chosen.size > MAX_FILE_BYTES) {
      messages.error('The file is over 10 MB: export a shorter date range and import each part.');
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      file = { csv: String(reader.result ?? ''), fileName: chosen.name };
      void runPreview();
    };
    reader.onerror = () => messages.error(`“${chosen.name}” could not be read.`);
    messages.progress(`Reading “${chosen.name}”…`);
    reader.readAsText(chosen);
  }

  fileInput.addEventListener('change', () => readFile(fileInput.files?.[0]));
  for (const radio of [fromFile, fromTab]) {
    radio.addEventListener('change', () => {
      showSource();
      fresh();
      messages.clear();
    });
  }
  tab.addEventListener('change', () => {
    fresh();
    void runPreview();
  });
  tracker.addEventListener('change', () => {
    store = undefined;
    forgetPreview();
    if (request()) void runPreview();
  });
  dateOrder.addEventListener('change', () => void runPreview());
  rate.addEventListener('change', () => {
    if (request()) void runPreview();
  });
  panel.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  panel.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  panel.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const dropped = event.dataTransfer?.files?.[0];
    if (!dropped) return;
    fromFile.checked = true;
    showSource();
    readFile(dropped);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!preview.disabled) void runPreview();
  });

  apply.addEventListener('click', async () => {
    const sent = previewed;
    if (!sent || apply.disabled) return;
    try {
      const done: ImportApplied = await whileBusy(apply, messages, 'Importing…', () =>
        callServer('applyImport', sent),
      );
      previewed = null;
      apply.hidden = true;
      const { written } = done;
      const parts = done.dailySales
        ? [`${count(written.dailySalesDays, 'day')} in “Daily sales”`]
        : [`${count(written.cells, 'cell')} in “${done.sheetName}”`];
      if (written.columnsAdded.length > 0)
        parts.push(`added the ${listWords(written.columnsAdded)} column(s)`);
      messages.success(`Imported ${done.reportLabel}: ${parts.join(', ')}.`);
      replace(found);
      replace(
        result,
        done.changes.length > 0 ? el('h3', {}, 'Written') : null,
        changeCards(done.changes),
        ...details(done),
      );
      preview.focus();
    } catch (error) {
      messages.error((error as Error).message);
    }
  });

  function fill(state: SidebarState): void {
    const none = !fillTrackerPicker(tracker, state, messages);
    for (const input of [tracker, fileInput, fromFile, fromTab, tab, preview])
      input.disabled = none;
    replace(
      tab,
      ...(state.tabs.length > 0
        ? state.tabs.map((name) => el('option', { attrs: { value: name } }, name))
        : [el('option', { attrs: { value: '' } }, 'No other tab')]),
    );
    if (!rate.value) rate.value = String(Math.round(state.bonusRate * 10000) / 100);
  }

  showSource();
  return sidebarStateLoader(messages, fill);
}
