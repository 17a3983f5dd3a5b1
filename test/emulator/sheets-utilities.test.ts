// Utilities.parseCsv as Apps Script answers it: the import parses every report with it.
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
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

describe('Utilities bytes and blobs (base64Decode, newBlob, ungzip, getDataAsString)', () => {
  const gzipped = (text: string) => gzipSync(Buffer.from(text, 'utf8')).toString('base64');

  it('decodes base-64 into signed bytes, as Java hands them to a script', () => {
    expect(Utilities.base64Decode('AH+A/w==')).toEqual([0, 127, -128, -1]);
    expect(Utilities.base64Decode('')).toEqual([]);
  });

  it('refuses text that is not base-64, and arguments of the wrong type', () => {
    expect(errorOf(() => Utilities.base64Decode('not base64!'))).toBe('Could not decode string.');
    expect(errorOf(() => Utilities.base64Decode(42 as unknown as string))).toMatch(
      /don't match the method signature for Utilities\.base64Decode/,
    );
  });

  it('opens a gzipped blob and reads it back as UTF-8 text', () => {
    const text = '[["JANE10","€1.234,50","Grüße"]]';
    const blob = Utilities.newBlob(Utilities.base64Decode(gzipped(text)), 'application/gzip');
    expect(blob.getContentType()).toBe('application/gzip');
    expect(Utilities.ungzip(blob).getDataAsString()).toBe(text);
    expect(Utilities.newBlob('plain é').getDataAsString()).toBe('plain é');
    expect(Utilities.newBlob('plain é').getBytes()).toEqual([112, 108, 97, 105, 110, 32, -61, -87]);
  });

  it('refuses to unzip bytes that are not gzip, and a non-blob', () => {
    const blob = Utilities.newBlob(Utilities.base64Decode('AAECAw=='));
    expect(errorOf(() => Utilities.ungzip(blob))).toBe('Invalid argument: blob');
    expect(
      errorOf(() => Utilities.ungzip('text' as unknown as GoogleAppsScript.Base.Blob)),
    ).toMatch(/don't match the method signature for Utilities\.ungzip/);
    expect(errorOf(() => Utilities.newBlob([1, 2, 999] as unknown as string))).toMatch(
      /Utilities\.newBlob/,
    );
  });
});
