// The contract between the sidebar and the server: what google.script.run may call,
// with what, and what comes back. Types only, so both sides can import it.

export type GoalType = 'orders' | 'revenue' | 'roi' | 'impressions';

/** What the sidebar's "Create campaign tracker" form sends. The server checks it all again. */
export interface TrackerOptions {
  campaignName: string;
  /** Product name or ASIN; may be empty. */
  product: string;
  /** ISO 4217 code from SUPPORTED_CURRENCIES, e.g. "USD". */
  currency: string;
  goalType: GoalType;
  /** Orders, revenue or impressions as a count or amount; ROI as a fraction (2 means 200%). */
  goalTarget: number;
  /** The brand's cost per customer on other channels (e.g. paid social), or null if unknown. */
  otherChannelCac: number | null;
  /** Empty influencer rows to start with, 1 to 1000. */
  startingRows: number;
}

export interface TrackerCreated {
  sheetName: string;
}

/** Settings the whole team shares, stored with the document. */
export interface TeamSettings {
  /** Letters and digits put in front of every generated promo code, e.g. "GLOW". */
  brandPrefix: string;
  /** The http(s) page generated tracking links point to. */
  landingPage: string;
}

export interface SidebarState {
  /** Tracker sheets in this spreadsheet, in sheet order. */
  trackers: string[];
  /** The active sheet's name when it is a tracker. */
  activeTracker: string | null;
  team: TeamSettings;
}

export type Role = 'editor' | 'viewer';

export interface TeamList {
  owner: string | null;
  editors: string[];
  viewers: string[];
}

export interface AddTeammatesRequest {
  /** Addresses as typed: separated by commas, semicolons, spaces or new lines. */
  emails: string;
  role: Role;
}

/** skipped: valid, but not added because another address in the list was invalid. */
export type AddStatus = 'added' | 'already' | 'invalid' | 'skipped';

export interface AddTeammatesResult {
  /** One entry per address, in the order typed. */
  results: { email: string; status: AddStatus; message: string }[];
  /** False when nobody was added, e.g. because an address was invalid (then nothing changes). */
  changed: boolean;
  team: TeamList;
}

export interface CodesRequest {
  sheetName: string;
  brandPrefix: string;
  landingPage: string;
}

export interface PlannedCell {
  /** Sheet row number. */
  row: number;
  handle: string;
  /** Empty when the row already has one (it is never overwritten). */
  code: string;
  link: string;
}

export interface Duplicate {
  kind: 'code' | 'link';
  value: string;
  /** Sheet row numbers holding the same value. */
  rows: number[];
}

export interface CodesPlan {
  sheetName: string;
  /** What will be written: only into empty cells. */
  planned: PlannedCell[];
  /** Codes and links already used twice or more in the tracker. */
  duplicates: Duplicate[];
  /** Rows that can't get a code or link, and why (e.g. a handle with no letters). */
  skipped: { row: number; reason: string }[];
}

export interface CodesApplied extends CodesPlan {
  codesWritten: number;
  linksWritten: number;
}

/** Every server function the sidebar may call, with its argument and result. */
export interface ServerApi {
  getSidebarState(): SidebarState;
  createTracker(options: TrackerOptions): TrackerCreated;
  listTeam(): TeamList;
  addTeammates(request: AddTeammatesRequest): AddTeammatesResult;
  previewCodesAndLinks(request: CodesRequest): CodesPlan;
  applyCodesAndLinks(request: CodesRequest): CodesApplied;
}
