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

/** "Repair tracker": the tracker sheet to put back as the add-on made it. */
export interface RepairRequest {
  sheetName: string;
}

export interface TrackerRepaired {
  sheetName: string;
  /** What was put back, in words ("typed 999 at S8: moved into its note"); empty: nothing. */
  repaired: string[];
}

/** Settings the whole team shares, stored with the document. */
export interface TeamSettings {
  /**
   * Letters and digits put in front of generated promo codes, e.g. "GLOW" (GLOWJANE), or empty;
   * never doubled (GLOW and @glowwithmaya make GLOWWITHMAYA).
   */
  brandPrefix: string;
  /** Letters and digits put after the handle in generated promo codes, e.g. "10" (JANE10), or empty. */
  codeSuffix: string;
  /** The http(s) page generated tracking links point to. */
  landingPage: string;
}

export interface SidebarState {
  /** Tracker sheets in this spreadsheet, in sheet order. */
  trackers: string[];
  /** The active sheet's name when it is a tracker. */
  activeTracker: string | null;
  team: TeamSettings;
  /** Other visible sheets, where an export may have been pasted or imported (File > Import). */
  tabs: string[];
  /** The team's Brand Referral Bonus rate (a fraction, 0.1 by default). */
  bonusRate: number;
  /** The team's dashboard settings. */
  insights: InsightsSettings;
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
  /** Empty for none. */
  brandPrefix: string;
  /** Empty (or left out) for none. */
  codeSuffix?: string;
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

/** The columns of a report the user can choose, each a header of the file as it spells it. */
export type ImportField =
  | 'code'
  | 'tag'
  | 'link'
  | 'orders'
  | 'revenue'
  | 'units'
  | 'clicks'
  | 'newCustomers'
  | 'date'
  | 'status'
  | 'refunded';

/** Field -> header of the file; '' takes away a column the import chose itself. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/** How "03/04/25" reads: month first or day first. */
export type DateOrder = 'mdy' | 'dmy';

interface ImportChoices {
  /** The tracker sheet the numbers go to. */
  sheetName: string;
  mapping?: ImportMapping;
  /** Needed only when the file's dates don't settle it (the preview says needsDateOrder). */
  dateOrder?: DateOrder;
  /** Brand Referral Bonus rate as a fraction; saved for the team when the import is applied. */
  bonusRate?: number;
  /**
   * The store the file comes from, as the user answered the preview's store question: a name
   * from `stores` (the same store, restated: its orders for the file's days are replaced), a new
   * name (another store: added beside the others), or '' for the store imported without a name.
   * Omitted: the tracker's ledger decides, and the preview asks when it can't.
   */
  store?: string;
  /** Whether each value of the status column counts, as chosen (the preview's `statuses`). */
  statuses?: Record<string, boolean>;
}

/** A CSV file the sidebar read as text. */
export interface ImportFileRequest extends ImportChoices {
  csv: string;
  fileName: string;
}

/**
 * A big file as the sidebar sends it: its first lines as text, then only the columns the server
 * asked for (importColumns), one array of cells per row after the header ([] for a blank row),
 * as JSON, gzipped, in base-64. The server reads the header and the report from `head` again.
 */
export interface ImportColumnsFileRequest extends ImportChoices {
  fileName: string;
  head: string;
  records: string;
}

/** What importColumns reads from a file's first lines: the header and a few rows, as CSV text. */
export interface ImportColumnsRequest {
  head: string;
  mapping?: ImportMapping;
}

/** The columns of a file the import needs, so the sidebar sends only those. */
export interface ImportColumns {
  /** 0-based indexes in the file's rows, in the file's order. */
  columns: number[];
  /** Their headers, as the file spells them. */
  headers: string[];
  /** Rows (records) before the data: title lines and the header. */
  skip: number;
  separator: ',' | ';' | '\t';
}

/** A tab of this spreadsheet where an export was pasted or imported. */
export interface ImportTabRequest extends ImportChoices {
  sourceSheet: string;
}

export type ImportRequest = ImportFileRequest | ImportColumnsFileRequest | ImportTabRequest;

/** A tracker cell the import fills. */
export type ImportedField =
  | 'orders'
  | 'revenue'
  | 'newCustomers'
  | 'clicks'
  | 'bonus'
  | 'lastImport'
  | 'firstOrderDate';

export interface FieldChange {
  field: ImportedField;
  /** The tracker's header, e.g. "Revenue". */
  label: string;
  /** What the cell holds now ('' when empty). */
  before: string | number | boolean;
  after: string | number;
}

export interface RowChange {
  /** Sheet row number. */
  row: number;
  handle: string;
  fields: FieldChange[];
}

/** A code, tag or link of the file, with what the file says it sold. */
export interface KeyFigures {
  key: string;
  /** How the file names it: promo code, tag, link, ad group, creative, tracking ID. */
  kind: string;
  /** Another name the file gives it (an ad group's name), or ''. */
  label: string;
  orders: number | null;
  revenue: number | null;
}

export interface ImportPreview {
  sheetName: string;
  /** The file's name, or the tab's. */
  from: string;
  /** e.g. "shopifyOrders", "amazonAttribution", "generic". */
  reportType: string;
  /** e.g. "Shopify orders". */
  reportLabel: string;
  /** Where it goes: the tracker (per influencer) or the "Daily sales" sheet (store-wide). */
  target: 'tracker' | 'dailySales';
  /** The file's column names, for the mapping choices. */
  headers: string[];
  /** The column used for each field. */
  mapping: ImportMapping;
  /** Data rows read (title lines, blank and total rows left out). */
  rows: number;
  dateRange: { from: string; to: string } | null;
  currency: string | null;
  /** In words, e.g. '"Subtotal" less "Refunded Amount", once per order'. */
  revenueColumn: string;
  /** The file's dates need an order (month or day first) before anything can be previewed. */
  needsDateOrder: boolean;
  /** No column to match influencers by was found: the user must choose one (warnings say so). */
  needsKeyColumn: boolean;
  /** Tracker rows that will change, with each cell's old and new value. */
  changes: RowChange[];
  /** Codes, tags or links in the file no influencer in the tracker has. */
  unmatched: KeyFigures[];
  /** Keys two different influencers could claim: reported, not written. */
  conflicts: (KeyFigures & { rows: number[]; handles: string[] })[];
  /** Influencers in the tracker the file has nothing for. */
  withoutData: { row: number; handle: string }[];
  /** Amazon's brand halo (all purchases of the brand after a click), kept apart from revenue. */
  halo: { row: number; handle: string; orders: number; revenue: number }[];
  /** The Brand Referral Bonus rate used where the report has no bonus column. */
  bonusRate: number;
  /** For daily sales: the days the file brings and how many stored days it replaces. */
  dailySales: { days: number; replaced: number } | null;
  warnings: string[];
  /** The store the figures are computed for ('' is the store imported without a name). */
  store: string;
  /** Stores of this source already imported into the tracker, remembered in its ledger. */
  stores: string[];
  /**
   * The file's orders clash with orders already imported into this tracker (or it can't be told
   * which store it is from): the question to answer with `store` before applying; '' when none.
   * The rest of the preview is computed as if it were another store (nothing replaced).
   */
  storeQuestion: string;
  /**
   * The status column's values, each with its rows (orders) and revenue and whether it counts;
   * null: a number or an unknown word, to choose before applying (it doesn't count meanwhile).
   */
  statuses: { value: string; rows: number; revenue: number; counts: boolean | null }[];
  /** Some status values must be chosen (count or not) before the import can be applied. */
  needsStatuses: boolean;
  /** True when applying it would change nothing (e.g. the same file again). */
  unchanged: boolean;
}

export interface ImportApplied extends ImportPreview {
  written: {
    /** Tracker cells whose value changed. */
    cells: number;
    /** Columns added at the right of an older tracker. */
    columnsAdded: string[];
    ledgerAdded: number;
    ledgerReplaced: number;
    dailySalesDays: number;
  };
}

/** The team's settings behind the dashboard's rankings, sales lift and awareness value. */
export interface InsightsSettings {
  /** Creators with fewer orders are "too early to judge" and ranked after the others (10). */
  minOrders: number;
  /** k: how many clicks' worth of the campaign's conversion rate a creator starts from (20). */
  priorClicks: number;
  /** N: days before and from the post date compared for the sales lift (7). */
  liftDays: number;
  /** Share of referral visits that join the list, as a fraction; null until the team sets it. */
  signupRate: number | null;
  /** Share of those who then buy, as a fraction; null until set. */
  purchaseRate: number | null;
  /** What such a first order is worth; null until set. */
  orderValue: number | null;
}

export interface DashboardRequest {
  /** Tracker sheet names; omitted: every tracker in the spreadsheet. */
  trackers?: string[];
  /** Settings to change; the others stay as the team (or the dashboard's cells) last set them. */
  settings?: Partial<InsightsSettings>;
}

export interface DashboardBuilt {
  sheetName: string;
  /** The trackers the dashboard now covers, in the order it lists them. */
  trackers: string[];
  /** What the user should know: trackers left out (renamed, deleted, changed) and why. */
  notes: string[];
  /** Columns added at the right of older trackers, per tracker. */
  columnsAdded: { tracker: string; headers: string[] }[];
  settings: InsightsSettings;
}

export interface CreatorsSynced {
  sheetName: string;
  /** Rows in the roster, creators no longer in any tracker included. */
  creators: number;
  /** Creators kept (and marked) though no tracker has them any more. */
  gone: number;
  /** One line per pair of handles that may be one creator: for the team to confirm. */
  duplicates: string[];
  /** Trackers left out and rows left out of the money totals, with why. */
  notes: string[];
}

export interface PlanRequest {
  /** In the plan's currency (the trackers' reporting currency). */
  budget: number;
}

export interface PlanBuilt {
  sheetName: string;
  /** Candidate rows the team typed on the sheet. */
  candidates: number;
  /** Handles booked by the build: forced In, then the greedy suggestion. */
  suggested: string[];
  notes: string[];
}

export interface ReportRequest {
  /** First post date counted, "YYYY-MM-DD". */
  from: string;
  /** Last post date counted (inclusive), "YYYY-MM-DD". */
  to: string;
  /** Tracker sheet names; omitted or empty: every tracker in the spreadsheet. */
  trackers?: string[];
}

export interface ReportBuilt {
  sheetName: string;
  /** The trackers the report covers. */
  trackers: string[];
  /** "What changed since the previous period" (same length, same trackers), one line each (the first is the summary). */
  changes: string[];
  notes: string[];
}

/** Every server function the sidebar may call, with its argument and result. */
/** One figure Sheets computed differently from the add-on's own arithmetic. */
export interface CheckMismatch {
  /** The scratch sheet's kind, e.g. "Tracker". */
  sheet: string;
  /** A1 address on that sheet. */
  cell: string;
  /** The figure in words, e.g. "ROI of @jane". */
  what: string;
  /** The formula that computes it (an array formula's, when the cell is part of one). */
  formula: string;
  expected: string | number;
  got: string | number;
}

/** What "Check this spreadsheet" found. */
export interface CheckResult {
  /** Figures compared. */
  checked: number;
  mismatches: CheckMismatch[];
  /** Scratch sheets that could not be removed (normally 0). */
  sheetsLeft: number;
  /** Time the check took, in seconds. */
  seconds: number;
}

export interface CheckReportWritten {
  sheetName: string;
}

export interface ServerApi {
  getSidebarState(): SidebarState;
  createTracker(options: TrackerOptions): TrackerCreated;
  repairTracker(request: RepairRequest): TrackerRepaired;
  listTeam(): TeamList;
  addTeammates(request: AddTeammatesRequest): AddTeammatesResult;
  previewCodesAndLinks(request: CodesRequest): CodesPlan;
  applyCodesAndLinks(request: CodesRequest): CodesApplied;
  importColumns(request: ImportColumnsRequest): ImportColumns;
  previewImport(request: ImportRequest): ImportPreview;
  applyImport(request: ImportRequest): ImportApplied;
  buildDashboard(request: DashboardRequest): DashboardBuilt;
  syncCreators(): CreatorsSynced;
  buildPlan(request: PlanRequest): PlanBuilt;
  buildReport(request: ReportRequest): ReportBuilt;
  checkSpreadsheet(): CheckResult;
  writeCheckReport(result: CheckResult): CheckReportWritten;
}
