// "Insights": choose the trackers and the team's settings, then build (or refresh) the
// "Dashboard" sheet; the result says what was left out and which older trackers got columns.
import type {
  DashboardBuilt,
  DashboardRequest,
  InsightsSettings,
  SidebarState,
} from '../shared/api';
import { byId, type Child, count, el, listWords, Messages, replace, whileBusy } from './dom';
import { callServer } from './script-run';
import { sidebarStateLoader } from './tracker-picker';

export interface InsightsPanel {
  show(): void;
  trackersChanged(): void;
}

type Field = { input: HTMLInputElement; key: keyof InsightsSettings; percent: boolean };

function resultView(built: DashboardBuilt): Child {
  return el(
    'div',
    {},
    built.columnsAdded.length > 0 ? el('h3', {}, 'Columns added to older trackers') : null,
    built.columnsAdded.length > 0
      ? el(
          'ul',
          { className: 'plain' },
          ...built.columnsAdded.map((added) =>
            el('li', {}, `${added.tracker}: ${listWords(added.headers)}`),
          ),
        )
      : null,
    built.notes.length > 0 ? el('h3', {}, 'Left out') : null,
    built.notes.length > 0
      ? el('ul', { className: 'plain warn' }, ...built.notes.map((note) => el('li', {}, note)))
      : null,
  );
}

export function setUpInsightsPanel(): InsightsPanel {
  const form = byId('insights-form', HTMLFormElement);
  const every = byId('insights-every', HTMLInputElement);
  const list = byId('insights-tracker-list', HTMLElement);
  const build = byId('insights-build', HTMLButtonElement);
  const result = byId('insights-result', HTMLElement);
  const messages = new Messages(
    byId('insights-status', HTMLElement),
    byId('insights-error', HTMLElement),
  );
  const fields: Field[] = [
    { input: byId('insights-min-orders', HTMLInputElement), key: 'minOrders', percent: false },
    { input: byId('insights-prior', HTMLInputElement), key: 'priorClicks', percent: false },
    { input: byId('insights-lift-days', HTMLInputElement), key: 'liftDays', percent: false },
    { input: byId('insights-signup', HTMLInputElement), key: 'signupRate', percent: true },
    { input: byId('insights-purchase', HTMLInputElement), key: 'purchaseRate', percent: true },
    { input: byId('insights-order-value', HTMLInputElement), key: 'orderValue', percent: false },
  ];
  /** The settings as loaded: only fields the person changed are sent (the sheet may be newer). */
  let loaded: InsightsSettings | null = null;

  const checkboxes = () => Array.from(list.querySelectorAll<HTMLInputElement>('input'));
  const showChoice = () => {
    for (const box of checkboxes()) box.disabled = every.checked;
  };
  every.addEventListener('change', showChoice);

  const fill = (state: SidebarState) => {
    replace(
      list,
      ...state.trackers.map((name, i) => {
        const id = `insights-tracker-${i}`;
        const box = el('input', { id, attrs: { type: 'checkbox', value: name } });
        box.checked = true;
        return el('label', { attrs: { for: id } }, box, ` ${name}`);
      }),
    );
    showChoice();
    loaded = state.insights;
    for (const field of fields) {
      const value = state.insights[field.key];
      field.input.value =
        value === null ? '' : String(field.percent ? Math.round(value * 10000) / 100 : value);
    }
    build.disabled = state.trackers.length === 0;
    if (state.trackers.length === 0)
      messages.info('Create a tracker first (Tracker tab), then come back here.');
  };
  const loader = sidebarStateLoader(messages, fill);

  /** The settings the person changed, as the server wants them (rates as fractions). */
  const changed = (): DashboardRequest['settings'] => {
    const settings: Record<string, number | null> = {};
    for (const field of fields) {
      const text = field.input.value.trim();
      const value = text === '' ? null : Number(text) / (field.percent ? 100 : 1);
      if (loaded && value === loaded[field.key]) continue;
      settings[field.key] = value;
    }
    return settings as DashboardRequest['settings'];
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (build.disabled) return;
    messages.clear();
    replace(result);
    const chosen = checkboxes()
      .filter((box) => box.checked)
      .map((box) => box.value);
    if (!every.checked && chosen.length === 0) {
      messages.error('Choose at least one tracker.');
      return;
    }
    const request: DashboardRequest = { settings: changed() };
    if (!every.checked) request.trackers = chosen;
    try {
      const built = await whileBusy(build, messages, 'Building the dashboard…', () =>
        callServer('buildDashboard', request),
      );
      loaded = built.settings;
      messages.success(
        `"${built.sheetName}" is built from ${count(built.trackers.length, 'tracker')}.`,
      );
      replace(result, resultView(built));
    } catch (error) {
      messages.error((error as Error).message);
    }
  });

  return { show: loader.show, trackersChanged: loader.trackersChanged };
}
