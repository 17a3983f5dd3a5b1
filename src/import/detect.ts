// Which report a file is, from its header: the family, how sure, and the column chosen for each
// field (which the user may override). Files that can't be imported get one clear refusal.
import { ImportError } from './import-error';
import { looksLikeTrackerLinks } from './match';
import {
  type AggregateOptions,
  columnsOf,
  MAPPING_FIELDS,
  type Mapping,
  type MappingField,
  type Report,
  type ReportFamily,
  type ReportKind,
} from './recognize';
import { amazonAssociates } from './reports/amazon-associates';
import { amazonAttribution } from './reports/amazon-attribution';
import { businessReport } from './reports/business-report';
import { generic } from './reports/generic';
import { shopifyOrders } from './reports/shopify-orders';
import { shopifySalesByDiscount } from './reports/shopify-sales-by-discount';
import { wooCoupons } from './reports/woo-coupons';
import { wooOrderExport } from './reports/woo-order-export';
import { wooOrders } from './reports/woo-orders';
import { headerKey, isBlankRow, locateHeader, type Table, toTable } from './text';
import { type DateOrderFinding, inferDateOrder } from './values';

/** Every report the import knows, the generic CSV last (it takes what the others don't). */
export const FAMILIES: readonly ReportFamily[] = [
  amazonAttribution,
  shopifyOrders,
  wooOrderExport,
  wooOrders,
  shopifySalesByDiscount,
  wooCoupons,
  amazonAssociates,
  businessReport,
  generic,
];

const KEY_FIELDS: MappingField[] = ['code', 'tag', 'link', 'name'];

export interface Detection {
  kind: ReportKind;
  label: string;
  /** Share of the family's known columns found, 0 to 1; the generic CSV is at most 0.5. */
  confidence: number;
  /** The field -> header choice used: detected, then overridden by the user's mapping. */
  mapping: Mapping;
  /** How "03/04/25" dates in the date column read; 'ambiguous' means ask the user. */
  dateOrder: DateOrderFinding;
  table: Table;
}

export interface DetectOptions {
  /** The user's choices: a header of the file per field; '' removes a detected field. */
  mapping?: Mapping;
  /**
   * The tracker's links, asked for only when a link column was found by its name: it is taken
   * only if its values look like them (see looksLikeTrackerLinks).
   */
  trackerLinks?: () => readonly string[];
  /** The header row's 0-based index, when already known (a big file's head was read). */
  headerIndex?: number;
}

type HeaderIndex = Map<string, string>;

function indexHeaders(cells: readonly string[]): HeaderIndex {
  const index: HeaderIndex = new Map();
  for (const cell of cells) {
    const header = cell == null ? '' : String(cell).trim();
    const key = headerKey(header);
    if (key && !index.has(key)) index.set(key, header);
  }
  return index;
}

/** The family's fields found among the headers, each with the file's own spelling. */
function resolveAliases(family: ReportFamily, headers: readonly string[]): Mapping {
  const index = indexHeaders(headers);
  const mapping: Mapping = {};
  for (const field of MAPPING_FIELDS) {
    for (const alias of family.aliases[field] ?? []) {
      const header = index.get(headerKey(alias));
      if (header !== undefined) {
        mapping[field] = header;
        break;
      }
    }
  }
  return mapping;
}

function aliasCount(family: ReportFamily): number {
  return Object.keys(family.aliases).length;
}

function hasKey(mapping: Mapping): boolean {
  return KEY_FIELDS.some((field) => Boolean(mapping[field]));
}

interface Candidate {
  family: ReportFamily;
  mapping: Mapping;
  found: number;
}

/** The most specific family whose signature columns are all there, else the generic CSV. */
function bestFamily(headers: readonly string[]): Candidate {
  let best: Candidate | undefined;
  for (const family of FAMILIES) {
    if (family === generic) continue;
    const mapping = resolveAliases(family, headers);
    if (!family.signature.every((field) => mapping[field])) continue;
    if (family !== businessReport && !hasKey(mapping)) continue;
    const found = Object.keys(mapping).length;
    const better =
      !best ||
      family.signature.length > best.family.signature.length ||
      (family.signature.length === best.family.signature.length &&
        found / aliasCount(family) > best.found / aliasCount(best.family));
    if (better) best = { family, mapping, found };
  }
  if (best) return best;
  const mapping = resolveAliases(generic, headers);
  return { family: generic, mapping, found: Object.keys(mapping).length };
}

/** How much a row looks like a header: the user's chosen column names first, then known ones. */
function headerScore(userHeaders: string[]) {
  const wanted = userHeaders.map(headerKey);
  return (cells: string[]): number => {
    const index = indexHeaders(cells);
    const chosen = wanted.filter((key) => index.has(key)).length;
    let known = 0;
    for (const family of FAMILIES) {
      let found = 0;
      for (const aliases of Object.values(family.aliases))
        if (aliases?.some((alias) => index.has(headerKey(alias)))) found++;
      known = Math.max(known, found);
    }
    return chosen * 100 + known;
  };
}

