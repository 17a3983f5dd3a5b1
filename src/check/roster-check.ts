// The Creators sheet for the sample's trackers on a scratch sheet, written exactly as
// syncCreators writes it. Its figures are the add-on's own (mergeRoster) written as values, so
// what is checked is that Sheets shows each as written: amounts, rates, and dates as days.
import { mergeRoster, ROSTER_COLUMNS, type Roster, toRosterValues } from '../creators/roster';
import { writeRoster } from '../creators/roster-sheet';
import { readTrackerPosts } from '../creators/tracker-posts';
import type { RateTable } from '../money/money';
import type { DayOf } from '../sheet/dates';
import { columnLetter } from '../sheet/formulas';
import type { FigureKind } from './figures';
import type { Built, Scratch } from './scratch';

function kindOf(type: string): FigureKind {
  if (type === 'money' || type === 'amount') return 'money';
  if (type === 'count') return 'count';
  if (type === 'rate' || type === 'multiple' || type === 'fx') return 'ratio';
  return 'text';
}

/** What a cell shows for a value written: text without the apostrophe that keeps it text. */
function shownAs(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value ?? '');
  return text.startsWith("'") ? text.slice(1) : text;
}

export function buildRosterCheck(scratch: Scratch, roster: Roster): Built {
  const sheet = scratch.sheet('Creators');
  // No added-rows note: the scratch trackers get no rows after the build.
  const rows = writeRoster(sheet, roster, true, '');
  const values = toRosterValues(roster);
  const figures = roster.creators.flatMap((creator, i) =>
    ROSTER_COLUMNS.map((column, j) => ({
      cell: `${columnLetter(j + 1)}${i + 2}`,
      what: `Creators: ${column.header} of ${creator.handle}`,
      expected: shownAs(values[i + 1][j]),
      kind: kindOf(column.type),
    })),
  );
  return { kind: 'Creators', sheet, rows, columns: ROSTER_COLUMNS.length, figures };
}

/** The roster of the scratch trackers, as syncCreators merges it (no existing sheet). */
export function sampleRoster(
  trackers: readonly { name: string; values: unknown[][] }[],
  rates: RateTable,
  dayOf: DayOf,
): Roster {
  const posts = trackers.map((t) => readTrackerPosts(t.name, t.values, dayOf).posts);
  return mergeRoster(posts, [], rates);
}
