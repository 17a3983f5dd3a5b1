// The team's dashboard settings: their defaults, checks, and which value wins when the sidebar,
// the dashboard's own cells (a teammate may type there) and the stored settings disagree.
import { InputError } from '../apps/errors';
import type { InsightsSettings } from '../shared/api';
import { MIN_LIFT_DAYS } from './lift';

export const DEFAULT_INSIGHTS: InsightsSettings = {
  minOrders: 10,
  priorClicks: 20,
  liftDays: 7,
  signupRate: null,
  purchaseRate: null,
  orderValue: null,
};

export type SettingKey = keyof InsightsSettings;

export interface SettingField {
  key: SettingKey;
  label: string;
  kind: 'count' | 'rate' | 'money';
  note: string;
  /** Whole numbers from min to max; rates from 0 to 1; money 0 or more. */
  min: number;
  max: number;
  whole: boolean;
  /** May be left empty (the dashboard then leaves the figures that need it empty). */
  optional: boolean;
}

/** In the order the dashboard's settings row shows them. */
export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'minOrders',
    label: 'Too early below (orders)',
    kind: 'count',
    note: 'Creators with fewer orders than this are "too early to judge": ranked after the others.',
    min: 1,
    max: 100_000,
    whole: true,
    optional: false,
  },
  {
    key: 'priorClicks',
    label: 'Prior k (clicks)',
    kind: 'count',
    note: "Shrunk conversion rate = (orders + k x campaign rate) / (clicks + k): a creator starts from k clicks' worth of the campaign's rate, so a few lucky orders don't rank first.",
    min: 0,
    max: 100_000,
    whole: false,
    optional: false,
  },
  {
    key: 'liftDays',
    label: 'Lift days (N)',
    kind: 'count',
    note: `Sales lift compares average daily sales over the post date and the N-1 days after it with the N days before; each window needs ${MIN_LIFT_DAYS} days of daily sales, so N is ${MIN_LIFT_DAYS} or more.`,
    min: MIN_LIFT_DAYS,
    max: 90,
    whole: true,
    optional: false,
  },
  {
    key: 'signupRate',
    label: 'Signup rate',
    kind: 'rate',
    note: 'Share of referral visits that join your list. With the two cells after it, values awareness: visits x signup rate x purchase rate x order value.',
    min: 0,
    max: 1,
    whole: false,
    optional: true,
  },
  {
    key: 'purchaseRate',
    label: 'Purchase rate',
    kind: 'rate',
    note: 'Share of those who join and then buy.',
    min: 0,
    max: 1,
    whole: false,
    optional: true,
  },
  {
    key: 'orderValue',
    label: 'Order value',
    kind: 'money',
    note: 'What such a first order is worth to you.',
    min: 0,
    max: 1e9,
    whole: false,
    optional: true,
  },
];

function fieldOf(key: SettingKey): SettingField {
  const field = SETTING_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`No insights setting ${key}`);
  return field;
}

function shown(field: SettingField, value: number): string {
  return field.kind === 'rate' ? `${Math.round(value * 10000) / 100}%` : String(value);
}

/** A value of the field, null for empty (optional fields only), or the reason it is refused. */
function parsed(field: SettingField, raw: unknown): number | null | { refused: string } {
  if (raw === null || raw === undefined || raw === '') {
    return field.optional ? null : { refused: `${field.label} is required.` };
  }
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { refused: `${field.label} must be a number.` };
  if (value < field.min || value > field.max || (field.whole && !Number.isInteger(value))) {
    const range =
      field.kind === 'rate'
        ? 'from 0% to 100%'
        : `${field.whole ? 'a whole number ' : ''}from ${field.min} to ${field.max}`;
    return { refused: `${field.label} must be ${range} (got ${shown(field, value)}).` };
  }
  return value;
}

/** The settings a request asks to change, checked; throws an InputError naming the field. */
export function checkSettings(input: unknown): Partial<InsightsSettings> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input))
    throw new InputError('The dashboard settings are not readable.');
  const given = input as Record<string, unknown>;
  const checked: Partial<Record<SettingKey, number | null>> = {};
  for (const field of SETTING_FIELDS) {
    if (!(field.key in given)) continue;
    const value = parsed(field, given[field.key]);
    if (value !== null && typeof value === 'object') throw new InputError(value.refused);
    checked[field.key] = value;
  }
  return checked as Partial<InsightsSettings>;
}

/** Stored settings as read back: anything unreadable falls back to the default. */
export function storedSettings(stored: unknown): InsightsSettings {
  const given = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const settings = { ...DEFAULT_INSIGHTS } as Record<SettingKey, number | null>;
  for (const field of SETTING_FIELDS) {
    if (!(field.key in given)) continue;
    const value = parsed(field, given[field.key]);
    if (value === null || typeof value !== 'object') settings[field.key] = value;
  }
  return settings as unknown as InsightsSettings;
}

/** Values read from the dashboard's settings cells: only those that would pass the checks. */
export function sheetSettings(cells: readonly unknown[]): Partial<InsightsSettings> {
  const found: Partial<Record<SettingKey, number | null>> = {};
  SETTING_FIELDS.forEach((field, i) => {
    if (i >= cells.length) return;
    const value = parsed(field, cells[i]);
    if (value === null || typeof value !== 'object') found[field.key] = value;
  });
  return found as Partial<InsightsSettings>;
}

/**
 * Field by field, the newest change wins: the request's value when it differs from the stored
 * one (the sidebar changed it), else the dashboard cell's when it differs (a teammate typed
 * it), else the stored value.
 */
export function mergeSettings(
  stored: InsightsSettings,
  sheet: Partial<InsightsSettings>,
  request: Partial<InsightsSettings>,
): InsightsSettings {
  const merged = { ...stored } as Record<SettingKey, number | null>;
  for (const { key } of SETTING_FIELDS) {
    const before = stored[key];
    if (key in request && request[key] !== before) merged[key] = request[key] ?? null;
    else if (key in sheet && sheet[key] !== before) merged[key] = sheet[key] ?? null;
  }
  return merged as unknown as InsightsSettings;
}

export function settingLabel(key: SettingKey): string {
  return fieldOf(key).label;
}
