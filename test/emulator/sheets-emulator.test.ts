// The emulator must behave like Google Sheets wherever the add-on relies on it, and be no
// more permissive: these tests pin the behaviours that catch real bugs.
import { describe, expect, it } from 'vitest';
import { createEmulator, type Services } from '../../emulator/sheets-emulator';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';
const PROTECTED = 'You are trying to edit a protected cell or object.';

function setup(options: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator(options);
  const app = emulator.services.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheets()[0];
  return { emulator, app, spreadsheet, sheet };
}

const sheetOf = (services: Services, name = 'Sheet1'): Sheet => {
  const sheet = services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

describe('values are entered like Sheets enters them', () => {
  it('tells formulas, apostrophe text and numeric text apart', () => {
    const { sheet } = setup();
    const typed = [
      '=1+1',
      "'=1+1",
      '1200',
      '12.5',
      '15%',
      '1,200',
      '$1,200.50',
      '+1+1',
      'TRUE',
      "'007",
      'hi',
    ];
    const range = sheet.getRange(1, 1, 1, typed.length);
    range.setValues([typed]);
    expect(range.getValues()).toEqual([
      [2, '=1+1', 1200, 12.5, 0.15, 1200, 1200.5, 2, true, '007', 'hi'],
    ]);
    expect(range.getFormulas()[0]).toEqual(['=1+1', '', '', '', '', '', '', '=+1+1', '', '', '']);
    expect(sheet.getRange('E1').getNumberFormat()).toBe('0%');
  });

  it('keeps strings as written in plain-text cells', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1').setNumberFormat('@');
    range.setValues([['=1+1', '0012']]);
    expect(range.getValues()).toEqual([['=1+1', '0012']]);
    expect(range.getFormulas()).toEqual([['', '']]);
  });

  it('stores dates as dates and returns Date objects, also from date formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date(2026, 2, 14));
    sheet.getRange('A2').setValue('2026-03-20');
    sheet.getRange('B1:D1').setFormulas([['=A1+7', '=DATE(2026,1,1)', '=A1']]);
    sheet.getRange('D1').setNumberFormat('0');
    const [[a1, b1, c1, d1]] = sheet.getRange('A1:D1').getValues();
    expect(a1).toEqual(new Date(2026, 2, 14));
    expect(b1).toEqual(new Date(2026, 2, 21));
    expect(c1).toEqual(new Date(2026, 0, 1));
    expect(d1).toBe(46095);
    expect(sheet.getRange('A2').getValue()).toEqual(new Date(2026, 2, 20));
  });

  it('shows errors as error strings', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:E1');
    range.setFormulas([['=1/0', '="a"+1', '=VLOOKUP(9,F1:G2,2,FALSE)', '=SUM(', '=A1']]);
    expect(range.getValues()).toEqual([['#DIV/0!', '#VALUE!', '#N/A', '#ERROR!', '#DIV/0!']]);
  });

  it('computes cross-sheet references and keeps them through a rename', () => {
    const { spreadsheet, sheet } = setup();
    const other = spreadsheet.insertSheet('My sheet');
    other.getRange('A1').setValue(40);
    sheet.getRange('A1').setFormula("='My sheet'!A1+2");
    expect(sheet.getRange('A1').getValue()).toBe(42);
    other.setName('Data');
    expect(sheet.getRange('A1').getFormula()).toBe('=Data!A1+2');
    expect(sheet.getRange('A1').getValue()).toBe(42);
  });
});

