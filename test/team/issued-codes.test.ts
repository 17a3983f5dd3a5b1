// Issued codes in the built bundle: older records folded into the digest are never reissued, and a
// code is recorded before (never after) its cell is written.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { errorOf, TRACKER_FORM } from '../harness/fixtures';

const REQUEST = { sheetName: 'Spring launch', brandPrefix: '', landingPage: 'https://shop.com/p' };

function tracker(handles: string[]) {
  const emulator = createEmulator();
  const script = emulator.load();
  script.call('createTracker', TRACKER_FORM);
  emulator.type(
    'Spring launch',
    'A8',
    handles.map((handle) => [handle, 'Instagram']),
  );
  const properties = emulator.services.PropertiesService.getDocumentProperties();
  return { emulator, script, properties, sheet: emulator.sheet('Spring launch') };
}

type Plan = { planned: { row: number; code: string }[] };
const digestKeys = (all: Record<string, string>) =>
  Object.keys(all).filter((key) => key.startsWith('codes.digest.'));

describe('issued codes', () => {
  it('folds an older record into the digest and never reissues its codes', () => {
    const { emulator, script, properties, sheet } = tracker(['@jane', '@tom', '@amy']);
    // How older versions kept them: the codes themselves, in chunks.
    properties.setProperties({ 'codes.issued.0': 'JANE TOM', 'codes.issued.1': 'TOM2' });
    const preview = script.call('previewCodesAndLinks', REQUEST) as Plan;
    expect(preview.planned.map((cell) => cell.code)).toEqual(['JANE2', 'TOM3', 'AMY']);
    script.call('applyCodesAndLinks', REQUEST);
    const stored = emulator.documentProperties;
    expect(Object.keys(stored).filter((key) => key.startsWith('codes.issued.'))).toEqual([]);
    expect(digestKeys(stored)).toHaveLength(5);
    // The sheet's codes cleared: the digest alone still remembers the older and the new codes.
    emulator.type('Spring launch', 'F8', [[''], [''], ['']]);
    emulator.type('Spring launch', 'A11', [['@jane2', 'Instagram']]);
    const again = script.call('previewCodesAndLinks', REQUEST) as Plan;
    expect(again.planned.map((cell) => cell.code)).toEqual(['JANE3', 'TOM4', 'AMY2', 'JANE22']);
    expect(sheet.values('F8:F10')).toEqual([[''], [''], ['']]);
  });

  it('folds an older record that leaves no room for the digest beside it', () => {
    const { emulator, script, properties } = tracker(['@glowcreator7']);
    // 25,000 codes as an older version kept them: about 415 KB of the store's 500 KB.
    const codes = Array.from({ length: 25000 }, (_, i) => `GLOWCREATOR${i}`);
    const chunks: Record<string, string> = {};
    for (let i = 0; i * 500 < codes.length; i++)
      chunks[`codes.issued.${i}`] = codes.slice(i * 500, (i + 1) * 500).join(' ');
    properties.setProperties(chunks);
    const applied = script.call('applyCodesAndLinks', REQUEST) as Plan;
    // GLOWCREATOR7, then 7 followed by 2 to 999, then GLOWCREATOR1000 to 9999 were all issued:
    // the first free code cuts one more letter for a five-digit number.
    expect(applied.planned.map((cell) => cell.code)).toEqual(['GLOWCREATO10000']);
    const stored = emulator.documentProperties;
    expect(Object.keys(stored).some((key) => key.startsWith('codes.issued.'))).toBe(false);
    expect(digestKeys(stored)).toHaveLength(5);
  });

  it('records the codes before writing: a failed write leaves only recorded codes', () => {
    const { emulator, script } = tracker(['@jane', '@tom']);
    const stop = emulator.onCall((name) => {
      if (name === 'Range.setValues') throw new Error('Service Spreadsheets timed out');
    });
    expect(errorOf(() => script.call('applyCodesAndLinks', REQUEST))).toContain('timed out');
    stop();
    // The code column was written when the write broke; its codes were recorded first.
    const sheet = emulator.sheet('Spring launch');
    expect(sheet.values('F8:F9')).toEqual([['JANE'], ['TOM']]);
    emulator.type('Spring launch', 'F8', [[''], ['']]);
    const again = script.call('previewCodesAndLinks', REQUEST) as Plan;
    expect(again.planned.map((cell) => cell.code)).toEqual(['JANE2', 'TOM2']);
  });

  it('writes no code when the store is too full to record it', () => {
    const { emulator, script, properties, sheet } = tracker(['@jane']);
    // Someone else's script filled the document's store to the brim.
    const filler: Record<string, string> = {};
    for (let i = 0; i < 54; i++) filler[`other.${i}`] = 'x'.repeat(9000);
    properties.setProperties(filler);
    const before = emulator.documentProperties;
    expect(errorOf(() => script.call('applyCodesAndLinks', REQUEST))).toContain('quota');
    expect(sheet.values('F8:G8')).toEqual([['', '']]);
    expect(emulator.documentProperties).toEqual(before);
  });

  it('refuses a landing page over 2,000 characters, and writes nothing', () => {
    const { emulator, script, sheet } = tracker(['@jane']);
    const landingPage = `https://shop.com/p?ref=${'a'.repeat(2000)}`;
    expect(errorOf(() => script.call('applyCodesAndLinks', { ...REQUEST, landingPage }))).toBe(
      'The landing page is 2023 characters long; keep it to 2000 (a shorter link, or one without tracking parameters of its own).',
    );
    expect(sheet.values('F8:G8')).toEqual([['', '']]);
    expect(emulator.documentProperties.team).toBeUndefined();
  });
});
