// The grid of the shown sheet: headers, frozen rows and columns (sticky), cells as Sheets shows
// them, selection, the in-cell editor, dropdown lists and the charts layer. Long sheets render
// only the rows near the viewport; every row has Sheets' default height. Columns a script hid
// are not drawn. Below a sheet's last row there is one more row to type in (which adds it) and
// Sheets' "Add 1000 more rows" button.
import type { CellView, SheetView } from '../contract';
import { a1Name, columnLetters, parseA1 } from './a1';
import { button, el, replace } from './dom';
import { ChartLayer } from './draw-charts';

export const ROW_HEIGHT = 21;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 46;
export const DEFAULT_COLUMN_WIDTH = 100;
/** Sheets up to this many rows are rendered whole; longer ones in windows around the viewport. */
const RENDER_ALL_ROWS = 400;
const OVERSCAN_ROWS = 60;
/** Text spills over at most this many empty neighbours. */
const MAX_SPILL = 12;

export interface GridHost {
  /** The selection moved, or the sheet was shown again. */
  selected(a1: string, cell: CellView | undefined): void;
  /** Someone typed `input` into the cell and committed it. */
  commit(a1: string, input: string): void;
  /** The in-cell editor's text, so the formula bar can mirror it. */
  editing(text: string): void;
  /** "Add 1000 more rows" was clicked under the sheet's last row. */
  addRows(count: number): void;
}

/** Rows the button under the grid adds, as Sheets' default. */
export const ADDED_ROWS = 1000;

interface Position {
  row: number;
  column: number;
}

const EMPTY: CellView = { display: '', input: '', kind: 'empty', value: '', format: 'General' };

function defaultAlign(cell: CellView): 'left' | 'center' | 'right' {
  if (cell.kind === 'number' || cell.kind === 'date' || cell.kind === 'error') return 'right';
  return cell.kind === 'boolean' ? 'center' : 'left';
}

/** Blocks text spilling from the left: anything drawn in the cell. */
function blocksSpill(cell: CellView | undefined): boolean {
  return (
    !!cell && (cell.display !== '' || !!cell.dropdown || !!cell.note || !!cell.style?.background)
  );
}

export class Grid {
  readonly scroller: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly colgroup: HTMLTableColElement;
  private readonly head: HTMLTableSectionElement;
  private readonly body: HTMLTableSectionElement;
  private readonly charts: ChartLayer;
  private readonly editor: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly addRowsBar: HTMLElement;
  private sheet: SheetView | null = null;
  /** 0-based columns not drawn. */
  private hidden = new Set<number>();
  /** Left edge of each sent column, from the first column; one extra entry for the right edge. */
  private lefts: number[] = [0];
  private at: Position = { row: 0, column: 0 };
  private rendered = { start: 0, end: 0 };
  private editingAt: Position | null = null;
  /** Started by typing: arrow keys commit and move, as in Sheets. */
  private quickEdit = false;
  private scrollFrame = 0;

  constructor(
    scroller: HTMLElement,
    private readonly host: GridHost,
  ) {
    this.scroller = scroller;
    this.colgroup = el('colgroup');
    this.head = el('thead');
    this.body = el('tbody');
    this.table = el(
      'table',
      { id: 'grid', className: 'grid', attrs: { role: 'grid' } },
      this.colgroup,
      this.head,
      this.body,
    );
    const layer = el('div', { className: 'chart-layer' });
    this.charts = new ChartLayer(layer);
    this.editor = el('input', {
      className: 'cell-editor',
      attrs: { 'aria-label': 'Cell editor', spellcheck: 'false' },
    });
    this.editor.hidden = true;
    this.list = el('div', {
      className: 'dropdown-list',
      id: 'dropdown-list',
      attrs: { role: 'listbox' },
    });
    this.list.hidden = true;
    this.addRowsBar = el(
      'div',
      { className: 'add-rows' },
      button(`Add ${ADDED_ROWS} more rows`, () => this.host.addRows(ADDED_ROWS), {
        className: 'add-rows-button',
      }),
      el('span', {}, 'at the bottom'),
    );
    this.addRowsBar.hidden = true;
    this.canvas = el(
      'div',
      { className: 'grid-canvas' },
      this.table,
      layer,
      this.editor,
      this.list,
      this.addRowsBar,
    );
    replace(scroller, this.canvas);
    layer.style.left = `${ROW_HEADER_WIDTH}px`;
    layer.style.top = `${HEADER_HEIGHT}px`;
    this.listen();
  }

