// Sheets the add-on owns (Dashboard, Plan, Report): found again by id, even renamed, and never
// taken over from the team when one of theirs has the name.
import { InputError } from '../apps/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The add-on's sheet: the one built before (found by id, even renamed), else a new one. */
export function ownSheet(spreadsheet: Spreadsheet, id: number | undefined, name: string) {
  const previous = id === undefined ? null : spreadsheet.getSheetById(id);
  if (previous) return { sheet: previous, fresh: false };
  if (spreadsheet.getSheetByName(name))
    throw new InputError(
      `This spreadsheet already has a sheet named "${name}" that the add-on didn't make. Rename it, then build again.`,
    );
  return { sheet: spreadsheet.insertSheet(name), fresh: true };
}
