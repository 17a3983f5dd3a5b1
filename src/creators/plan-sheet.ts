// buildPlan: the "Plan" sheet, built or refreshed in place. The team types candidates (handle,
// platform, followers, asked fee, product and shipping, an In/Out override); a build estimates
// each from the trackers' history (planCampaign) and suggests a set greedily. Cost, revenue
// (orders x order value), ROI, Booked, the booked total and the budget left are native formulas,
// so they follow a changed fee, product cost, override or budget.

import { InputError } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import type { CellValue } from '../money/money';
import type { PlanBuilt, PlanRequest } from '../shared/api';
import type { ValueKind } from '../shared/value-kind';
import { clearAndFit } from '../sheet/drawing';
import { numberFormat } from '../sheet/formats';
import { columnLetter, roiFormula } from '../sheet/formulas';
import { PLAIN_TEXT_FORMAT } from '../sheet/literal';
import { normalise } from '../tracker/table';
import {
  BASIS_WORDS,
  bookedFormula,
  budgetLeftFormula,
  type Candidate,
  type Estimate,
  GREEDY_RULE,
  planCampaign,
  type Range,
} from './plan';
import { mergeRoster } from './roster';
import { addedRowsNote, readAllTrackers } from './roster-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PLAN_SHEET = 'Plan';
const SETTINGS_ROW = 3;
const RULE_ROW = 4;
const NOTE_ROW = 5;
const HEADER_ROW = 6;
const FIRST_ROW = HEADER_ROW + 1;
/** Column of the note on rows added to the trackers since the build (row 1, after the title). */
const ADDED_ROWS_COLUMN = 2;
/** Empty rows below the candidates, for the next ones the team types. */
const SPARE_ROWS = 20;
const MAX_CANDIDATES = 500;
const OVERRIDES = ['In', 'Out'] as const;

type Kind = 'input' | 'output';
type Format = Extract<ValueKind, 'text' | 'count' | 'money' | 'decimal' | 'rate'>;
interface PlanColumn {
  header: string;
  kind: Kind;
  format: Format;
  /** A column of formulas (its text is General, so the formula computes). */
  formula?: true;
  note: string;
}

const LEVEL_WORDS = {
  low: 'the low case',
  likely: 'the likely case',
  high: 'the high case',
} as const;

const range = (
  name: string,
  what: string,
  format: Format,
  note: string,
  formula?: true,
): PlanColumn[] =>
  (['low', 'likely', 'high'] as const).map((level) => ({
    header: `${name} ${level}`,
    kind: 'output',
    format,
    ...(formula ? { formula } : {}),
    note: `${what}, ${LEVEL_WORDS[level]}. ${note}`,
  }));