describe('the formula engine is held to Google Sheets', () => {
  it('gives #NAME? for functions Sheets (or the engine) lacks, and records them', () => {
    const { emulator, sheet } = setup();
    sheet.getRange('A1:B1').setFormulas([['=NOSUCHFUNCTION(1)', '=REGEXMATCH("a","a")']]);
    sheet.getRange('C1').setFormula('=A1');
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#NAME?', '#NAME?', '#NAME?']]);
    expect(emulator.unsupportedFunctions).toEqual(['NOSUCHFUNCTION', 'REGEXMATCH']);
  });

  it('refuses array arithmetic outside ARRAYFORMULA (SUMPRODUCT takes arrays, as in Sheets)', () => {
    const { sheet } = setup();
    sheet.getRange('B1:B3').setValues([[1], [2], [3]]);
    sheet
      .getRange('D10:D12')
      .setFormulas([
        ['=SUM(B1:B3*2)'],
        ['=ARRAYFORMULA(SUM(B1:B3*2))'],
        ['=SUMPRODUCT((B1:B3>1)*B1:B3)'],
      ]);
    expect(sheet.getRange('D10:D12').getValues()).toEqual([['#VALUE!'], [12], [5]]);
  });

  it('computes ARRAYFORMULA over an open range for rows typed later and rows inserted', () => {
    const { emulator, sheet } = setup();
    sheet.getRange('A1:C1').setValues([['Name', 'Orders', 'Double']]);
    sheet.getRange('C2').setFormula('=ARRAYFORMULA(IF(A2:A="", "", B2:B*2))');
    emulator.type('Sheet1', 'A2', [['ana', 5]]);
    expect(emulator.sheet('Sheet1').values('C2:C3')).toEqual([[10], ['']]);
    expect(sheet.getRange('C3').getFormula()).toBe('');

    sheet.insertRowsAfter(1000, 10);
    emulator.type('Sheet1', 'A1005', [['ben', 7]]);
    expect(sheet.getRange('C1005').getValue()).toBe(14);
    expect(sheet.getRange('C2').getFormula()).toBe('=ARRAYFORMULA(IF(A2:A="", "", B2:B*2))');
  });

  it('keeps computing after rows are added below a sheet of values, then once a formula reads it', () => {
    const { spreadsheet, sheet } = setup();
    const log = spreadsheet.insertSheet('Log');
    sheet.getRange('A1:B1').setValues([[3, '=A1*2']]);
    expect(sheet.getRange('B1').getValue()).toBe(6);
    log.insertRowsAfter(1000, 5);
    log.getRange('A1003:A1005').setValues([[1], [2], [4]]);
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('B1').getValue()).toBe(10);
    expect(log.getLastRow()).toBe(1005);
    sheet.getRange('C1').setFormula('=SUM(Log!A:A)');
    log.insertRowsAfter(1005, 1);
    log.getRange('A1006').setValue(10);
    expect(sheet.getRange('C1').getValue()).toBe(17);
  });

  it('shows #REF! when an array cannot spill over existing data', () => {
    const { sheet } = setup();
    sheet.getRange('B2:B4').setValues([[1], [2], [3]]);
    sheet.getRange('C2').setFormula('=ARRAYFORMULA(B2:B4*2)');
    expect(sheet.getRange('C2:C4').getValues()).toEqual([[2], [4], [6]]);
    sheet.getRange('C3').setValue('in the way');
    expect(sheet.getRange('C2').getValue()).toBe('#REF!');
  });

  it('counts spilled "" results in getLastRow, but not real blanks', () => {
    const { sheet } = setup();
    sheet.getRange('A2').setValue('ana');
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(IF(A1:A="",,1))');
    expect(sheet.getLastRow()).toBe(2);
    sheet.getRange('C1').setFormula('=ARRAYFORMULA(IF(A1:A="","",1))');
    expect(sheet.getLastRow()).toBe(1000);
  });

  it('closes open ranges of every shape, also across sheets', () => {
    const { spreadsheet, sheet } = setup();
    spreadsheet
      .insertSheet('My sheet')
      .getRange('A2:A3')
      .setValues([[5], [6]]);
    sheet.getRange('B2:C3').setValues([
      [1, 2],
      [3, 4],
    ]);
    const formulas = [
      '=SUM(B2:2)',
      '=SUM(3:3)',
      '=SUM(B:B)',
      '=SUM(B2:C)',
      "=SUM('My sheet'!$A$2:$A)",
    ];
    sheet.getRange('Z10:Z14').setFormulas(formulas.map((f) => [f]));
    expect(sheet.getRange('Z10:Z14').getValues()).toEqual([[3], [7], [4], [10], [11]]);
  });

  it('recomputes a header stacked on an ARRAYFORMULA ({"Total"; IF(...)}) as rows change', () => {
    const { emulator, sheet } = setup();
    sheet.getRange('C1').setFormula('=ARRAYFORMULA({"Double"; IF(A2:A="", "", B2:B*2)})');
    emulator.type('Sheet1', 'A2', [['ana', 1]]);
    expect(emulator.sheet('Sheet1').values('C1:C3')).toEqual([['Double'], [2], ['']]);
    emulator.type('Sheet1', 'A3', [['ben', 5]]);
    expect(emulator.sheet('Sheet1').values('C1:C3')).toEqual([['Double'], [2], [10]]);
  });

  it('formats numbers like Sheets in TEXT and in display values', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setFormulas([['=TEXT(0.256, "0.0%")', '="Fee: "&TEXT(1234.5, "$#,##0.00")']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['25.6%', 'Fee: $1,234.50']]);
    const shown = sheet.getRange('A2:C2').setValues([[0.256, -1234.5, new Date(2026, 2, 14)]]);
    shown.setNumberFormats([['0.0%', '"$"#,##0.00', 'mmm d, yyyy']]);
    expect(shown.getDisplayValues()).toEqual([['25.6%', '-$1,234.50', 'Mar 14, 2026']]);
  });

  it('moves references when rows are inserted or deleted', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=SUM(B2:B4)+B6');
    sheet.insertRowsBefore(3, 2);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B2:B6)+B8');
    sheet.deleteRows(8, 1);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B2:B6)+#REF!');
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
  });
});

