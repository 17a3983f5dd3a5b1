import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/apps/errors';
import { checkTrackerOptions } from '../../src/tracker/options';
import { TRACKER_FORM } from '../harness/fixtures';

const valid = TRACKER_FORM;

function problem(changes: Record<string, unknown>): string {
  try {
    checkTrackerOptions({ ...valid, ...changes });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected the options to be refused');
}

describe('tracker options', () => {
  it('accepts a complete form and trims text', () => {
    const options = checkTrackerOptions({
      ...valid,
      campaignName: '  Spring\tlaunch  ',
      currency: 'eur',
    });
    expect(options).toEqual({ ...valid, campaignName: 'Spring launch', currency: 'EUR' });
  });

  it('accepts any ISO 4217 currency, not only the common ones', () => {
    for (const code of ['BRL', 'try', 'BDT', 'CHF', 'ZAR'])
      expect(checkTrackerOptions({ ...valid, currency: code }).currency).toBe(code.toUpperCase());
  });

  it('fills defaults for an optional CAC and starting rows', () => {
    const options = checkTrackerOptions({ ...valid, otherChannelCac: '', startingRows: undefined });
    expect(options.otherChannelCac).toBeNull();
    expect(options.startingRows).toBe(25);
  });

  it('accepts numbers sent as text', () => {
    expect(checkTrackerOptions({ ...valid, goalTarget: '250', startingRows: '40' })).toMatchObject({
      goalTarget: 250,
      startingRows: 40,
    });
  });

  it('names the field that is wrong', () => {
    expect(problem({ campaignName: '   ' })).toBe('The campaign name is required.');
    expect(problem({ campaignName: 'x'.repeat(81) })).toMatch(
      /campaign name is 81 characters long; keep it to 80/,
    );
    expect(problem({ goalTarget: -5 })).toBe('The goal target must be above 0 (got -5).');
    expect(problem({ goalTarget: 'lots' })).toBe('The goal target must be a number.');
    expect(problem({ goalTarget: 10.5 })).toMatch(/whole number of orders/);
    expect(problem({ goalType: 'likes' })).toMatch(
      /goal must be one of Orders, Revenue, ROI, Impressions/,
    );
    expect(problem({ currency: 'BTC' })).toMatch(/currency must be an ISO 4217 code/);
    expect(problem({ currency: 'EURO' })).toMatch(/currency must be an ISO 4217 code/);
    expect(problem({ startingRows: 0 })).toBe(
      'Starting rows must be a whole number from 1 to 1000 (got 0).',
    );
    expect(problem({ startingRows: 1001 })).toMatch(/from 1 to 1000 \(got 1001\)/);
    expect(problem({ otherChannelCac: -1 })).toMatch(/other-channel CAC must be above 0/);
  });

  it('refuses a request that is not an object', () => {
    expect(() => checkTrackerOptions(null)).toThrow('The tracker options are missing.');
    expect(() => checkTrackerOptions(['Spring'])).toThrow(InputError);
  });

  it('keeps a formula-looking name as plain text for the sheet to store literally', () => {
    expect(
      checkTrackerOptions({ ...valid, campaignName: '=IMPORTXML("http://example.com","//a")' })
        .campaignName,
    ).toBe('=IMPORTXML("http://example.com","//a")');
  });
});

describe('the ROI target', () => {
  it('is reported in the percent the form asked for', () => {
    expect(() => checkTrackerOptions({ ...valid, goalType: 'roi', goalTarget: -2 })).toThrow(
      'The ROI target must be above 0 (got -200%).',
    );
    expect(checkTrackerOptions({ ...valid, goalType: 'roi', goalTarget: 1.5 }).goalTarget).toBe(
      1.5,
    );
  });
});
