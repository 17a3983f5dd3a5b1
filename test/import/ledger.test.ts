import { describe, expect, it } from 'vitest';
import { influencerTotals } from '../../src/import/key-sums';
import {
  chooseStore,
  type LedgerEntry,
  ledgerHeader,
  readLedgerRows,
  recordImport,
  toLedgerRows,
} from '../../src/import/ledger';
import { dayIn } from '../harness/zones';
import { cents, fixture, sales } from './helpers';
import { TRACKER } from './tracker';

const ATTRIBUTION_HEADER =
  'date,ad_group_id,click_throughs,attributed_purchases_14_d,attributed_sales_14_d\n';
const MARCH_14_15 = `${ATTRIBUTION_HEADER}20250314,AG123,100,2,40.00\n20250315,AG123,50,1,20.00\n`;
const MARCH_15_16_RESTATED = `${ATTRIBUTION_HEADER}20250315,AG123,55,2,45.00\n20250316,AG123,10,1,9.99\n`;
const MARCH_17_18 = `${ATTRIBUTION_HEADER}20250317,AG123,5,1,15.00\n20250318,AG123,5,0,0\n`;
/** Keys the test tracker's influencers claim. */
const USED = new Set(['JANE10', 'TOM5', 'BO15', 'AG123', 'SHARED']);

function record(
  ledger: LedgerEntry[],
  text: string,
  at = '2025-03-20 10:00',
  target: { tracker?: string; store?: string } = {},
) {
  return recordImport(ledger, sales(text).report, {
    tracker: target.tracker ?? '1',
    store: target.store ?? '',
    importedAt: at,
    keeps: (_, key) => USED.has(key.trim().toUpperCase()),
  });
}

function jane(ledger: LedgerEntry[], tracker = '1') {
  const own = ledger.filter((entry) => entry.tracker === tracker);
  return influencerTotals(own, TRACKER).totals.find((row) => row.row === 8);
}

describe('the ledger: restated and successive imports', () => {
  it('importing the same report twice changes nothing', () => {
    const once = record([], fixture('shopify-orders.csv')).ledger;
    const twice = record(once, fixture('shopify-orders.csv'), '2025-03-21 10:00');
    expect(twice.ledger).toEqual(once);
    expect(twice.removed).toEqual([]);
    expect(twice.added).toEqual([]);
    expect(twice.restated).toBe(once.length);
  });

  it('a report restating days already imported replaces those days only', () => {
    const first = record([], MARCH_14_15).ledger;
    const second = record(first, MARCH_15_16_RESTATED, '2025-03-21 09:00');
    expect(second.removed).toEqual([1]);
    // March 14 kept (40.00), March 15 restated (45.00 replaces 20.00), March 16 new (9.99).
    expect(jane(second.ledger)?.total).toEqual({
      clicks: 100 + 55 + 10,
      orders: 2 + 2 + 1,
      revenue: cents(40, 45, 9.99),
    });
  });

  it('successive periods add up', () => {
    const ledger = record(record([], MARCH_14_15).ledger, MARCH_17_18).ledger;
    expect(jane(ledger)?.total).toEqual({
      clicks: 100 + 50 + 5 + 5,
      orders: 2 + 1 + 1,
      revenue: cents(40, 20, 15),
    });
  });

  it('an order re-exported after a refund stops counting', () => {
    const before = record([], fixture('shopify-orders.csv')).ledger;
    const refunded = fixture('shopify-orders.csv').replace(
      '#1002,bob@example.com,paid',
      '#1002,bob@example.com,refunded',
    );
    const after = record(before, refunded).ledger;
    expect(jane(after)?.total).toEqual({ orders: 1, revenue: 90 });
  });

  it('a report without dates replaces the earlier import of its kind', () => {
    const first = record([], fixture('shopify-sales-by-discount.csv')).ledger;
    const later = 'Discount name,Orders,Net sales\nJANE10,1600,"$18,900.00"\n';
    const ledger = record(first, later).ledger;
    expect(jane(ledger)?.total).toEqual({ orders: 1600, revenue: 18900 });
    expect(influencerTotals(ledger, TRACKER).totals.map((row) => row.row)).toEqual([8]);
  });

  it('a dated import of the same source replaces a dateless one, and says so', () => {
    const first = record([], fixture('shopify-sales-by-discount.csv')).ledger;
    const result = record(first, fixture('shopify-orders.csv'));
    expect(result.warnings).toEqual([
      'Replaces the earlier Shopify sales by discount import of Shopify: one of the two reports ' +
        'has no dates, so they would count the same sales twice.',
    ]);
    expect(jane(result.ledger)?.total.orders).toBe(2);
  });

  it('two sources for one influencer are kept apart, and summed in the total', () => {
    let ledger = record([], fixture('shopify-orders.csv'), '2025-03-20 10:00').ledger;
    ledger = record(ledger, MARCH_14_15, '2025-03-21 09:30').ledger;
    ledger = record(ledger, fixture('shopify-orders.csv'), '2025-03-20 10:00').ledger;
    const totals = jane(ledger);
    expect(totals?.bySource).toEqual([
      { source: 'Shopify', values: { orders: 2, revenue: cents(90, 45.5) } },
      { source: 'Amazon Attribution', values: { clicks: 150, orders: 3, revenue: 60 } },
    ]);
    expect(totals?.total).toEqual({ clicks: 150, orders: 3 + 2, revenue: cents(60, 90, 45.5) });
    expect(totals?.lastImport).toBe('Amazon Attribution, 2025-03-21 09:30');
  });
});

