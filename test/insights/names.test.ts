// Names that go into generated formulas, on the built bundle with the formulas computed: a sheet
// or campaign name, or a code, is quoted so it can never change the formula it is in.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import type { ImportPreview } from '../../src/shared/api';
import { JANE, TOM, TRACKER_FORM } from '../harness/fixtures';
import { readDashboard } from './read';

const NAMES = ['=HYPERLINK("x","y")', "Jane's launch", 'a, b; c'];

describe('names inside generated formulas', () => {
  it('trackers named like a formula, with an apostrophe or with separators make a sound dashboard', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    const created = NAMES.map(
      (campaignName) =>
        (script.call('createTracker', { ...TRACKER_FORM, campaignName }) as { sheetName: string })
          .sheetName,
    );
    expect(created).toEqual(NAMES);
    created.forEach((name, i) => {
      emulator.type(name, 'A8', [i === 1 ? TOM : JANE]);
    });
    script.call('buildDashboard', {});
    const dashboard = readDashboard(emulator);
    expect(dashboard.errors()).toEqual([]);
    const byCampaign = dashboard.block('By campaign');
    expect(byCampaign.map((row) => row.Campaign)).toEqual(NAMES);
    expect(byCampaign.map((row) => [row.Posts, row.Spend, row.Revenue])).toEqual([
      [1, 500, 2000],
      [1, 200, 1200],
      [1, 500, 2000],
    ]);
    expect(dashboard.labelled('Spend').Spend).toBe(1200);
  });

  it('an imported code with commas inside quotes stays one code', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    script.call('createTracker', TRACKER_FORM);
    emulator.type(TRACKER_FORM.campaignName, 'A8', [JANE]);
    const code = '=HYPERLINK("https://x.example/a,b","x")';
    const csv = [
      'Name,Financial Status,Subtotal,Discount Code,Created at,Lineitem quantity',
      `#1,paid,10.00,"${code.replace(/"/g, '""')}",2025-03-14 10:00:00 -0400,1`,
      '#2,paid,20.00,"JANE10, WELCOME",2025-03-14 11:00:00 -0400,1',
    ].join('\n');
    const shown = script.call('previewImport', {
      sheetName: TRACKER_FORM.campaignName,
      csv: `${csv}\n`,
      fileName: 'orders_export.csv',
    }) as ImportPreview;
    expect(shown.unmatched.map((key) => key.key).sort()).toEqual([code, 'WELCOME'].sort());
  });
});
