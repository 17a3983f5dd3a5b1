// "Create campaign tracker": collects the options, lets the server check them, reports the result.
import type { GoalType, TrackerOptions } from '../shared/api';
import {
  DEFAULT_STARTING_ROWS,
  GOAL_TYPES,
  MAX_CAMPAIGN_NAME_LENGTH,
  MAX_STARTING_ROWS,
  SUPPORTED_CURRENCIES,
} from '../shared/choices';
import { ISO_CURRENCIES } from '../shared/currencies';
import { byId, el, Messages, replace, whileBusy } from './dom';
import { callServer } from './script-run';

/** What the target means per goal; ROI is typed as a percent and sent as a fraction. */
function targetLabel(goal: GoalType, currency: string): { label: string; hint: string } {
  switch (goal) {
    case 'orders':
      return { label: 'Target (orders)', hint: 'Orders from all influencers together, e.g. 100.' };
    case 'revenue':
      return {
        label: `Target revenue (${currency})`,
        hint: 'Sales from all influencers, e.g. 5000.',
      };
    case 'roi':
      return {
        label: 'Target ROI (%)',
        hint: 'Net of cost: 200 means earning back the cost plus twice as much.',
      };
    case 'impressions':
      return { label: 'Target (impressions)', hint: 'Total reach or views, e.g. 50000.' };
  }
}

/** A number field's value, or NaN when empty or not a number (the server says what is wrong). */
function numberOf(input: HTMLInputElement): number {
  const text = input.value.trim();
  return text === '' ? Number.NaN : Number(text);
}

export function setUpTrackerForm(onCreated: (sheetName: string) => void): void {
  const form = byId('tracker-form', HTMLFormElement);
  const name = byId('campaign-name', HTMLInputElement);
  const nameError = byId('campaign-name-error', HTMLElement);
  const product = byId('product', HTMLInputElement);
  const currency = byId('currency', HTMLSelectElement);
  const goal = byId('goal-type', HTMLSelectElement);
  const target = byId('goal-target', HTMLInputElement);
  const targetLabelEl = byId('goal-target-label', HTMLLabelElement);
  const targetHint = byId('goal-target-hint', HTMLElement);
  const cac = byId('other-cac', HTMLInputElement);
  const cacLabel = byId('other-cac-currency', HTMLElement);
  const rows = byId('starting-rows', HTMLInputElement);
  const submit = byId('create-tracker', HTMLButtonElement);
  const messages = new Messages(
    byId('tracker-status', HTMLElement),
    byId('tracker-error', HTMLElement),
  );

  name.maxLength = MAX_CAMPAIGN_NAME_LENGTH;
  // The common currencies first, then every other ISO 4217 code.
  replace(
    currency,
    el(
      'optgroup',
      { attrs: { label: 'Common' } },
      ...SUPPORTED_CURRENCIES.map((code) => el('option', { attrs: { value: code } }, code)),
    ),
    el(
      'optgroup',
      { attrs: { label: 'All currencies' } },
      ...ISO_CURRENCIES.filter(
        (code) => !(SUPPORTED_CURRENCIES as readonly string[]).includes(code),
      ).map((code) => el('option', { attrs: { value: code } }, code)),
    ),
  );
  currency.value = 'USD';
  replace(goal, ...GOAL_TYPES.map((g) => el('option', { attrs: { value: g.value } }, g.label)));
  rows.min = '1';
  rows.max = String(MAX_STARTING_ROWS);
  rows.value = String(DEFAULT_STARTING_ROWS);

  const showUnits = () => {
    const { label, hint } = targetLabel(goal.value as GoalType, currency.value);
    replace(targetLabelEl, label);
    replace(targetHint, hint);
    replace(cacLabel, currency.value);
  };
  goal.addEventListener('change', showUnits);
  currency.addEventListener('change', showUnits);
  showUnits();

  const setNameError = (text: string) => {
    replace(nameError, text);
    nameError.hidden = !text;
    if (text) name.setAttribute('aria-invalid', 'true');
    else name.removeAttribute('aria-invalid');
  };
  name.addEventListener('input', () => setNameError(''));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    messages.clear();
    const campaignName = name.value.trim();
    if (!campaignName) {
      setNameError('Enter a campaign name.');
      name.focus();
      return;
    }
    setNameError('');
    const goalType = goal.value as GoalType;
    const typedTarget = numberOf(target);
    const cacText = cac.value.trim();
    const options: TrackerOptions = {
      campaignName,
      product: product.value.trim(),
      currency: currency.value,
      goalType,
      goalTarget: goalType === 'roi' ? typedTarget / 100 : typedTarget,
      otherChannelCac: cacText === '' ? null : numberOf(cac),
      startingRows: numberOf(rows),
    };
    try {
      const created = await whileBusy(submit, messages, 'Creating tracker…', () =>
        callServer('createTracker', options),
      );
      messages.success(`Created sheet “${created.sheetName}”`);
      name.value = '';
      onCreated(created.sheetName);
    } catch (error) {
      messages.error((error as Error).message);
    }
  });
}
