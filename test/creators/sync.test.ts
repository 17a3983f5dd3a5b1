// syncCreators on the built bundle: three campaigns whose creators recur with case, "@" and
// space variations; the "Creators" sheet checked by header, as a person reads it.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { errorOf } from '../harness/fixtures';
import { ZONES } from '../harness/zones';
import { CAMPAIGNS, post, rowOf, workbook } from './campaigns';

/** A creator's cell, found by header and handle. */
function cell(values: unknown[][], handle: string, header: string): unknown {
  const column = values[0].indexOf(header);
  const row = values.find((r) => r[0] === handle);
  if (column < 0 || !row) throw new Error(`no ${header} for ${handle}`);
  return row[column];
}

const handles = (values: unknown[][]) =>
  values
    .slice(1)
    .map((row) => row[0])
    .filter(Boolean);

describe('syncing the Creators sheet', () => {
  it('lists each creator once across three trackers, whatever the case, "@" or spaces', () => {
    const { emulator, sync, roster } = workbook();
    const synced = sync();
    expect(synced).toMatchObject({ sheetName: 'Creators', creators: 5, gone: 0, notes: [] });
    const values = roster();
    expect(handles(values)).toEqual([
      '@jane.doe',
      '@tom_bakes',
      '@leo.unboxes',
      '@janedoe',
      '@mia.makes',
    ]);
    expect(cell(values, '@jane.doe', 'Campaigns')).toBe(3);
    expect(cell(values, '@jane.doe', 'Campaign names')).toBe('Spring, Summer, Autumn');
    expect(cell(values, '@jane.doe', 'Posts')).toBe(3);
    expect(cell(values, '@tom_bakes', 'Posts')).toBe(2);
    expect(cell(values, '@tom_bakes', 'Platform')).toBe('TikTok');
    const sheet = emulator.sheet('Creators');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.formats('A1:B1')[0].map((f) => f.fontWeight)).toEqual(['bold', 'bold']);
    expect(sheet.notes('A1')[0][0]).toMatch(/one row per handle and platform/);
  });

  it('totals spend, revenue and ROI per creator to the cent, computed from the rows alone', () => {
    const { sync, roster } = workbook();
    sync();
    const values = roster();
    const janes = CAMPAIGNS.flatMap((c) => c.posts).filter((p) =>
      ['@jane.doe', 'jane.doe', 'janedoe'].includes(p.handle.toLowerCase().replace(/^@/, '')),
    );
    const jane = janes.filter((p) => p.handle.toLowerCase().includes('.'));
    const spend = jane.reduce((sum, p) => sum + p.fee + p.product, 0);
    const revenue = jane.reduce((sum, p) => sum + p.revenue, 0);
    const customers = jane.reduce((sum, p) => sum + p.customers, 0);
    expect(cell(values, '@jane.doe', 'Total spend')).toBeCloseTo(spend, 2);
    expect(cell(values, '@jane.doe', 'Revenue')).toBeCloseTo(revenue, 2);
    expect(cell(values, '@jane.doe', 'ROI') as number).toBeCloseTo((revenue - spend) / spend, 9);
    expect(cell(values, '@jane.doe', 'CAC') as number).toBeCloseTo(spend / customers, 9);
    expect(cell(values, '@jane.doe', 'Last fee')).toBe(340);
    expect(cell(values, '@jane.doe', 'Average fee')).toBeCloseTo((300 + 320 + 340) / 3, 9);
  });

  it('converts each post through the Rates sheet and leaves out a currency with no rate, saying so', () => {
    const { emulator, sync, roster } = workbook();
    emulator.type('Rates', 'A2', [['EUR', 1.08, '2025-09-01']]);
    emulator.type('Spring', 'AH9', [['EUR']]); // Tom's spring post, paid and sold in euros
    emulator.type('Autumn', 'AH8', [['CAD']]); // Jane's autumn post: CAD has no rate
    const synced = sync();
    const values = roster();
    const cents = (value: unknown) => Math.round((value as number) * 100);
    expect(cents(cell(values, '@tom_bakes', 'Total spend'))).toBe(
      cents((150 + 25) * 1.08 + (160 + 25)),
    );
    expect(cents(cell(values, '@tom_bakes', 'Revenue'))).toBe(cents(420 * 1.08 + 330));
    expect(cents(cell(values, '@jane.doe', 'Total spend'))).toBe(cents(300 + 50 + 320 + 50));
    expect(cell(values, '@jane.doe', 'Left out of totals')).toBe('1: no rate for CAD');
    expect(synced.notes).toEqual(['Money totals: 1 row left out: no rate for CAD.']);
  });

  it.each(ZONES)(
    'shows the possible code leak with its reason, campaign and post day (%s)',
    (zone) => {
      const { sync, roster } = workbook(CAMPAIGNS, zone);
      sync();
      expect(cell(roster(), '@leo.unboxes', 'Possible code leak')).toBe(
        'Spring 2025-03-07: 85 orders from 60 clicks: more orders than clicks',
      );
      expect(cell(roster(), '@jane.doe', 'Possible code leak')).toBe('');
    },
  );

  it('lists a near-duplicate pair for the team to confirm, without merging it', () => {
    const { sync, roster } = workbook();
    const synced = sync();
    expect(synced.duplicates).toEqual([
      '@jane.doe (Spring, Summer, Autumn) and @janedoe (Summer) on Instagram differ only in punctuation',
    ]);
    const values = roster();
    // The block right of the roster, before the note on rows added since (empty now).
    const block = values[0].length - 2;
    expect(String(values[0][block])).toMatch(/^Possible duplicates/);
    expect(values[0][block + 1]).toBe('');
    expect(values[1][block]).toBe(synced.duplicates[0]);
    expect(handles(values)).toContain('@janedoe');
  });

  it('a second sync changes nothing', () => {
    const { sync, roster } = workbook();
    const first = sync();
    const before = roster();
    const second = sync();
    expect(roster()).toEqual(before);
    expect(second.creators).toBe(first.creators);
  });

  it('keeps what the team typed in Contact, Payment status and Notes', () => {
    const { emulator, sync, roster } = workbook();
    sync();
    const header = roster()[0];
    const row = handles(roster()).indexOf('@tom_bakes') + 2;
    const at = (name: string) => {
      const column = header.indexOf(name) + 1;
      let letters = '';
      for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
        letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      return `${letters}${row}`;
    };
    emulator.type('Creators', at('Contact'), [['tom@bakes.example']]);
    emulator.type('Creators', at('Payment status'), [['Invoiced']]);
    emulator.type('Creators', at('Notes'), [['Great with recipes; book for Q4']]);
    // A new post in a tracker, so the sync has something to change around the typed cells.
    emulator.type('Autumn', 'A10', [
      rowOf(post('@TOM_BAKES', 'TikTok', '2025-09-05', [170, 25, 310, 14, 500, 12])),
    ]);
    sync();
    const values = roster();
    expect(cell(values, '@tom_bakes', 'Contact')).toBe('tom@bakes.example');
    expect(cell(values, '@tom_bakes', 'Payment status')).toBe('Invoiced');
    expect(cell(values, '@tom_bakes', 'Notes')).toBe('Great with recipes; book for Q4');
    expect(cell(values, '@tom_bakes', 'Posts')).toBe(3);
  });

  it('keeps a creator who left every tracker, marked, with their last numbers', () => {
    const { emulator, sync, roster } = workbook();
    sync();
    const before = roster();
    emulator.type('Autumn', 'A9', [rowOf(post('', '', '', [0, 0, 0, 0, 0, 0])).map(() => '')]);
    const synced = sync();
    expect(synced.gone).toBe(1);
    const values = roster();
    expect(cell(values, '@mia.makes', 'Status')).toBe('No longer in any tracker');
    expect(cell(values, '@mia.makes', 'Posts')).toBe(cell(before, '@mia.makes', 'Posts'));
    expect(cell(values, '@mia.makes', 'Revenue')).toBe(cell(before, '@mia.makes', 'Revenue'));
    expect(cell(values, '@jane.doe', 'Status')).toBe('Active');
  });

  it('makes the same number of sheet calls for a small and a large roster', () => {
    const calls = (extra: number) => {
      const many = CAMPAIGNS.map((c, t) => ({
        name: c.name,
        posts: [
          ...c.posts,
          ...Array.from({ length: extra }, (_, i) =>
            post(`@guest${t}_${i}`, 'Instagram', '2025-05-01', [100, 10, 200, 8, 320, 6]),
          ),
        ],
      }));
      const { emulator, sync } = workbook(many);
      emulator.calls.reset();
      sync();
      return emulator.calls.spreadsheetCount();
    };
    const small = calls(0);
    expect(calls(120)).toBe(small);
    expect(small).toBeLessThanOrEqual(30);
  });

  it('refuses a "Creators" sheet the add-on did not make, changing nothing', () => {
    const { emulator, sync } = workbook();
    emulator.services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Creators');
    emulator.type('Creators', 'A1', [['Our influencer list'], ['someone']]);
    expect(errorOf(sync)).toMatch(/already has a sheet named "Creators"/);
    expect(emulator.sheet('Creators').values('A1:A2')).toEqual([
      ['Our influencer list'],
      ['someone'],
    ]);
  });

  it('asks for a tracker first when there is none', () => {
    const emulator = createEmulator();
    expect(errorOf(() => emulator.load().call('syncCreators'))).toMatch(/no campaign tracker yet/);
    expect(emulator.sheetNames()).not.toContain('Creators');
  });
});