  /** Shows a sheet (again, after any change), keeping the selection at `a1` when it is inside. */
  show(full: SheetView, a1: string): void {
    const changedSheet = this.sheet?.name !== full.name;
    // The whole sheet was sent: one more row below its last, where typing adds a row.
    const atBottom = full.rows >= full.maxRows;
    const sheet = atBottom ? { ...full, rows: full.rows + 1, cells: [...full.cells, []] } : full;
    this.sheet = sheet;
    this.hidden = new Set((sheet.hiddenColumns ?? []).map((column) => column - 1));
    this.lefts = [0];
    for (let c = 0; c < sheet.columns; c++) {
      const width = this.hidden.has(c) ? 0 : sheet.columnWidths[c] || DEFAULT_COLUMN_WIDTH;
      this.lefts.push(this.lefts[c] + width);
    }
    const wanted = parseA1(a1) ?? { row: 0, column: 0 };
    this.at = {
      row: Math.max(0, Math.min(wanted.row, sheet.rows - 1)),
      column: this.visibleColumn(wanted.column, 1),
    };
    this.addRowsBar.hidden = !atBottom;
    this.addRowsBar.style.top = `${HEADER_HEIGHT + sheet.rows * ROW_HEIGHT + 8}px`;
    if (changedSheet) {
      this.cancelEdit(false);
      this.closeList();
      this.scroller.scrollTop = 0;
      this.scroller.scrollLeft = 0;
    }
    this.table.setAttribute('aria-rowcount', String(sheet.maxRows + 1));
    this.table.setAttribute('aria-colcount', String(sheet.maxColumns + 1));
    this.table.setAttribute('aria-label', sheet.name);
    this.table.style.width = `${ROW_HEADER_WIDTH + this.lefts[sheet.columns]}px`;
    this.renderHead();
    this.renderBody(true);
    this.drawCharts();
    this.sizeCanvas();
    this.host.selected(this.selection(), this.cellAt(this.at));
  }

  /**
   * After an edit changed some cells of the shown sheet in place (same size): draws those rows
   * (0-based) again, and the charts when their data changed. Anything else shows it whole.
   */
  redraw(full: SheetView, rows: Iterable<number>, charts: boolean): void {
    const sheet = this.sheet;
    const atBottom = full.rows >= full.maxRows;
    const sameSize =
      sheet?.name === full.name &&
      sheet.columns === full.columns &&
      sheet.rows === full.rows + (atBottom ? 1 : 0);
    if (!sheet || !sameSize) {
      this.show(full, this.selection());
      return;
    }
    for (const r of rows) {
      this.body.querySelector(`tr[data-row="${r}"]`)?.replaceWith(this.renderRow(r));
    }
    if (charts) {
      sheet.charts = full.charts;
      this.drawCharts();
    }
    if (!this.editingAt) this.host.selected(this.selection(), this.cellAt(this.at));
  }

  private drawCharts(): void {
    if (!this.sheet) return;
    this.charts.show(this.sheet, (anchor) => ({
      left: this.leftOf(anchor.column - 1) + anchor.offsetX,
      top: (anchor.row - 1) * ROW_HEIGHT + anchor.offsetY,
    }));
  }

  selection(): string {
    return a1Name(this.at.row, this.at.column);
  }

  selectedCell(): CellView | undefined {
    return this.cellAt(this.at);
  }

  isEditing(): boolean {
    return this.editingAt !== null;
  }

  focus(): void {
    this.scroller.focus({ preventScroll: true });
  }

  /** Selects a cell by name (the name box); false when it is not in the sent area. */
  goTo(a1: string): boolean {
    const target = parseA1(a1);
    if (
      !target ||
      !this.sheet ||
      target.row >= this.sheet.rows ||
      target.column >= this.sheet.columns
    )
      return false;
    this.select(target.row, target.column);
    return true;
  }

  /** Moves the selection, clamped to the sent area; hidden columns are stepped over. */
  move(rows: number, columns: number): void {
    const column = this.at.column + columns;
    this.select(this.at.row + rows, this.visibleColumn(column, columns < 0 ? -1 : 1));
  }

