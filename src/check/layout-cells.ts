// Where the figures sit: found by the blocks' titles and labels in the very layout that was
// written, so a block that moves is still found.
import type { SheetDrawing } from '../sheet/drawing';
import { columnLetter } from '../sheet/formulas';
import type { Figure, FigureKind } from './figures';
import type { Value } from './post-sums';

/** Where a text sits in the layout's values (1-based sheet row and column). */
export function find(
  layout: SheetDrawing,
  test: (cell: string) => boolean,
): { row: number; column: number } {
  const { cells, row, column } = layout.values;
  for (let r = 0; r < cells.length; r++)
    for (let c = 0; c < cells[r].length; c++) {
      const cell = cells[r][c];
      if (typeof cell === 'string' && test(cell)) return { row: row + r, column: column + c };
    }
  throw new Error(
    'The self-check could not find a block it compares on its sample sheet: the layout changed.',
  );
}

export const at = (place: { row: number; column: number }) =>
  `${columnLetter(place.column)}${place.row}`;

export function findOptional(layout: SheetDrawing, test: (cell: string) => boolean) {
  try {
    return find(layout, test);
  } catch {
    return null;
  }
}

/** A label row over a value row: each label this check knows, compared; others are not. */
export function labelled(
  layout: SheetDrawing,
  title: string,
  labelsRow: number,
  column: number,
  values: Record<string, Value>,
  kinds: Record<string, FigureKind>,
  fallback: FigureKind,
  words?: Record<string, string>,
): Figure[] {
  const { cells } = layout.values;
  const row = cells[labelsRow - layout.values.row].slice(column - layout.values.column);
  // The block ends at its first empty label: other tables may share the row further right.
  const end = row.indexOf('');
  const labels = end < 0 ? row : row.slice(0, end);
  const figures: Figure[] = [];
  labels.forEach((label, j) => {
    const name = String(label);
    if (!(name in values)) return;
    const letter = columnLetter(column + j);
    figures.push({
      cell: `${letter}${labelsRow + 1}`,
      what: `${title}: ${name}`,
      expected: values[name],
      kind: kinds[name] ?? fallback,
    });
    if (words && name in words)
      figures.push({
        cell: `${letter}${labelsRow + 2}`,
        what: `${title}: words under ${name}`,
        expected: words[name],
        kind: 'text',
      });
  });
  return figures;
}
