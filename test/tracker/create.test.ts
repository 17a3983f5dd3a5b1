// The built bundle creates trackers in the Sheets emulator; HyperFormula computes what a user sees.
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/sheets-emulator';
import { errorOf, JANE, TOM, TRACKER_FORM } from '../harness/fixtures';

const FORM = TRACKER_FORM;

function setup(form: Record<string, unknown> = {}, emulator: Emulator = createEmulator()) {
  const script = emulator.load();
  const created = script.call('createTracker', { ...FORM, ...form }) as { sheetName: string };
  return { emulator, script, name: created.sheetName, sheet: emulator.sheet(created.sheetName) };
}

describe('creating a campaign tracker', () => {
  it('adds a sheet named after the campaign with settings, totals and the header', () => {
    const { emulator, name, sheet } = setup();
    expect(name).toBe('Spring launch');
    expect(emulator.sheetNames()).toEqual(['Sheet1', 'Spring launch', 'Rates']);
    expect(sheet.values('A1:E3')).toEqual([
      ['Spring launch', '', '', '', ''],
      ['Product', 'Currency', 'Goal', 'Goal target', 'Other-channel CAC'],
      ['B0C1234XYZ', 'USD', 'Orders', 100, 10],
    ]);
    expect(sheet.values('A7:H7')[0]).toEqual([
      'Influencer',
      'Platform',
      'Followers',
      'Post date',
      'Post URL',
      'Promo code',
      'Tracking link',
      'Fee',
    ]);
    expect(sheet.values('S7:AA7')[0]).toEqual([
      'Total cost',
      'Engagements',
      'Engagement rate',
      'Conversion rate',
      'CPE',
      'CAC',
      'AOV',
      'ROI',
      'ROAS',
    ]);
    // Filled by Import results, after the computed columns.
    expect(sheet.values('AB7:AC7')[0]).toEqual(['Brand Referral Bonus', 'Last import']);
    // Value beyond direct sales, read by the dashboard.
    expect(sheet.values('AD7:AG7')[0]).toEqual([
      'Usual engagement rate',
      'Sentiment',
      'Sentiment note',
      'Reusable content value',
    ]);
    expect(sheet.frozenRows).toBe(7);
    expect(sheet.maxRows).toBe(7 + 25);
    // Money done right: inputs, then what they compute in the reporting currency.
    expect(sheet.values('AH7:AU7')[0]).toEqual([
      'Currency',
      'Sales currency',
      'Customer discount',
      'Commission rate',
      'Agency fees',
      'Gross margin',
      'Delivered on time',
      'Payment status',
      'Rate',
      'Sales rate',
      'Full cost (reporting)',
      'Revenue (reporting)',
      'Profit ROI',
      'Possible code leak',
    ]);
    expect(sheet.values('F2:G3')).toEqual([
      ['Reporting currency', 'Gross margin'],
      ['USD', ''],
    ]);
    expect(sheet.maxColumns).toBe(48);
  });

  it('computes every derived value with native formulas, to the cent', () => {
    const { emulator, name, sheet } = setup();
    emulator.type(name, 'A8', [JANE, TOM]);
    expect(sheet.values('S8:AA9')).toEqual([
      [500, 1000, 1000 / 15000, 0.05, 0.5, 12.5, 2000 / 30, 3, 4],
      [200, 4000, 0.08, 0.05, 0.05, 5, 30, 5, 6],
    ]);
    expect(sheet.formulas('S7')[0][0]).toMatch(/^=ARRAYFORMULA\(/);
    expect(sheet.formulas('S8:AA8')[0]).toEqual(new Array(9).fill(''));
    expect(emulator.unsupportedFunctions).toEqual([]);
  });

  it('keeps live totals, goal progress and the best and worst influencer on top', () => {
    const { emulator, name, sheet } = setup();
    emulator.type(name, 'A8', [JANE, TOM]);
    const [labels, totals] = sheet.values('A4:L5');
    const byLabel = Object.fromEntries(labels.map((label, i) => [label, totals[i]]));
    expect(byLabel).toEqual({
      'Progress to goal': 0.7,
      Spend: 700,
      Revenue: 3200,
      Orders: 70,
      'New customers': 80,
      ROI: (3200 - 700) / 700,
      ROAS: 3200 / 700,
      CAC: 8.75,
      'Engagement rate': 5000 / 65000,
      'CAC vs other channels': 0.875,
      'Best influencer (ROI)': '@tom',
      'Worst influencer (ROI)': '@jane',
    });
  });

  it('measures progress in the goal the campaign set', () => {
    const { emulator, name, sheet } = setup({ goalType: 'roi', goalTarget: 2 });
    emulator.type(name, 'A8', [JANE]);
    expect(sheet.values('A5')[0][0]).toBe(1.5);
    expect(sheet.values('C3:D3')[0]).toEqual(['ROI', 2]);
  });

  it('leaves empty rows blank, not errors, and computes rows added below later', () => {
    const { emulator, script, name, sheet } = setup({ startingRows: 3 });
    expect(
      sheet
        .values('S8:AA10')
        .flat()
        .every((value) => value === ''),
    ).toBe(true);
    // Nothing spent yet is 0; revenue, orders and new customers are not known yet.
    expect(sheet.values('A5:L5')[0].slice(1, 10)).toEqual([0, '', '', '', '', '', '', '', '']);
    const services = emulator.services;
    services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)?.insertRowsAfter(10, 5);
    emulator.type(name, 'A13', [TOM]);
    expect(sheet.values('S13:AA13')[0]).toEqual([200, 4000, 0.08, 0.05, 0.05, 5, 30, 5, 6]);
    expect(script.logs).toEqual([]);
  });

  it('validates what teammates type', () => {
    const { emulator, name } = setup();
    const refused = (a1: string, value: unknown) =>
      errorOf(() => emulator.type(name, a1, [[value]]));
    expect(refused('H8', -5)).toMatch(/Fee must be an amount, 0 or more/);
    expect(refused('C8', 'lots')).toMatch(/Followers must be a number, 0 or more/);
    expect(refused('D8', 'yesterday')).toMatch(/Post date must be a date/);
    expect(refused('G8', 'not a link')).toMatch(/Tracking link must be a link/);
    expect(refused('B8', 'MySpace')).toMatch(/Platform must be one of Instagram, TikTok/);
    emulator.type(name, 'B8', [['tiktok']]);
  });

  it('refuses a currency that is not an ISO 4217 code, in the table, the settings and the Rates sheet', () => {
    const { emulator, name, sheet } = setup();
    const refused = (tab: string, a1: string, value: unknown) =>
      errorOf(() => emulator.type(tab, a1, [[value]]));
    // AH and AI: Currency and Sales currency; B3 and F3: the Currency and Reporting currency settings.
    expect(sheet.values('AH7:AI7')[0]).toEqual(['Currency', 'Sales currency']);
    expect(sheet.values('F2')[0][0]).toBe('Reporting currency');
    for (const bad of ['EURO', 'XYZ', 'US', 'AED AFN', 123])
      expect(refused(name, 'AH8', bad)).toBe(
        'There was a problem with Spring launch!AH8: Currency and Sales currency: an ISO 4217 code such as USD, EUR or BRL, or empty.',
      );
    expect(refused(name, 'AI20', 'R$')).toMatch(/AI20: Currency and Sales currency: an ISO 4217/);
    expect(refused(name, 'B3', 'Dollars')).toMatch(
      /B3: Currency must be an ISO 4217 code such as USD, EUR or BRL\.$/,
    );
    expect(refused(name, 'F3', 'ABC')).toMatch(/F3: Reporting currency must be an ISO 4217 code/);
    expect(refused('Rates', 'A2', 'EUROS')).toMatch(
      /Rates!A2: A currency must be an ISO 4217 code such as EUR, GBP or BRL\.$/,
    );
    emulator.type(name, 'AH8', [['BRL', 'try']]);
    emulator.type(name, 'AH32', [['BDT', '']]);
    emulator.type(name, 'F3', [['EUR']]);
    emulator.type('Rates', 'A2', [['BRL'], ['TRY'], ['BDT']]);
    expect(sheet.values('AH8:AI8')[0]).toEqual(['BRL', 'try']);
    expect(sheet.values('AH32')[0][0]).toBe('BDT');
    expect(emulator.sheet('Rates').values('A2:A4')).toEqual([['BRL'], ['TRY'], ['BDT']]);
  });

  it('formats money in the campaign currency, rates as percents and dates as dates', () => {
    const { sheet } = setup({ currency: 'EUR' });
    const [formats] = sheet.numberFormats('C8:U8');
    expect(formats[0]).toBe('#,##0');
    expect(formats[1]).toBe('yyyy-mm-dd');
    expect(formats[5]).toBe('[$€]#,##0.00');
    expect(formats[18]).toBe('0.0%');
  });

  it('highlights codes shared by different influencers, ROI by sign and engagement below the norm', () => {
    const { emulator, name } = setup();
    emulator.type(name, 'A8', [
      JANE,
      TOM,
      Object.assign([...TOM], { 0: '@amy', 5: 'JANE10', 6: 'https://shop.com/?c=amy', 16: 100 }),
    ]);
    expect(emulator.formatOf(name, 'F8')?.background).toBe('#fce8b2');
    expect(emulator.formatOf(name, 'F10')?.background).toBe('#fce8b2');
    expect(emulator.formatOf(name, 'F9')).toBeNull();
    expect(emulator.formatOf(name, 'Z8')?.background).toBe('#ceead6');
    expect(emulator.formatOf(name, 'Z10')?.background).toBe('#f4c7c3');
    // TikTok's norm starts at 10%: 8% is flagged, Instagram's 6.7% is above its 3%.
    expect(emulator.formatOf(name, 'U9')?.background).toBe('#fce8b2');
    expect(emulator.formatOf(name, 'U8')).toBeNull();
  });

  it('explains each computed column and protects it with a warning', () => {
    const { sheet } = setup();
    expect(sheet.notes('AA7')[0][0]).toBe('ROAS = revenue / total cost (ROI + 1).');
    expect(sheet.notes('U7')[0][0]).toMatch(/^Engagement rate = engagements \/ followers/);
    expect(sheet.protections).toEqual([
      expect.objectContaining({ range: 'Spring launch!A5:Q6', warningOnly: true }),
      expect.objectContaining({ range: 'Spring launch!S7:AA32', warningOnly: true }),
      expect.objectContaining({ range: 'Spring launch!AP7:AU32', warningOnly: true }),
    ]);
    expect(sheet.backgrounds('R8:S8')[0]).not.toEqual(expect.arrayContaining([undefined]));
    expect(sheet.backgrounds('R8')[0][0]).not.toBe(sheet.backgrounds('S8')[0][0]);
  });

  it('stores the campaign settings with the document, for the whole team', () => {
    const { emulator } = setup();
    const [key] = Object.keys(emulator.documentProperties).filter((k) => k.startsWith('tracker:'));
    expect(JSON.parse(emulator.documentProperties[key])).toMatchObject({
      ...FORM,
      sheetId: expect.any(Number),
    });
    expect(emulator.userProperties()).toEqual({});
  });
});

