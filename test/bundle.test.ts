// The built build/Code.js, loaded the way Apps Script runs it and called the way Sheets calls it:
// 2-D arrays from the script's own realm, "" for blank cells, Date objects for dates, numbers for percents.
import { existsSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATH, type LoadedScript, loadBundle } from '../emulator/apps-script-vm';

const CUSTOM_FUNCTIONS = [
  'ROI',
  'ROAS',
  'CAC',
  'ENGAGEMENT_RATE',
  'CONVERSION_RATE',
  'CPE',
  'CPM',
  'CPC',
  'AOV',
  'LTV',
  'BRAND_REFERRAL_BONUS',
  'AWARENESS_VALUE',
  'EMV',
  'INFLUENCER_TIER',
  'ENGAGEMENT_BENCHMARK',
  'UTM_LINK',
];

function load(): LoadedScript {
  if (!existsSync(BUNDLE_PATH)) {
    throw new Error(`${BUNDLE_PATH} is missing: run "npm run build" first (npm test does).`);
  }
  return loadBundle();
}

/** Builds a value inside the script's realm, as Sheets hands it over. */
const inRealm = (script: LoadedScript, source: string): unknown =>
  vm.runInContext(`(${source})`, script.context);

/** Calls a global of the script with arguments already in its realm, passed as they are. */
function sheetCall(script: LoadedScript, name: string, ...args: unknown[]): unknown {
  const fn = script.context[name] as (...values: unknown[]) => unknown;
  return fn(...args);
}

describe('loading build/Code.js', () => {
  it('defines only functions in the global scope', () => {
    const script = load();
    expect(script.definedGlobals.length).toBeGreaterThanOrEqual(CUSTOM_FUNCTIONS.length);
    for (const name of script.definedGlobals) {
      expect(typeof script.context[name], name).toBe('function');
    }
  });

  it('defines every custom function as a global', () => {
    expect(load().definedGlobals).toEqual(expect.arrayContaining(CUSTOM_FUNCTIONS));
  });

  it('runs no library code until a function is called', () => {
    const script = load();
    const functions = script.context.influencerRoiFunctions_ as { exports?: unknown };
    const app = script.context.influencerRoi_ as { exports?: unknown };
    expect(functions.exports).toBeUndefined();
    expect(app.exports).toBeUndefined();
    expect(script.call('ROI', 2000, 500)).toBe(3);
    expect(functions.exports).toBeTypeOf('object');
    expect(script.logs).toEqual([]);
  });

  it('builds only the small functions library for a custom function call', () => {
    const script = load();
    expect(script.call('ENGAGEMENT_RATE', 1000, 15000)).toBeCloseTo(1000 / 15000, 12);
    const app = script.context.influencerRoi_ as (() => Record<string, unknown>) & {
      exports?: unknown;
    };
    expect(app.exports).toBeUndefined();
    // The sidebar's features are there when a menu or sidebar call asks for them.
    expect(app().onOpen).toBeTypeOf('function');
    expect(app().ROI).toBeUndefined();
  });

  it('runs without require, process, timers or fetch', () => {
    const script = load();
    const missing = inRealm(
      script,
      '[typeof require, typeof process, typeof setTimeout, typeof fetch]',
    );
    expect(missing).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });
});

describe('custom functions called as Sheets calls them', () => {
  let script: LoadedScript;
  beforeAll(() => {
    script = load();
  });

  it('single values give the worked examples', () => {
    expect(script.call('ROI', 2000, 500)).toBe(3);
    expect(script.call('ROAS', 2000, 500)).toBe(4);
    expect(script.call('CAC', 200, 40)).toBe(5);
    expect(script.call('ENGAGEMENT_RATE', 1000, 15000)).toBeCloseTo(0.0667, 4);
    expect(script.call('CONVERSION_RATE', 30, 600)).toBe(0.05);
    expect(script.call('CPE', 300, 1500)).toBe(0.2);
    expect(script.call('CPM', 300, 100000)).toBe(3);
    expect(script.call('INFLUENCER_TIER', 10000)).toBe('micro');
  });

  it('percent cells arrive as numbers', () => {
    expect(script.call('AWARENESS_VALUE', 10000, 0.1, 0.05, 40)).toBeCloseTo(2000, 9);
    expect(script.call('BRAND_REFERRAL_BONUS', 2000, 0.05)).toBe(100);
    expect(script.call('LTV', 40, 3, 2, 0.5)).toBe(120);
  });

  it('a range from the script realm gives one row per input row, blanks staying blank', () => {
    const revenue = inRealm(script, '[[2000], [""], [1000], ["1200"]]');
    const cost = inRealm(script, '[[500], [500], [""], [400]]');
    const result = sheetCall(script, 'ROI', revenue, cost);
    expect(Array.isArray(result)).toBe(true);
    expect(result).toEqual([[3], [''], [''], [2]]);
  });

  it('a bad row holds its reason and the others compute', () => {
    const revenue = inRealm(script, '[[2000], [new Date(2024, 0, 15)], [1000]]');
    expect(sheetCall(script, 'ROI', revenue, 500)).toEqual([
      [3],
      ['#ROI: revenue is a date, not an amount of money (row 2)'],
      [1],
    ]);
  });

  it('a single bad value throws its message', () => {
    expect(() => sheetCall(script, 'ROI', inRealm(script, 'new Date(2024, 0, 15)'), 500)).toThrow(
      'ROI: revenue is a date, not an amount of money',
    );
    expect(() => script.call('ROI', 2000, 0)).toThrow(
      'ROI: cost is 0: ROI is undefined when nothing was spent',
    );
    expect(() => script.call('CAC', 200, true)).toThrow('CAC: customers is TRUE, not a number');
  });

  it('ranges of different heights throw a message naming both', () => {
    const revenue = inRealm(script, '[[1], [2], [3]]');
    const cost = inRealm(script, '[[1], [2]]');
    expect(() => sheetCall(script, 'ROI', revenue, cost)).toThrow(
      'ROI: revenue has 3 rows but cost has 2 rows; give ranges of the same height',
    );
  });

  it('ENGAGEMENT_RATE sums several engagement columns', () => {
    const engagements = inRealm(script, '[[600, 300, 80, 20], ["", "", "", ""]]');
    const followers = inRealm(script, '[[15000], [15000]]');
    expect(sheetCall(script, 'ENGAGEMENT_RATE', engagements, followers)).toEqual([
      [1000 / 15000],
      [''],
    ]);
  });

  it('ENGAGEMENT_BENCHMARK fills a row of two cells, one row per platform', () => {
    expect(script.call('ENGAGEMENT_BENCHMARK', 'tiktok')).toEqual([[0.1, 0.13]]);
    const platforms = inRealm(script, '[["Instagram"], [""], ["YOUTUBE"]]');
    expect(sheetCall(script, 'ENGAGEMENT_BENCHMARK', platforms)).toEqual([
      [0.03, 0.04],
      ['', ''],
      [0.05, 0.08],
    ]);
  });

  it('UTM_LINK builds the tracking link and refuses a non-http link', () => {
    expect(
      script.call('UTM_LINK', 'https://shop.com/p#top', 'instagram', 'influencer', 'spring sale'),
    ).toBe(
      'https://shop.com/p?utm_source=instagram&utm_medium=influencer&utm_campaign=spring%20sale#top',
    );
    expect(() => script.call('UTM_LINK', 'shop.com', 'ig', 'influencer', 'spring')).toThrow(
      'UTM_LINK: url "shop.com" is not an http:// or https:// link',
    );
  });
});