describe('the grid has edges', () => {
  it('refuses ranges and writes outside the sheet, with Sheets messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(OUTSIDE);
    expect(() => sheet.getRange('A1:AA1')).toThrow(OUTSIDE);
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    const tail = sheet.getRange('A900');
    sheet.deleteRows(500, 500);
    expect(() => tail.setValue('late')).toThrow(OUTSIDE);
  });

  it('insists that 2-D data matches the range exactly', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B3').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => sheet.getRange('A1:B1').setNumberFormats([['0', '0', '0']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(() => sheet.getRange('A1').setValues('x' as never)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('shows gridlines until a script hides them, and refuses a non-boolean', () => {
    const emulator = createEmulator({ sheets: [{ name: 'Report' }] });
    const sheet = emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(
      'Report',
    ) as GoogleAppsScript.Spreadsheet.Sheet;
    expect(sheet.hasHiddenGridlines()).toBe(false);
    expect(sheet.setHiddenGridlines(true)).toBe(sheet);
    expect(sheet.hasHiddenGridlines()).toBe(true);
    expect(() => sheet.setHiddenGridlines('yes' as unknown as boolean)).toThrow(
      /setHiddenGridlines/,
    );
    sheet.setHiddenGridlines(false);
    expect(sheet.hasHiddenGridlines()).toBe(false);
  });

  it('names sheets uniquely and makes new ones 1,000 by 26', () => {
    const { spreadsheet } = setup();
    const tracker = spreadsheet.insertSheet('Tracker');
    expect([tracker.getMaxRows(), tracker.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => spreadsheet.insertSheet('tracker')).toThrow(
      'A sheet with the name "tracker" already exists. Please enter another name.',
    );
  });

  it('copies formats and validation into rows inserted after a row', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    sheet
      .getRange('A2:B2')
      .setNumberFormats([['0.00%', '@']])
      .setBackground('#FFF')
      .setFontWeight('bold');
    sheet.getRange('A2').setDataValidation(rule).setValue(0.5);
    sheet.insertRowsAfter(2, 2);
    const inserted = sheet.getRange('A3:B4');
    expect(inserted.getNumberFormats()).toEqual([
      ['0.00%', '@'],
      ['0.00%', '@'],
    ]);
    expect(inserted.getBackgrounds()).toEqual([
      ['#ffffff', '#ffffff'],
      ['#ffffff', '#ffffff'],
    ]);
    expect(inserted.getFontWeights()[1]).toEqual(['bold', 'bold']);
    expect(inserted.getDataValidations()[1][0]?.getCriteriaType()).toBe(
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    );
    expect(inserted.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('will not delete every non-frozen row', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });
});