  /** `column` if drawn, else the nearest drawn one in `direction` (or back the other way). */
  private visibleColumn(column: number, direction: 1 | -1): number {
    const last = (this.sheet?.columns ?? 1) - 1;
    const clamped = Math.max(0, Math.min(column, last));
    for (const step of [direction, -direction]) {
      for (let c = clamped; c >= 0 && c <= last; c += step) if (!this.hidden.has(c)) return c;
    }
    return clamped;
  }

  private cellAt(position: Position): CellView | undefined {
    return this.sheet?.cells[position.row]?.[position.column];
  }

  private leftOf(column: number): number {
    const sent = this.lefts.length - 1;
    if (column <= sent) return this.lefts[Math.max(0, column)];
    return this.lefts[sent] + (column - sent) * DEFAULT_COLUMN_WIDTH;
  }

  private widthOf(column: number): number {
    return this.lefts[column + 1] - this.lefts[column];
  }

  /** Room for the charts too, which may sit beyond the sent cells. */
  private sizeCanvas(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    let width = ROW_HEADER_WIDTH + this.lefts[sheet.columns];
    let height = HEADER_HEIGHT + sheet.rows * ROW_HEIGHT + (this.addRowsBar.hidden ? 0 : 48);
    for (const chart of sheet.charts) {
      width = Math.max(
        width,
        ROW_HEADER_WIDTH +
          this.leftOf(chart.anchor.column - 1) +
          chart.anchor.offsetX +
          chart.width +
          24,
      );
      height = Math.max(
        height,
        HEADER_HEIGHT +
          (chart.anchor.row - 1) * ROW_HEIGHT +
          chart.anchor.offsetY +
          chart.height +
          24,
      );
    }
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
  }

  private renderHead(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const cols = [el('col', { attrs: { style: `width:${ROW_HEADER_WIDTH}px` } })];
    const row = el('tr', { attrs: { role: 'row', 'aria-rowindex': '1' } });
    row.append(el('th', { className: 'corner', attrs: { 'aria-hidden': 'true' } }));
    for (let c = 0; c < sheet.columns; c++) {
      if (this.hidden.has(c)) continue;
      cols.push(el('col', { attrs: { style: `width:${this.widthOf(c)}px` } }));
      const th = el(
        'th',
        {
          className: 'col-header',
          attrs: { role: 'columnheader', 'aria-colindex': String(c + 2) },
        },
        columnLetters(c),
      );
      if (c < sheet.frozenColumns) this.stickLeft(th, c);
      if (c === sheet.frozenColumns - 1) th.classList.add('frozen-edge-right');
      if (c === this.at.column) th.classList.add('hl');
      row.append(th);
    }
    replace(this.colgroup, ...cols);
    replace(this.head, row);
  }

  private stickLeft(cell: HTMLElement, column: number): void {
    cell.classList.add('frozen-col');
    cell.style.left = `${ROW_HEADER_WIDTH + this.lefts[column]}px`;
  }

  /** The rows to render: everything for short sheets, else a window around the viewport. */
  private windowRows(): { start: number; end: number } {
    const sheet = this.sheet;
    if (!sheet) return { start: 0, end: 0 };
    if (sheet.rows <= RENDER_ALL_ROWS) return { start: sheet.frozenRows, end: sheet.rows };
    const first = sheet.frozenRows + Math.floor(this.scroller.scrollTop / ROW_HEIGHT);
    const visible = Math.ceil(this.scroller.clientHeight / ROW_HEIGHT) + 1;
    const step = OVERSCAN_ROWS / 2;
    const start = Math.max(sheet.frozenRows, Math.floor((first - OVERSCAN_ROWS) / step) * step);
    const end = Math.min(sheet.rows, Math.ceil((first + visible + OVERSCAN_ROWS) / step) * step);
    return { start, end };
  }

