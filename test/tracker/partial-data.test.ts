// A campaign in progress, on the built bundle with the formulas computed: a figure uses only the
// rows that have what it needs, says how many it used, and blank is "not known yet", never zero.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { JANE, TOM, TRACKER_FORM } from '../harness/fixtures';

function setup() {
  const emulator = createEmulator();
  const script = emulator.load();
  const { sheetName } = script.call('createTracker', { ...TRACKER_FORM, startingRows: 6 }) as {
    sheetName: string;
  };
  return { emulator, name: sheetName, sheet: emulator.sheet(sheetName) };
}

/** Booked, nothing in yet: handle, platform, followers, date, code, fee and product cost. */
const booked = (handle: string, code: string) => [
  handle,
  'Instagram',
  10000,
  '2026-04-01',
  '',
  code,
  '',
  300,
  0,
  ...new Array(9).fill(''),
];
/** Tom with results imported from a report that has no new-customer count. */
const TOM_NO_NEW = [...TOM.slice(0, 17), ''];

/** The totals by label, and the words under each. */
function totals(sheet: ReturnType<typeof setup>['sheet']) {
  const [labels, values, words] = sheet.values('A4:Q6');
  const byLabel = (row: unknown[]) => Object.fromEntries(labels.map((l, i) => [l, row[i]]));
  return { values: byLabel(values), words: byLabel(words) };
}

describe('tracker figures on partial data', () => {
  it('computes CAC, engagement and conversion over the rows that have their inputs, and says so', () => {
    const { emulator, name, sheet } = setup();
    emulator.type(name, 'A8', [JANE, TOM_NO_NEW, booked('@ann', 'ANN10')]);
    const { values, words } = totals(sheet);
    // Jane's $500 over her 40 new customers, not all $1,000 spent over them.
    expect(values.CAC).toBe(12.5);
    expect(words.CAC).toBe('CAC over 1 of 3 rows: 2 have no new customers yet');
    expect(values['CAC vs other channels']).toBe(1.25);
    expect(values.Spend).toBe(1000);
    // ROI over the two rows with revenue: Ann's booked post is not a loss yet.
    expect(values.ROI).toBeCloseTo((3200 - 700) / 700, 10);
    expect(values.ROAS).toBeCloseTo(3200 / 700, 10);
    expect(words.ROI).toBe('ROI over 2 of 3 rows: 1 has no revenue yet');
    // Ann has followers and no likes yet: she doesn't pull the rate down.
    expect(values['Engagement rate']).toBeCloseTo(5000 / 65000, 10);
    expect(words['Engagement rate']).toBe(
      'Engagement rate over 2 of 3 rows: 1 has no engagements or followers yet',
    );
    expect(values['Conversion rate']).toBeCloseTo(70 / 1400, 10);
    expect(words['Conversion rate']).toBe(
      'Conversion over 2 of 3 rows: 1 has no clicks or orders yet',
    );
    // Ann's own figures: blank, not zero.
    expect(sheet.values('T10:AA10')[0]).toEqual(['', '', '', '', '', '', '', '']);
  });

  it('says a total used every row when every row has its inputs', () => {
    const { emulator, name, sheet } = setup();
    emulator.type(name, 'A8', [JANE, TOM]);
    const { words } = totals(sheet);
    expect(words.CAC).toBe('CAC over all 2 rows');
    expect(words['Conversion rate']).toBe('Conversion over all 2 rows');
  });

  it('shows nothing as known before any result is in', () => {
    const { emulator, name, sheet } = setup();
    emulator.type(name, 'A8', [booked('@ann', 'ANN10'), booked('@bo', 'BO10')]);
    const { values, words } = totals(sheet);
    expect(values.Spend).toBe(600);
    for (const label of [
      'Progress to goal',
      'Revenue',
      'Orders',
      'New customers',
      'ROI',
      'ROAS',
      'CAC',
      'Engagement rate',
      'CAC vs other channels',
      'Best influencer (ROI)',
      'Worst influencer (ROI)',
      'Conversion rate',
    ])
      expect([label, values[label]]).toEqual([label, '']);
    expect(words.CAC).toBe('CAC over 0 of 2 rows: 2 have no new customers yet');
    // Each row: no engagements, engagement rate, conversion rate, ROI or ROAS.
    expect(sheet.values('T8:AA9')).toEqual([
      ['', '', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', ''],
    ]);
  });

  it('names a best and a worst influencer only once two rows have an ROI', () => {
    const { emulator, name, sheet } = setup();
    emulator.type(name, 'A8', [JANE, booked('@ann', 'ANN10')]);
    expect(totals(sheet).values['Best influencer (ROI)']).toBe('');
    emulator.type(name, 'A10', [TOM]);
    const { values } = totals(sheet);
    expect([values['Best influencer (ROI)'], values['Worst influencer (ROI)']]).toEqual([
      '@tom',
      '@jane',
    ]);
  });

  it('counts a typed zero as a real zero', () => {
    const { emulator, name, sheet } = setup();
    const none = [...booked('@ann', 'ANN10').slice(0, 10), 0, 0, 0, 0, 50, 0, 0, 0];
    emulator.type(name, 'A8', [none]);
    const { values, words } = totals(sheet);
    expect([values.Revenue, values.Orders, values.ROI, values['Conversion rate']]).toEqual([
      0, 0, -1, 0,
    ]);
    expect(words.CAC).toBe('CAC over 1 row');
    expect(sheet.values('T8:U8')[0]).toEqual([0, 0]);
  });
});
