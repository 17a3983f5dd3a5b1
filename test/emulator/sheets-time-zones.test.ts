// A spreadsheet has its own time zone, which need not be the script's: Sheets stores days and
// times as they show, and hands a script each as the instant it is in the spreadsheet's zone.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { toSnapshot } from '../../emulator/sheets-snapshot';

const HOST_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

// Midnight of 2026-03-14 in each zone, as an instant (Berlin is on winter time, UTC+1, until
// 29 March; Los Angeles on summer time, UTC-7, since 8 March; Kiritimati is UTC+14 all year).
const MIDNIGHT_14_MARCH: Record<string, number> = {
  'Europe/Berlin': Date.UTC(2026, 2, 13, 23),
  'America/Los_Angeles': Date.UTC(2026, 2, 14, 7),
  'Pacific/Kiritimati': Date.UTC(2026, 2, 13, 10),
};
const ZONES = Object.keys(MIDNIGHT_14_MARCH);

function setup(timeZone?: string) {
  const emulator = createEmulator(timeZone === undefined ? {} : { timeZone });
  const { SpreadsheetApp, Session, Utilities } = emulator.services;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheets()[0];
  return { emulator, spreadsheet, sheet, Session, Utilities };
}

describe('the spreadsheet time zone', () => {
  it("is the script's unless the spreadsheet was made in another", () => {
    expect(setup().spreadsheet.getSpreadsheetTimeZone()).toBe(HOST_ZONE);
    const { spreadsheet, Session } = setup('Pacific/Kiritimati');
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe('Pacific/Kiritimati');
    expect(Session.getScriptTimeZone()).toBe(HOST_ZONE);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => createEmulator({ timeZone: 'Mars/Olympus' })).toThrow(
      'Invalid argument: timeZone',
    );
    const { spreadsheet } = setup();
    expect(() => spreadsheet.setSpreadsheetTimeZone('Mars/Olympus')).toThrow(
      'Invalid argument: timeZone',
    );
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe(HOST_ZONE);
  });
});

describe.each(ZONES)('a spreadsheet in %s', (zone) => {
  const midnight = MIDNIGHT_14_MARCH[zone];

  it('reads a typed date as midnight of that day in its zone', () => {
    const { emulator, sheet, Utilities } = setup(zone);
    emulator.type('Sheet1', 'A1', [['2026-03-14', '3/14/2026', '=DATE(2026,3,14)']]);
    const values = sheet.getRange('A1:C1').getValues()[0] as Date[];
    expect(values.map((date) => date.getTime())).toEqual([midnight, midnight, midnight]);
    expect(Utilities.formatDate(values[0], zone, 'yyyy-MM-dd HH:mm')).toBe('2026-03-14 00:00');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-14');
  });

  it("stores a script's Date as the day and time it is in the spreadsheet's zone", () => {
    const { sheet, Utilities } = setup(zone);
    const noonUtc = new Date(Date.UTC(2026, 2, 14, 12));
    sheet.getRange('A1').setValue(noonUtc);
    const shown = Utilities.formatDate(noonUtc, zone, 'M/d/yyyy H:mm:ss');
    expect(sheet.getRange('A1').getDisplayValue()).toBe(shown);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(noonUtc.getTime());
  });

  it('passes a date cell to a custom function as the same instant, and takes one back', () => {
    const emulator = createEmulator({ timeZone: zone });
    const code = `
/** @customfunction */
function ISO(date) { return date.toISOString(); }
/** @customfunction */
function SAME(date) { return date; }`;
    emulator.useCustomFunctions(emulator.load(undefined, code));
    emulator.type('Sheet1', 'A1', [['2026-03-14', '=ISO(A1)', '=SAME(A1)']]);
    const [[, iso, same]] = emulator.sheet('Sheet1').values('A1:C1');
    expect(iso).toBe(new Date(midnight).toISOString());
    expect((same as Date).getTime()).toBe(midnight);
  });

  it('keeps its days when a snapshot is restored', () => {
    const { emulator } = setup(zone);
    emulator.type('Sheet1', 'A1', '2026-03-14');
    const restored = createEmulator({ snapshot: JSON.parse(JSON.stringify(toSnapshot(emulator))) });
    expect(restored.timeZone).toBe(zone);
    const [[value]] = restored.sheet('Sheet1').values('A1');
    expect((value as Date).getTime()).toBe(midnight);
  });
});

describe('changing the time zone', () => {
  it('keeps the days cells show and moves the instants scripts get', () => {
    const { emulator, spreadsheet, sheet } = setup('America/Los_Angeles');
    emulator.type('Sheet1', 'A1', '2026-03-14');
    spreadsheet.setSpreadsheetTimeZone('Pacific/Kiritimati');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-14');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(
      MIDNIGHT_14_MARCH['Pacific/Kiritimati'],
    );
  });
});

describe('Utilities.formatDate', () => {
  it('shows an instant in the zone it is given', () => {
    const { Utilities } = setup();
    const instant = new Date(Date.UTC(2026, 2, 13, 22, 30));
    expect(Utilities.formatDate(instant, 'Europe/Berlin', 'yyyy-MM-dd HH:mm')).toBe(
      '2026-03-13 23:30',
    );
    expect(Utilities.formatDate(instant, 'Pacific/Kiritimati', 'yyyy-MM-dd HH:mm')).toBe(
      '2026-03-14 12:30',
    );
    expect(Utilities.formatDate(instant, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm')).toBe(
      '2026-03-13 15:30',
    );
  });
});