describe('what a user typed lands as text', () => {
  it.each(['=IMPORTXML("http://example.com","//a")', '+1+1', "'quoted", '0012'])(
    'a campaign named %s',
    (campaignName) => {
      const { sheet } = setup({ campaignName, product: campaignName });
      expect(sheet.values('A1')[0][0]).toBe(campaignName);
      expect(sheet.formulas('A1')[0][0]).toBe('');
      expect(sheet.values('A3')[0][0]).toBe(campaignName);
    },
  );
});

describe('never touching what exists', () => {
  it('picks a free name and leaves the existing sheet as it was', () => {
    const emulator = createEmulator({
      sheets: [{ name: 'Spring launch', values: [['my notes', 42]] }],
    });
    const { name } = setup({}, emulator);
    expect(name).toBe('Spring launch (2)');
    expect(emulator.sheet('Spring launch').values('A1:B1')).toEqual([['my notes', 42]]);
    const { name: third } = setup({}, emulator);
    expect(third).toBe('Spring launch (3)');
  });

  it('refuses bad options before touching the spreadsheet', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    emulator.calls.reset();
    expect(errorOf(() => script.call('createTracker', { ...FORM, goalTarget: -5 }))).toBe(
      'The goal target must be above 0 (got -5).',
    );
    expect(emulator.calls.spreadsheetCount()).toBe(0);
    expect(emulator.sheetNames()).toEqual(['Sheet1']);
  });

  it('removes a half-built tracker when a step fails, and says why', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    emulator.onCall((name) => {
      if (name === 'Sheet.setConditionalFormatRules')
        throw new Error('Service Spreadsheets timed out');
    });
    expect(errorOf(() => script.call('createTracker', FORM))).toBe(
      'The tracker could not be created, so nothing was changed. Service Spreadsheets timed out',
    );
    expect(emulator.sheetNames()).toEqual(['Sheet1']);
    expect(emulator.documentProperties).toEqual({});
  });
});

