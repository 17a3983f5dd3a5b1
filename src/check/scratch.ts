// The self-check's scratch sheets: hidden, named with one unique prefix, and all removed at the
// end whatever happened, so the user's own sheets are never touched.
import type { Figure } from './figures';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Built {
  /** The kind of sheet, as mismatches name it. */
  kind: string;
  sheet: Sheet;
  rows: number;
  columns: number;
  figures: Figure[];
}

/** Names no team would choose, so a scratch sheet never collides with one of theirs. */
export const SCRATCH_PREFIX = 'ROI self-check';

export class Scratch {
  private readonly made: Sheet[] = [];
  private hidden = 0;
  readonly prefix: string;

  /** The sheet the user was on: a new sheet becomes the active one, so it is shown again. */
  private readonly home: Sheet;

  constructor(private readonly spreadsheet: Spreadsheet) {
    this.prefix = `${SCRATCH_PREFIX} ${Utilities.getUuid().slice(0, 8)}`;
    this.home = spreadsheet.getActiveSheet();
  }

  /** A new sheet after every other: "ROI self-check 1a2b3c4d Tracker". */
  sheet(kind: string): Sheet {
    const sheet = this.spreadsheet.insertSheet(
      `${this.prefix} ${kind}`,
      this.spreadsheet.getNumSheets(),
    );
    this.made.push(sheet);
    return sheet;
  }

  /** The name a formula on another scratch sheet uses for this kind. */
  nameOf(kind: string): string {
    return `${this.prefix} ${kind}`;
  }

  /** Hides every scratch sheet made so far (the user may be looking while Sheets computes). */
  hideAll(): void {
    this.home.activate();
    for (const sheet of this.made.slice(this.hidden)) sheet.hideSheet();
    this.hidden = this.made.length;
  }

  /** Deletes every scratch sheet and shows the user's sheet; returns how many could not go. */
  removeAll(): number {
    let left = 0;
    for (const sheet of this.made.splice(0)) {
      try {
        this.spreadsheet.deleteSheet(sheet);
      } catch {
        left++;
      }
    }
    this.home.activate();
    return left;
  }
}
