// "Repair tracker" on the built bundle: one value typed into a computed column breaks its
// ARRAYFORMULA (#REF!); every reader names the real cause, and the repair puts every figure back
// with the typed value kept in the cell's note, without changing a typed input.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { errorOf, JANE, TOM, TRACKER_FORM } from '../harness/fixtures';

const NAME = TRACKER_FORM.campaignName;
/** Total cost: the first computed column (S), after the 18 input columns. */
const TOTAL_COST = 'S';

function setup() {
  const emulator = createEmulator({ timeZone: 'America/New_York' });
  const script = emulator.load();
  script.call('createTracker', { ...TRACKER_FORM, startingRows: 6 });
  script.call('createTracker', { ...TRACKER_FORM, campaignName: 'Summer', startingRows: 6 });
  emulator.type(NAME, 'A8', [JANE, TOM]);
  emulator.type('Summer', 'A8', [TOM]);
  return { emulator, script, sheet: emulator.sheet(NAME) };
}

type Repaired = { sheetName: string; repaired: string[] };
type Notes = { notes: string[]; trackers?: string[] };

describe('repair a tracker', () => {
  it('names the real cause before repair, then puts every figure back and keeps the typed value in a note', () => {
    const { emulator, script, sheet } = setup();
    const computed = sheet.values('S7:AB9');
    const totals = sheet.values('A5:Q6');
    const inputs = sheet.values('A8:R9');
    emulator.type(NAME, `${TOTAL_COST}8`, [[999]]);
    expect(sheet.values('S7')).toEqual([['#REF!']]);

    const cause = 'Total cost shows #REF!: a value was typed at S8; use Repair tracker.';
    const dashboard = script.call('buildDashboard', {}) as Notes;
    expect(dashboard.trackers).toEqual(['Summer']);
    expect(dashboard.notes).toContain(`"${NAME}" is left out: ${cause}`);
    const creators = script.call('syncCreators') as Notes;
    expect(creators.notes).toContain(`"${NAME}" is left out: ${cause}`);

    const result = script.call('repairTracker', { sheetName: NAME }) as Repaired;
    expect(result.sheetName).toBe(NAME);
    expect(result.repaired).toContain('typed 999 at S8: moved into its note');
    expect(sheet.values('S7:AB9')).toEqual(computed);
    expect(sheet.values('A5:Q6')).toEqual(totals);
    expect(sheet.values('A8:R9')).toEqual(inputs);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
      new Date(),
    );
    expect(sheet.notes('S8')).toEqual([[`typed 999 on ${today}`]]);

    const rebuilt = script.call('refreshDashboard') as Notes;
    expect(rebuilt.notes.join(' ')).not.toContain('#REF!');
  });

  it('the plan and the report name the real cause too, and refuse while no tracker can be read', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    script.call('createTracker', { ...TRACKER_FORM, startingRows: 3 });
    emulator.type(NAME, 'A8', [JANE]);
    emulator.type(NAME, 'Z9', [['x']]);
    const cause = 'ROI shows #REF!: a value was typed at Z9; use Repair tracker.';
    expect(errorOf(() => script.call('buildPlan', { budget: 1000 }))).toContain(cause);
    const period = { from: '2026-03-01', to: '2026-03-31' };
    expect(errorOf(() => script.call('buildReport', period))).toContain(cause);
    expect(emulator.sheetNames()).toEqual(['Sheet1', NAME, 'Rates']);
  });

  it('says nothing needed repair on a healthy tracker, and changes nothing', () => {
    const { emulator, script, sheet } = setup();
    // The team changed the goal after creating it: its target's format follows, nothing to repair.
    emulator.type(NAME, 'C3:D3', [['Revenue', 5000]]);
    const before = { values: sheet.values('A1:AV13'), formulas: sheet.formulas('A1:AV13') };
    const result = script.call('repairTracker', { sheetName: NAME }) as Repaired;
    expect(result.repaired).toEqual([]);
    expect(sheet.values('A1:AV13')).toEqual(before.values);
    expect(sheet.formulas('A1:AV13')).toEqual(before.formulas);
  });

  it('puts back a total typed over, and the protections and highlights someone removed', () => {
    const { emulator, script, sheet } = setup();
    const formula = sheet.formulas('B5');
    const spend = sheet.values('B5');
    emulator.type(NAME, 'B5', [[12]]);
    const engagements = sheet.formulas('T7');
    emulator.type(NAME, 'T7', [['oops']]);
    const services = emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(NAME);
    if (!services) throw new Error('no tracker sheet');
    for (const protection of services.getProtections(
      emulator.services.SpreadsheetApp.ProtectionType.RANGE,
    ))
      protection.remove();
    services.setConditionalFormatRules([]);
    services.getRange('H8:H13').clearDataValidations();
    const feeFormat = sheet.numberFormats('H8');
    services.getRange('H8:H13').setNumberFormat('0.000');
    const result = script.call('repairTracker', { sheetName: NAME }) as Repaired;
    expect(sheet.formulas('B5')).toEqual(formula);
    expect(sheet.values('B5')).toEqual(spend);
    expect(sheet.formulas('T7')).toEqual(engagements);
    expect(sheet.values('T7:T9')).toEqual([['Engagements'], [1000], [4000]]);
    expect(sheet.notes('T7')[0][0]).toMatch(/\ntyped oops on \d{4}-\d{2}-\d{2}$/);
    const again = script.call('repairTracker', { sheetName: NAME }) as Repaired;
    expect(again.repaired).toEqual([]);
    expect(sheet.notes('T7')[0][0]).toMatch(/\ntyped oops on /);
    expect(result.repaired).toEqual(
      expect.arrayContaining([
        'formulas and labels at B5, T7',
        'typed 12 at B5: moved into its note',
        'typed oops at T7: moved into its note',
        'highlights (conditional formats)',
        'protection of totals and computed columns',
        'number formats',
        'validation of settings and input columns',
      ]),
    );
    expect(sheet.protections.length).toBeGreaterThan(1);
    expect(sheet.numberFormats('H8')).toEqual(feeFormat);
    expect(errorOf(() => emulator.type(NAME, 'H12', [[-5]]))).toContain('Fee must be');
  });

  it('refuses a sheet that is not a tracker, and a tracker whose columns were renamed, changing nothing', () => {
    const { emulator, script, sheet } = setup();
    expect(errorOf(() => script.call('repairTracker', { sheetName: 'Sheet1' }))).toBe(
      '"Sheet1" is not a campaign tracker made by the add-on, so there is nothing to repair; nothing was changed.',
    );
    emulator.type(NAME, 'H7', [['Creator fee']]);
    emulator.type(NAME, 'S8', [[5]]);
    const before = { values: sheet.values('A1:AV13'), notes: sheet.notes('A1:AV13') };
    expect(errorOf(() => script.call('repairTracker', { sheetName: NAME }))).toBe(
      `"${NAME}" can't be repaired: its columns were moved or renamed (column H is "Creator fee" where "Fee" belongs). Move or rename them back, then repair again. Nothing was changed.`,
    );
    expect(sheet.values('A1:AV13')).toEqual(before.values);
    expect(sheet.notes('A1:AV13')).toEqual(before.notes);
  });

  it('repairs the sheet in front of the person from the menu, with a toast', () => {
    const { emulator, script } = setup();
    emulator.type(NAME, 'S9', [[42]]);
    emulator.activate(NAME);
    script.call('repairThisTracker');
    expect(emulator.toasts.at(-1)?.message).toContain('typed 42 at S9: moved into its note');
    emulator.activate('Sheet1');
    script.call('repairThisTracker');
    expect(emulator.toasts.at(-1)?.message).toBe(
      '"Sheet1" is not a campaign tracker made by the add-on, so there is nothing to repair; nothing was changed.',
    );
  });
});