  private renderBody(force: boolean): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const { start, end } = this.windowRows();
    if (!force && start === this.rendered.start && end === this.rendered.end) return;
    this.rendered = { start, end };
    const rows = document.createDocumentFragment();
    for (let r = 0; r < Math.min(sheet.frozenRows, sheet.rows); r++) rows.append(this.renderRow(r));
    if (start > sheet.frozenRows) rows.append(this.spacer((start - sheet.frozenRows) * ROW_HEIGHT));
    for (let r = start; r < end; r++) rows.append(this.renderRow(r));
    if (end < sheet.rows) rows.append(this.spacer((sheet.rows - end) * ROW_HEIGHT));
    replace(this.body, rows);
  }

  private spacer(height: number): HTMLTableRowElement {
    const row = el('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } });
    row.style.height = `${height}px`;
    const cell = el('td');
    cell.colSpan = (this.sheet?.columns ?? 0) - this.hidden.size + 1;
    row.append(cell);
    return row;
  }

  private renderRow(r: number): HTMLTableRowElement {
    const sheet = this.sheet as SheetView;
    const row = el('tr', {
      attrs: { role: 'row', 'aria-rowindex': String(r + 2), 'data-row': String(r) },
    });
    const frozen = r < sheet.frozenRows;
    const header = el(
      'th',
      { className: 'row-header', attrs: { role: 'rowheader', 'aria-colindex': '1' } },
      String(r + 1),
    );
    if (r === this.at.row) header.classList.add('hl');
    if (r >= sheet.maxRows) {
      row.classList.add('beyond');
      header.title = 'Type here to add a row';
    }
    row.append(header);
    const cells = sheet.cells[r] ?? [];
    for (let c = 0; c < sheet.columns; c++) {
      if (!this.hidden.has(c)) row.append(this.renderCell(r, c, cells[c] ?? EMPTY, cells));
    }
    if (frozen) {
      row.classList.add('frozen-row');
      const top = `${HEADER_HEIGHT + r * ROW_HEIGHT}px`;
      for (const cell of row.children) (cell as HTMLElement).style.top = top;
      if (r === sheet.frozenRows - 1) row.classList.add('frozen-edge-bottom');
    }
    return row;
  }

  private renderCell(r: number, c: number, cell: CellView, row: CellView[]): HTMLTableCellElement {
    const sheet = this.sheet as SheetView;
    const td = document.createElement('td');
    td.setAttribute('role', 'gridcell');
    td.setAttribute('data-a1', a1Name(r, c));
    td.setAttribute('aria-colindex', String(c + 2));
    td.className = `k-${cell.kind}`;
    if (c < sheet.frozenColumns) this.stickLeft(td, c);
    if (c === sheet.frozenColumns - 1) td.classList.add('frozen-edge-right');
    if (r === this.at.row && c === this.at.column) {
      td.classList.add('selected');
      td.setAttribute('aria-selected', 'true');
    }
    const style = cell.style ?? {};
    const align = style.align ?? defaultAlign(cell);
    if (align !== 'left') td.classList.add(`align-${align}`);
    if (style.background) td.style.backgroundColor = style.background;
    if (style.color) td.style.color = style.color;
    if (style.bold) td.style.fontWeight = '700';
    if (style.italic) td.style.fontStyle = 'italic';
    if (style.wrap) td.classList.add('wrap');

    if (cell.display !== '') {
      const value = el('span', { className: 'v' }, cell.display);
      td.append(value);
      if (align === 'left' && !style.wrap && cell.kind === 'text') {
        let width = this.widthOf(c);
        for (
          let k = c + 1;
          k < sheet.columns && k <= c + MAX_SPILL && (this.hidden.has(k) || !blocksSpill(row[k]));
          k++
        )
          width += this.widthOf(k);
        if (width > this.widthOf(c)) {
          td.classList.add('spill');
          value.style.width = `${width - 8}px`;
        }
      }
    }
    const hints: string[] = [];
    // Sheets shows a formula's error message on hover, e.g. "ROI: cost is 0 ...".
    if (cell.kind === 'error' && typeof cell.value === 'object' && cell.value.message) {
      td.classList.add('has-error');
      hints.push(`Error: ${cell.value.message}`);
    }
    if (cell.note) {
      td.classList.add('has-note');
      td.append(el('span', { className: 'note-mark', attrs: { 'aria-hidden': 'true' } }));
      hints.push(cell.note);
    }
    if (cell.dropdown) {
      td.classList.add('has-dropdown');
      td.append(el('span', { className: 'dropdown-mark', attrs: { 'aria-hidden': 'true' } }));
      td.setAttribute('aria-haspopup', 'listbox');
    }
    if (cell.validation) hints.push(`Valid input: ${cell.validation}`);
    if (cell.protected) {
      td.classList.add(cell.protected.warningOnly ? 'protected-warn' : 'protected');
      const what = cell.protected.description || 'Protected range';
      hints.push(
        cell.protected.warningOnly ? `${what} (edits show a warning)` : `${what} (protected)`,
      );
    }
    if (hints.length > 0) td.title = hints.join('\n');
    return td;
  }

  private select(row: number, column: number, scroll = true): void {
    const sheet = this.sheet;
    if (!sheet) return;
    this.closeList();
    this.at = {
      row: Math.max(0, Math.min(row, sheet.rows - 1)),
      column: this.visibleColumn(column, 1),
    };
    if (scroll) this.scrollIntoView(this.at);
    this.renderBody(false);
    for (const old of this.table.querySelectorAll('.selected, .hl')) {
      old.classList.remove('selected', 'hl');
      old.removeAttribute('aria-selected');
    }
    const a1 = this.selection();
    const td = this.body.querySelector(`[data-a1="${a1}"]`);
    td?.classList.add('selected');
    td?.setAttribute('aria-selected', 'true');
    this.head.querySelector(`[aria-colindex="${this.at.column + 2}"]`)?.classList.add('hl');
    this.body.querySelector(`tr[data-row="${this.at.row}"] > th`)?.classList.add('hl');
    this.host.selected(a1, this.cellAt(this.at));
  }

  private scrollIntoView(at: Position): void {
    const sheet = this.sheet as SheetView;
    const scroller = this.scroller;
    if (at.row >= sheet.frozenRows) {
      const hidden = HEADER_HEIGHT + sheet.frozenRows * ROW_HEIGHT;
      const top = HEADER_HEIGHT + at.row * ROW_HEIGHT;
      if (top - scroller.scrollTop < hidden) scroller.scrollTop = top - hidden;
      else if (top + ROW_HEIGHT - scroller.scrollTop > scroller.clientHeight) {
        scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
      }
    }
    if (at.column >= sheet.frozenColumns) {
      const hidden = ROW_HEADER_WIDTH + this.lefts[sheet.frozenColumns];
      const left = ROW_HEADER_WIDTH + this.lefts[at.column];
      const right = ROW_HEADER_WIDTH + this.lefts[at.column + 1];
      if (left - scroller.scrollLeft < hidden) scroller.scrollLeft = left - hidden;
      else if (right - scroller.scrollLeft > scroller.clientWidth)
        scroller.scrollLeft = right - scroller.clientWidth;
    }
  }

  private positionOf(target: EventTarget | null): Position | null {
    const td = target instanceof Element ? target.closest('td[data-a1]') : null;
    return td ? parseA1(td.getAttribute('data-a1') ?? '') : null;
  }

  private listen(): void {
    this.table.addEventListener('mousedown', (event) => {
      const at = this.positionOf(event.target);
      if (!at || event.button !== 0) return;
      event.preventDefault();
      if (this.editingAt) this.commitEdit(0, 0);
      this.select(at.row, at.column, false);
      this.focus();
    });
    // On click, not mousedown: the mousedown that selected the cell also closes open lists.
    this.table.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.classList.contains('dropdown-mark'))
        this.openList();
    });
    this.table.addEventListener('dblclick', (event) => {
      const at = this.positionOf(event.target);
      if (!at) return;
      if (this.cellAt(at)?.dropdown) this.openList();
      else this.startEdit(null);
    });
    this.scroller.addEventListener('scroll', () => {
      if (this.scrollFrame) return;
      this.scrollFrame = requestAnimationFrame(() => {
        this.scrollFrame = 0;
        this.renderBody(false);
      });
    });
    this.scroller.addEventListener('keydown', (event) => this.onGridKey(event));
    this.editor.addEventListener('keydown', (event) => this.onEditorKey(event));
    this.editor.addEventListener('input', () => this.host.editing(this.editor.value));
    // Clicking elsewhere commits, as in Sheets; the focus stays where the click put it.
    this.editor.addEventListener('blur', () => {
      if (this.editingAt) this.commitEdit(0, 0, false);
    });
    this.list.addEventListener('keydown', (event) => this.onListKey(event));
    document.addEventListener('mousedown', (event) => {
      if (!this.list.hidden && !this.list.contains(event.target as Node)) this.closeList();
    });
  }

  private onGridKey(event: KeyboardEvent): void {
    if (event.target !== this.scroller || !this.sheet) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 2);
    const cell = this.selectedCell();
    let handled = true;
    if (event.key in moves && !event.altKey) this.move(...moves[event.key]);
    else if (event.key === 'ArrowDown' && event.altKey && cell?.dropdown) this.openList();
    else if (event.key === 'Tab') this.move(0, event.shiftKey ? -1 : 1);
    else if (event.key === 'PageDown') this.move(page, 0);
    else if (event.key === 'PageUp') this.move(-page, 0);
    else if (event.key === 'Home') this.select(event.ctrlKey ? 0 : this.at.row, 0);
    else if (event.key === 'Enter' && cell?.dropdown) this.openList();
    else if (event.key === 'Enter' || event.key === 'F2') this.startEdit(null);
    else if (event.key === 'Delete' || event.key === 'Backspace') {
      if (cell && cell.input !== '') this.host.commit(this.selection(), '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      this.startEdit(event.key);
    } else handled = false;
    if (handled) event.preventDefault();
  }

  /** Opens the in-cell editor on the selection: with the cell's input, or with what was typed. */
  startEdit(typed: string | null): void {
    const td = this.body.querySelector<HTMLElement>(`[data-a1="${this.selection()}"]`);
    if (!td) return;
    this.closeList();
    this.editingAt = { ...this.at };
    this.quickEdit = typed !== null;
    const box = td.getBoundingClientRect();
    const origin = this.canvas.getBoundingClientRect();
    this.editor.style.left = `${box.left - origin.left}px`;
    this.editor.style.top = `${box.top - origin.top}px`;
    this.editor.style.minWidth = `${box.width}px`;
    this.editor.style.height = `${box.height}px`;
    this.editor.value = typed ?? this.selectedCell()?.input ?? '';
    this.editor.hidden = false;
    this.editor.focus({ preventScroll: true });
    this.editor.setSelectionRange(this.editor.value.length, this.editor.value.length);
    this.host.editing(this.editor.value);
  }

  private onEditorKey(event: KeyboardEvent): void {
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (event.key === 'Enter') this.commitEdit(event.shiftKey ? -1 : 1, 0);
    else if (event.key === 'Tab') this.commitEdit(0, event.shiftKey ? -1 : 1);
    else if (event.key === 'Escape') {
      this.cancelEdit();
      this.host.selected(this.selection(), this.selectedCell());
    } else if (this.quickEdit && event.key in arrows) this.commitEdit(...arrows[event.key]);
    else return;
    event.preventDefault();
  }

  private commitEdit(rows: number, columns: number, refocus = true): void {
    const at = this.editingAt;
    if (!at) return;
    const text = this.editor.value;
    const before = this.cellAt(at)?.input ?? '';
    this.cancelEdit(refocus);
    if (text !== before) this.host.commit(a1Name(at.row, at.column), text);
    if (rows || columns) this.move(rows, columns);
  }

  private cancelEdit(refocus = true): void {
    if (!this.editingAt) return;
    this.editingAt = null;
    this.editor.hidden = true;
    if (refocus) this.focus();
  }

  /** The choices of a dropdown cell, as a list under it. */
  private openList(): void {
    const cell = this.selectedCell();
    const td = this.body.querySelector<HTMLElement>(`[data-a1="${this.selection()}"]`);
    if (!cell?.dropdown || !td) return;
    const a1 = this.selection();
    const choices = cell.dropdown.map((choice) => {
      const option = el(
        'button',
        {
          className: 'dropdown-choice',
          attrs: { role: 'option', 'aria-selected': String(choice === cell.input) },
        },
        choice || '(blank)',
      );
      option.type = 'button';
      option.addEventListener('click', () => {
        this.closeList();
        this.focus();
        if (choice !== cell.input) this.host.commit(a1, choice);
      });
      return option;
    });
    replace(this.list, ...choices);
    const box = td.getBoundingClientRect();
    const origin = this.canvas.getBoundingClientRect();
    this.list.style.left = `${box.left - origin.left}px`;
    this.list.style.top = `${box.bottom - origin.top + 2}px`;
    this.list.style.minWidth = `${Math.max(box.width, 120)}px`;
    this.list.hidden = false;
    (
      choices.find((choice) => choice.getAttribute('aria-selected') === 'true') ?? choices[0]
    )?.focus();
  }

  private closeList(): void {
    this.list.hidden = true;
  }

  private onListKey(event: KeyboardEvent): void {
    const choices = Array.from(this.list.querySelectorAll<HTMLButtonElement>('button'));
    const at = choices.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') choices[Math.min(at + 1, choices.length - 1)]?.focus();
    else if (event.key === 'ArrowUp') choices[Math.max(at - 1, 0)]?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') {
      this.closeList();
      this.focus();
    } else return;
    event.preventDefault();
  }
}
