// Promo codes and tracking links, one per influencer: planning only, no I/O.
// A code is the handle's letters and digits in upper case, behind the team's optional brand prefix
// (never doubled: GLOW and @glowwithmaya make GLOWWITHMAYA) and before its optional suffix (@jane
// and 10 make JANE10), at most 15 characters, unique in the spreadsheet and never one already
// issued; a link is the landing page with UTM parameters.
import { utmLink } from '../metrics/utm';
import type { CodesPlan, Duplicate, PlannedCell } from '../shared/api';

/** Short enough to read out in a video and to fit checkout fields (Shopify allows 255, most brands use under 12). */
export const MAX_CODE_LENGTH = 15;
export const MAX_PREFIX_LENGTH = 6;
export const MAX_SUFFIX_LENGTH = 4;

export interface TrackerRow {
  /** Sheet row number. */
  row: number;
  handle: string;
  platform: string;
  code: string;
  link: string;
}

export interface PlanInput {
  sheetName: string;
  campaign: string;
  /** Upper-case letters and digits, or empty for none. */
  brandPrefix: string;
  /** Upper-case letters and digits after the handle, or empty for none. */
  codeSuffix: string;
  landingPage: string;
  rows: TrackerRow[];
  /** Codes used anywhere else in the spreadsheet, in upper case. */
  takenCodes: ReadonlySet<string>;
  /** Codes issued before (a digest may also say "taken" for a few never issued). */
  issued?: CodeLookup;
}

/** Whether a code is taken: a Set, or the digest of issued codes. */
export interface CodeLookup {
  has(code: string): boolean;
}

/** Letters and digits only, accents folded ("Zoë" -> "ZOE"); emoji, spaces and symbols dropped. */
export function codePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
}

/** A readable utm_ value: lower case words joined by "-". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The same influencer under "@Jane", "jane " or "JANE". */
export function influencerKey(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

/**
 * The code for a handle: prefix (unless the handle already starts with it), the handle's letters
 * and digits cut to fit, suffix; when taken, a number replaces the handle's last characters
 * (JANE10 taken: JANE210). Empty when the handle has no letters or digits.
 */
export function codeFor(
  handle: string,
  brandPrefix: string,
  codeSuffix: string,
  taken: CodeLookup,
): string {
  const part = codePart(handle);
  if (!part) return '';
  const front = part.startsWith(brandPrefix) ? part : brandPrefix + part;
  const room = MAX_CODE_LENGTH - codeSuffix.length;
  const base = front.slice(0, room) + codeSuffix;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const counter = String(n);
    const candidate = front.slice(0, room - counter.length) + counter + codeSuffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Values used by two or more different influencers: attribution can't tell them apart. */
export function findDuplicates(rows: TrackerRow[]): Duplicate[] {
  const duplicates: Duplicate[] = [];
  for (const kind of ['code', 'link'] as const) {
    const byValue = new Map<string, TrackerRow[]>();
    for (const row of rows) {
      const value = row[kind].trim();
      if (!value) continue;
      const key = kind === 'code' ? value.toUpperCase() : value;
      byValue.set(key, [...(byValue.get(key) ?? []), row]);
    }
    for (const [value, holders] of byValue) {
      const influencers = new Set(holders.map((row) => influencerKey(row.handle)));
      if (influencers.size > 1)
        duplicates.push({ kind, value, rows: holders.map((row) => row.row) });
    }
  }
  return duplicates;
}

/** What each influencer already has, so a second post by the same creator reuses it. */
function existingByInfluencer(rows: TrackerRow[], kind: 'code' | 'link'): Map<string, string> {
  const existing = new Map<string, string>();
  for (const row of rows) {
    const key = influencerKey(row.handle);
    const value = row[kind].trim();
    if (key && value && !existing.has(key)) existing.set(key, value);
  }
  return existing;
}

export function planCodesAndLinks(input: PlanInput): CodesPlan {
  const taken = new Set(input.takenCodes);
  for (const row of input.rows) if (row.code.trim()) taken.add(row.code.trim().toUpperCase());
  const issued = input.issued;
  const isTaken: CodeLookup = { has: (code) => taken.has(code) || (issued?.has(code) ?? false) };
  const codes = existingByInfluencer(input.rows, 'code');
  const links = existingByInfluencer(input.rows, 'link');
  const takenLinks = new Set(input.rows.map((row) => row.link.trim()).filter(Boolean));
  const planned: PlannedCell[] = [];
  const skipped: { row: number; reason: string }[] = [];
  for (const row of input.rows) {
    const key = influencerKey(row.handle);
    if (!key || (row.code.trim() && row.link.trim())) continue;
    const reasons: string[] = [];
    let code = '';
    if (!row.code.trim()) {
      code = codes.get(key) ?? '';
      if (!code) {
        code = codeFor(row.handle, input.brandPrefix, input.codeSuffix, isTaken);
        if (code) {
          taken.add(code);
          codes.set(key, code);
        }
      }
      if (!code)
        reasons.push(
          `no code: the handle "${row.handle}" has no letters or digits to build one from`,
        );
    }
    let link = '';
    if (!row.link.trim()) {
      link = links.get(key) ?? linkFor(row, input, takenLinks) ?? '';
      if (link) {
        links.set(key, link);
        takenLinks.add(link);
      } else reasons.push(linkProblem(row));
    }
    if (code || link) planned.push({ row: row.row, handle: row.handle, code, link });
    if (reasons.length > 0) skipped.push({ row: row.row, reason: reasons.join('; ') });
  }
  return { sheetName: input.sheetName, planned, duplicates: findDuplicates(input.rows), skipped };
}

/** Handles that slug alike ("jane.doe", "Jane Doe") get "-2", "-3"... so links stay unique. */
function linkFor(
  row: TrackerRow,
  input: PlanInput,
  taken: ReadonlySet<string>,
): string | undefined {
  const source = slug(row.platform);
  const content = slug(row.handle);
  if (!source || !content) return undefined;
  const campaign = slug(input.campaign) || 'campaign';
  for (let n = 1; ; n++) {
    const params = {
      source,
      medium: 'influencer',
      campaign,
      content: n === 1 ? content : `${content}-${n}`,
    };
    const link = utmLink(input.landingPage, params);
    if (!link || !taken.has(link)) return link;
  }
}

function linkProblem(row: TrackerRow): string {
  if (!slug(row.platform)) return 'no link: choose the platform first (it becomes utm_source)';
  return `no link: the handle "${row.handle}" has no letters or digits for utm_content`;
}