describe('typing into cells checks data validation', () => {
  function withRules() {
    const ctx = setup();
    const { app, sheet } = ctx;
    const strict = app.newDataValidation().setAllowInvalid(false);
    sheet
      .getRange('A2:A10')
      .setDataValidation(
        strict
          .copy()
          .requireNumberGreaterThanOrEqualTo(0)
          .setHelpText('Fee must be 0 or more.')
          .build(),
      );
    sheet
      .getRange('B2:B10')
      .setDataValidation(strict.copy().requireDate().setHelpText('A date, please.').build());
    sheet.getRange('C2:C10').setDataValidation(strict.copy().requireTextIsUrl().build());
    sheet
      .getRange('D2:D10')
      .setDataValidation(strict.copy().requireValueInList(['Instagram', 'TikTok'], true).build());
    sheet
      .getRange('E2:E10')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 1).build());
    return ctx;
  }

  it('rejects invalid input with the help text and changes nothing', () => {
    const { emulator, sheet } = withRules();
    sheet.getRange('A2').setValue(10);
    expect(() => emulator.type('Sheet1', 'A2', [[-5]])).toThrow('Fee must be 0 or more.');
    expect(() => emulator.type('Sheet1', 'B2', [['soon']])).toThrow('A date, please.');
    expect(() => emulator.type('Sheet1', 'C2', [['example.com']])).toThrow(
      'violates the data validation rules',
    );
    expect(() => emulator.type('Sheet1', 'D2', [['YouTube']])).toThrow();
    expect(sheet.getRange('A2:D2').getValues()).toEqual([[10, '', '', '']]);
  });

  it('accepts valid input, parsing dates and keeping list entries as typed', () => {
    const { emulator, sheet } = withRules();
    emulator.type('Sheet1', 'A2', [['1,200', '3/14/2026', 'https://shop.example/p', 'tiktok']]);
    expect(sheet.getRange('A2:D2').getValues()).toEqual([
      [1200, new Date(2026, 2, 14), 'https://shop.example/p', 'tiktok'],
    ]);
  });

  it('lets scripts write invalid values (only people are stopped)', () => {
    const { sheet } = withRules();
    sheet.getRange('A3').setValue(-1);
    expect(sheet.getRange('A3').getValue()).toBe(-1);
  });

  it('warns instead of refusing when the rule allows invalid input', () => {
    const { emulator } = withRules();
    emulator.type('Sheet1', 'E2', [[7]]);
    expect(emulator.sheet('Sheet1').values('E2')).toEqual([[7]]);
    expect(emulator.warnings).toMatchObject([{ sheet: 'Sheet1', a1: 'E2' }]);
  });

  it('evaluates custom formula rules relative to each cell', () => {
    const { app, emulator, sheet } = setup();
    const unique = app
      .newDataValidation()
      .requireFormulaSatisfied('=COUNTIF($F$2:$F,F2)=1')
      .setAllowInvalid(false)
      .setHelpText('Each promo code once.')
      .build();
    sheet.getRange('F2:F20').setDataValidation(unique);
    emulator.type('Sheet1', 'F2', [['GLOW10'], ['SPRING']]);
    expect(() => emulator.type('Sheet1', 'F4', [['glow10']])).toThrow('Each promo code once.');
    expect(sheet.getRange('F4').getValue()).toBe('');
  });
});

