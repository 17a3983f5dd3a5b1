// The plan for the next campaign on a scratch sheet, built from the scratch trackers' history
// and written exactly as buildPlan writes it; its formula figures (each candidate's ROI range,
// Booked, the booked total and the budget left) against the add-on's own arithmetic.

import { BASIS_WORDS, type Candidate, planCampaign, type Range } from '../creators/plan';
import { gridOf, writePlan } from '../creators/plan-sheet';
import type { Roster } from '../creators/roster';
import type { CellValue, RateTable } from '../money/money';
import { columnLetter } from '../sheet/formulas';
import type { Figure, FigureKind } from './figures';
import type { Built, Scratch } from './scratch';

/** Candidates as the team types them: two with history, a newcomer, one forced in, one out. */
export const SAMPLE_CANDIDATES: readonly Candidate[] = [
  { handle: '@jane', platform: 'Instagram', followers: 16000, fee: 450, otherCost: 60 },
  { handle: '@tom', platform: 'TikTok', fee: 300, force: 'out' },
  { handle: '@newbie', platform: 'YouTube', followers: 20000, fee: 250 },
  { handle: '@max', platform: 'Instagram', fee: 180, force: 'in' },
  { handle: '@gift', platform: 'Pinterest', followers: 3000, fee: 0 },
];
export const SAMPLE_BUDGET = 900;

const typedCells = (c: Candidate): CellValue[] => [
  c.handle,
  c.platform,
  c.followers ?? '',
  c.fee,
  c.otherCost ?? '',
  c.force === 'in' ? 'In' : c.force === 'out' ? 'Out' : '',
];

type Level = keyof Range;
const LEVELS: readonly Level[] = ['low', 'likely', 'high'];

export function buildPlanCheck(scratch: Scratch, roster: Roster, rates: RateTable): Built {
  const plan = planCampaign(SAMPLE_CANDIDATES, roster.creators, { budget: SAMPLE_BUDGET, rates });
  const typed = SAMPLE_CANDIDATES.map((candidate) => ({ candidate, cells: typedCells(candidate) }));
  const values = gridOf(typed, plan, '', '');
  const sheet = scratch.sheet('Plan');
  writePlan(sheet, values, plan.currency);

  const header = values.findIndex((row) => row[0] === 'Creator');
  const column = (name: string) => values[header].indexOf(name) + 1;
  const cellOf = (name: string, row: number) => `${columnLetter(column(name))}${row}`;
  const figures: Figure[] = [];
  const add = (
    name: string,
    row: number,
    what: string,
    expected: CellValue | undefined,
    kind: FigureKind,
  ) => {
    if (column(name) > 0)
      figures.push({
        cell: cellOf(name, row),
        what,
        expected: (expected ?? '') as string | number,
        kind,
      });
  };
  let booked = 0;
  plan.estimates.forEach((estimate, i) => {
    const row = header + 2 + i;
    const who = `Plan: ${estimate.candidate.handle}`;
    add('Cost', row, `${who} cost`, estimate.cost, 'money');
    add('Order value', row, `${who} order value`, estimate.orderValue, 'money');
    for (const level of LEVELS) {
      add(`Clicks ${level}`, row, `${who} clicks ${level}`, estimate.clicks?.[level], 'count');
      add(`Orders ${level}`, row, `${who} orders ${level}`, estimate.orders?.[level], 'count');
      add(`Revenue ${level}`, row, `${who} revenue ${level}`, estimate.revenue?.[level], 'money');
      add(`ROI ${level}`, row, `${who} ROI ${level}`, estimate.roi?.[level], 'ratio');
    }
    const suggested =
      estimate.decision === 'suggested' || estimate.decision === 'forcedIn' ? 'Yes' : 'No';
    const force = estimate.candidate.force;
    const isBooked = force === 'in' ? 'Yes' : force === 'out' ? 'No' : suggested;
    add(
      'Basis',
      row,
      `${who} basis`,
      `${BASIS_WORDS[estimate.basis]}: ${estimate.basisWords}`,
      'text',
    );
    add('Suggested', row, `${who} suggested`, suggested, 'text');
    add('Why', row, `${who} why`, estimate.why, 'text');
    add('Booked', row, `${who} booked`, isBooked, 'text');
    if (isBooked === 'Yes') booked += estimate.cost ?? 0;
  });
  const settingsRow = values.findIndex((row) => row[0] === 'Budget') + 2;
  const label = (name: string) =>
    `${columnLetter(values[settingsRow - 2].indexOf(name) + 1)}${settingsRow}`;
  figures.push(
    { cell: label('Booked'), what: 'Plan: booked total', expected: booked, kind: 'money' },
    {
      cell: label('Budget left'),
      what: 'Plan: budget left',
      expected: SAMPLE_BUDGET - booked,
      kind: 'money',
    },
  );
  return { kind: 'Plan', sheet, rows: values.length, columns: values[0].length, figures };
}
