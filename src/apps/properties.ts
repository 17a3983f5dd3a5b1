// Everything the add-on keeps in the document's properties, and every key it uses: campaign
// settings, team settings, issued codes, import settings and the dashboard's settings and state.
// Every teammate sees the same, and nothing a teammate needs is stored per user. Every value stays
// bounded (under 9 KB each, the store under 500 KB): issued codes are a fixed-size digest.
import type { InsightsSettings, TeamSettings, TrackerOptions } from '../shared/api';
import { CodeDigest, DIGEST_VALUES } from './code-digest';

const TRACKER_PREFIX = 'tracker:';
const TEAM_KEY = 'team';
const IMPORT_KEY = 'import';
const INSIGHTS_KEY = 'insights';
const DASHBOARD_KEY = 'dashboard';
/** The Report sheet's id; older versions also kept the last report's figures (now removed). */
const REPORT_SHEET_KEY = 'report.sheet';
const REPORT_SNAPSHOT_KEY = 'report.snapshot';
/** Where each tracker's handles were at the last creators sync (onEdit's pre-fill reads it). */
const HANDLE_COLUMNS_KEY = 'creators.handles';

export interface StoredTracker extends TrackerOptions {
  sheetId: number;
  createdAt: string;
}

type Properties = GoogleAppsScript.Properties.Properties;

export function documentProperties(): Properties {
  return PropertiesService.getDocumentProperties();
}

export function saveTracker(properties: Properties, tracker: StoredTracker): void {
  properties.setProperty(`${TRACKER_PREFIX}${tracker.sheetId}`, JSON.stringify(tracker));
}

export function forgetTracker(properties: Properties, sheetId: number): void {
  properties.deleteProperty(`${TRACKER_PREFIX}${sheetId}`);
}

/** Every tracker recorded for this document, keyed by sheet id (sheets can be renamed). */
export function readTrackers(properties: Properties): Map<number, StoredTracker> {
  const trackers = new Map<number, StoredTracker>();
  const all = properties.getProperties();
  for (const key of Object.keys(all)) {
    if (!key.startsWith(TRACKER_PREFIX)) continue;
    const tracker = parse<StoredTracker>(all[key]);
    if (tracker && typeof tracker.sheetId === 'number') trackers.set(tracker.sheetId, tracker);
  }
  return trackers;
}

/** Whether a sheet is a registered tracker: one property read, for onEdit. */
export function isTracker(properties: Properties, sheetId: number): boolean {
  return properties.getProperty(`${TRACKER_PREFIX}${sheetId}`) !== null;
}

/** A tracker's header row and handle column, by sheet id, as the last creators sync found them. */
export type HandleColumns = Record<string, { headerRow: number; column: number }>;

export function readHandleColumns(properties: Properties): HandleColumns {
  return parse<HandleColumns>(properties.getProperty(HANDLE_COLUMNS_KEY)) ?? {};
}

export function saveHandleColumns(properties: Properties, handles: HandleColumns): void {
  properties.setProperty(HANDLE_COLUMNS_KEY, JSON.stringify(handles));
}

export function readTeamSettings(properties: Properties): TeamSettings {
  const stored = parse<Partial<TeamSettings>>(properties.getProperty(TEAM_KEY));
  return {
    brandPrefix: typeof stored?.brandPrefix === 'string' ? stored.brandPrefix : '',
    codeSuffix: typeof stored?.codeSuffix === 'string' ? stored.codeSuffix : '',
    landingPage: typeof stored?.landingPage === 'string' ? stored.landingPage : '',
  };
}

export function saveTeamSettings(properties: Properties, settings: TeamSettings): void {
  properties.setProperty(TEAM_KEY, JSON.stringify(settings));
}

export interface ImportSettings {
  /** Brand Referral Bonus estimated on Amazon-attributed sales when a report lacks Amazon's own figure. */
  bonusRate: number;
}

export const DEFAULT_BONUS_RATE = 0.1;

export function readImportSettings(properties: Properties): ImportSettings {
  const stored = parse<Partial<ImportSettings>>(properties.getProperty(IMPORT_KEY));
  const rate = stored?.bonusRate;
  return {
    bonusRate:
      typeof rate === 'number' && Number.isFinite(rate) && rate >= 0 && rate <= 1
        ? rate
        : DEFAULT_BONUS_RATE,
  };
}

