// A tracker's values (one getValues of its data range) as the roster reads them: the rows as
// PostRows, plus the campaign's currency, reporting currency and gross margin from the settings
// above the header. Columns are found by header, so moved ones still count; money columns an
// older tracker lacks read as blank.

import { currencyCode } from '../money/money';
import { cellDay, type DayOf } from '../sheet/dates';
import type { ColumnKey } from '../tracker/columns';
import { readTrackerTable } from '../tracker/read';
import type { PostRow, TrackerPosts } from './roster';

export interface ReadPosts {
  posts: TrackerPosts;
  /** The reporting currency setting, else the tracker's currency ('' when both were moved away). */
  reporting: string;
  /** 1-based sheet row of the header and column of the handles (for the roster dropdown). */
  headerRow: number;
  handleColumn: number;
}

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const textOf = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value).trim();

function yesNo(value: unknown): boolean | undefined {
  const text = textOf(value).toLowerCase();
  if (text === 'yes') return true;
  if (text === 'no') return false;
  return undefined;
}

/**
 * Reads a tracker's rows; throws LayoutError (with what to do) when its header was renamed.
 * `dayOf` reads date cells on the spreadsheet's calendar (sheet/dates.ts).
 */
export function readTrackerPosts(
  name: string,
  values: readonly unknown[][],
  dayOf: DayOf,
): ReadPosts {
  const { headerRow, columns, setting } = readTrackerTable(name, values, 'roster');
  const currency = currencyCode(textOf(setting('Currency')?.value));
  const reporting = currencyCode(textOf(setting('Reporting currency')?.value)) || currency;
  const at = (cells: readonly unknown[], key: ColumnKey): unknown => {
    const column = columns[key];
    return column === undefined ? undefined : cells[column - 1];
  };
  const rows: PostRow[] = [];
  for (let r = headerRow; r < values.length; r++) {
    const cells = values[r];
    const handle = textOf(at(cells, 'handle'));
    if (!handle) continue;
    const num = (key: ColumnKey) => numberOf(at(cells, key));
    const text = (key: ColumnKey) => textOf(at(cells, key)) || undefined;
    rows.push({
      row: r + 1,
      handle,
      platform: textOf(at(cells, 'platform')),
      currency: text('currency'),
      salesCurrency: text('salesCurrency'),
      followers: num('followers'),
      postDate: cellDay(at(cells, 'postDate'), dayOf),
      firstOrderDate: cellDay(at(cells, 'firstOrderDate'), dayOf),
      fee: num('fee'),
      // The tracker has one "Product and shipping" column: it counts as product.
      product: num('productCost'),
      agencyFees: num('agencyFees'),
      discount: num('discount'),
      commissionRate: num('commissionRate'),
      revenue: num('revenue'),
      grossMargin: num('grossMargin'),
      orders: num('orders'),
      clicks: num('clicks'),
      reach: num('reach'),
      newCustomers: num('newCustomers'),
      engagements: num('engagements'),
      usualRate: num('usualEngagementRate'),
      deliveredOnTime: yesNo(at(cells, 'deliveredOnTime')),
      paymentStatus: text('paymentStatus'),
    });
  }
  return {
    posts: {
      tracker: name,
      currency: currency || reporting,
      grossMargin: numberOf(setting('Gross margin')?.value),
      rows,
    },
    reporting,
    headerRow,
    handleColumn: columns.handle as number,
  };
}
