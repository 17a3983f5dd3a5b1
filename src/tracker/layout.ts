// Everything the tracker sheet holds, computed as plain 2-D arrays before anything is written,
// so the writer can set each block with one call.

import { FAR_BELOW_SHARE, PLATFORM_NORMS } from '../metrics/platforms';
import type { TrackerOptions } from '../shared/api';
import { GOAL_TYPES, SENTIMENTS } from '../shared/choices';
import type { ValueKind } from '../shared/value-kind';
import type { Block, FontWeight, Highlight, RangeRule, Rule } from '../sheet/drawing';
import { numberFormat } from '../sheet/formats';
import { cellRef, columnLetter } from '../sheet/formulas';
import { asText, PLAIN_TEXT_FORMAT } from '../sheet/literal';
import {
  COLUMNS,
  type Column,
  type ColumnKey,
  columnNumber,
  isDerived,
  type Refs,
  type ValueType,
} from './columns';
import {
  type Cells,
  COVERAGE_ROW,
  SETTINGS,
  SETTINGS_ROW,
  SUMMARY_WIDTH,
  TITLE_ROW,
  TOTALS,
  TOTALS_ROW,
} from './summary';

export const HEADER_ROW = 7;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
export const PLATFORM_CHOICES = [...PLATFORM_NORMS.map((norm) => norm.name), 'Other'];
export const YES_NO = ['yes', 'no'] as const;

export interface TrackerLayout {
  rows: number;
  columns: number;
  /** Rows 1 to the header: title, settings, totals and header; user text already made literal. */
  values: Block<string | number>;
  numberFormats: Block<string>[];
  backgrounds: Block<string | null>[];
  /** Rows 2 to the header: a note on every label and header. */
  notes: Block<string>;
  validations: Block<Rule | null>[];
  /** Rules set on a whole range each: the currency columns. */
  rangeValidations: RangeRule[];
  /** Rows 1 to the header: the title, the totals and the header are bold. */
  fontWeights: Block<FontWeight>;
  highlights: Highlight[];
  /** Computed ranges, protected with a warning. */
  protectedRanges: { range: string; description: string }[];
  /** Consecutive columns of one width: [first column, count, width]. */
  widths: [number, number, number][];
  frozenRows: number;
  frozenColumns: number;
}

const COLORS = {
  inputHeader: '#f1f3f4',
  derivedHeader: '#d2e3fc',
  derivedCell: '#f1f6fe',
  label: '#ffffff',
  warning: '#fce8b2',
  warningText: '#7a4f01',
  bad: '#f4c7c3',
  badText: '#a50e0e',
  good: '#ceead6',
  goodText: '#0d652d',
};

function refsFrom(row: number): Refs {
  const refs = {} as Refs;
  COLUMNS.forEach((column, index) => {
    const letter = columnLetter(index + 1);
    refs[column.key] = `${letter}${row}:${letter}`;
  });
  return refs;
}

function letterOf(key: ColumnKey): string {
  return columnLetter(columnNumber(key));
}

function summaryCells(): Cells {
  const cells = {} as Cells;
  SETTINGS.forEach((setting, i) => {
    cells[setting.key] = `${columnLetter(i + 1)}${SETTINGS_ROW}`;
  });
  TOTALS.forEach((total, i) => {
    cells[total.key] = `${columnLetter(i + 1)}${TOTALS_ROW}`;
  });
  return cells;
}

/** The kind of value a column of this type holds: validated text is text. */
function kindOf(type: ValueType): ValueKind {
  switch (type) {
    case 'code':
    case 'platform':
    case 'url':
    case 'sentiment':
    case 'currency':
    case 'yesNo':
      return 'text';
    default:
      return type;
  }
}

/** The number format of a column of this type, amounts in `currency`. */
export function valueFormat(type: ValueType, currency: string): string {
  return numberFormat(kindOf(type), currency);
}

/** A setting's or total's format; the goal target's follows the goal's type. */
function settingFormat(type: ValueType | 'goalTarget', options: TrackerOptions): string {
  if (type !== 'goalTarget') return valueFormat(type, options.currency);
  if (options.goalType === 'roi') return '0%';
  return numberFormat(options.goalType === 'revenue' ? 'money' : 'count', options.currency);
}

