import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/import-error';
import { fixture, read } from './helpers';

function refusal(run: () => unknown): { reason: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('recognising the report', () => {
  it.each([
    ['attribution-api.csv', 'amazonAttribution'],
    ['attribution-console.csv', 'amazonAttribution'],
    ['shopify-orders.csv', 'shopifyOrders'],
    ['shopify-sales-by-discount.csv', 'shopifySalesByDiscount'],
    ['woo-orders.csv', 'wooOrders'],
    ['woo-coupons.csv', 'wooCoupons'],
    ['associates.csv', 'amazonAssociates'],
    ['business-report.csv', 'businessReport'],
  ])('%s is %s', (name, kind) => {
    expect(read(fixture(name)).detection.kind).toBe(kind);
  });

  it('headers in any order and case', () => {
    const text = 'SUBTOTAL,discount code,NAME,financial status\n10.00,JANE10,#1,paid\n';
    expect(read(text).detection.kind).toBe('shopifyOrders');
  });

  it("the user's mapping overrides a detected column, and '' removes one", () => {
    const { detection } = read(fixture('shopify-orders.csv'), {
      mapping: { revenue: 'Total', refunded: '' },
    });
    expect(detection.mapping.revenue).toBe('Total');
    expect(detection.mapping.refunded).toBeUndefined();
    expect(detection.confidence).toBe(1);
  });
});

describe('files that are refused, with one clear message', () => {
  it('not a CSV: an .xlsx renamed', () => {
    expect(
      refusal(() => read('PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000[Content_Types].xml')),
    ).toEqual({
      reason: 'notCsv',
      message:
        "This file isn't a CSV export (it looks like a spreadsheet or another binary file, such as " +
        'an .xlsx renamed). Download the report as CSV, or import it into a tab and pick the tab.',
    });
  });

  it('not a CSV: a web page, or prose without columns', () => {
    expect(refusal(() => read('<!DOCTYPE html><html><body>Sign in</body></html>')).reason).toBe(
      'notCsv',
    );
    expect(refusal(() => read('Dear seller,\nyour report is ready.\n')).message).toBe(
      "This file doesn't look like a CSV report: no row of column names was found. Download the " +
        'report as CSV (comma, semicolon or tab separated).',
    );
  });

  it('empty', () => {
    expect(refusal(() => read(''))).toEqual({ reason: 'empty', message: 'The file is empty.' });
    expect(refusal(() => read('\uFEFF\n\n')).reason).toBe('empty');
  });

  it('over 10 MB', () => {
    expect(refusal(() => read('a,b\n'.padEnd(10 * 1024 * 1024 + 1, '1')))).toEqual({
      reason: 'tooLarge',
      message: 'The file is over 10 MB: export a shorter date range and import each part.',
    });
  });

  it('only a header', () => {
    expect(refusal(() => read('Name,Financial Status,Subtotal,Discount Code\n'))).toEqual({
      reason: 'headerOnly',
      message: 'The file has a header row but no data below it.',
    });
  });

  it('no code, tag or link column, and no mapping', () => {
    expect(refusal(() => read('Gutscheincode;Umsatz\nJANE10;12,50\n'))).toEqual({
      reason: 'noKeyColumn',
      message:
        'No column to match influencers by: the file has no promo code, tracking ID, ad group or ' +
        'link column. Choose the column that holds the code, tag or link.',
    });
  });

  it('a mapped column the file does not have', () => {
    expect(
      refusal(() => read('Code,Revenue\nJANE,1\n', { mapping: { revenue: 'Sales' } })),
    ).toEqual({
      reason: 'unknownColumn',
      message: `The column "Sales" chosen for revenue isn't in the file's header (row 1).`,
    });
  });

  it('money that is not a number, naming the row and the column', () => {
    const text = 'Title line\nPromo code,Total,Revenue\nJANE10,1,$5.00\nTOM5,2,abc\n';
    expect(refusal(() => read(text))).toEqual({
      reason: 'badValue',
      message: 'Row 4, column "Revenue": "abc" is not an amount',
    });
  });

  it('dates that mix day-first and month-first', () => {
    const text = 'Date,Ordered Product Sales,Units Ordered\n03/13/25,$1.00,1\n13/03/25,$1.00,1\n';
    expect(refusal(() => read(text))).toEqual({
      reason: 'mixedDates',
      message:
        'Column "Date" mixes day-first and month-first dates: fix the file or choose the order.',
    });
  });
});
