// "Creators" and "Plan the next campaign" (in the Insights tab): syncs the "Creators" sheet and
// lists the handles that may be one creator (nothing is merged); builds the "Plan" sheet and
// the "Report" sheet for a date range.
import type { CreatorsSynced } from '../shared/api';
import { byId, type Child, count, el, Messages, replace, whileBusy } from './dom';
import { callServer } from './script-run';

function resultView(synced: CreatorsSynced): Child {
  return el(
    'div',
    {},
    synced.duplicates.length > 0 ? el('h3', {}, 'Possible duplicates to confirm') : null,
    synced.duplicates.length > 0
      ? el('ul', { className: 'plain' }, ...synced.duplicates.map((pair) => el('li', {}, pair)))
      : null,
    synced.notes.length > 0 ? el('h3', {}, 'Left out') : null,
    synced.notes.length > 0
      ? el('ul', { className: 'plain warn' }, ...synced.notes.map((note) => el('li', {}, note)))
      : null,
  );
}

export function setUpCreatorsPanel(): void {
  const sync = byId('creators-sync', HTMLButtonElement);
  const result = byId('creators-result', HTMLElement);
  const messages = new Messages(
    byId('creators-status', HTMLElement),
    byId('creators-error', HTMLElement),
  );
  sync.addEventListener('click', async () => {
    messages.clear();
    replace(result);
    try {
      const synced = await whileBusy(sync, messages, 'Syncing creators…', () =>
        callServer('syncCreators'),
      );
      const gone = synced.gone > 0 ? `, ${synced.gone} no longer in any tracker` : '';
      messages.success(`"${synced.sheetName}" lists ${count(synced.creators, 'creator')}${gone}.`);
      replace(result, resultView(synced));
    } catch (error) {
      messages.error((error as Error).message);
    }
  });
}

export function setUpPlanPanel(): void {
  const form = byId('plan-form', HTMLFormElement);
  const budget = byId('plan-budget', HTMLInputElement);
  const build = byId('plan-build', HTMLButtonElement);
  const messages = new Messages(byId('plan-status', HTMLElement), byId('plan-error', HTMLElement));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.clear();
    const text = budget.value.trim();
    const amount = Number(text);
    if (text === '' || !Number.isFinite(amount) || amount < 0) {
      messages.error('Type the budget: an amount of 0 or more.');
      return;
    }
    try {
      const built = await whileBusy(build, messages, 'Building the plan…', () =>
        callServer('buildPlan', { budget: amount }),
      );
      const picked = built.suggested.length > 0 ? `: ${built.suggested.join(', ')}` : '';
      messages.success(
        `"${built.sheetName}" has ${count(built.candidates, 'candidate')}; booked ${built.suggested.length}${picked}.`,
        ...built.notes.map((note) => el('p', { className: 'warn' }, note)),
      );
    } catch (error) {
      messages.error((error as Error).message);
    }
  });
}

export function setUpReportPanel(): void {
  const form = byId('report-form', HTMLFormElement);
  const from = byId('report-from', HTMLInputElement);
  const to = byId('report-to', HTMLInputElement);
  const build = byId('report-build', HTMLButtonElement);
  const messages = new Messages(
    byId('report-status', HTMLElement),
    byId('report-error', HTMLElement),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.clear();
    if (!from.value || !to.value) {
      messages.error('Choose the first and the last post date of the report.');
      return;
    }
    try {
      const built = await whileBusy(build, messages, 'Building the report…', () =>
        callServer('buildReport', { from: from.value, to: to.value }),
      );
      messages.success(
        `"${built.sheetName}" covers ${from.value} to ${to.value} in ${count(built.trackers.length, 'tracker')}.`,
        ...built.changes.map((line) => el('p', {}, line)),
        ...built.notes.map((note) => el('p', { className: 'warn' }, note)),
      );
    } catch (error) {
      messages.error((error as Error).message);
    }
  });
}
