// Property budgets in the built bundle: Apps Script refuses a document property value over 9 KB
// and a store over 500 KB, so every value the add-on keeps stays bounded, whatever the history.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { TRACKER_FORM } from '../harness/fixtures';

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;
const TRACKERS_PER_DOCUMENT = 50;
const bytes = (text: string) => Buffer.byteLength(text);

/** The codes an older version recorded, in its own shape: space-separated chunks of 8,000 characters. */
function olderRecord(codes: string[]): Record<string, string> {
  const chunks: string[] = [''];
  for (const code of codes) {
    const last = chunks.length - 1;
    if (chunks[last].length + code.length + 1 > 8000) chunks.push(code);
    else chunks[last] = chunks[last] ? `${chunks[last]} ${code}` : code;
  }
  return Object.fromEntries(chunks.map((chunk, i) => [`codes.issued.${i}`, chunk]));
}

const ORDERS_HEADER =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount,Id,Tags,Source';

/** A month of a store's orders export (Shopify's shape), one order for each code. */
function monthlyOrders(month: number, codes: unknown[]): string {
  const day = `2026-${String(month).padStart(2, '0')}-10 09:15:00 -0400`;
  const rows = codes.map((code, i) => {
    const id = month * 100 + i;
    return `#${id},buyer${id}@example.com,paid,${day},fulfilled,,no,USD,50.00,5.00,4.00,59.00,${code},5.00,Standard,${day},1,Glow Serum,55.00,0.00,${id},,web`;
  });
  return [ORDERS_HEADER, ...rows].join('\n');
}

describe('property budgets', () => {
  it('after 3,000 codes, six imports and trackers with the longest names: each value under 9 KB, the store under 500 KB', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    const names = ['A', 'B', 'C'].map((letter) => letter.repeat(80));
    for (const campaignName of names)
      script.call('createTracker', { ...TRACKER_FORM, campaignName, product: 'P'.repeat(100) });
    const properties = emulator.services.PropertiesService.getDocumentProperties();
    const older = Array.from({ length: 2975 }, (_, i) => `GLOWCREATOR${i}`);
    properties.setProperties(olderRecord(older));
    const handles = Array.from({ length: 25 }, (_, i) => [`@newcreator${i}`, 'Instagram']);
    emulator.type(names[0], 'A8', handles);
    const landingPage = `https://shop.com/${'p'.repeat(1980)}`;
    script.call('applyCodesAndLinks', { sheetName: names[0], brandPrefix: 'GLOW', landingPage });
    // Half a year of monthly imports: the import ledger lives in a sheet, the properties keep one rate.
    for (let month = 1; month <= 6; month++) {
      const csv = monthlyOrders(month, emulator.sheet(names[0]).values('F8:F10').flat());
      script.call('applyImport', {
        sheetName: names[0],
        csv,
        fileName: `orders-2026-${month}.csv`,
        bonusRate: 0.05 + month / 100,
      });
    }

    expect(emulator.sheet(names[0]).values('P8:P10')).toEqual([[6], [6], [6]]);
    const stored = emulator.documentProperties;
    const sizes = Object.entries(stored).map(([key, value]) => ({ key, size: bytes(value) }));
    const largest = Math.max(...sizes.map((entry) => entry.size));
    const total = sizes.reduce((sum, entry) => sum + entry.size + bytes(entry.key), 0);
    const trackerRecord = Math.max(
      ...sizes.filter((entry) => entry.key.startsWith('tracker:')).map((entry) => entry.size + 12),
    );
    const others = total - sizes.filter((e) => e.key.startsWith('tracker:')).length * trackerRecord;
    const projected = others + TRACKERS_PER_DOCUMENT * trackerRecord;
    console.log(
      `properties after 3,000 codes: largest value ${largest} B, store ${total} B; ` +
        `with ${TRACKERS_PER_DOCUMENT} trackers ${projected} B`,
    );
    expect(Object.keys(stored).some((key) => key.startsWith('codes.issued.'))).toBe(false);
    expect(largest).toBeLessThan(VALUE_LIMIT);
    expect(total).toBeLessThan(STORE_LIMIT);
    expect(projected).toBeLessThan(STORE_LIMIT);
  });
});