export function saveImportSettings(properties: Properties, settings: ImportSettings): void {
  properties.setProperty(IMPORT_KEY, JSON.stringify(settings));
}

/** The dashboard settings as stored (src/insights/settings.ts reads them with their defaults). */
export function readInsightsJson(properties: Properties): unknown {
  return parse<unknown>(properties.getProperty(INSIGHTS_KEY));
}

export function saveInsightsSettings(properties: Properties, settings: InsightsSettings): void {
  properties.setProperty(INSIGHTS_KEY, JSON.stringify(settings));
}

/** What the last dashboard build covered, and where its typed cells were. */
export interface DashboardState {
  /** The dashboard sheet's id: it is refreshed in place, even after a rename. */
  sheetId: number;
  /** Built for every tracker (true), or for the trackers chosen by name. */
  all: boolean;
  trackers: { id: number; name: string }[];
  /** Sheet row of the settings values. */
  settingsRow: number;
  /** First sheet row of the awareness inputs, one row per tracker id, in this order. */
  awarenessRow: number;
  awarenessIds: number[];
}

export function readDashboardState(properties: Properties): DashboardState | undefined {
  const state = parse<DashboardState>(properties.getProperty(DASHBOARD_KEY));
  const valid =
    state &&
    typeof state.sheetId === 'number' &&
    typeof state.all === 'boolean' &&
    Array.isArray(state.trackers) &&
    Array.isArray(state.awarenessIds) &&
    typeof state.settingsRow === 'number' &&
    typeof state.awarenessRow === 'number';
  return valid ? state : undefined;
}

export function saveDashboardState(properties: Properties, state: DashboardState): void {
  properties.setProperty(DASHBOARD_KEY, JSON.stringify(state));
}

export function readReportSheetId(properties: Properties): number | undefined {
  const id = Number(properties.getProperty(REPORT_SHEET_KEY));
  return properties.getProperty(REPORT_SHEET_KEY) !== null && Number.isInteger(id) ? id : undefined;
}

/** Keeps the Report sheet's id; drops the headline snapshot older versions kept for comparing. */
export function saveReport(properties: Properties, sheetId: number): void {
  properties.setProperty(REPORT_SHEET_KEY, String(sheetId));
  properties.deleteProperty(REPORT_SNAPSHOT_KEY);
}

/** A value a teammate's older version (or a hand edit) left unreadable counts as absent. */
function parse<T>(json: string | null): T | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

/** Older versions kept the issued codes themselves here, in chunks: folded into the digest. */
const ISSUED_PREFIX = 'codes.issued.';
const DIGEST_PREFIX = 'codes.digest.';

/** Every promo code the add-on ever issued in this document, and the older keys it folds in. */
export interface IssuedCodes {
  digest: CodeDigest;
  /** `codes.issued.*` keys read into the digest: deleted once the digest is stored. */
  folded: string[];
}

export function readIssuedCodes(properties: Properties): IssuedCodes {
  const all = properties.getProperties();
  const stored: (string | undefined)[] = [];
  for (let i = 0; i < DIGEST_VALUES; i++) stored.push(all[`${DIGEST_PREFIX}${i}`]);
  const digest = CodeDigest.fromValues(stored);
  const folded: string[] = [];
  for (const key of Object.keys(all)) {
    if (!key.startsWith(ISSUED_PREFIX)) continue;
    for (const code of all[key].split(' ')) digest.add(code);
    folded.push(key);
  }
  return { digest, folded };
}

/**
 * Stores the digest (a fixed 40 KB), then drops the older keys it folded in. A store too full
 * for the digest next to them drops them first and puts them back if it still fails, so a
 * failure leaves the record as it was and throws before any cell is written.
 */
export function recordIssuedCodes(properties: Properties, issued: IssuedCodes): void {
  const values: Record<string, string> = {};
  issued.digest.toValues().forEach((text, i) => {
    values[`${DIGEST_PREFIX}${i}`] = text;
  });
  try {
    properties.setProperties(values);
  } catch (error) {
    if (issued.folded.length === 0) throw error;
    const older: Record<string, string> = {};
    for (const key of issued.folded) older[key] = properties.getProperty(key) ?? '';
    for (const key of issued.folded) properties.deleteProperty(key);
    try {
      properties.setProperties(values);
    } catch (again) {
      properties.setProperties(older);
      throw again;
    }
  }
  for (const key of issued.folded) properties.deleteProperty(key);
}
