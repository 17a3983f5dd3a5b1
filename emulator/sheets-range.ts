// The Range object: fixed coordinates on a sheet (it does not follow inserted rows), reading
// computed values and writing content, formats, notes and validation with Sheets' checks.

import { checkInside, numericArea } from './sheets-areas';
import type { Ctx } from './sheets-context';
import type {
  AppliedValidation,
  Area,
  ClearParts,
  Formats,
  SheetModel,
  ValidationRule,
  Workbook,
} from './sheets-model';
import { areaA1, shiftRelative } from './sheets-refs';
import { signatureError, unwrap } from './sheets-session';
import {
  assertCellLength,
  displayString,
  EMPTY,
  normalizeColor,
  parseInput,
} from './sheets-values';

const at = (method: string) => `SpreadsheetApp.Range.${method}`;

type Normalize = (value: unknown) => unknown;

const oneOf =
  (...allowed: string[]): Normalize =>
  (value) =>
    typeof value === 'string' && allowed.includes(value.toLowerCase())
      ? value.toLowerCase()
      : undefined;
const ofType =
  (type: 'string' | 'number' | 'boolean'): Normalize =>
  (value) =>
    typeof value === type ? value : undefined;
const color: Normalize = (value) => (typeof value === 'string' ? normalizeColor(value) : undefined);

/** Format properties: `set<Name>` / `set<plural>` / `get<Name>` / `get<plural>`. */
const FORMAT_FIELDS: {
  name: string;
  plural: string;
  key: keyof Formats;
  fallback: unknown;
  normalize: Normalize;
  nullable: boolean;
}[] = [
  {
    name: 'NumberFormat',
    plural: 'NumberFormats',
    key: 'numberFormat',
    fallback: 'General',
    normalize: ofType('string'),
    nullable: false,
  },
  {
    name: 'Background',
    plural: 'Backgrounds',
    key: 'background',
    fallback: '#ffffff',
    normalize: color,
    nullable: true,
  },
  {
    name: 'FontColor',
    plural: 'FontColors',
    key: 'fontColor',
    fallback: '#000000',
    normalize: color,
    nullable: true,
  },
  {
    name: 'FontWeight',
    plural: 'FontWeights',
    key: 'fontWeight',
    fallback: 'normal',
    normalize: oneOf('bold', 'normal'),
    nullable: true,
  },
  {
    name: 'FontStyle',
    plural: 'FontStyles',
    key: 'fontStyle',
    fallback: 'normal',
    normalize: oneOf('italic', 'normal'),
    nullable: true,
  },
  {
    name: 'FontSize',
    plural: 'FontSizes',
    key: 'fontSize',
    fallback: 10,
    normalize: ofType('number'),
    nullable: true,
  },
  {
    name: 'FontFamily',
    plural: 'FontFamilies',
    key: 'fontFamily',
    fallback: 'Arial',
    normalize: ofType('string'),
    nullable: true,
  },
  {
    name: 'FontLine',
    plural: 'FontLines',
    key: 'fontLine',
    fallback: 'none',
    normalize: oneOf('underline', 'line-through', 'none'),
    nullable: true,
  },
  {
    name: 'HorizontalAlignment',
    plural: 'HorizontalAlignments',
    key: 'horizontalAlignment',
    fallback: 'general',
    normalize: oneOf(
      'left',
      'center',
      'right',
      'normal',
      'general',
      'general-left',
      'general-right',
    ),
    nullable: true,
  },
  {
    name: 'VerticalAlignment',
    plural: 'VerticalAlignments',
    key: 'verticalAlignment',
    fallback: 'bottom',
    normalize: oneOf('top', 'middle', 'bottom'),
    nullable: true,
  },
  {
    name: 'Wrap',
    plural: 'Wraps',
    key: 'wrap',
    fallback: true,
    normalize: ofType('boolean'),
    nullable: false,
  },
  {
    name: 'WrapStrategy',
    plural: 'WrapStrategies',
    key: 'wrapStrategy',
    fallback: 'OVERFLOW',
    normalize: oneOf('wrap', 'overflow', 'clip'),
    nullable: true,
  },
];

