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

/** Every server function the sidebar may call, with its argument and result. */
export interface ServerApi {
  createTracker(options: TrackerOptions): TrackerCreated;
}
