import { describe, expect, it } from 'vitest';
import {
  headerKey,
  isTotalRow,
  locateHeader,
  looksBinary,
  sniffSeparator,
  stripBom,
  toTable,
} from '../../src/import/text';

describe('the file as text', () => {
  it('drops a byte-order mark and nothing else', () => {
    expect(stripBom('\uFEFFName,Total')).toBe('Name,Total');
    expect(stripBom('Name,Total')).toBe('Name,Total');
  });

  it('finds the separator: comma, semicolon or tab, quotes honoured', () => {
    expect(sniffSeparator('Code,Revenue\nJANE,"$1,234.50"\nTOM,"$9.99"\n')).toEqual({
      separator: ',',
      decimalComma: false,
    });
    expect(sniffSeparator('Code\tRevenue\nJANE\t12.50\n').separator).toBe('\t');
  });

  it('sees a semicolon file with decimal commas', () => {
    const text = 'Code;Umsatz;Bestellungen\nJANE;1.234,50;3\nTOM;12,5;1\nBO;99,00;2\n';
    expect(sniffSeparator(text)).toEqual({ separator: ';', decimalComma: true });
  });

  it('a title line above the header does not mislead the sniffing', () => {
    const text = '"Fee-Earnings Report, March 2025"\nA,B,C\n1,2,3\n4,5,6\n';
    expect(sniffSeparator(text).separator).toBe(',');
  });

  it('tells binary files from text', () => {
    expect(looksBinary('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml')).toBe(true);
    expect(looksBinary('%PDF-1.7 ...')).toBe(true);
    expect(looksBinary('Name,Total\n#1001,12.00\n')).toBe(false);
    expect(looksBinary('Code,Revenue\n\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD,1\n')).toBe(true);
  });

  it('folds headers: case, spaces, underscores, punctuation and camelCase agree', () => {
    const spellings = ['Click-throughs', 'click_throughs', 'clickThroughs', ' CLICK THROUGHS '];
    expect(new Set(spellings.map(headerKey))).toEqual(new Set(['clickthroughs']));
    expect(headerKey('attributed_sales_14_d')).toBe(headerKey('attributedSales14d'));
    expect(headerKey('Revenue($)')).toBe('revenue');
  });

  it('finds the header below title lines', () => {
    const rows = [['Fee-Earnings Report'], [''], ['Tracking ID', 'Revenue($)'], ['jane-20', '1']];
    expect(locateHeader(rows)).toBe(2);
  });

  it('drops trailing total rows, blank rows and empty trailing columns', () => {
    const rows = [
      ['Code', 'Orders', 'Revenue', '', ''],
      ['JANE', '2', '10.00', '', ''],
      ['', '', '', '', ''],
      ['TOTAL', '2', '10.00', '', ''],
    ];
    expect(toTable(rows, 0)).toEqual({
      headers: ['Code', 'Orders', 'Revenue'],
      headerRow: 1,
      rows: [{ row: 2, cells: ['JANE', '2', '10.00'] }],
    });
  });

  it('a code called "Total" in the middle of the data is kept', () => {
    const table = toTable(
      [
        ['Code', 'Orders'],
        ['Total', '1'],
        ['JANE', '2'],
      ],
      0,
    );
    expect(table.rows.map((row) => row.cells[0])).toEqual(['Total', 'JANE']);
    expect(isTotalRow(['', 'Grand total', '3'])).toBe(true);
  });
});
