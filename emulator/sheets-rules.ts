// Data validation and conditional format rules: the builders and rule objects of Apps Script,
// and the checks Sheets runs (what a person may type, which format a cell shows).

import { rangeArea } from './sheets-areas';
import type { Ctx } from './sheets-context';
import {
  type AppliedValidation,
  type Area,
  type CellOutput,
  type CfFormat,
  type CfRule,
  isArea,
  type SheetModel,
  type ValidationRule,
  type Workbook,
} from './sheets-model';
import { shiftRelative } from './sheets-refs';
import { signatureError, unwrap } from './sheets-session';
import { dateToSerial, EMAIL, isDate, normalizeColor, URL_PATTERN } from './sheets-values';

const enumOf = <T extends string>(names: readonly T[]) =>
  Object.freeze(Object.fromEntries(names.map((name) => [name, name])) as Record<T, T>);

export const DataValidationCriteria = enumOf([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);

export const BooleanCriteria = enumOf([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_ENDS_WITH',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'CUSTOM_FORMULA',
] as const);

type Kind = 'number' | 'date' | 'string' | 'boolean' | 'array' | 'range' | 'any';

function fits(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number';
    case 'date':
      return isDate(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'range':
      return unwrap(value, 'Range') !== undefined;
    default:
      return true;
  }
}

/** Checks arguments against the kinds a method takes (trailing `?` kinds are optional). */
function expectArgs(path: string, args: unknown[], kinds: string[]): void {
  const required = kinds.filter((k) => !k.endsWith('?')).length;
  const ok =
    args.length >= required &&
    args.length <= kinds.length &&
    args.every((arg, i) => fits(arg, kinds[i].replace('?', '') as Kind));
  if (!ok) throw signatureError(path, args);
}

const copyArg = (arg: unknown): unknown =>
  isDate(arg) ? new Date(arg.getTime()) : Array.isArray(arg) ? [...arg] : arg;

// ---- data validation ----

const VALIDATION_METHODS: Record<string, { criteria: string; kinds: string[] }> = {
  requireCheckbox: { criteria: 'CHECKBOX', kinds: ['any?', 'any?'] },
  requireDate: { criteria: 'DATE_IS_VALID_DATE', kinds: [] },
  requireDateAfter: { criteria: 'DATE_AFTER', kinds: ['date'] },
  requireDateBefore: { criteria: 'DATE_BEFORE', kinds: ['date'] },
  requireDateBetween: { criteria: 'DATE_BETWEEN', kinds: ['date', 'date'] },
  requireDateEqualTo: { criteria: 'DATE_EQUAL_TO', kinds: ['date'] },
  requireDateNotBetween: { criteria: 'DATE_NOT_BETWEEN', kinds: ['date', 'date'] },
  requireDateOnOrAfter: { criteria: 'DATE_ON_OR_AFTER', kinds: ['date'] },
  requireDateOnOrBefore: { criteria: 'DATE_ON_OR_BEFORE', kinds: ['date'] },
  requireFormulaSatisfied: { criteria: 'CUSTOM_FORMULA', kinds: ['string'] },
  requireNumberBetween: { criteria: 'NUMBER_BETWEEN', kinds: ['number', 'number'] },
  requireNumberEqualTo: { criteria: 'NUMBER_EQUAL_TO', kinds: ['number'] },
  requireNumberGreaterThan: { criteria: 'NUMBER_GREATER_THAN', kinds: ['number'] },
  requireNumberGreaterThanOrEqualTo: {
    criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    kinds: ['number'],
  },
  requireNumberLessThan: { criteria: 'NUMBER_LESS_THAN', kinds: ['number'] },
  requireNumberLessThanOrEqualTo: { criteria: 'NUMBER_LESS_THAN_OR_EQUAL_TO', kinds: ['number'] },
  requireNumberNotBetween: { criteria: 'NUMBER_NOT_BETWEEN', kinds: ['number', 'number'] },
  requireNumberNotEqualTo: { criteria: 'NUMBER_NOT_EQUAL_TO', kinds: ['number'] },
  requireTextContains: { criteria: 'TEXT_CONTAINS', kinds: ['string'] },
  requireTextDoesNotContain: { criteria: 'TEXT_DOES_NOT_CONTAIN', kinds: ['string'] },
  requireTextEqualTo: { criteria: 'TEXT_EQUAL_TO', kinds: ['string'] },
  requireTextIsEmail: { criteria: 'TEXT_IS_VALID_EMAIL', kinds: [] },
  requireTextIsUrl: { criteria: 'TEXT_IS_VALID_URL', kinds: [] },
  requireValueInList: { criteria: 'VALUE_IN_LIST', kinds: ['array', 'boolean?'] },
  requireValueInRange: { criteria: 'VALUE_IN_RANGE', kinds: ['range', 'boolean?'] },
};

/** The argument list Apps Script reports (dropdown flag defaults to true). */
function criteriaArgs(criteria: string, args: unknown[]): unknown[] {
  if (criteria === 'VALUE_IN_LIST') return [[...(args[0] as unknown[])], args[1] ?? true];
  if (criteria === 'VALUE_IN_RANGE') return [rangeArea(args[0]), args[1] ?? true];
  return args.map(copyArg);
}

/** Rule args as the script sees them: areas become Range objects again. */
function visibleArgs(ctx: Ctx, args: unknown[]): unknown[] {
  return args.map((arg) => (isArea(arg) ? ctx.objects.range(arg) : copyArg(arg)));
}

export function dataValidationBuilder(ctx: Ctx, preset?: ValidationRule) {
  const state: ValidationRule = preset
    ? { ...preset, args: [...preset.args] }
    : { criteria: '', args: [], allowInvalid: true, helpText: null };
  const path = (method: string) => `SpreadsheetApp.DataValidationBuilder.${method}`;
  const methods: Record<string, unknown> = {
    setAllowInvalid(allow: unknown) {
      expectArgs(path('setAllowInvalid'), [allow], ['boolean']);
      state.allowInvalid = allow as boolean;
      return self;
    },
    setHelpText(text: unknown) {
      expectArgs(path('setHelpText'), [text], ['string']);
      state.helpText = text as string;
      return self;
    },
    withCriteria(criteria: unknown, args: unknown) {
      if (
        typeof criteria !== 'string' ||
        !(criteria in DataValidationCriteria) ||
        !Array.isArray(args)
      ) {
        throw signatureError(path('withCriteria'), [criteria, args]);
      }
      state.criteria = criteria;
      state.args = args.map(copyArg);
      return self;
    },
    build() {
      if (!state.criteria) throw new Error('You must set a criteria on the data validation rule.');
      return dataValidationObject(ctx, { ...state, args: [...state.args] });
    },
    copy: () => dataValidationBuilder(ctx, state),
    getCriteriaType: () => state.criteria || null,
    getCriteriaValues: () => visibleArgs(ctx, state.args),
    getAllowInvalid: () => state.allowInvalid,
    getHelpText: () => state.helpText,
  };
  for (const [name, { criteria, kinds }] of Object.entries(VALIDATION_METHODS)) {
    methods[name] = (...args: unknown[]) => {
      expectArgs(path(name), args, kinds);
      state.criteria = criteria;
      state.args = criteriaArgs(criteria, args);
      return self;
    };
  }
  const self = ctx.session.wrap('SpreadsheetApp', 'DataValidationBuilder', methods);
  return self;
}

export function dataValidationObject(ctx: Ctx, rule: ValidationRule) {
  return ctx.session.wrap(
    'SpreadsheetApp',
    'DataValidation',
    {
      getCriteriaType: () => rule.criteria,
      getCriteriaValues: () => visibleArgs(ctx, rule.args),
      getAllowInvalid: () => rule.allowInvalid,
      getHelpText: () => rule.helpText,
      copy: () => dataValidationBuilder(ctx, rule),
    },
    rule,
  );
}

/** What a person typed, parsed, plus the text as typed (list rules compare what was typed). */
export interface Typed {
  value: CellOutput;
  text: string;
}

/** Dates compare as days on the spreadsheet's calendar. */
const day = (value: unknown, zone: string) => Math.floor(dateToSerial(value as Date, zone));
const numeric = (value: CellOutput, zone: string): number | null =>
  typeof value === 'number' ? value : isDate(value) ? dateToSerial(value, zone) : null;

function compare(criteria: string, x: number, [a, b]: number[]): boolean {
  switch (criteria.replace(/^(NUMBER|DATE)_/, '')) {
    case 'BETWEEN':
      return x >= Math.min(a, b) && x <= Math.max(a, b);
    case 'NOT_BETWEEN':
      return x < Math.min(a, b) || x > Math.max(a, b);
    case 'EQUAL_TO':
      return x === a;
    case 'NOT_EQUAL_TO':
      return x !== a;
    case 'GREATER_THAN':
    case 'AFTER':
      return x > a;
    case 'GREATER_THAN_OR_EQUAL_TO':
    case 'ON_OR_AFTER':
      return x >= a;
    case 'LESS_THAN':
    case 'BEFORE':
      return x < a;
    case 'LESS_THAN_OR_EQUAL_TO':
    case 'ON_OR_BEFORE':
      return x <= a;
    default:
      return true;
  }
}

const sameText = (a: unknown, b: string) =>
  String(a).trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a value passes a validation rule (the value is already in the cell). */
export function passesValidation(
  book: Workbook,
  applied: AppliedValidation,
  sheet: SheetModel,
  row: number,
  col: number,
  typed: Typed,
): boolean {
  const { criteria, args } = applied.rule;
  const { value, text } = typed;
  if (value === '') return true;
  if (criteria.startsWith('NUMBER_')) {
    const x = numeric(value, book.timeZone);
    return x !== null && compare(criteria, x, args as number[]);
  }
  if (criteria === 'DATE_IS_VALID_DATE') return isDate(value);
  if (criteria.startsWith('DATE_')) {
    const days = args.map((arg) => day(arg, book.timeZone));
    return isDate(value) && compare(criteria, day(value, book.timeZone), days);
  }
  switch (criteria) {
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && URL_PATTERN.test(value.trim());
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL.test(value.trim());
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(args[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.toLowerCase().includes(String(args[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return sameText(args[0], text);
    case 'VALUE_IN_LIST':
      return (args[0] as unknown[]).some((item) => sameText(item, text) || item === value);
    case 'VALUE_IN_RANGE':
      return valuesOf(book, args[0] as Area).some(
        (item) => item !== '' && (sameText(item, text) || item === value),
      );
    case 'CHECKBOX':
      return args.length > 0
        ? args.some((item) => item === value || sameText(item, text))
        : typeof value === 'boolean';
    case 'CUSTOM_FORMULA': {
      const formula = shiftRelative(
        String(args[0]),
        row - applied.anchorRow,
        col - applied.anchorCol,
      );
      return truthy(book.engine.evaluate(formula, sheet.name));
    }
    default:
      return true;
  }
}

function valuesOf(book: Workbook, area: Area): CellOutput[] {
  const values: CellOutput[] = [];
  for (let r = area.r1; r <= area.r2; r++) {
    for (let c = area.c1; c <= area.c2; c++) values.push(book.valueAt(area.sheet, r, c));
  }
  return values;
}

function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'number' && value !== 0);
}

// ---- conditional formats ----

const CONDITION_METHODS: Record<string, { type: string; kinds: string[] }> = {
  whenCellEmpty: { type: 'CELL_EMPTY', kinds: [] },
  whenCellNotEmpty: { type: 'CELL_NOT_EMPTY', kinds: [] },
  whenDateAfter: { type: 'DATE_AFTER', kinds: ['date'] },
  whenDateBefore: { type: 'DATE_BEFORE', kinds: ['date'] },
  whenDateEqualTo: { type: 'DATE_EQUAL_TO', kinds: ['date'] },
  whenFormulaSatisfied: { type: 'CUSTOM_FORMULA', kinds: ['string'] },
  whenNumberBetween: { type: 'NUMBER_BETWEEN', kinds: ['number', 'number'] },
  whenNumberEqualTo: { type: 'NUMBER_EQUAL_TO', kinds: ['number'] },
  whenNumberGreaterThan: { type: 'NUMBER_GREATER_THAN', kinds: ['number'] },
  whenNumberGreaterThanOrEqualTo: { type: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', kinds: ['number'] },
  whenNumberLessThan: { type: 'NUMBER_LESS_THAN', kinds: ['number'] },
  whenNumberLessThanOrEqualTo: { type: 'NUMBER_LESS_THAN_OR_EQUAL_TO', kinds: ['number'] },
  whenNumberNotBetween: { type: 'NUMBER_NOT_BETWEEN', kinds: ['number', 'number'] },
  whenNumberNotEqualTo: { type: 'NUMBER_NOT_EQUAL_TO', kinds: ['number'] },
  whenTextContains: { type: 'TEXT_CONTAINS', kinds: ['string'] },
  whenTextDoesNotContain: { type: 'TEXT_DOES_NOT_CONTAIN', kinds: ['string'] },
  whenTextEndsWith: { type: 'TEXT_ENDS_WITH', kinds: ['string'] },
  whenTextEqualTo: { type: 'TEXT_EQUAL_TO', kinds: ['string'] },
  whenTextStartsWith: { type: 'TEXT_STARTS_WITH', kinds: ['string'] },
};

const FORMAT_METHODS: Record<string, { key: keyof CfFormat; kind: 'color' | 'boolean' }> = {
  setBackground: { key: 'background', kind: 'color' },
  setFontColor: { key: 'fontColor', kind: 'color' },
  setBold: { key: 'bold', kind: 'boolean' },
  setItalic: { key: 'italic', kind: 'boolean' },
  setUnderline: { key: 'underline', kind: 'boolean' },
  setStrikethrough: { key: 'strikethrough', kind: 'boolean' },
};

function copyRule(rule: CfRule): CfRule {
  const condition = rule.condition && {
    ...rule.condition,
    values: rule.condition.values.map(copyArg),
  };
  return { condition, format: { ...rule.format }, ranges: [...rule.ranges] };
}

export function conditionalFormatRuleBuilder(ctx: Ctx, preset?: CfRule) {
  const state: CfRule = preset ? copyRule(preset) : { condition: null, format: {}, ranges: [] };
  const path = (method: string) => `SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`;
  const methods: Record<string, unknown> = {
    setRanges(ranges: unknown) {
      if (!Array.isArray(ranges)) throw signatureError(path('setRanges'), [ranges]);
      state.ranges = ranges.map((range) => rangeArea(range, path('setRanges'), [ranges]));
      return self;
    },
    getRanges: () => state.ranges.map((area) => ctx.objects.range(area)),
    getBooleanCondition: () => (state.condition ? booleanCondition(ctx, state) : null),
    getGradientCondition: () => null,
    build: () => conditionalFormatRuleObject(ctx, copyRule(state)),
    copy: () => conditionalFormatRuleBuilder(ctx, state),
  };
  for (const [name, { type, kinds }] of Object.entries(CONDITION_METHODS)) {
    methods[name] = (...args: unknown[]) => {
      expectArgs(path(name), args, kinds);
      state.condition = { type, values: args.map(copyArg) };
      return self;
    };
  }
  for (const [name, { key, kind }] of Object.entries(FORMAT_METHODS)) {
    methods[name] = (value: unknown) => {
      if (value === null) {
        delete state.format[key];
        return self;
      }
      const ok = kind === 'color' ? typeof value === 'string' : typeof value === 'boolean';
      if (!ok) throw signatureError(path(name), [value]);
      const stored = kind === 'color' ? normalizeColor(value as string) : value;
      Object.assign(state.format, { [key]: stored });
      return self;
    };
  }
  const self = ctx.session.wrap('SpreadsheetApp', 'ConditionalFormatRuleBuilder', methods);
  return self;
}

function booleanCondition(ctx: Ctx, rule: CfRule) {
  const { condition, format } = rule;
  return ctx.session.wrap('SpreadsheetApp', 'BooleanCondition', {
    getCriteriaType: () => condition?.type ?? null,
    getCriteriaValues: () => (condition?.values ?? []).map(copyArg),
    getBackground: () => format.background ?? null,
    getFontColor: () => format.fontColor ?? null,
    getBold: () => format.bold ?? null,
    getItalic: () => format.italic ?? null,
    getUnderline: () => format.underline ?? null,
    getStrikethrough: () => format.strikethrough ?? null,
  });
}

export function conditionalFormatRuleObject(ctx: Ctx, rule: CfRule) {
  return ctx.session.wrap(
    'SpreadsheetApp',
    'ConditionalFormatRule',
    {
      getRanges: () => rule.ranges.map((area) => ctx.objects.range(area)),
      getBooleanCondition: () => (rule.condition ? booleanCondition(ctx, rule) : null),
      getGradientCondition: () => null,
      copy: () => conditionalFormatRuleBuilder(ctx, rule),
    },
    rule,
  );
}

/** Whether a rule's condition holds for one cell (the cell is in one of its ranges). */
export function conditionHolds(
  book: Workbook,
  rule: CfRule,
  sheet: SheetModel,
  row: number,
  col: number,
): boolean {
  const { condition } = rule;
  if (!condition) return false;
  const value = book.valueAt(sheet, row, col);
  const { type, values } = condition;
  if (type === 'CELL_EMPTY') return value === '';
  if (type === 'CELL_NOT_EMPTY') return value !== '';
  if (type === 'CUSTOM_FORMULA') {
    const [first] = rule.ranges;
    const formula = shiftRelative(String(values[0]), row - first.r1, col - first.c1);
    return truthy(book.engine.evaluate(formula, sheet.name));
  }
  if (type.startsWith('NUMBER_')) {
    // A blank cell counts as 0 in number conditions, as in Sheets; text never matches.
    const x = value === '' && !book.isFilled(sheet, row, col) ? 0 : numeric(value, book.timeZone);
    return x !== null && compare(type, x, values as number[]);
  }
  if (type.startsWith('DATE_')) {
    const days = values.map((v) => day(v, book.timeZone));
    return isDate(value) && compare(type, day(value, book.timeZone), days);
  }
  const text = String(value).toLowerCase();
  const wanted = String(values[0]).toLowerCase();
  switch (type) {
    case 'TEXT_CONTAINS':
      return text.includes(wanted);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(wanted);
    case 'TEXT_STARTS_WITH':
      return text.startsWith(wanted);
    case 'TEXT_ENDS_WITH':
      return text.endsWith(wanted);
    case 'TEXT_EQUAL_TO':
      return text === wanted;
    default:
      return false;
  }
}