describe('the ledger keeps only what trackers use', () => {
  it('one entry per used key and day, orders listed; unmatched codes and unused measures left out', () => {
    const { ledger } = record([], fixture('shopify-orders.csv'));
    // JANE10: #1001 on the 14th, #1002 on the 15th; TOM5: #1005 on the 16th, #1008 on the 17th.
    // LEAKED20 no influencer has; units and discount no tracker column shows.
    expect(
      ledger.map((entry) => [entry.key, entry.date, entry.orders.length, entry.values]),
    ).toEqual([
      ['JANE10', '2025-03-14', 1, { orders: 1, revenue: 90 }],
      ['jane10', '2025-03-15', 1, { orders: 1, revenue: 45.5 }],
      ['TOM5', '2025-03-16', 1, { orders: 1, revenue: 100 }],
      ['TOM5', '2025-03-17', 1, { orders: 1, revenue: 64.99 }],
    ]);
    expect(ledger[0].orders[0]).toMatch(/^#1001~[0-9a-z]+$/);
  });

  it('orders of one code on one day share an entry', () => {
    const text =
      'Name,Financial Status,Subtotal,Discount Code,Created at\n' +
      '#1,paid,10.00,JANE10,2025-03-14\n#2,paid,20.00,JANE10,2025-03-14\n#3,paid,5.00,JANE10,2025-03-15\n';
    const { ledger } = record([], text);
    expect(ledger.map((entry) => [entry.date, entry.orders.length, entry.values])).toEqual([
      ['2025-03-14', 2, { orders: 2, revenue: 30 }],
      ['2025-03-15', 1, { orders: 1, revenue: 5 }],
    ]);
  });

  it("an import into one tracker neither replaces nor counts another tracker's entries", () => {
    const inA = record([], fixture('shopify-orders.csv'), '2025-03-20 10:00', { tracker: 'A' });
    const refunded = fixture('shopify-orders.csv').replace(
      '#1001,ann@example.com,paid',
      '#1001,ann@example.com,refunded',
    );
    const inB = record(inA.ledger, refunded, '2025-03-21 10:00', { tracker: 'B' });
    expect(inB.removed).toEqual([]);
    expect(inB.ledger.slice(0, inA.ledger.length)).toEqual(inA.ledger);
    expect(jane(inB.ledger, 'A')?.total).toEqual({ orders: 2, revenue: cents(90, 45.5) });
    expect(jane(inB.ledger, 'B')?.total).toEqual({ orders: 1, revenue: 45.5 });
  });

  it('round-trips through plain sheet rows with only the columns it uses, keys kept as text', () => {
    const ledger = recordImport([], sales(fixture('woo-orders.csv')).report, {
      tracker: '7',
      store: '',
      importedAt: '2025-03-20 10:00',
      keeps: () => true,
    }).ledger;
    const header = ledgerHeader(ledger);
    expect(header).toEqual([
      'Tracker',
      'Report',
      'Store',
      'Key type',
      'Key',
      'Date',
      'Imported at',
      'Order names',
      'Orders',
      'Revenue',
      'New customers',
    ]);
    const rows = toLedgerRows(ledger, header);
    expect(rows.flat().every((cell) => typeof cell === 'string' || typeof cell === 'number')).toBe(
      true,
    );
    expect(rows.some((row) => row[4] === '=1+2')).toBe(true);
    const read = readLedgerRows([header, ...rows], dayIn('UTC'));
    expect(read.entries).toEqual(ledger);
    expect(read.at).toEqual(ledger.map((_, i) => i));
  });

  it('refuses a ledger sheet whose columns were changed, and names an older version', () => {
    const { ledger } = record([], MARCH_14_15);
    const header = ledgerHeader(ledger);
    const rows = [header.slice(), ...toLedgerRows(ledger, header)];
    rows[0][4] = 'Code';
    expect(() => readLedgerRows(rows, dayIn('UTC'))).toThrow(
      'The hidden "Import ledger" sheet was changed (column 5 isn\'t "Key"), so earlier imports ' +
        "can't be restated safely. Undo the change, or delete the sheet and import the reports again.",
    );
    expect(() => readLedgerRows([['Source', 'Report', 'Report label']], dayIn('UTC'))).toThrow(
      /made by an earlier version/,
    );
  });
});

describe('which store an orders export comes from', () => {
  const STORE_A = fixture('store-a-orders.csv');
  const STORE_B = fixture('store-b-orders.csv');
  const keepAll = { keeps: () => true };

  function importA() {
    return recordImport([], sales(STORE_A).report, {
      tracker: '1',
      store: '',
      importedAt: '2025-03-20 10:00',
      ...keepAll,
    }).ledger;
  }

  it('asks when the file has order names imported before with other contents', () => {
    const choice = chooseStore(importA(), sales(STORE_B).report, '1', undefined);
    expect(choice.question).toBe(
      'Orders #1001-#1006 (4 orders) are already imported into this tracker with other dates, ' +
        'totals or customers. Is this file the same store restated (its orders replace those) ' +
        'or another store (give it a name)?',
    );
    expect(choice.stores).toEqual(['']);
  });

  it('takes a re-export of the same store without asking, even with an order refunded since', () => {
    const restated = fixture('store-a-orders-refunded.csv');
    expect(chooseStore(importA(), sales(restated).report, '1', undefined)).toEqual({
      store: '',
      stores: [''],
      question: '',
    });
  });

  it('another tracker is never asked about: its ledger is its own', () => {
    expect(chooseStore(importA(), sales(STORE_B).report, '2', undefined).question).toBe('');
  });

  it('a named store is remembered: its next export is told apart from the first store', () => {
    const ledger = recordImport(importA(), sales(STORE_B).report, {
      tracker: '1',
      store: 'EU shop',
      importedAt: '2025-03-21 10:00',
      ...keepAll,
    }).ledger;
    expect(chooseStore(ledger, sales(STORE_B).report, '1', undefined)).toMatchObject({
      store: 'EU shop',
      stores: ['', 'EU shop'],
      question: '',
    });
    expect(chooseStore(ledger, sales(STORE_A).report, '1', undefined).store).toBe('');
    const totals = influencerTotals(ledger, TRACKER).totals.find((row) => row.row === 8);
    expect(totals?.bySource.map((source) => source.source)).toEqual([
      'Shopify',
      'Shopify (EU shop)',
    ]);
    expect(totals?.lastImport).toBe('Shopify orders (EU shop), 2025-03-21 10:00');
  });
});
