import { describe, expect, it } from 'vitest';
import { influencerTotals } from '../../src/import/key-sums';
import { recordImport } from '../../src/import/ledger';
import type { TrackerRow } from '../../src/import/match';
import { sales } from './helpers';

const INFLUENCERS = 500;
const ORDERS = 10_000;

/** A Shopify export of ORDERS orders with two line items each, codes handed out in turn. */
function bigExport(): string {
  const lines = ['Name,Financial Status,Subtotal,Discount Code,Created at,Lineitem quantity'];
  for (let n = 0; n < ORDERS; n++) {
    lines.push(`#${n},paid,10.00,INF${n % INFLUENCERS},2025-03-14 10:00:00 -0400,1`);
    lines.push(`#${n},,,,,1`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a large export', () => {
  it('20,000 lines against 500 influencers: every order counted once', () => {
    const tracker: TrackerRow[] = Array.from({ length: INFLUENCERS }, (_, i) => ({
      row: i + 8,
      handle: `@creator${i}`,
      code: `INF${i}`,
      link: '',
    }));
    const { report } = sales(bigExport());
    const { totals } = influencerTotals(
      recordImport([], report, {
        tracker: '1',
        store: '',
        importedAt: '2025-03-20 10:00',
        keeps: () => true,
      }).ledger,
      tracker,
    );
    expect(totals).toHaveLength(INFLUENCERS);
    // ORDERS / INFLUENCERS = 20 orders each, of $10.00 (units: no tracker column, not kept).
    for (const row of totals) expect(row.total).toEqual({ orders: 20, revenue: 200 });
  });
});
