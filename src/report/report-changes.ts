// "What changed since the previous report": the headline figures of the last report, kept as
// JSON in the document's properties, against the current ones, in numbers and in words.
// Money figures are compared only in the same reporting currency.
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

export interface ReportSnapshot {
  version: 1;
  /** The reporting currency of every money figure. */
  currency: string;
  /** "YYYY-MM-DD". */
  from: string;
  to: string;
  trackers: string[];
  /** null: the report had no such figure (e.g. no spend, so no ROI). */
  figures: Partial<Record<HeadlineKey, number | null>>;
}

export type Direction = 'up' | 'down' | 'same' | 'new' | 'gone' | 'notCompared';

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
  /** False for a first report. */
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

function period(snapshot: ReportSnapshot): string {
  const trackers = snapshot.trackers.length > 0 ? ` (${snapshot.trackers.join(', ')})` : '';
  return `${snapshot.from} to ${snapshot.to}${trackers}`;
}

const value = (snapshot: ReportSnapshot | undefined, key: HeadlineKey): number | undefined => {
  const figure = snapshot?.figures[key];
  return typeof figure === 'number' && Number.isFinite(figure) ? figure : undefined;
};

function compareFigure(
  figure: Figure,
  previous: ReportSnapshot,
  current: ReportSnapshot,
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
  if (figure.kind === 'money' && previous.currency !== current.currency)
    return {
      ...base,
      direction: 'notCompared',
      verdict: neutral,
      words: `${figure.label}: ${now === undefined ? 'no figure' : show(figure.kind, now, current.currency)} (the previous report was in ${previous.currency}, so not compared)`,
    };
  if (before === undefined && now !== undefined)
    return {
      ...base,
      direction: 'new',
      verdict: neutral,
      words: `${figure.label}: ${show(figure.kind, now, current.currency)} (not in the previous report)`,
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

/** Each headline figure of the current report against the previous one, in order. */
export function compareReports(
  previous: ReportSnapshot | undefined,
  current: ReportSnapshot,
): ReportChanges {
  if (!previous)
    return {
      comparable: false,
      summary: 'First report: nothing to compare with yet.',
      changes: [],
    };
  const changes: Change[] = [];
  for (const figure of HEADLINE_FIGURES) {
    const change = compareFigure(figure, previous, current);
    if (change) changes.push(change);
  }
  return {
    comparable: true,
    summary: `Since the previous report (${period(previous)}), for ${period(current)}:`,
    changes,
  };
}

export function snapshotToJson(snapshot: ReportSnapshot): string {
  return JSON.stringify(snapshot);
}

const KEYS = new Set<string>(HEADLINE_FIGURES.map((figure) => figure.key));

/**
 * The stored snapshot, or undefined for anything that is not one (a missing property, text a
 * person edited, an older version): a bad snapshot makes a "first report", never an error.
 */
export function snapshotFromJson(text: string | null | undefined): ReportSnapshot | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const { version, currency, from, to, trackers, figures } = record;
  if (version !== 1 || typeof currency !== 'string' || typeof from !== 'string') return undefined;
  if (typeof to !== 'string' || !Array.isArray(trackers)) return undefined;
  if (typeof figures !== 'object' || figures === null) return undefined;
  const kept: Partial<Record<HeadlineKey, number | null>> = {};
  for (const [key, figure] of Object.entries(figures as Record<string, unknown>)) {
    if (!KEYS.has(key)) continue;
    if (figure === null || (typeof figure === 'number' && Number.isFinite(figure)))
      kept[key as HeadlineKey] = figure;
  }
  return {
    version: 1,
    currency,
    from,
    to,
    trackers: trackers.filter((name): name is string => typeof name === 'string'),
    figures: kept,
  };
}