const HELP: Partial<Record<ValueType, string>> = {
  count: 'must be a number, 0 or more.',
  money: 'must be an amount, 0 or more.',
  date: 'must be a date, like 2026-03-14.',
  url: 'must be a link starting with http:// or https://.',
  platform: `must be one of ${PLATFORM_CHOICES.join(', ')}.`,
  rate: 'must be a rate of 0% or more, like 4%.',
  sentiment: `must be one of ${SENTIMENTS.join(', ')}.`,
  yesNo: `must be ${YES_NO.join(' or ')}.`,
};

/** The validation of an input column of this type, or null. */
export function ruleFor(type: ValueType, label: string): Rule | null {
  const help = HELP[type] && `${label} ${HELP[type]}`;
  if (!help) return null;
  if (type === 'count' || type === 'money' || type === 'rate')
    return { kind: 'atLeast', min: 0, help };
  if (type === 'date') return { kind: 'date', help };
  if (type === 'url') return { kind: 'url', help };
  if (type === 'sentiment') return { kind: 'list', values: SENTIMENTS, help };
  if (type === 'yesNo') return { kind: 'list', values: YES_NO, help };
  return { kind: 'list', values: PLATFORM_CHOICES, help };
}

const ISO_EXAMPLES = 'an ISO 4217 code such as USD, EUR or BRL';

/**
 * Each run of adjacent currency columns (at: 1-based column), one rule on its rows: blank or
 * an ISO 4217 code. One range per run, so relative references count from its top-left cell.
 */
export function currencyRules(
  placed: readonly { column: Column; at: number }[],
  firstRow: number,
  lastRow: number,
): RangeRule[] {
  const runs: { column: Column; at: number }[][] = [];
  for (const item of placed) {
    if (item.column.type !== 'currency') continue;
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].at === item.at - 1) run.push(item);
    else runs.push([item]);
  }
  return runs.map((run) => {
    const top = `${columnLetter(run[0].at)}${firstRow}`;
    const headers = run.map((item) => item.column.header).join(' and ');
    return {
      range: `${top}:${columnLetter(run[run.length - 1].at)}${lastRow}`,
      rule: { kind: 'currency', cell: top, help: `${headers}: ${ISO_EXAMPLES}, or empty.` },
    };
  });
}

function emptyRow<T>(width: number, fill: T): T[] {
  return new Array<T>(width).fill(fill);
}

function headRows(options: TrackerOptions, refs: Refs, cells: Cells): (string | number)[][] {
  const width = COLUMNS.length;
  const rows = Array.from({ length: HEADER_ROW }, () => emptyRow<string | number>(width, ''));
  rows[TITLE_ROW - 1][0] = asText(options.campaignName);
  SETTINGS.forEach((setting, i) => {
    rows[SETTINGS_ROW - 2][i] = setting.label;
    rows[SETTINGS_ROW - 1][i] = setting.value(options);
  });
  TOTALS.forEach((total, i) => {
    rows[TOTALS_ROW - 2][i] = total.label;
    rows[TOTALS_ROW - 1][i] = total.formula(refs, cells);
    if (total.coverage) rows[COVERAGE_ROW - 1][i] = total.coverage(refs, cells);
  });
  rows[HEADER_ROW - 1] = COLUMNS.map((column) => headerCell(column, refs, cells));
  return rows;
}

/** Derived columns compute every row, including rows added later, from one formula in the header. */
export function headerCell(column: Column, refs: Refs, cells: Cells): string {
  if (!column.formula) return column.header;
  return `=ARRAYFORMULA({"${column.header}"; IF(${refs.handle}="", "", ${column.formula(refs, cells)})})`;
}

/** Notes for rows 2 to the header; row indexes follow the sheet rows. */
function headNotes(): string[][] {
  const rows = Array.from({ length: HEADER_ROW - 1 }, () => emptyRow(COLUMNS.length, ''));
  SETTINGS.forEach((setting, i) => {
    rows[SETTINGS_ROW - 3][i] = setting.note;
  });
  TOTALS.forEach((total, i) => {
    rows[TOTALS_ROW - 3][i] = total.note;
  });
  rows[HEADER_ROW - 2] = COLUMNS.map((column) => column.note);
  return rows;
}

