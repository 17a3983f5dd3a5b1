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

describe('property budgets', () => {
  it('after 3,000 codes and trackers with the longest names: each value under 9 KB, the store under 500 KB', () => {
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
