// The server checks every tracker option again: the sidebar is only a convenience, and
// google.script.run will pass whatever a page sends.

import { InputError } from '../apps/errors';
import type { GoalType, TrackerOptions } from '../shared/api';
import {
  GOAL_TYPES,
  MAX_CAMPAIGN_NAME_LENGTH,
  MAX_STARTING_ROWS,
  SUPPORTED_CURRENCIES,
} from '../shared/choices';
import { isIsoCurrency } from '../shared/currencies';

const MAX_PRODUCT_LENGTH = 100;

function field(options: Record<string, unknown>, key: keyof TrackerOptions): unknown {
  return options[key];
}

/** Letters, digits, punctuation and spaces; control characters (tabs, new lines) become spaces. */
function cleanText(value: unknown, label: string, maxLength: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new InputError(`${label} must be text.`);
  const text = value
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > maxLength) {
    throw new InputError(`${label} is ${text.length} characters long; keep it to ${maxLength}.`);
  }
  return text;
}

function toNumber(value: unknown, label: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new InputError(`${label} must be a number.`);
  }
  return number;
}

function goalTarget(value: unknown, goalType: GoalType): number {
  const label = goalType === 'roi' ? 'The ROI target' : 'The goal target';
  if (value === undefined || value === null || value === '')
    throw new InputError(`${label} is required.`);
  const target = toNumber(value, label);
  // The form asks for ROI in percent and sends a fraction; answer in the unit the user typed.
  const shown = goalType === 'roi' ? `${Math.round(target * 10000) / 100}%` : String(target);
  if (target <= 0) throw new InputError(`${label} must be above 0 (got ${shown}).`);
  if ((goalType === 'orders' || goalType === 'impressions') && !Number.isInteger(target)) {
    throw new InputError(`${label} must be a whole number of ${goalType} (got ${shown}).`);
  }
  return target;
}

function otherChannelCac(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const cac = toNumber(value, 'The other-channel CAC');
  if (cac <= 0)
    throw new InputError(`The other-channel CAC must be above 0, or left empty (got ${cac}).`);
  return cac;
}

function startingRows(value: unknown): number {
  const rows = toNumber(value, 'Starting rows');
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_STARTING_ROWS) {
    throw new InputError(
      `Starting rows must be a whole number from 1 to ${MAX_STARTING_ROWS} (got ${rows}).`,
    );
  }
  return rows;
}

/** Checked, trimmed options, or an InputError that says which field is wrong and why. */
export function checkTrackerOptions(input: unknown): TrackerOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError('The tracker options are missing.');
  }
  const options = input as Record<string, unknown>;
  const campaignName = cleanText(
    field(options, 'campaignName'),
    'The campaign name',
    MAX_CAMPAIGN_NAME_LENGTH,
  );
  if (campaignName === '') throw new InputError('The campaign name is required.');
  const currency =
    cleanText(field(options, 'currency') ?? 'USD', 'The currency', 10).toUpperCase() || 'USD';
  if (!isIsoCurrency(currency)) {
    throw new InputError(
      `The currency must be an ISO 4217 code such as ${SUPPORTED_CURRENCIES.join(', ')} or BRL (got ${currency}).`,
    );
  }
  const goal = GOAL_TYPES.find((type) => type.value === field(options, 'goalType'));
  if (!goal) {
    throw new InputError(
      `The goal must be one of ${GOAL_TYPES.map((type) => type.label).join(', ')}.`,
    );
  }
  return {
    campaignName,
    product: cleanText(field(options, 'product'), 'The product or ASIN', MAX_PRODUCT_LENGTH),
    currency,
    goalType: goal.value,
    goalTarget: goalTarget(field(options, 'goalTarget'), goal.value),
    otherChannelCac: otherChannelCac(field(options, 'otherChannelCac')),
    startingRows: startingRows(field(options, 'startingRows') ?? 25),
  };
}