/** The candidate table, left to right: the team's inputs, then what a build fills. */
const COLUMNS: readonly PlanColumn[] = [
  {
    header: 'Creator',
    kind: 'input',
    format: 'text',
    note: 'Handle of a candidate, e.g. @jane.doe.',
  },
  {
    header: 'Platform',
    kind: 'input',
    format: 'text',
    note: 'Instagram, TikTok, YouTube, Pinterest or Facebook.',
  },
  {
    header: 'Followers',
    kind: 'input',
    format: 'count',
    note: 'Their followers now; empty: from their last post in a tracker.',
  },
  {
    header: 'Asked fee',
    kind: 'input',
    format: 'money',
    note: 'What they ask, in the plan currency.',
  },
  {
    header: 'Product + shipping',
    kind: 'input',
    format: 'money',
    note: "The product you send them and its shipping, in the plan currency. Empty: the trackers' average per post (above).",
  },
  {
    header: 'Override',
    kind: 'input',
    format: 'text',
    note: 'In: book them whatever the suggestion. Out: never. Empty: follow the suggestion.',
  },
  {
    header: 'Basis',
    kind: 'output',
    format: 'text',
    note: 'Where the estimate comes from: their own posts, else creators of the same tier and platform, else the platform norms. Under 3 posts of their own, the range is borrowed from peers or norms, and it says so.',
  },
  {
    header: 'Cost',
    kind: 'output',
    format: 'money',
    formula: true,
    note: "Asked fee + product and shipping (empty: the trackers' average per post). A formula.",
  },
  ...range(
    'Clicks',
    'Expected clicks',
    'count',
    "Orders at the basis's conversion rate (orders / clicks).",
  ),
  ...range(
    'Orders',
    'Expected orders',
    'count',
    "Likely: the basis's median; low and high follow its 25th and 75th percentiles.",
  ),
  {
    header: 'Order value',
    kind: 'output',
    format: 'money',
    note: "Revenue per order of the basis's posts, else the trackers' average.",
  },
  ...range('Revenue', 'Expected revenue', 'money', 'Orders x order value: a formula.', true),
  ...range(
    'ROI',
    'Expected ROI = (revenue - cost) / cost',
    'rate',
    'A formula: it follows the fee and product cost.',
    true,
  ),
  { header: 'Suggested', kind: 'output', format: 'text', note: GREEDY_RULE },
  {
    header: 'Why',
    kind: 'output',
    format: 'text',
    note: 'Why the candidate is suggested or not, at the last build.',
  },
  {
    header: 'Booked',
    kind: 'output',
    format: 'text',
    formula: true,
    note: 'The override if any, else the suggestion: a formula.',
  },
];

const at = (header: string) => COLUMNS.findIndex((column) => column.header === header);
const letter = (header: string) => columnLetter(at(header) + 1);
const WIDTH = COLUMNS.length;

interface Typed {
  candidate: Candidate;
  /** As typed, so a rebuild writes back what the team wrote. */
  cells: CellValue[];
}

function fail(problems: string[]): never {
  const shown = problems.slice(0, 5).join(' ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  throw new InputError(`Nothing was changed. ${shown}${more}`);
}

export function checkBudget(request: unknown): number {
  const budget = (request as Partial<PlanRequest> | null)?.budget;
  if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0)
    throw new InputError(
      'The budget must be an amount of 0 or more, like 2000. Nothing was changed.',
    );
  return budget;
}

/** The candidates the team typed, checked: a wrong cell is refused with its row. */
export function readCandidates(values: readonly (readonly CellValue[])[]): Typed[] {
  const headerAt = values
    .slice(0, HEADER_ROW + 4)
    .findIndex((row) => normalise(row[0]) === normalise(COLUMNS[0].header));
  if (headerAt < 0) return [];
  const header = values[headerAt].map(normalise);
  const inputs = COLUMNS.filter((column) => column.kind === 'input').map((column) =>
    header.indexOf(normalise(column.header)),
  );
  const problems: string[] = [];
  const typed: Typed[] = [];
  for (let r = headerAt + 1; r < values.length; r++) {
    const cells = inputs.map((index) => (index < 0 ? '' : (values[r][index] ?? '')));
    const [handle, platform, followers, fee, product, override] = cells;
    if (String(handle).trim() === '') continue;
    const row = `Row ${r + 1}:`;
    if (followers !== '' && (typeof followers !== 'number' || followers < 0))
      problems.push(`${row} Followers must be a number of 0 or more.`);
    if (typeof fee !== 'number' || !Number.isFinite(fee) || fee < 0)
      problems.push(`${row} type the Asked fee (an amount of 0 or more).`);
    if (product !== '' && (typeof product !== 'number' || !Number.isFinite(product) || product < 0))
      problems.push(`${row} Product + shipping must be an amount of 0 or more, or empty.`);
    const force = String(override).trim().toLowerCase();
    if (force !== '' && force !== 'in' && force !== 'out')
      problems.push(`${row} Override must be In, Out or empty.`);
    typed.push({
      candidate: {
        handle: String(handle),
        platform: String(platform),
        followers: typeof followers === 'number' ? followers : undefined,
        fee: typeof fee === 'number' ? fee : 0,
        otherCost: typeof product === 'number' ? product : undefined,
        force: force === 'in' || force === 'out' ? force : undefined,
      },
      cells: [
        handle,
        platform,
        followers,
        fee,
        product,
        force ? (force === 'in' ? 'In' : 'Out') : '',
      ],
    });
  }
  if (problems.length > 0) fail(problems);
  if (typed.length > MAX_CANDIDATES)
    fail([`The plan holds at most ${MAX_CANDIDATES} candidates; it has ${typed.length}.`]);
  return typed;
}

