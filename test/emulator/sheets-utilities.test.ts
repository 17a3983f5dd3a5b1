// Utilities.parseCsv as Apps Script answers it: the import parses every report with it.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { errorOf } from '../harness/fixtures';

const { Utilities } = createEmulator().services;

describe('Utilities.parseCsv', () => {
  it('splits lines and commas into rows of strings, as written', () => {
    expect(Utilities.parseCsv('a,b,c\nd,e,f')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(Utilities.parseCsv(' 1,2.50 ,$3')).toEqual([[' 1', '2.50 ', '$3']]);
  });

  it('keeps the delimiter, doubled quotes and line breaks inside quoted fields', () => {
    expect(Utilities.parseCsv('"Lee, Ann","say ""hi""","two\nlines",x')).toEqual([
      ['Lee, Ann', 'say "hi"', 'two\nlines', 'x'],
    ]);
    expect(Utilities.parseCsv('"a\r\nb",c\r\nd,e')).toEqual([
      ['a\r\nb', 'c'],
      ['d', 'e'],
    ]);
  });

  it('ends lines at LF, CRLF or CR; a final line break adds no row, a blank line is one empty cell', () => {
    expect(Utilities.parseCsv('a,b\r\nc,d\re,f\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(Utilities.parseCsv('a,b\n\nc,d')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('keeps each row its own length', () => {
    expect(Utilities.parseCsv('Title line\na,b,c\n1,2')).toEqual([
      ['Title line'],
      ['a', 'b', 'c'],
      ['1', '2'],
    ]);
  });

  it('splits on a one-character delimiter of the caller’s choice', () => {
    expect(Utilities.parseCsv('a;"b;c";1,5\nd;e;f', ';')).toEqual([
      ['a', 'b;c', '1,5'],
      ['d', 'e', 'f'],
    ]);
    expect(Utilities.parseCsv('a\tb,c', '\t')).toEqual([['a', 'b,c']]);
  });

  it('refuses what Apps Script refuses', () => {
    expect(errorOf(() => Utilities.parseCsv('"never closed,a\nb'))).toBe('Could not parse text.');
    expect(errorOf(() => Utilities.parseCsv('a;b', ';;' as unknown as GoogleAppsScript.Char))).toBe(
      "The parameters (String,String) don't match the method signature for Utilities.parseCsv.",
    );
    expect(errorOf(() => Utilities.parseCsv(42 as unknown as string))).toMatch(
      /don't match the method signature for Utilities.parseCsv/,
    );
  });

  it('hands the script arrays of its own realm', () => {
    const emulator = createEmulator();
    const script = emulator.load();
    const ScriptArray = vm.runInContext('Array', script.context) as ArrayConstructor;
    const rows = emulator.services.Utilities.parseCsv('a,b\nc,d');
    expect(rows).toBeInstanceOf(ScriptArray);
    expect(rows[0]).toBeInstanceOf(ScriptArray);
  });
});