export function rangeObject(ctx: Ctx, area: Area) {
  const { book, session } = ctx;
  const { sheet, r1, c1, r2, c2 } = area;
  const rows = r2 - r1 + 1;
  const cols = c2 - c1 + 1;

  const live = () => {
    if (sheet.deleted) throw new Error('This sheet has been deleted.');
    checkInside(area);
  };
  const grid = <T>(fn: (row: number, col: number) => T): T[][] => {
    live();
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => fn(r1 + i, c1 + j)),
    );
  };
  /** Single-cell getters read the top-left cell, as Apps Script does. */
  const first = <T>(fn: (row: number, col: number) => T): T => {
    live();
    return fn(r1, c1);
  };
  const write = (fn: (row: number, col: number, i: number, j: number) => void) => {
    live();
    book.assertCanEdit(session.user, area);
    book.batch(() => {
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) fn(r1 + i, c1 + j, i, j);
    });
  };
  /** A 2-D argument of exactly the range's size, as Sheets insists. */
  const matrix = (values: unknown, method: string): unknown[][] => {
    if (!Array.isArray(values) || !values.every(Array.isArray)) {
      throw signatureError(at(method), [values]);
    }
    if (values.length !== rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${rows}.`,
      );
    }
    for (const row of values as unknown[][]) {
      if (row.length !== cols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${cols}.`,
        );
      }
    }
    return values as unknown[][];
  };
  const put = (row: number, col: number, input: unknown) => {
    const format = sheet.cell(row, col)?.format.numberFormat;
    book.setContent(sheet, row, col, parseInput(input, format, book.timeZone));
  };
  const putFormula = (
    row: number,
    col: number,
    formula: unknown,
    method: string,
    shift: number[],
  ) => {
    if (typeof formula !== 'string') throw signatureError(at(method), [formula]);
    if (formula === '') return book.setContent(sheet, row, col, EMPTY);
    if (!formula.startsWith('=')) return put(row, col, formula);
    const shifted = shiftRelative(formula, shift[0], shift[1]);
    book.setContent(sheet, row, col, { kind: 'formula', formula: shifted });
  };
  const applyValidation = (row: number, col: number, applied: AppliedValidation | undefined) => {
    if (applied) sheet.ensure(row, col).validation = applied;
    else if (sheet.cell(row, col)) delete sheet.cell(row, col)?.validation;
  };
  const validationOf = (rule: unknown, method: string): ValidationRule | null => {
    if (rule === null) return null;
    const model = unwrap<ValidationRule>(rule, 'DataValidation');
    if (!model) throw signatureError(at(method), [rule]);
    return model;
  };
  const clearCells = (parts: ClearParts) => {
    live();
    book.assertCanEdit(session.user, area);
    book.clearArea(area, parts);
    return self;
  };

  const methods: Record<string, unknown> = {
    getRow: () => r1,
    getRowIndex: () => r1,
    getColumn: () => c1,
    getNumRows: () => rows,
    getNumColumns: () => cols,
    getHeight: () => rows,
    getWidth: () => cols,
    getLastRow: () => r2,
    getLastColumn: () => c2,
    getA1Notation: () => areaA1(r1, c1, r2, c2),
    getGridId: () => sheet.id,
    getSheet: () => ctx.objects.sheet(sheet),
    getCell(row: unknown, col: unknown) {
      if (typeof row !== 'number' || typeof col !== 'number')
        throw signatureError(at('getCell'), [row, col]);
      if (row < 1 || col < 1 || row > rows || col > cols)
        throw new Error('Cell reference out of range');
      return rangeObject(ctx, {
        sheet,
        r1: r1 + row - 1,
        c1: c1 + col - 1,
        r2: r1 + row - 1,
        c2: c1 + col - 1,
      });
    },
    offset(...args: unknown[]) {
      const [dr, dc, nr = rows, nc = cols] = args;
      if (args.length < 2) throw signatureError(at('offset'), args);
      return rangeObject(
        ctx,
        numericArea(sheet, [r1 + (dr as number), c1 + (dc as number), nr, nc], at('offset')),
      );
    },
    activate() {
      book.activeSheet = sheet;
      return self;
    },
    isBlank: () =>
      grid((row, col) => book.isFilled(sheet, row, col)).every((r) => r.every((f) => !f)),

    getValue: () => first((row, col) => book.valueAt(sheet, row, col)),
    getValues: () => grid((row, col) => book.valueAt(sheet, row, col)),
    getDisplayValue: () => first((row, col) => displayAt(book, sheet, row, col)),
    getDisplayValues: () => grid((row, col) => displayAt(book, sheet, row, col)),
    setValue(value: unknown) {
      assertCellLength(value);
      write((row, col) => put(row, col, value));
      return self;
    },
    setValues(values: unknown) {
      const data = matrix(values, 'setValues');
      for (const row of data) row.forEach(assertCellLength);
      write((row, col, i, j) => put(row, col, data[i][j]));
      return self;
    },
    getFormula: () => first((row, col) => sheet.cell(row, col)?.formula ?? ''),
    getFormulas: () => grid((row, col) => sheet.cell(row, col)?.formula ?? ''),
    setFormula(formula: unknown) {
      assertCellLength(formula);
      write((row, col, i, j) => putFormula(row, col, formula, 'setFormula', [i, j]));
      return self;
    },
    setFormulas(formulas: unknown) {
      const data = matrix(formulas, 'setFormulas');
      for (const row of data) row.forEach(assertCellLength);
      write((row, col, i, j) => putFormula(row, col, data[i][j], 'setFormulas', [0, 0]));
      return self;
    },

    getNote: () => first((row, col) => sheet.cell(row, col)?.note ?? ''),
    getNotes: () => grid((row, col) => sheet.cell(row, col)?.note ?? ''),
    setNote(note: unknown) {
      write((row, col) => setNote(sheet, row, col, note));
      return self;
    },
    setNotes(notes: unknown) {
      const data = matrix(notes, 'setNotes');
      write((row, col, i, j) => setNote(sheet, row, col, data[i][j]));
      return self;
    },
    clearNote: () => clearCells({ notes: true }),

    getDataValidation() {
      const applied = first((row, col) => sheet.cell(row, col)?.validation);
      return applied ? ctx.objects.dataValidation(applied.rule) : null;
    },
    getDataValidations: () =>
      grid((row, col) => {
        const applied = sheet.cell(row, col)?.validation;
        return applied ? ctx.objects.dataValidation(applied.rule) : null;
      }),
    setDataValidation(rule: unknown) {
      const model = validationOf(rule, 'setDataValidation');
      const applied = model ? { rule: copyRule(model), anchorRow: r1, anchorCol: c1 } : undefined;
      write((row, col) => applyValidation(row, col, applied));
      return self;
    },
    setDataValidations(rules: unknown) {
      const data = matrix(rules, 'setDataValidations');
      const models = data.map((row) => row.map((rule) => validationOf(rule, 'setDataValidations')));
      const applied = new Map<ValidationRule, AppliedValidation>();
      const appliedOf = (model: ValidationRule) => {
        const known = applied.get(model) ?? { rule: copyRule(model), anchorRow: r1, anchorCol: c1 };
        applied.set(model, known);
        return known;
      };
      write((row, col, i, j) => {
        const model = models[i][j];
        applyValidation(row, col, model ? appliedOf(model) : undefined);
      });
      return self;
    },
    clearDataValidations: () => clearCells({ validations: true }),
    insertCheckboxes() {
      const rule: ValidationRule = {
        criteria: 'CHECKBOX',
        args: [],
        allowInvalid: true,
        helpText: null,
      };
      const applied = { rule, anchorRow: r1, anchorCol: c1 };
      write((row, col) => {
        applyValidation(row, col, applied);
        book.setContent(sheet, row, col, { kind: 'value', value: false });
      });
      return self;
    },

    setBackgroundRGB(red: unknown, green: unknown, blue: unknown) {
      const parts = [red, green, blue];
      if (!parts.every((p) => typeof p === 'number'))
        throw signatureError(at('setBackgroundRGB'), parts);
      const hex = `#${(parts as number[]).map((p) => p.toString(16).padStart(2, '0')).join('')}`;
      write((row, col) => book.setFormat(sheet, row, col, 'background', hex));
      return self;
    },
    setBorder(...args: unknown[]) {
      write((row, col) => book.setFormat(sheet, row, col, 'border', args));
      return self;
    },
    protect() {
      live();
      book.assertEditor(session.user);
      const protection = {
        type: 'RANGE' as const,
        area,
        description: '',
        warningOnly: false,
        editors: null,
        unprotected: [],
      };
      book.protections.push(protection);
      return ctx.objects.protection(protection);
    },
    clear(options?: unknown) {
      if (options === undefined) return clearCells({ contents: true, formats: true });
      if (typeof options !== 'object' || options === null)
        throw signatureError(at('clear'), [options]);
      const o = options as Record<string, unknown>;
      const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
      return clearCells({
        contents: !any || Boolean(o.contentsOnly),
        formats: !any || Boolean(o.formatOnly),
        validations: !any || Boolean(o.validationsOnly),
        notes: !any || Boolean(o.commentsOnly),
      });
    },
    clearContent: () => clearCells({ contents: true }),
    clearFormat: () => clearCells({ formats: true }),
  };

  for (const field of FORMAT_FIELDS) {
    const normalize = (value: unknown, method: string) => {
      if (value === null && field.nullable) return null;
      const normal = field.normalize(value);
      if (normal === undefined) throw signatureError(at(method), [value]);
      return normal as Formats[typeof field.key];
    };
    const read = (row: number, col: number) =>
      sheet.cell(row, col)?.format[field.key] ?? field.fallback;
    methods[`get${field.name}`] = () => first(read);
    methods[`get${field.plural}`] = () => grid(read);
    methods[`set${field.name}`] = (value: unknown) => {
      const normal = normalize(value, `set${field.name}`);
      write((row, col) => book.setFormat(sheet, row, col, field.key, normal));
      return self;
    };
    methods[`set${field.plural}`] = (values: unknown) => {
      const method = `set${field.plural}`;
      const data = matrix(values, method).map((row) => row.map((v) => normalize(v, method)));
      write((row, col, i, j) => book.setFormat(sheet, row, col, field.key, data[i][j]));
      return self;
    };
  }

  const self = session.wrap('SpreadsheetApp', 'Range', methods, area);
  return self;
}

/** Cells keep their own copy: the script's DataValidation object is a snapshot. */
function copyRule(rule: ValidationRule): ValidationRule {
  return { ...rule, args: [...rule.args] };
}

function setNote(sheet: SheetModel, row: number, col: number, note: unknown): void {
  if (note === null || note === undefined || note === '') {
    const cell = sheet.cell(row, col);
    if (cell) delete cell.note;
    return;
  }
  sheet.ensure(row, col).note = String(note);
}

function displayAt(book: Workbook, sheet: SheetModel, row: number, col: number): string {
  const format = sheet.cell(row, col)?.format.numberFormat ?? 'General';
  return displayString(book.valueAt(sheet, row, col), format, book.timeZone);
}
