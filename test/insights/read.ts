// Reads the "Dashboard" sheet the way a person does: blocks found by their titles and labels,
// never by a hard-coded cell, so the tests say what a user sees.
import type { Emulator } from '../../emulator/sheets-emulator';

type Row = Record<string, unknown>;

export function readDashboard(emulator: Emulator, sheetName = 'Dashboard') {
  const view = emulator.sheet(sheetName);
  const values = view.values();
  const at = (text: string) => {
    for (let r = 0; r < values.length; r++) {
      const c = values[r].indexOf(text);
      if (c >= 0) return { row: r, column: c };
    }
    throw new Error(`The dashboard has no cell "${text}"`);
  };
  const startsWith = (text: string) => {
    for (let r = 0; r < values.length; r++) {
      const c = values[r].findIndex((cell) => typeof cell === 'string' && cell.startsWith(text));
      if (c >= 0) return { row: r, column: c };
    }
    throw new Error(`The dashboard has no cell starting "${text}"`);
  };
  /** Rows under a header row (0-based), keyed by header, until the key column is empty. */
  const rowsUnder = (header: number, column: number, key = 0): Row[] => {
    const headers = values[header].slice(column);
    const width = headers.indexOf('');
    const names = width < 0 ? headers : headers.slice(0, width);
    const rows: Row[] = [];
    for (let r = header + 1; r < values.length; r++) {
      const cells = values[r].slice(column, column + names.length);
      if (cells[key] === '' || cells[key] === undefined) break;
      rows.push(Object.fromEntries(names.map((name, i) => [String(name), cells[i]])));
    }
    return rows;
  };
  return {
    view,
    values,
    at,
    /** A label row over one value row, from the first label to the first gap: { label: value }. */
    labelled(label: string): Row {
      const { row } = at(label);
      const labels = values[row];
      const end = labels.indexOf('');
      return Object.fromEntries(
        labels
          .slice(0, end < 0 ? undefined : end)
          .map((name, i) => [String(name), values[row + 1][i]]),
      );
    },
    /** A titled block on the left: title, header, rows. */
    block(title: string): Row[] {
      const { row, column } = at(title);
      return rowsUnder(row + 1, column);
    },
    /** A spilled table: title, one line under it, header, rows (keyed by `key` column). */
    spill(title: string, key = 0): Row[] {
      const { row, column } = startsWith(title);
      return rowsUnder(row + 2, column, key);
    },
    /** The line under a title. */
    lineUnder(title: string): unknown {
      const { row, column } = startsWith(title);
      return values[row + 1][column];
    },
    /** Every error value the sheet shows. */
    errors(): string[] {
      return values
        .flat()
        .filter(
          (v): v is string =>
            typeof v === 'string' && /^#(REF|VALUE|N\/A|NAME\?|DIV\/0|ERROR|NUM)/.test(v),
        );
    },
  };
}

/** Money to the cent. */
export const cents = (value: unknown) => Math.round(Number(value) * 100) / 100;
