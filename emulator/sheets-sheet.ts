// The Sheet object: grid size and structure (insert/delete rows and columns with Sheets'
// limits and messages), frozen panes, sizes, conditional formats, protections and charts.

import { sheetArea } from './sheets-areas';
import { sheetChartMethods } from './sheets-charts';
import { assertSheetEditable, type Ctx } from './sheets-context';
import {
  type Area,
  areasIntersect,
  type CfRule,
  type ClearParts,
  PROTECTED_MESSAGE,
  type ProtectionModel,
  type SheetModel,
} from './sheets-model';
import type { Axis } from './sheets-refs';
import { signatureError, unwrap } from './sheets-session';
import { assertCellLength, normalizeColor, parseInput } from './sheets-values';

const at = (method: string) => `SpreadsheetApp.Sheet.${method}`;
const OUT_OF_BOUNDS = {
  row: 'Those rows are out of bounds.',
  col: 'Those columns are out of bounds.',
};

function numbers(method: string, args: unknown[], required: number): number[] {
  const ok =
    args.length >= required && args.every((a) => typeof a === 'number' && Number.isFinite(a));
  if (!ok) throw signatureError(at(method), args);
  return (args as number[]).map(Math.trunc);
}

export function sheetObject(ctx: Ctx, sheet: SheetModel) {
  const { book, session } = ctx;
  const user = session.user;
  const live = () => {
    if (sheet.deleted) throw new Error('This sheet has been deleted.');
  };
  const edit = () => {
    live();
    assertSheetEditable(ctx, sheet);
  };
  const size = (axis: Axis) => (axis === 'row' ? sheet.maxRows : sheet.maxColumns);
  const span = (axis: Axis, start: number, count: number): Area =>
    axis === 'row'
      ? { sheet, r1: start, r2: start + count - 1, c1: 1, c2: sheet.maxColumns }
      : { sheet, r1: 1, r2: sheet.maxRows, c1: start, c2: start + count - 1 };

  /** Inserts before `before`, copying formats from row/column `from` (as Sheets does). */
  const insert = (axis: Axis, position: number, count: number, before: boolean) => {
    edit();
    if (position < 1 || position > size(axis) || count < 1) throw new Error(OUT_OF_BOUNDS[axis]);
    book.assertRoomFor(count * (axis === 'row' ? sheet.maxColumns : sheet.maxRows));
    book.insert(sheet, axis, before ? position : position + 1, count, position);
    return self;
  };
  const remove = (axis: Axis, start: number, count: number) => {
    edit();
    if (start < 1 || count < 1 || start + count - 1 > size(axis))
      throw new Error(OUT_OF_BOUNDS[axis]);
    const frozen = axis === 'row' ? sheet.frozenRows : sheet.frozenColumns;
    if (size(axis) - count <= frozen) {
      const what = axis === 'row' ? 'rows' : 'columns';
      throw new Error(`Sorry, it is not possible to delete all non-frozen ${what}.`);
    }
    const gone = span(axis, start, count);
    const blocked = book.protections.some(
      (p) => p.type === 'RANGE' && areasIntersect(p.area, gone) && !book.canEditProtection(p, user),
    );
    if (blocked) throw new Error(PROTECTED_MESSAGE);
    book.remove(sheet, axis, start, count);
  };
  const setFrozen = (axis: Axis, value: unknown, method: string) => {
    const [n] = numbers(method, [value], 1);
    edit();
    const what = axis === 'row' ? 'rows' : 'columns';
    if (n < 0) throw new Error(`Invalid argument: ${what}`);
    if (n >= size(axis)) throw new Error(`You can't freeze all visible ${what} on the sheet.`);
    if (axis === 'row') sheet.frozenRows = n;
    else sheet.frozenColumns = n;
  };
  const setSizes = (axis: Axis, start: number, count: number, pixels: number) => {
    edit();
    if (start < 1 || count < 1 || start + count - 1 > size(axis))
      throw new Error(OUT_OF_BOUNDS[axis]);
    const list = axis === 'row' ? sheet.rowHeights : sheet.columnWidths;
    for (let i = start; i < start + count; i++) list[i - 1] = pixels;
    return self;
  };
  const setHidden = (axis: Axis, args: unknown[], method: string, hidden: boolean) => {
    const [start, count = 1] = numbers(method, args, 1);
    edit();
    if (start < 1 || count < 1 || start + count - 1 > size(axis))
      throw new Error(OUT_OF_BOUNDS[axis]);
    const list = axis === 'row' ? sheet.hiddenRows : sheet.hiddenColumns;
    for (let i = start; i < start + count; i++) list[i - 1] = hidden || undefined;
  };
  const clear = (parts: ClearParts) => {
    live();
    book.assertCanEdit(user, sheet.grid());
    book.clearArea(sheet.grid(), parts);
    return self;
  };
  const protectionType = (type: unknown) => {
    if (type !== 'RANGE' && type !== 'SHEET') throw signatureError(at('getProtections'), [type]);
    return type;
  };

  const self = session.wrap(
    'SpreadsheetApp',
    'Sheet',
    {
      getName: () => sheet.name,
      getSheetName: () => sheet.name,
      setName(name: unknown) {
        if (typeof name !== 'string') throw signatureError(at('setName'), [name]);
        edit();
        book.renameSheet(sheet, name);
        return self;
      },
      getSheetId: () => sheet.id,
      getIndex: () => book.sheets.indexOf(sheet) + 1,
      getType: () => 'GRID',
      getParent: () => ctx.objects.spreadsheet(),
      activate() {
        live();
        book.activeSheet = sheet;
        return self;
      },

      getRange(...args: unknown[]) {
        live();
        return ctx.objects.range(sheetArea(book, sheet, args, at('getRange')));
      },
      getDataRange() {
        live();
        const r2 = Math.max(1, book.lastRow(sheet));
        const c2 = Math.max(1, book.lastColumn(sheet));
        return ctx.objects.range({ sheet, r1: 1, c1: 1, r2, c2 });
      },
      getLastRow: () => book.lastRow(sheet),
      getLastColumn: () => book.lastColumn(sheet),
      getMaxRows: () => sheet.maxRows,
      getMaxColumns: () => sheet.maxColumns,

      insertRowsAfter: (...args: unknown[]) =>
        insert('row', ...pair('insertRowsAfter', args), false),
      insertRowsBefore: (...args: unknown[]) =>
        insert('row', ...pair('insertRowsBefore', args), true),
      insertRowAfter: (row: unknown) =>
        insert('row', numbers('insertRowAfter', [row], 1)[0], 1, false),
      insertRowBefore: (row: unknown) =>
        insert('row', numbers('insertRowBefore', [row], 1)[0], 1, true),
      insertRows(...args: unknown[]) {
        const [row, count = 1] = numbers('insertRows', args, 1);
        insert('row', row, count, true);
      },
      insertColumnsAfter: (...args: unknown[]) =>
        insert('col', ...pair('insertColumnsAfter', args), false),
      insertColumnsBefore: (...args: unknown[]) =>
        insert('col', ...pair('insertColumnsBefore', args), true),
      insertColumnAfter: (col: unknown) =>
        insert('col', numbers('insertColumnAfter', [col], 1)[0], 1, false),
      insertColumnBefore: (col: unknown) =>
        insert('col', numbers('insertColumnBefore', [col], 1)[0], 1, true),
      insertColumns(...args: unknown[]) {
        const [col, count = 1] = numbers('insertColumns', args, 1);
        insert('col', col, count, true);
      },
      deleteRow(row: unknown) {
        remove('row', numbers('deleteRow', [row], 1)[0], 1);
        return self;
      },
      deleteRows: (...args: unknown[]) => remove('row', ...pair('deleteRows', args)),
      deleteColumn(col: unknown) {
        remove('col', numbers('deleteColumn', [col], 1)[0], 1);
        return self;
      },
      deleteColumns: (...args: unknown[]) => remove('col', ...pair('deleteColumns', args)),
      appendRow(values: unknown) {
        if (!Array.isArray(values)) throw signatureError(at('appendRow'), [values]);
        edit();
        values.forEach(assertCellLength);
        const row = book.lastRow(sheet) + 1;
        const extraCols = Math.max(0, values.length - sheet.maxColumns);
        const extraRows = row > sheet.maxRows ? 1 : 0;
        book.assertRoomFor(extraRows * (sheet.maxColumns + extraCols) + extraCols * sheet.maxRows);
        if (extraRows) book.insert(sheet, 'row', row, 1, row - 1);
        if (extraCols) book.insert(sheet, 'col', sheet.maxColumns + 1, extraCols, sheet.maxColumns);
        book.assertCanEdit(user, {
          sheet,
          r1: row,
          r2: row,
          c1: 1,
          c2: Math.max(1, values.length),
        });
        book.batch(() => {
          values.forEach((value, j) => {
            const format = sheet.cell(row, j + 1)?.format.numberFormat;
            book.setContent(sheet, row, j + 1, parseInput(value, format, book.timeZone));
          });
        });
        return self;
      },

      setFrozenRows: (rows: unknown) => setFrozen('row', rows, 'setFrozenRows'),
      getFrozenRows: () => sheet.frozenRows,
      setFrozenColumns: (cols: unknown) => setFrozen('col', cols, 'setFrozenColumns'),
      getFrozenColumns: () => sheet.frozenColumns,
      setColumnWidth(...args: unknown[]) {
        const [col, width] = numbers('setColumnWidth', args, 2);
        return setSizes('col', col, 1, width);
      },
      setColumnWidths(...args: unknown[]) {
        const [col, count, width] = numbers('setColumnWidths', args, 3);
        return setSizes('col', col, count, width);
      },
      getColumnWidth: (col: unknown) =>
        sheet.columnWidths[numbers('getColumnWidth', [col], 1)[0] - 1] ?? 100,
      setRowHeight(...args: unknown[]) {
        const [row, height] = numbers('setRowHeight', args, 2);
        return setSizes('row', row, 1, height);
      },
      setRowHeights(...args: unknown[]) {
        const [row, count, height] = numbers('setRowHeights', args, 3);
        return setSizes('row', row, count, height);
      },
      getRowHeight: (row: unknown) =>
        sheet.rowHeights[numbers('getRowHeight', [row], 1)[0] - 1] ?? 21,
      autoResizeColumn: () => self,
      autoResizeColumns: () => self,
      hideColumns(...args: unknown[]) {
        setHidden('col', args, 'hideColumns', true);
      },
      showColumns(...args: unknown[]) {
        setHidden('col', args, 'showColumns', false);
      },
      isColumnHiddenByUser: (col: unknown) => Boolean(sheet.hiddenColumns[(col as number) - 1]),
      hideRows(...args: unknown[]) {
        setHidden('row', args, 'hideRows', true);
      },
      showRows(...args: unknown[]) {
        setHidden('row', args, 'showRows', false);
      },
      isRowHiddenByUser: (row: unknown) => Boolean(sheet.hiddenRows[(row as number) - 1]),
      hideSheet() {
        edit();
        if (book.sheets.filter((s) => !s.hidden && s !== sheet).length === 0) {
          throw new Error("You can't hide all the sheets in a document.");
        }
        sheet.hidden = true;
        return self;
      },
      showSheet() {
        edit();
        sheet.hidden = false;
        return self;
      },
      isSheetHidden: () => sheet.hidden,
      setHiddenGridlines(hide: unknown) {
        if (typeof hide !== 'boolean') throw signatureError(at('setHiddenGridlines'), [hide]);
        edit();
        sheet.gridlinesHidden = hide;
        return self;
      },
      hasHiddenGridlines: () => sheet.gridlinesHidden,
      setTabColor(color: unknown) {
        if (color !== null && typeof color !== 'string')
          throw signatureError(at('setTabColor'), [color]);
        edit();
        sheet.tabColor = color === null ? null : normalizeColor(color);
        return self;
      },
      getTabColor: () => sheet.tabColor,

      getConditionalFormatRules: () =>
        sheet.cfRules.map((rule) => ctx.objects.conditionalFormatRule(rule)),
      setConditionalFormatRules(rules: unknown) {
        if (!Array.isArray(rules)) throw signatureError(at('setConditionalFormatRules'), [rules]);
        const models = rules.map((rule) => {
          const model = unwrap<CfRule>(rule, 'ConditionalFormatRule');
          if (!model) throw signatureError(at('setConditionalFormatRules'), [rules]);
          return model;
        });
        edit();
        sheet.cfRules = models.map((m) => ({
          condition: m.condition && { ...m.condition, values: [...m.condition.values] },
          ranges: [...m.ranges],
          format: { ...m.format },
        }));
      },
      clearConditionalFormatRules() {
        edit();
        sheet.cfRules = [];
      },
      getProtections(type: unknown) {
        const kind = protectionType(type);
        return book.protections
          .filter((p) => p.type === kind && p.area.sheet === sheet)
          .map((p) => ctx.objects.protection(p));
      },
      protect() {
        edit();
        const existing = book.protections.find((p) => p.type === 'SHEET' && p.area.sheet === sheet);
        const protection: ProtectionModel = existing ?? {
          type: 'SHEET',
          area: sheet.grid(),
          description: '',
          warningOnly: false,
          editors: null,
          unprotected: [],
        };
        if (!existing) book.protections.push(protection);
        return ctx.objects.protection(protection);
      },
      getNamedRanges: () =>
        book.namedRanges
          .filter((n) => n.area.sheet === sheet)
          .map((n) => ctx.objects.namedRange(n)),
      ...sheetChartMethods(ctx, sheet, live, edit),

      clear(options?: unknown) {
        if (options === undefined) return clear({ contents: true, formats: true });
        const o = (options ?? {}) as Record<string, unknown>;
        const any = o.contentsOnly || o.formatOnly;
        return clear({
          contents: !any || Boolean(o.contentsOnly),
          formats: !any || Boolean(o.formatOnly),
        });
      },
      clearContents: () => clear({ contents: true }),
      clearFormats: () => clear({ formats: true }),
      clearNotes: () => clear({ notes: true }),
    },
    sheet,
  );

  /** `(position, howMany)` arguments of the insert/delete methods. */
  function pair(method: string, args: unknown[]): [number, number] {
    const [position, count] = numbers(method, args, 2);
    return [position, count];
  }

  return self;
}
