// "What changed": the report's headline figures against those of the previous period of the same
// length in the same trackers (computed by the report's own hidden formulas, never taken from
// whatever report was built last), in numbers and in words.
import type { FigureKind } from '../shared/value-kind';
import {
  formatCount,
  formatMoney,
  formatMultiple,
  formatPercent,
  formatPoints,
  signed,
} from '../shared/words';

export type HeadlineKey =
  | 'spend'
  | 'revenue'
  | 'roi'
  | 'profitRoi'
  | 'roas'
  | 'orders'
  | 'newCustomers'
  | 'cac'
  | 'conversionRate'
  | 'engagementRate'
  | 'creators'
  | 'posts'
  | 'leftOut';

export interface Figure {
  key: HeadlineKey;
  label: string;
  kind: FigureKind;
  /** Whether a rise is good news; undefined where it is neither (spend, posts). */
  higherIsBetter?: boolean;
}

export const HEADLINE_FIGURES: readonly Figure[] = [
  { key: 'spend', label: 'Spend', kind: 'money' },
  { key: 'revenue', label: 'Revenue', kind: 'money', higherIsBetter: true },
  { key: 'roi', label: 'ROI', kind: 'rate', higherIsBetter: true },
  { key: 'profitRoi', label: 'Profit ROI', kind: 'rate', higherIsBetter: true },
  { key: 'roas', label: 'ROAS', kind: 'multiple', higherIsBetter: true },
  { key: 'orders', label: 'Orders', kind: 'count', higherIsBetter: true },
  { key: 'newCustomers', label: 'New customers', kind: 'count', higherIsBetter: true },
  { key: 'cac', label: 'CAC', kind: 'money', higherIsBetter: false },
  { key: 'conversionRate', label: 'Conversion rate', kind: 'rate', higherIsBetter: true },
  { key: 'engagementRate', label: 'Engagement rate', kind: 'rate', higherIsBetter: true },
  { key: 'creators', label: 'Creators', kind: 'count' },
  { key: 'posts', label: 'Posts', kind: 'count' },
  { key: 'leftOut', label: 'Rows left out (no rate)', kind: 'count', higherIsBetter: false },
];

/** A period's headline figures, as the report's formulas computed them. */
export interface PeriodFigures {
  /** The reporting currency of every money figure (one for both periods: the same trackers). */
  currency: string;
  /** "YYYY-MM-DD". */
  from: string;
  to: string;
  trackers: string[];
  /** null: the period had no such figure (e.g. no spend, so no ROI). */
  figures: Partial<Record<HeadlineKey, number | null>>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The period of the same length just before from..to (ISO days, both included). */
export function previousPeriod(
  from: string,
  to: string,
): { from: string; to: string; days: number } {
  const first = dayNumber(from);
  const days = dayNumber(to) - first + 1;
  return { from: isoOf(first - days), to: isoOf(first - 1), days };
}

export type Direction = 'up' | 'down' | 'same' | 'new' | 'gone';

export interface Change {
  key: HeadlineKey;
  label: string;
  kind: FigureKind;
  previous?: number;
  current?: number;
  difference?: number;
  /** difference / |previous|, for money and counts; undefined from zero. */
  relative?: number;
  direction: Direction;
  verdict: 'better' | 'worse' | 'neutral';
  words: string;
}

export interface ReportChanges {
  /** False when the previous period has no posts. */
  comparable: boolean;
  /** One line naming what is compared with what. */
  summary: string;
  changes: Change[];
}

/** Differences smaller than what the figure shows count as unchanged. */
const SAME: Record<FigureKind, number> = {
  money: 0.005,
  rate: 0.0005,
  count: 1e-9,
  multiple: 0.005,
};

function show(kind: FigureKind, value: number, currency: string): string {
  switch (kind) {
    case 'money':
      return formatMoney(value, currency);
    case 'rate':
      return formatPercent(value);
    case 'count':
      return formatCount(value);
    case 'multiple':
      return formatMultiple(value);
  }
}

function differenceWords(kind: FigureKind, difference: number, currency: string): string {
  if (kind === 'rate')
    return `${signed(formatPoints(Math.round(difference * 1000) / 10), difference)} points`;
  return signed(show(kind, difference, currency), difference);
}

const value = (period: PeriodFigures, key: HeadlineKey): number | undefined => {
  const figure = period.figures[key];
  return typeof figure === 'number' && Number.isFinite(figure) ? figure : undefined;
};

function compareFigure(
  figure: Figure,
  previous: PeriodFigures,
  current: PeriodFigures,
): Change | undefined {
  const before = value(previous, figure.key);
  const now = value(current, figure.key);
  const base = {
    key: figure.key,
    label: figure.label,
    kind: figure.kind,
    previous: before,
    current: now,
  };
  const neutral = 'neutral' as const;
  if (before === undefined && now === undefined) return undefined;
  if (before === undefined && now !== undefined)
    return {
      ...base,
      direction: 'new',
      verdict: neutral,
      words: `${figure.label}: ${show(figure.kind, now, current.currency)} (none in the previous period)`,
    };
  if (now === undefined && before !== undefined)
    return {
      ...base,
      direction: 'gone',
      verdict: neutral,
      words: `${figure.label}: no figure now (was ${show(figure.kind, before, previous.currency)})`,
    };
  const was = before as number;
  const is = now as number;
  const difference = is - was;
  if (Math.abs(difference) < SAME[figure.kind])
    return {
      ...base,
      difference: 0,
      relative: was !== 0 && (figure.kind === 'money' || figure.kind === 'count') ? 0 : undefined,
      direction: 'same',
      verdict: neutral,
      words: `${figure.label} unchanged at ${show(figure.kind, is, current.currency)}`,
    };
  const relative =
    was !== 0 && (figure.kind === 'money' || figure.kind === 'count')
      ? difference / Math.abs(was)
      : undefined;
  const up = difference > 0;
  const detail = [differenceWords(figure.kind, difference, current.currency)];
  if (relative !== undefined) detail.push(signed(formatPercent(relative), relative));
  return {
    ...base,
    difference,
    relative,
    direction: up ? 'up' : 'down',
    verdict:
      figure.higherIsBetter === undefined
        ? neutral
        : up === figure.higherIsBetter
          ? 'better'
          : 'worse',
    words: `${figure.label} ${up ? 'rose' : 'fell'} from ${show(figure.kind, was, previous.currency)} to ${show(figure.kind, is, current.currency)} (${detail.join(', ')})`,
  };
}

/** Each headline figure of the report's period against the previous period's, in order. */
export function compareReports(previous: PeriodFigures, current: PeriodFigures): ReportChanges {
  const { days } = previousPeriod(current.from, current.to);
  const before = `${previous.from} to ${previous.to} (the ${days === 1 ? 'day' : `${days} days`} before)`;
  const trackers = current.trackers.join(', ');
  if (!value(previous, 'posts'))
    return {
      comparable: false,
      summary: `No posts dated ${before} in ${trackers}: nothing to compare with.`,
      changes: [],
    };
  const changes: Change[] = [];
  for (const figure of HEADLINE_FIGURES) {
    const change = compareFigure(figure, previous, current);
    if (change) changes.push(change);
  }
  return {
    comparable: true,
    summary: `Against ${before}, in the same trackers (${trackers}):`,
    changes,
  };
}