function headWeights(): FontWeight[][] {
  const rows = Array.from({ length: HEADER_ROW }, () =>
    emptyRow<FontWeight>(COLUMNS.length, 'normal'),
  );
  rows[TITLE_ROW - 1][0] = 'bold';
  rows[TOTALS_ROW - 1] = emptyRow<FontWeight>(COLUMNS.length, 'bold');
  rows[HEADER_ROW - 1] = emptyRow<FontWeight>(COLUMNS.length, 'bold');
  return rows;
}

function summaryFormats(options: TrackerOptions): string[][] {
  const labels = emptyRow(SUMMARY_WIDTH, PLAIN_TEXT_FORMAT);
  return [
    emptyRow(SUMMARY_WIDTH, PLAIN_TEXT_FORMAT),
    labels,
    padded(
      SETTINGS.map((s) => settingFormat(s.type, options)),
      PLAIN_TEXT_FORMAT,
    ),
    labels,
    padded(
      TOTALS.map((t) => settingFormat(t.type, options)),
      PLAIN_TEXT_FORMAT,
    ),
    emptyRow(SUMMARY_WIDTH, PLAIN_TEXT_FORMAT),
  ];
}

function padded<T>(cells: T[], fill: T): T[] {
  return cells.concat(emptyRow(SUMMARY_WIDTH - cells.length, fill));
}

function tableBlocks(options: TrackerOptions, dataRows: number) {
  const formats = COLUMNS.map((column) => valueFormat(column.type, options.currency));
  const rules = COLUMNS.map((column) =>
    isDerived(column) ? null : ruleFor(column.type, column.header),
  );
  const fills = COLUMNS.map((column) => (isDerived(column) ? COLORS.derivedCell : null));
  const headerFills = COLUMNS.map((column) =>
    isDerived(column) ? COLORS.derivedHeader : COLORS.inputHeader,
  );
  return {
    numberFormats: [
      emptyRow(COLUMNS.length, PLAIN_TEXT_FORMAT),
      ...Array.from({ length: dataRows }, () => formats),
    ],
    validations: Array.from({ length: dataRows }, () => rules),
    backgrounds: [headerFills, ...Array.from({ length: dataRows }, () => fills)],
  };
}

function summaryValidations(): (Rule | null)[][] {
  return [
    SETTINGS.map((setting, i): Rule | null => {
      if (setting.key === 'goal') {
        const goals = GOAL_TYPES.map((goal) => goal.label);
        return { kind: 'list', values: goals, help: `Goal must be one of ${goals.join(', ')}.` };
      }
      if (setting.key === 'target' || setting.key === 'otherCac') {
        return { kind: 'atLeast', min: 0, help: `${setting.label} must be a number, 0 or more.` };
      }
      if (setting.key === 'currency' || setting.key === 'reportingCurrency') {
        const help =
          setting.key === 'currency'
            ? `Currency must be ${ISO_EXAMPLES}.`
            : `Reporting currency must be ${ISO_EXAMPLES}, or empty (then Currency).`;
        return { kind: 'currency', cell: cellRef(SETTINGS_ROW, i + 1), help };
      }
      if (setting.key === 'grossMargin') {
        return {
          kind: 'atLeast',
          min: 0,
          help: 'Gross margin must be a rate of 0% or more, like 60%.',
        };
      }
      return null;
    }),
  ];
}