describe('conditional formats', () => {
  it('highlights duplicates with a custom formula, shifting relative references per cell', () => {
    const { app, emulator, sheet } = setup();
    sheet.getRange('F1:F4').setValues([['Code'], ['SPRING10'], ['GLOW'], ['spring10']]);
    const duplicate = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=COUNTIF($F$2:$F,F2)>1')
      .setBackground('#F4CCCC')
      .setRanges([sheet.getRange('F2:F')])
      .build();
    const negative = app.newConditionalFormatRule().whenNumberLessThan(0).setFontColor('red');
    sheet.setConditionalFormatRules([
      duplicate,
      negative.setRanges([sheet.getRange('F2:G')]).build(),
    ]);
    expect(emulator.formatOf('Sheet1', 'F2')).toEqual({ background: '#f4cccc' });
    expect(emulator.formatOf('Sheet1', 'F3')).toBeNull();
    expect(emulator.formatOf('Sheet1', 'F4')).toEqual({ background: '#f4cccc' });
    sheet.getRange('G2').setValue(-3);
    expect(emulator.formatOf('Sheet1', 'G2')).toEqual({ fontColor: '#ff0000' });
  });

  it('moves rule ranges and formulas when rows are inserted above', () => {
    const { app, emulator, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=COUNTIF($F$2:$F,F2)>1')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('F2:F')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowsBefore(2, 1);
    expect(emulator.sheet('Sheet1').conditionalFormats).toEqual([
      {
        ranges: ['Sheet1!F3:F1001'],
        condition: { type: 'CUSTOM_FORMULA', values: ['=COUNTIF($F$3:$F,F3)>1'] },
        format: { background: '#f4cccc' },
      },
    ]);
  });
});

describe('call counting', () => {
  it('counts spreadsheet reads and writes, not range lookups or rule building', () => {
    const { emulator, app, spreadsheet } = setup();
    emulator.calls.reset();
    const sheet = spreadsheet.getSheetByName('Sheet1') as Sheet;
    const range = sheet.getRange('A1:B2');
    range.offset(1, 0).getSheet();
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    const rule = app.newDataValidation().requireDate().setHelpText('date').build();
    range.setDataValidation(rule);
    expect(emulator.calls.spreadsheetCount()).toBe(3);
    expect(emulator.calls.count('Range.setValues')).toBe(1);
    expect(emulator.calls.count('DataValidationBuilder')).toBe(3);
    expect(emulator.calls.count()).toBe(10);
    expect([...emulator.calls.services()]).toEqual(['SpreadsheetApp']);
  });
});

describe('teammates share one spreadsheet', () => {
  const team = { owner: 'owner@example.com', editors: ['va@example.com'] };

  it('lets a hook run teammate B in the middle of teammate A, showing a lost update', () => {
    const { emulator } = setup(team);
    const code = `
      function addRow(name) {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
        var row = sheet.getLastRow() + 1;
        sheet.getRange(row, 1).setValue(name);
      }
      function addRowLocked(name) {
        var lock = LockService.getDocumentLock();
        lock.waitLock(10000);
        try { addRow(name); } finally { lock.releaseLock(); }
      }`;
    const a = emulator.load(emulator.services, code);
    const b = emulator.load(emulator.sessionFor('va@example.com'), code);
    const errors: string[] = [];
    let teammateRuns = 'addRow';
    const stop = emulator.onCall((name, user) => {
      if (name !== 'Sheet.getLastRow' || user !== 'owner@example.com') return;
      try {
        b.call(teammateRuns, 'from B');
      } catch (error) {
        errors.push((error as Error).message);
      }
    });
    a.call('addRow', 'from A');
    expect(emulator.sheet('Sheet1').values()).toEqual([['from A']]);

    teammateRuns = 'addRowLocked';
    a.call('addRowLocked', 'A again');
    stop();
    expect(errors).toEqual(['Lock timeout: another process was holding the lock for too long.']);
    expect(emulator.sheet('Sheet1').values()).toEqual([['from A'], ['A again']]);
  });

  it('shares the document lock and document properties, not user properties', () => {
    const { emulator } = setup(team);
    const mine = emulator.services;
    const theirs = emulator.sessionFor('va@example.com');
    const myLock = mine.LockService.getDocumentLock();
    expect(myLock.tryLock(100)).toBe(true);
    expect(theirs.LockService.getDocumentLock().tryLock(100)).toBe(false);
    expect(() => theirs.LockService.getDocumentLock().waitLock(100)).toThrow('Lock timeout');
    myLock.releaseLock();
    expect(theirs.LockService.getDocumentLock().tryLock(100)).toBe(true);

    emulator.endExecution(theirs);
    emulator.holdDocumentLock('agency@example.com');
    expect(mine.LockService.getDocumentLock().tryLock(100)).toBe(false);
    emulator.releaseDocumentLock();

    mine.PropertiesService.getDocumentProperties().setProperty('goal', 100 as never);
    mine.PropertiesService.getUserProperties().setProperty('panel', 'codes');
    expect(theirs.PropertiesService.getDocumentProperties().getProperty('goal')).toBe('100');
    expect(theirs.PropertiesService.getUserProperties().getProperty('panel')).toBeNull();
    expect(emulator.documentProperties).toEqual({ goal: '100' });
  });

  it('enforces range protections on scripts and on typing', () => {
    const { emulator, sheet } = setup(team);
    const protection = sheet.getRange('A1:C1').protect().setDescription('Headers');
    protection.removeEditors(protection.getEditors().map((user) => user.getEmail()));
    const va = emulator.sessionFor('va@example.com');
    expect(sheetOf(va).getProtections(va.SpreadsheetApp.ProtectionType.RANGE)[0].canEdit()).toBe(
      false,
    );
    expect(() => sheetOf(va).getRange('B1').setValue('x')).toThrow(PROTECTED);
    expect(() => emulator.type('Sheet1', 'B1', [['x']], { as: 'va@example.com' })).toThrow(
      PROTECTED,
    );
    sheet.getRange('B1').setValue('owner may');

    protection.setWarningOnly(true);
    emulator.type('Sheet1', 'B1', [['x']], { as: 'va@example.com' });
    expect(emulator.warnings).toHaveLength(1);
  });

  it('shares the spreadsheet with valid addresses only', () => {
    const { spreadsheet } = setup(team);
    expect(() => spreadsheet.addEditors(['new@example.com', 'not-an-email'])).toThrow(
      'Invalid email: not-an-email',
    );
    spreadsheet.addViewer('viewer@example.com');
    expect(spreadsheet.getViewers().map((u) => u.getEmail())).toEqual(['viewer@example.com']);
    expect(spreadsheet.getOwner()?.getEmail()).toBe('owner@example.com');
  });
});

describe('a bundle in the vm', () => {
  it('gets values, arrays and errors native to its realm', () => {
    const { emulator, sheet } = setup();
    sheet.getRange('A1').setValue(new Date(2026, 0, 2));
    const script = emulator.load(
      emulator.services,
      `function probe() {
        var range = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1');
        var values = range.getValues();
        var caught;
        try { range.getSheet().getRange(0, 1); } catch (e) { caught = e; }
        return [values instanceof Array, values[0][0] instanceof Date, caught instanceof Error, String(caught)];
      }`,
    );
    expect(Array.from(script.call('probe') as unknown[])).toEqual([
      true,
      true,
      true,
      'Exception: The starting row of the range is too small.',
    ]);
  });

  it('records menus, sidebars, toasts and alerts', () => {
    const { emulator } = setup({ addonName: 'Influencer ROI' });
    const script = emulator.load(
      emulator.services,
      `function onOpen() {
        SpreadsheetApp.getUi().createAddonMenu().addItem('Open tracker', 'showSidebar').addToUi();
      }
      function showSidebar() {
        var html = HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Influencer ROI');
        SpreadsheetApp.getUi().showSidebar(html);
        SpreadsheetApp.getActiveSpreadsheet().toast('Ready', 'ROI');
        return SpreadsheetApp.getUi().alert('Sure?', SpreadsheetApp.getUi().ButtonSet.YES_NO);
      }`,
    );
    script.call('onOpen');
    emulator.uiAnswers.push({ button: 'NO' });
    expect(script.call('showSidebar')).toBe('NO');
    expect(emulator.menus).toEqual([
      {
        title: 'Influencer ROI',
        items: [{ caption: 'Open tracker', functionName: 'showSidebar' }],
      },
    ]);
    expect(emulator.sidebar).toEqual({ title: 'Influencer ROI', content: '<p>hi</p>' });
    expect(emulator.toasts).toEqual([{ message: 'Ready', title: 'ROI', timeoutSeconds: 5 }]);
    expect(emulator.alerts).toEqual([{ title: '', prompt: 'Sure?', kind: 'alert' }]);
  });
});
