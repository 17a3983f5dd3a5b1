import { describe, expect, it } from 'vitest';
import { sumLedger, sumsAfter } from '../../src/import/key-sums';
import { type LedgerEntry, recordImport } from '../../src/import/ledger';
import { rowValues } from '../../src/import/write-plan';
import { cents, fixture, sales } from './helpers';
import { TRACKER } from './tracker';

const ATTRIBUTION =
  'date,ad_group_id,click_throughs,attributed_purchases_14_d,attributed_sales_14_d\n';

/** Each import: the file, when it ran, the tracker and store it went to. */
const IMPORTS: [string, string, string, string][] = [
  [
    `${ATTRIBUTION}20250314,AG123,100,2,40.00\n20250315,AG123,50,1,20.00\n`,
    '2025-03-20 10:00',
    '1',
    '',
  ],
  [fixture('shopify-sales-by-discount.csv'), '2025-03-20 10:05', '1', ''],
  [fixture('store-a-orders.csv'), '2025-03-20 10:05', '2', ''],
  [fixture('shopify-orders.csv'), '2025-03-21 09:00', '1', ''],
  [
    `${ATTRIBUTION}20250315,AG123,55,2,45.00\n20250316,AG123,10,1,9.99\n`,
    '2025-03-21 09:00',
    '1',
    '',
  ],
  [fixture('store-b-orders.csv'), '2025-03-22 08:00', '1', 'EU shop'],
  [fixture('store-a-orders-refunded.csv'), '2025-03-23 08:00', '2', ''],
  [fixture('shopify-orders.csv').replace(',paid,', ',refunded,'), '2025-03-24 08:00', '1', ''],
];

function asObject(values: Map<number, unknown>) {
  return Object.fromEntries(values);
}

describe('sums carried over an import', () => {
  it('give every row the figures of the whole ledger summed again, import after import', () => {
    let ledger: LedgerEntry[] = [];
    const seen: { removed: number; rows: number }[] = [];
    for (const [text, importedAt, tracker, store] of IMPORTS) {
      const recorded = recordImport(ledger, sales(text).report, {
        tracker,
        store,
        importedAt,
        keeps: () => true,
      });
      const carried = sumsAfter(
        sumLedger(ledger, tracker),
        ledger,
        recorded.removed,
        recorded.added,
      );
      const summed = sumLedger(recorded.ledger, tracker);
      expect(asObject(rowValues(carried, TRACKER, 0.1))).toEqual(
        asObject(rowValues(summed, TRACKER, 0.1)),
      );
      expect([...carried.keys()].sort()).toEqual([...summed.keys()].sort());
      seen.push({ removed: recorded.removed.length, rows: rowValues(summed, TRACKER, 0.1).size });
      ledger = recorded.ledger;
    }
    // The sequence does replace entries (restated days, a dateless report, a refund) and credits rows.
    expect(seen.filter((step) => step.removed > 0).length).toBeGreaterThanOrEqual(3);
    expect(seen.every((step) => step.rows > 0)).toBe(true);
  });

  it("a row's figures: every source summed, the bonus from Amazon's sales, sources latest first", () => {
    let ledger: LedgerEntry[] = [];
    for (const [text, importedAt, tracker, store] of IMPORTS.slice(0, 2).concat([IMPORTS[4]])) {
      ledger = recordImport(ledger, sales(text).report, {
        tracker,
        store,
        importedAt,
        keeps: () => true,
      }).ledger;
    }
    const jane = rowValues(sumLedger(ledger, '1'), TRACKER, 0.1).get(8);
    // Attribution: March 14 (2, 40.00) kept, March 15 restated (2, 45.00), March 16 (1, 9.99).
    const attributed = cents(40, 45, 9.99);
    expect(jane?.bonus).toBe(Math.round(attributed * 0.1 * 100) / 100);
    expect(jane?.lastImport).toBe(
      'Amazon Attribution, 2025-03-21 09:00; Shopify sales by discount, 2025-03-20 10:05',
    );
    expect(jane?.firstOrderDate).toBe('2025-03-14');
  });
});