function userHeadersOf(mapping: Mapping): string[] {
  return MAPPING_FIELDS.map((field) => mapping[field] ?? '').filter(Boolean);
}

/** The 0-based index of the header row: the user's chosen column names first, then known ones. */
export function findHeader(rows: string[][], mapping: Mapping = {}): number {
  return locateHeader(rows, headerScore(userHeadersOf(mapping)));
}

/**
 * Whether a report may read the column: a header some family knows (or reads by name), or one
 * the user chose. Detection, aggregation and the checks read no other column.
 */
export function readsColumn(mapping: Mapping): (header: string) => boolean {
  const keys = new Set(userHeadersOf(mapping).map(headerKey));
  for (const family of FAMILIES) {
    for (const aliases of Object.values(family.aliases))
      for (const alias of aliases ?? []) keys.add(headerKey(alias));
    for (const header of family.readsByName ?? []) keys.add(headerKey(header));
  }
  return (header) => keys.has(headerKey(header));
}

function checkUserMapping(table: Table, mapping: Mapping): void {
  const index = indexHeaders(table.headers);
  for (const field of MAPPING_FIELDS) {
    const header = mapping[field];
    if (header && !index.has(headerKey(header)))
      throw new ImportError(
        'unknownColumn',
        `The column "${header}" chosen for ${field} isn't in the file's header (row ${table.headerRow}).`,
      );
  }
}

/**
 * Recognises the report in parsed rows (title lines, total rows and empty trailing columns are
 * handled here) and settles the mapping. Throws ImportError for a file that can't be imported.
 */
export function detectReport(rows: string[][], options: DetectOptions = {}): Detection {
  if (rows.length === 0 || rows.every(isBlankRow))
    throw new ImportError('empty', 'The file is empty.');
  const user = options.mapping ?? {};
  const userHeaders = userHeadersOf(user);
  const table = toTable(rows, options.headerIndex ?? findHeader(rows, user));
  if (table.headers.filter(Boolean).length < 2)
    throw new ImportError(
      'notCsv',
      "This file doesn't look like a CSV report: no row of column names was found. Download the " +
        'report as CSV (comma, semicolon or tab separated).',
    );
  if (table.rows.length === 0)
    throw new ImportError('headerOnly', 'The file has a header row but no data below it.');
  checkUserMapping(table, user);
  const candidate = bestFamily(table.headers);
  const mapping: Mapping = { ...candidate.mapping };
  for (const field of MAPPING_FIELDS) {
    const header = user[field];
    if (header === undefined) continue;
    if (header) mapping[field] = header;
    else delete mapping[field];
  }
  let linkDropped = '';
  if (mapping.link && user.link === undefined && options.trackerLinks) {
    const column = columnsOf(table, mapping).link;
    const values = table.rows.map((row) => (column === undefined ? '' : (row.cells[column] ?? '')));
    if (!looksLikeTrackerLinks(values, options.trackerLinks())) {
      linkDropped = mapping.link;
      delete mapping.link;
    }
  }
  const needsKey = candidate.family !== businessReport && !(userHeaders.length > 0 && mapping.date);
  if (needsKey && !hasKey(mapping) && linkDropped)
    throw new ImportError(
      'noKeyColumn',
      `The column "${linkDropped}" doesn't hold links like the tracker's (same site, or utm_, ` +
        'tag= or aa_ parameters), so it was not taken to match influencers. Choose the column ' +
        'that holds the code, tag or link.',
    );
  if (needsKey && !hasKey(mapping))
    throw new ImportError(
      'noKeyColumn',
      'No column to match influencers by: the file has no promo code, tracking ID, ad group or ' +
        'link column. Choose the column that holds the code, tag or link.',
    );
  const dateColumn = columnsOf(table, mapping).date;
  const dateOrder =
    dateColumn === undefined
      ? 'none'
      : inferDateOrder(table.rows.map((row) => row.cells[dateColumn] ?? ''));
  const userChose = userHeaders.length > 0;
  const confidence = Math.min(
    candidate.family === generic ? 0.5 : 1,
    userChose ? 1 : candidate.found / aliasCount(candidate.family),
  );
  return {
    kind: candidate.family.kind,
    label: candidate.family.label,
    confidence: Math.round(confidence * 100) / 100,
    mapping,
    dateOrder,
    table,
  };
}

export function familyOf(kind: ReportKind): ReportFamily {
  const family = FAMILIES.find((candidate) => candidate.kind === kind);
  if (!family) throw new Error(`Unknown report kind: ${kind}`);
  return family;
}

/** Detection then aggregation: what a preview or an apply starts from. */
export function readReport(
  rows: string[][],
  options: DetectOptions & AggregateOptions,
): { detection: Detection; report: Report } {
  const detection = detectReport(rows, options);
  const report = familyOf(detection.kind).aggregate(detection.table, detection.mapping, options);
  return { detection, report };
}
