// Property budgets: Apps Script refuses a document property value over 9 KB and a store over
// 500 KB. Measured on 50 trackers with the longest names and 25,000 issued codes (500
// influencers in each), kept by an older version as the codes themselves and folded into the
// fixed-size digest by one "Generate codes and links".
import { loadEmulator } from './emulator.mjs';

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;
const TRACKERS = 50;
const CODES = 25000;
const FORM = {
  product: 'P'.repeat(100),
  currency: 'USD',
  goalType: 'orders',
  goalTarget: 100,
  otherChannelCac: 10,
  startingRows: 1,
};

/** The older record: space-separated codes in chunks of at most 8,000 characters. */
function olderRecord(codes) {
  const chunks = [''];
  for (const code of codes) {
    const last = chunks.length - 1;
    if (chunks[last].length + code.length + 1 > 8000) chunks.push(code);
    else chunks[last] = chunks[last] ? `${chunks[last]} ${code}` : code;
  }
  return Object.fromEntries(chunks.map((chunk, i) => [`codes.issued.${i}`, chunk]));
}

const bytes = (text) => Buffer.byteLength(text);

export async function benchProperties() {
  const { createEmulator } = await loadEmulator();
  const emulator = createEmulator();
  const script = emulator.load();
  const names = Array.from(
    { length: TRACKERS },
    (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(78)}`,
  );
  for (const campaignName of names) script.call('createTracker', { ...FORM, campaignName });
  const properties = emulator.services.PropertiesService.getDocumentProperties();
  const older = Array.from({ length: CODES }, (_, i) => `GLOWCREATOR${i}`);
  const before = olderRecord(older);
  properties.setProperties(before);
  const olderBytes = Object.entries(before).reduce((sum, [k, v]) => sum + bytes(k) + bytes(v), 0);
  emulator.type(names[0], 'A8', [['@newcreator', 'Instagram']]);
  script.call('applyCodesAndLinks', {
    sheetName: names[0],
    brandPrefix: 'GLOW',
    landingPage: `https://shop.com/${'p'.repeat(1980)}`,
  });
  const stored = Object.entries(emulator.documentProperties);
  const largest = Math.max(...stored.map(([, value]) => bytes(value)));
  const total = stored.reduce((sum, [key, value]) => sum + bytes(key) + bytes(value), 0);
  return [
    {
      check: `largest document property, ${TRACKERS} trackers and ${CODES.toLocaleString('en-US')} codes`,
      measured: `${largest.toLocaleString('en-US')} B`,
      limit: `under ${VALUE_LIMIT.toLocaleString('en-US')} B`,
      pass: largest < VALUE_LIMIT,
    },
    {
      check: `document properties in all (older record of the codes: ${olderBytes.toLocaleString('en-US')} B)`,
      measured: `${total.toLocaleString('en-US')} B`,
      limit: `under ${STORE_LIMIT.toLocaleString('en-US')} B`,
      pass: total < STORE_LIMIT,
    },
  ];
}