describe('teammates at the same time', () => {
  it('a teammate holding the lock gets a clear message and no half tracker', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    emulator.holdDocumentLock('marketer@example.com');
    expect(errorOf(() => script.call('createTracker', FORM))).toMatch(
      /A teammate is changing this spreadsheet/,
    );
    expect(emulator.sheetNames()).toEqual(['Sheet1']);
  });

  it('two clicks at once give two complete trackers, not a tangle', () => {
    const emulator = createEmulator({ editors: ['va@example.com'] });
    const owner = emulator.load();
    const assistant = emulator.load(emulator.sessionFor('va@example.com'));
    const outcomes: string[] = [];
    let interleaved = false;
    const stop = emulator.onCall((name, user) => {
      if (interleaved || user !== 'owner@example.com' || name !== 'Range.setValues') return;
      interleaved = true;
      outcomes.push(errorOf(() => assistant.call('createTracker', FORM)));
    });
    owner.call('createTracker', FORM);
    stop();
    // Apps Script would make the second click wait for the lock; here it is told to retry, then does.
    expect(outcomes[0]).toMatch(/A teammate is changing this spreadsheet/);
    assistant.call('createTracker', FORM);
    expect(emulator.sheetNames()).toEqual([
      'Sheet1',
      'Spring launch',
      'Spring launch (2)',
      'Rates',
    ]);
    for (const name of ['Spring launch', 'Spring launch (2)']) {
      emulator.type(name, 'A8', [TOM]);
      expect(emulator.sheet(name).values('Z8')[0][0]).toBe(5);
    }
  });
});

describe('service calls', () => {
  it('are the same for 25 rows as for 1,000, and at most 41 once the Rates sheet exists', () => {
    const counts = [25, 1000].map((startingRows) => {
      const emulator = createEmulator();
      const script = emulator.load();
      script.call('createTracker', { ...FORM, campaignName: 'First' });
      emulator.calls.reset();
      script.call('createTracker', { ...FORM, startingRows });
      return emulator.calls.spreadsheetCount();
    });
    expect(counts[0]).toBe(counts[1]);
    // 41: the currency columns' rule is set on their range (one call), not cell by cell.
    expect(counts[0]).toBeLessThanOrEqual(41);
  });

  it('take at most 10 more for the first tracker, which sets up the shared Rates sheet once', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    emulator.calls.reset();
    script.call('createTracker', FORM);
    expect(emulator.sheetNames()).toContain('Rates');
    expect(emulator.calls.spreadsheetCount()).toBeLessThanOrEqual(50);
  });
});
