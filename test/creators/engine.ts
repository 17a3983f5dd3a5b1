// Evaluates the native-formula builders' strings with HyperFormula, configured as the emulator
// configures it, so a test can say what a sheet would show.
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';

export type Cell = RawCellContent;

/** HyperFormula knows TRUE and FALSE only as functions (the emulator translates them too). */
function translate(cell: Cell): Cell {
  return typeof cell === 'string' && cell.startsWith('=')
    ? cell.replace(/\b(TRUE|FALSE)\b(?!\()/g, '$1()')
    : cell;
}

export interface Workbook {
  /** The value at an A1 address such as "Rows!M2"; errors as their code ("#VALUE!"). */
  value(address: string): string | number | boolean | null;
}

export function workbook(sheets: Record<string, Cell[][]>): Workbook {
  const data: Record<string, Cell[][]> = {};
  for (const [name, rows] of Object.entries(sheets))
    data[name] = rows.map((row) => row.map(translate));
  const hf = HyperFormula.buildFromSheets(data, {
    licenseKey: 'gpl-v3',
    useArrayArithmetic: false,
    smartRounding: false,
    functionArgSeparator: ',',
    decimalSeparator: '.',
    arrayColumnSeparator: ',',
    arrayRowSeparator: ';',
  });
  const first = Object.keys(sheets)[0];
  return {
    value(address) {
      const sheetId = hf.getSheetId(address.includes('!') ? address.split('!')[0] : first);
      const cell = hf.simpleCellAddressFromString(address, sheetId as number);
      if (!cell) throw new Error(`Bad address ${address}`);
      const value = hf.getCellValue(cell);
      if (value instanceof DetailedCellError) return value.value;
      return value as string | number | boolean | null;
    },
  };
}
