// Choices the sidebar offers and the server accepts; one list so the two cannot disagree.
import type { GoalType } from './api';

export const SUPPORTED_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'JPY',
  'INR',
  'MXN',
] as const;

export const GOAL_TYPES: readonly { value: GoalType; label: string }[] = [
  { value: 'orders', label: 'Orders' },
  { value: 'revenue', label: 'Revenue' },
  { value: 'roi', label: 'ROI' },
  { value: 'impressions', label: 'Impressions' },
];

export const MAX_STARTING_ROWS = 1000;
export const DEFAULT_STARTING_ROWS = 25;
export const MAX_CAMPAIGN_NAME_LENGTH = 80;