const levels = (value: Range | undefined): CellValue[] =>
  value ? [value.low, value.likely, value.high] : ['', '', ''];

/** The labels over the settings row's values. */
const SETTINGS = ['Budget', 'Booked', 'Budget left', 'Currency', 'Product + shipping per post'];
/** Where the trackers' product and shipping per post is shown, above the candidates. */
const PRODUCT_CELL = `$${columnLetter(SETTINGS.indexOf('Product + shipping per post') + 1)}$${SETTINGS_ROW}`;

function rowOf(typed: Typed, estimate: Estimate, sheetRow: number): CellValue[] {
  const cell = (header: string) => `${letter(header)}${sheetRow}`;
  const fee = cell('Asked fee');
  const product = cell('Product + shipping');
  const cost = `=IF(ISNUMBER(${fee}), ${fee}+IF(ISNUMBER(${product}), ${product}, N(${PRODUCT_CELL})), "")`;
  const each = (make: (level: 'low' | 'likely' | 'high') => string) =>
    (['low', 'likely', 'high'] as const).map((level) => `=${make(level)}`);
  const revenue = each((level) => `${cell(`Orders ${level}`)}*${cell('Order value')}`);
  const roi = each((level) => roiFormula(cell(`Revenue ${level}`), cell('Cost')));
  const blank = ['', '', ''];
  return [
    ...typed.cells,
    `${BASIS_WORDS[estimate.basis]}: ${estimate.basisWords}`,
    cost,
    ...levels(estimate.clicks),
    ...levels(estimate.orders),
    estimate.orderValue ?? '',
    ...(estimate.revenue ? revenue : blank),
    ...(estimate.revenue ? roi : blank),
    estimate.decision === 'suggested' || estimate.decision === 'forcedIn' ? 'Yes' : 'No',
    estimate.why,
    `=${bookedFormula(cell('Override'), cell('Suggested'))}`,
  ];
}

export function gridOf(
  typed: Typed[],
  plan: { estimates: Estimate[]; budget: number; currency: string; productPerPost?: number },
  note: string,
  addedRows: string,
) {
  const { estimates, budget, currency } = plan;
  const rows = HEADER_ROW + typed.length + SPARE_ROWS;
  const values: CellValue[][] = Array.from({ length: rows }, () => Array(WIDTH).fill(''));
  const open = (header: string) => `${letter(header)}${FIRST_ROW}:${letter(header)}`;
  values[0][0] = 'Plan the next campaign';
  values[0][ADDED_ROWS_COLUMN - 1] = addedRows;
  values[SETTINGS_ROW - 2].splice(0, SETTINGS.length, ...SETTINGS);
  values[SETTINGS_ROW - 1].splice(
    0,
    SETTINGS.length,
    budget,
    `=SUMIF(${open('Booked')}, "Yes", ${open('Cost')})`,
    `=${budgetLeftFormula(`A${SETTINGS_ROW}`, open('Booked'), open('Cost'))}`,
    currency,
    plan.productPerPost ?? '',
  );
  values[RULE_ROW - 1][0] = GREEDY_RULE;
  values[NOTE_ROW - 1][0] = note;
  values[HEADER_ROW - 1] = COLUMNS.map((column) => column.header);
  typed.forEach((t, i) => {
    values[HEADER_ROW + i] = rowOf(t, estimates[i], FIRST_ROW + i);
  });
  return values;
}

