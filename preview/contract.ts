// The preview's HTTP contract, shared by the server (preview/server.ts), the page
// (preview/page/) and the tests. Types only.
//
//   GET  /                 the page (index.html, /page.js, /page.css)
//   GET  /workbook         WorkbookView: every sheet with computed values and how to show them
//   POST /cell             CellInput -> 200 CellResult | 422 { error } (validation/protection refusal);
//                          a cell up to 1000 rows below the sheet's last row adds the rows first;
//                          `changes` carries what the page must redraw (no GET /workbook needed)
//   POST /rows             RowsInput -> 200 RowsResult: adds empty rows at the sheet's bottom
//   POST /run/NAME         JSON array of arguments -> 200 { value } | 422 { error } | 404 | 400 | 413
//   GET  /sidebar          the HTML the script last handed to Ui.showSidebar, with the
//                          google.script shim injected first in <head>; 404 when none is shown
//   POST /sidebar/close    the sidebar's google.script.host.close()
//   POST /activate         { sheet } -> 200: makes a sheet the active one
//   GET  /export.xlsx      the workbook as .xlsx (values, number formats, widths, bold, fills),
//                          after an "Export notes" sheet naming sheets renamed for Excel
//   GET  /save.json        the workbook as a snapshot file (Content-Disposition: attachment)
//   POST /open             a snapshot file's JSON -> 200: replaces the workbook
//
// Requests with an Origin other than the server's own, or a Host other than
// 127.0.0.1:PORT / localhost:PORT, get 403 and change nothing.

export interface WorkbookView {
  /** The active sheet's name. */
  active: string;
  sheets: SheetView[];
  /** The add-on menu as the script built it with createAddonMenu (Extensions > NAME). */
  menus: { title: string; items: { caption: string; functionName: string }[] }[];
  /** What the script shows beside the grid; `version` changes every time showSidebar runs. */
  sidebar: { title: string; version: number } | null;
  /** Toasts the script showed since the last GET /workbook (each is reported once). */
  toasts: { title: string; message: string }[];
  /** Warnings Sheets shows after an edit (warning-only protection, invalid input allowed). */
  warnings: { sheet: string; a1: string; message: string }[];
}

export interface SheetView {
  name: string;
  hidden: boolean;
  /** Rows and columns sent (the used area plus some empty margin), not the sheet's size. */
  rows: number;
  columns: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Pixels, one per column sent. */
  columnWidths: number[];
  /** Columns a script hid (Sheet.hideColumns), 1-based; the page doesn't draw them. */
  hiddenColumns: number[];
  /** Every grid below is rows x columns, row-major, starting at A1. */
  cells: CellView[][];
  /** Charts on this sheet, with the data they draw. */
  charts: ChartView[];
}

/**
 * A cell's computed value, as Apps Script's getValues() would give it, in JSON: a number (dates
 * excepted), a string ('' when empty), a boolean, a date as an ISO string in the spreadsheet's
 * time zone ("2026-03-14", or "2026-03-14T09:30:00" with a time), or an error with its code
 * ("#DIV/0!", "#N/A", "#ERROR!"...) and, when the formula gave one, the message Sheets shows on
 * hover (e.g. "ROI: cost is 0 ...").
 */
export type CellValue = number | string | boolean | { error: string; message?: string };

export interface CellView {
  /** What the cell shows: the computed value in its number format ('' when empty). */
  display: string;
  /** What the formula bar shows: the formula, or the value as typed; '' when empty. */
  input: string;
  /** The computed value itself, so a script needn't parse "$2,184.40" or "4.28x" back. */
  value: CellValue;
  /** The cell's number format as Apps Script's getNumberFormat() names it ("General" when none), e.g. "$#,##0.00", "0.00\"x\"", "M/d/yyyy". */
  format: string;
  /** Numbers, dates and errors align right in Sheets; text left. */
  kind: 'empty' | 'number' | 'text' | 'boolean' | 'date' | 'error';
  /**
   * The value comes from an array formula in another cell (e.g. a tracker's computed column):
   * typing here breaks the array; clearing the cell gives the computed value back.
   */
  spilled?: true;
  /** Only the styles that differ from Sheets' defaults; conditional formats already applied. */
  style?: {
    background?: string;
    color?: string;
    bold?: boolean;
    italic?: boolean;
    align?: 'left' | 'center' | 'right';
    wrap?: boolean;
  };
  note?: string;
  /** A list validation: the choices of its dropdown. */
  dropdown?: string[];
  /** Any other validation, in words (e.g. "number >= 0"). */
  validation?: string;
  /** Inside a protected range; `warningOnly` ranges only warn. */
  protected?: { description: string; warningOnly: boolean };
}

export interface ChartView {
  id: string;
  /** Apps Script's Charts.ChartType name: BAR, COLUMN, LINE, PIE, AREA, SCATTER, COMBO, TABLE. */
  type: string;
  /** Where the chart's top left corner sits: a cell (1-based) plus pixel offsets. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  title: string;
  /** The builder's options (title, hAxis.title, vAxis.format, legend, series, colors, ...). */
  options: Record<string, unknown>;
  /** The first range's first column gives the labels; each other column a series. */
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface CellInput {
  sheet: string;
  a1: string;
  /** What a person typed: "12", "15%", "3/14/2026", "=ROI(Q8,S8)", "'=literal text". */
  input: string;
}

export interface RowsInput {
  sheet: string;
  /** 1 to 1000 rows, as Sheets' "Add more rows at bottom". */
  count: number;
}

export interface CellResult {
  /** The cell's computed value as displayed. */
  display: string;
  /** Warnings Sheets would show for this edit (the edit was kept). */
  warnings: string[];
  /** What the edit changed, for the page to patch in place; null: do GET /workbook instead. */
  changes: Changes | null;
}

export interface RowsResult {
  /** The sheet's size after the rows were added. */
  maxRows: number;
  /** As CellResult.changes. */
  changes: Changes | null;
}

/**
 * What an edit changed, as GET /workbook would now show it: the cells whose view changed
 * (the edited ones, those their formulas moved, conditional colours that flipped) and the
 * charts whose data changed, per sheet. Sheets not listed are unchanged. Null in a result
 * means too much changed (or a structural edit): fetch GET /workbook.
 */
export interface Changes {
  sheets: SheetChanges[];
}

export interface SheetChanges {
  name: string;
  /**
   * The sheet's sent size now, when a cell was filled or emptied (typing below the used area
   * sends more rows; the new ones are empty but for `cells`). Absent: the size is unchanged.
   */
  size?: { rows: number; columns: number; maxRows: number };
  cells: ChangedCellView[];
  /** Charts whose data changed, whole; the sheet's other charts are unchanged. */
  charts: ChartView[];
}

/** One cell's new view; `row` and `column` are 1-based. */
export interface ChangedCellView {
  row: number;
  column: number;
  view: CellView;
}

export interface RunResult {
  value: unknown;
}

export interface ErrorResult {
  error: string;
}
