// The server checks an import request itself: google.script.run passes whatever a page sends,
// and the preview the page showed is never trusted.
import { InputError } from '../apps/errors';
import type { DateOrder, ImportField, ImportMapping } from '../shared/api';
import { IMPORT_FIELDS } from './recognize';

/** A file as text (csv), or as its first lines and the needed columns (see file-columns.ts). */
export type CheckedFile =
  | { fileName: string; csv: string }
  | { fileName: string; head: string; records: string };

/** The request once checked: exactly one of a file (csv, or head and records) or sourceSheet. */
export interface CheckedRequest {
  sheetName: string;
  file: CheckedFile | null;
  sourceSheet: string | null;
  mapping: ImportMapping;
  dateOrder: DateOrder | undefined;
  bonusRate: number | undefined;
  /** The store the user named ('' the unnamed one); undefined: decided from the ledger. */
  store: string | undefined;
  /** Status value -> counts, as the user chose. */
  statuses: Record<string, boolean>;
}

const MAX_NAME = 255;
const MAX_STORE = 60;

function storeOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError('The store name must be text.');
  const store = value.trim().replace(/\s+/g, ' ');
  if (store.length > MAX_STORE)
    throw new InputError(`The store name is too long: at most ${MAX_STORE} characters.`);
  return store;
}

function text(value: unknown, label: string): string {
  if (typeof value !== 'string') throw new InputError(`${label} is missing.`);
  if (value.length > MAX_NAME) throw new InputError(`${label} is too long.`);
  return value;
}

export function mappingOf(value: unknown): ImportMapping {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InputError('The column choices are not readable: choose the columns again.');
  const mapping: ImportMapping = {};
  for (const [field, header] of Object.entries(value)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field))
      throw new InputError(`"${field}" is not a column the import can use.`);
    if (header === undefined || header === null) continue;
    mapping[field as ImportField] = text(header, `The column chosen for ${field}`);
  }
  return mapping;
}

function rateOf(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new InputError('The Brand Referral Bonus rate must be a percent from 0% to 100%.');
  return value;
}

const MAX_STATUSES = 200;

function statusesOf(value: unknown): Record<string, boolean> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InputError('The status choices are not readable: choose them again.');
  const entries = Object.entries(value);
  if (entries.length > MAX_STATUSES)
    throw new InputError(`Too many status choices: at most ${MAX_STATUSES}.`);
  const statuses: Record<string, boolean> = {};
  for (const [status, counts] of entries) {
    if (status.length > MAX_NAME) throw new InputError('A status value is too long.');
    if (typeof counts !== 'boolean')
      throw new InputError(`Choose whether the status "${status}" counts: yes or no.`);
    statuses[status] = counts;
  }
  return statuses;
}

const present = (value: unknown) => value !== undefined && value !== null;

/** The file of a request: its csv text, or its head and records (both, as text), or null. */
function fileOf(request: Record<string, unknown>): CheckedFile | null {
  const csv = present(request.csv);
  const reduced = present(request.head) || present(request.records);
  if (!csv && !reduced) return null;
  if (csv && reduced)
    throw new InputError('Send the file once: either csv, or head and records, not both.');
  const fileName = request.fileName === undefined ? '' : text(request.fileName, 'The file name');
  if (csv) {
    if (typeof request.csv !== 'string')
      throw new InputError('The file could not be read as text.');
    return { fileName, csv: request.csv };
  }
  for (const field of ['head', 'records'] as const)
    if (typeof request[field] !== 'string' || request[field] === '')
      throw new InputError(
        `The file's ${field} is missing or not text: choose the file again (field "${field}").`,
      );
  return { fileName, head: request.head as string, records: request.records as string };
}

export function checkImportRequest(input: unknown): CheckedRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new InputError('The import request is missing.');
  const request = input as Record<string, unknown>;
  const sheetName = text(request.sheetName, 'The tracker sheet');
  const hasTab = request.sourceSheet !== undefined && request.sourceSheet !== null;
  const file = fileOf(request);
  if ((file !== null) === hasTab)
    throw new InputError('Choose either a CSV file or a tab of this spreadsheet to import.');
  const dateOrder = request.dateOrder;
  if (dateOrder !== undefined && dateOrder !== null && dateOrder !== 'mdy' && dateOrder !== 'dmy')
    throw new InputError('The date order must be month/day/year or day/month/year.');
  return {
    sheetName,
    file,
    sourceSheet: hasTab ? text(request.sourceSheet, 'The tab to import') : null,
    mapping: mappingOf(request.mapping),
    dateOrder: dateOrder === 'mdy' || dateOrder === 'dmy' ? dateOrder : undefined,
    bonusRate: rateOf(request.bonusRate),
    store: storeOf(request.store),
    statuses: statusesOf(request.statuses),
  };
}