function planSheet(spreadsheet: Spreadsheet): { sheet: Sheet | null; values: CellValue[][] } {
  const sheet = spreadsheet.getSheetByName(PLAN_SHEET);
  if (!sheet) return { sheet: null, values: [] };
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const blank = values.every((row) => row.every((cell) => cell === ''));
  const ours = values
    .slice(0, HEADER_ROW + 4)
    .some((row) => normalise(row[0]) === normalise(COLUMNS[0].header));
  if (!blank && !ours)
    throw new InputError(
      `This spreadsheet already has a sheet named "${PLAN_SHEET}" without a "${COLUMNS[0].header}" header. Rename it, then build the plan again.`,
    );
  return { sheet, values };
}

export function writePlan(sheet: Sheet, values: CellValue[][], currency: string): void {
  const rows = values.length;
  clearAndFit(sheet, rows, WIDTH);
  const body = COLUMNS.map((column) =>
    numberFormat(column.format, currency, column.formula ? 'formula' : 'value'),
  );
  const formats = values.map((_, r) => {
    if (r === SETTINGS_ROW - 1)
      return [
        numberFormat('money', currency),
        numberFormat('money', currency),
        numberFormat('money', currency),
        PLAIN_TEXT_FORMAT,
        numberFormat('money', currency),
        ...body.slice(5).map(() => PLAIN_TEXT_FORMAT),
      ];
    if (r === 0)
      return body.map((_, c) => (c === ADDED_ROWS_COLUMN - 1 ? 'General' : PLAIN_TEXT_FORMAT));
    return r >= HEADER_ROW ? body : body.map(() => PLAIN_TEXT_FORMAT);
  });
  const grid = sheet.getRange(1, 1, rows, WIDTH);
  grid.setNumberFormats(formats);
  grid.setValues(values);
  const weights = values.map((_, r) =>
    COLUMNS.map(() =>
      r === 0 || r === SETTINGS_ROW - 2 || r === HEADER_ROW - 1 ? 'bold' : 'normal',
    ),
  );
  grid.setFontWeights(weights);
  sheet.getRange(HEADER_ROW, 1, 1, WIDTH).setNotes([COLUMNS.map((column) => column.note)]);
  const choice = SpreadsheetApp.newDataValidation()
    .requireValueInList(OVERRIDES.slice(), true)
    .setAllowInvalid(false)
    .setHelpText('Override must be In, Out or empty.')
    .build();
  sheet.getRange(FIRST_ROW, at('Override') + 1, rows - HEADER_ROW, 1).setDataValidation(choice);
  sheet.setFrozenRows(HEADER_ROW);
}

/** Sidebar: builds or refreshes the "Plan" sheet for a budget; the candidates typed are kept. */
export function buildPlan(request: unknown): PlanBuilt {
  const budget = checkBudget(request);
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const existing = planSheet(spreadsheet);
    const typed = readCandidates(existing.values);
    const read = readAllTrackers(spreadsheet, 'build the plan');
    const { trackers, rates, notes } = read;
    const roster = mergeRoster(trackers, [], rates);
    const plan = planCampaign(
      typed.map((t) => t.candidate),
      roster.creators,
      { budget, rates },
    );
    if (plan.overBudget) notes.push('The candidates forced In cost more than the budget.');
    const values = gridOf(
      typed,
      plan,
      notes.join(' '),
      addedRowsNote(
        read,
        'build the plan again (Extensions > Influencer ROI > Plan next campaign)',
      ),
    );
    const sheet = existing.sheet ?? spreadsheet.insertSheet(PLAN_SHEET, spreadsheet.getNumSheets());
    writePlan(sheet, values, plan.currency);
    return {
      sheetName: PLAN_SHEET,
      candidates: typed.length,
      suggested: plan.estimates.filter((e) => e.chosen).map((e) => e.handle),
      notes,
    };
  });
}
