import { describe, expect, it } from 'vitest';
import {
  CellReader,
  detectDecimalComma,
  inferDateOrder,
  parseCount,
  parseDate,
  parseMoney,
  parsePercent,
} from '../../src/import/values';

describe('money, counts, percents and dates as the reports write them', () => {
  it('reads money with symbols, grouping and signs', () => {
    expect(parseMoney('$1,234.50')).toBe(1234.5);
    expect(parseMoney('MX$5,310.54')).toBe(5310.54);
    expect(parseMoney('₹1,08,218.36')).toBe(108218.36);
    expect(parseMoney('€12.00')).toBe(12);
    expect(parseMoney('£0.99')).toBe(0.99);
    expect(parseMoney('USD 19.99')).toBe(19.99);
    expect(parseMoney('-12.00')).toBe(-12);
    expect(parseMoney('(12.00)')).toBe(-12);
    expect(parseMoney('-$2,000.00')).toBe(-2000);
    expect(parseMoney('$-30.00')).toBe(-30);
  });

  it('reads decimal commas only when the file uses them', () => {
    expect(parseMoney('1.234,50', true)).toBe(1234.5);
    expect(parseMoney('1.059,90 €', true)).toBe(1059.9);
    expect(parseMoney('12,5', true)).toBe(12.5);
    expect(parseMoney('12,5')).toBeNull();
  });

  it('rounds float noise to the cent', () => {
    expect(parseMoney('191.95999999999998')).toBe(191.96);
    expect(parseMoney('0.30000000000000004')).toBe(0.3);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['abc', '12abc', '$', '1.2.3', '=1+2', 'N/A'])
      expect(parseMoney(text)).toBeNull();
  });

  it('reads counts with thousands separators, and only whole numbers', () => {
    expect(parseCount('1,514')).toBe(1514);
    expect(parseCount('1.514', true)).toBe(1514);
    expect(parseCount('-2')).toBe(-2);
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('lots')).toBeNull();
  });

  it('reads percents as fractions', () => {
    expect(parsePercent('9.26%')).toBe(0.0926);
    expect(parsePercent('9,26 %', true)).toBe(0.0926);
    expect(parsePercent('0.5')).toBe(0.5);
  });

  it('reads the reports date formats as the day written', () => {
    expect(parseDate('20250314')).toBe('2025-03-14');
    expect(parseDate('2025-03-14')).toBe('2025-03-14');
    expect(parseDate('2025-03-14 23:22:05 -0400')).toBe('2025-03-14');
    expect(parseDate('2025-03-14T10:22:05Z')).toBe('2025-03-14');
    expect(parseDate('3/14/25')).toBe('2025-03-14');
    expect(parseDate('14/03/25')).toBe('2025-03-14');
    expect(parseDate('14.03.2025')).toBe('2025-03-14');
    expect(parseDate('Mar 14, 2025')).toBe('2025-03-14');
    expect(parseDate('14 March 2025')).toBe('2025-03-14');
    expect(parseDate('2025-02-30')).toBeNull();
    expect(parseDate('soon')).toBeNull();
  });

  it('an ambiguous date needs an order; values over 12 settle it', () => {
    expect(parseDate('03/04/25')).toBeNull();
    expect(parseDate('03/04/25', 'mdy')).toBe('2025-03-04');
    expect(parseDate('03/04/25', 'dmy')).toBe('2025-04-03');
    expect(inferDateOrder(['03/04/25', '03/13/25'])).toBe('mdy');
    expect(inferDateOrder(['03/04/25', '13/03/25'])).toBe('dmy');
    expect(inferDateOrder(['03/04/25', '04/05/25'])).toBe('ambiguous');
    expect(inferDateOrder(['03/13/25', '13/03/25'])).toBe('mixed');
    expect(inferDateOrder(['2025-03-04'])).toBe('none');
  });

  it('detects decimal commas from the values', () => {
    expect(
      detectDecimalComma([
        ['JANE', '1.234,50'],
        ['TOM', '12,50 €'],
      ]),
    ).toBe(true);
    expect(
      detectDecimalComma([
        ['JANE', '$1,234.50'],
        ['TOM', '12.50'],
      ]),
    ).toBe(false);
  });

  it('names the row and the column of a value that is not what the column holds', () => {
    const read = new CellReader(['Code', 'Total', 'Date'], { decimalComma: false });
    expect(() => read.money(['JANE', 'abc', ''], 1, 7)).toThrow(
      'Row 7, column "Total": "abc" is not an amount',
    );
    expect(() => read.count(['JANE', '1.5', ''], 1, 8)).toThrow(
      'Row 8, column "Total": "1.5" is not a whole number',
    );
    expect(() => read.date(['JANE', '', 'someday'], 2, 9)).toThrow(
      'Row 9, column "Date": "someday" is not a date',
    );
    expect(read.money(['JANE', '', ''], 1, 7)).toBe(0);
  });
});
