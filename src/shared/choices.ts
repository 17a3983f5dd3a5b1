// Choices the sidebar offers and the server accepts; one list so the two cannot disagree.
import type { GoalType } from './api';

/** Currencies a tracker can be kept in, with the symbol its money columns show. */
export const CURRENCY_SYMBOLS = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  CAD: 'CA$',
  AUD: 'A$',
  JPY: '¥',
  INR: '₹',
  MXN: 'MX$',
} as const;

export type Currency = keyof typeof CURRENCY_SYMBOLS;
export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_SYMBOLS) as Currency[];

export const GOAL_TYPES: readonly { value: GoalType; label: string }[] = [
  { value: 'orders', label: 'Orders' },
  { value: 'revenue', label: 'Revenue' },
  { value: 'roi', label: 'ROI' },
  { value: 'impressions', label: 'Impressions' },
];

export const MAX_STARTING_ROWS = 1000;
export const DEFAULT_STARTING_ROWS = 25;
export const MAX_CAMPAIGN_NAME_LENGTH = 80;

/** How the audience took a post: the tracker's Sentiment dropdown. */
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