function highlights(lastRow: number, cells: Cells): Highlight[] {
  const column = (key: ColumnKey) => `${letterOf(key)}${FIRST_DATA_ROW}:${letterOf(key)}${lastRow}`;
  const duplicate = (key: ColumnKey): Highlight => {
    const letter = letterOf(key);
    const first = `${letter}${FIRST_DATA_ROW}`;
    return {
      range: column(key),
      when: {
        formula: `=AND(${first}<>"", COUNTIF($${letter}$${FIRST_DATA_ROW}:$${letter}, ${first})>1)`,
      },
      background: COLORS.warning,
      fontColor: COLORS.warningText,
    };
  };
  const rate = `${letterOf('engagementRate')}${FIRST_DATA_ROW}`;
  const usual = `$${letterOf('usualEngagementRate')}${FIRST_DATA_ROW}`;
  const platform = `$${letterOf('platform')}${FIRST_DATA_ROW}`;
  const norm = PLATFORM_NORMS.reduceRight(
    (otherwise, p) => `IF(${platform}="${p.name}", ${p.low}, ${otherwise})`,
    '0',
  );
  const signOf = (range: string): Highlight[] => [
    { range, when: { lessThan: 0 }, background: COLORS.bad, fontColor: COLORS.badText },
    { range, when: { greaterThan: 0 }, background: COLORS.good, fontColor: COLORS.goodText },
  ];
  return [
    duplicate('promoCode'),
    duplicate('trackingLink'),
    ...signOf(column('roi')),
    ...signOf(cells.roi),
    {
      range: column('engagementRate'),
      when: {
        formula: `=AND(ISNUMBER(${rate}), ISNUMBER(${usual}), ${rate}<${usual}*${FAR_BELOW_SHARE})`,
      },
      background: COLORS.bad,
      fontColor: COLORS.badText,
    },
    {
      range: column('engagementRate'),
      when: { formula: `=AND(ISNUMBER(${rate}), ${rate}<${norm})` },
      background: COLORS.warning,
      fontColor: COLORS.warningText,
    },
    {
      range: cells.cacVsOther,
      when: { greaterThan: 1 },
      background: COLORS.bad,
      fontColor: COLORS.badText,
    },
    {
      range: cells.cacVsOther,
      when: { lessThan: 1 },
      background: COLORS.good,
      fontColor: COLORS.goodText,
    },
  ];
}

function widthGroups(): [number, number, number][] {
  const groups: [number, number, number][] = [];
  COLUMNS.forEach((column, i) => {
    const last = groups[groups.length - 1];
    if (last && last[2] === column.width) last[1] += 1;
    else groups.push([i + 1, 1, column.width]);
  });
  return groups;
}

/** [first, last] 1-based columns of each run of consecutive computed columns. */
function derivedRuns(): [number, number][] {
  const runs: [number, number][] = [];
  COLUMNS.forEach((column, i) => {
    if (!isDerived(column)) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i + 1, i + 1]);
  });
  return runs;
}

export function trackerLayout(options: TrackerOptions): TrackerLayout {
  const dataRows = options.startingRows;
  const rows = HEADER_ROW + dataRows;
  const refs = refsFrom(FIRST_DATA_ROW);
  const cells = summaryCells();
  const table = tableBlocks(options, dataRows);
  const summaryEnd = columnLetter(SUMMARY_WIDTH);
  return {
    rows,
    columns: COLUMNS.length,
    values: { row: 1, column: 1, cells: headRows(options, refs, cells) },
    numberFormats: [
      { row: 1, column: 1, cells: summaryFormats(options) },
      { row: HEADER_ROW, column: 1, cells: table.numberFormats },
    ],
    backgrounds: [{ row: HEADER_ROW, column: 1, cells: table.backgrounds }],
    notes: { row: SETTINGS_ROW - 1, column: 1, cells: headNotes() },
    validations: [
      { row: SETTINGS_ROW, column: 1, cells: summaryValidations() },
      { row: FIRST_DATA_ROW, column: 1, cells: table.validations },
    ],
    rangeValidations: currencyRules(
      COLUMNS.map((column, i) => ({ column, at: i + 1 })),
      FIRST_DATA_ROW,
      rows,
    ),
    fontWeights: { row: 1, column: 1, cells: headWeights() },
    highlights: highlights(rows, cells),
    protectedRanges: [
      {
        range: `A${TOTALS_ROW}:${summaryEnd}${COVERAGE_ROW}`,
        description: 'Campaign totals: computed by formulas',
      },
      // Each run of computed columns; the input columns between them stay editable.
      ...derivedRuns().map(([first, last]) => ({
        range: `${columnLetter(first)}${HEADER_ROW}:${columnLetter(last)}${rows}`,
        description: 'Computed columns: formulas fill every row',
      })),
    ],
    widths: widthGroups(),
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
  };
}
