// "Generate codes and links" in the built bundle against a tracker in the emulated spreadsheet.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';

const FORM = {
  campaignName: 'Spring Launch',
  product: '',
  currency: 'USD',
  goalType: 'orders',
  goalTarget: 100,
  otherChannelCac: null,
  startingRows: 25,
};
const REQUEST = {
  sheetName: 'Spring Launch',
  brandPrefix: 'glow',
  landingPage: 'https://shop.com/serum?src=ig#buy',
};

function tracker(rows: unknown[][]) {
  const emulator = createEmulator();
  const script = emulator.load();
  script.call('createTracker', { ...FORM, startingRows: Math.max(25, rows.length) });
  emulator.type('Spring Launch', 'A8', rows);
  return { emulator, script, sheet: emulator.sheet('Spring Launch') };
}

type Applied = {
  planned: { row: number; code: string; link: string }[];
  codesWritten: number;
  linksWritten: number;
  duplicates: unknown[];
  skipped: unknown[];
};

describe('generate codes and links', () => {
  it('previews without writing, then fills only the empty cells', () => {
    const { emulator, script, sheet } = tracker([
      ['@jane', 'Instagram'],
      ['tom', 'TikTok', '', '', '', 'TOMSPECIAL'],
      ['Amy Lee 🌸', 'YouTube', '', '', '', '', 'https://amzn.to/3xyz'],
    ]);
    const before = sheet.values('F8:G10');
    const preview = script.call('previewCodesAndLinks', REQUEST) as Applied;
    expect(sheet.values('F8:G10')).toEqual(before);
    expect(preview.planned.map((p) => [p.row, p.code])).toEqual([
      [8, 'GLOWJANE'],
      [9, ''],
      [10, 'GLOWAMYLEE'],
    ]);
    const applied = script.call('applyCodesAndLinks', REQUEST) as Applied;
    expect([applied.codesWritten, applied.linksWritten]).toEqual([2, 2]);
    expect(sheet.values('F8:G10')).toEqual([
      [
        'GLOWJANE',
        'https://shop.com/serum?src=ig&utm_source=instagram&utm_medium=influencer&utm_campaign=spring-launch&utm_content=jane#buy',
      ],
      [
        'TOMSPECIAL',
        'https://shop.com/serum?src=ig&utm_source=tiktok&utm_medium=influencer&utm_campaign=spring-launch&utm_content=tom#buy',
      ],
      ['GLOWAMYLEE', 'https://amzn.to/3xyz'],
    ]);
    expect(emulator.documentProperties.team).toBe(
      JSON.stringify({ brandPrefix: 'GLOW', codeSuffix: '', landingPage: REQUEST.landingPage }),
    );
  });

  it('never issues a code twice, even after it was deleted from the sheet', () => {
    const { emulator, script } = tracker([['@jane', 'Instagram']]);
    script.call('applyCodesAndLinks', REQUEST);
    emulator.type('Spring Launch', 'F8', [['']]);
    emulator.type('Spring Launch', 'A8', [['@jane']]);
    const again = script.call('previewCodesAndLinks', REQUEST) as Applied;
    expect(again.planned[0].code).toBe('GLOWJANE2');
  });

  it('makes short codes from the handle and the team suffix, with no prefix, and remembers the suffix', () => {
    const { emulator, script, sheet } = tracker([
      ['@jane', 'Instagram'],
      ['@glowwithmaya', 'TikTok'],
    ]);
    script.call('applyCodesAndLinks', { ...REQUEST, brandPrefix: '', codeSuffix: '10' });
    expect(sheet.values('F8:F9')).toEqual([['JANE10'], ['GLOWWITHMAYA10']]);
    expect(JSON.parse(emulator.documentProperties.team ?? '{}')).toEqual(
      expect.objectContaining({ brandPrefix: '', codeSuffix: '10' }),
    );
    const state = script.call('getSidebarState') as { team: { codeSuffix: string } };
    expect(state.team.codeSuffix).toBe('10');
  });

  it('never doubles the prefix for a handle that starts with it, and never reissues its code', () => {
    const { emulator, script, sheet } = tracker([
      ['@glowwithmaya', 'Instagram'],
      ['@GlowGirl', 'TikTok'],
      ['@jane', 'YouTube'],
    ]);
    script.call('applyCodesAndLinks', REQUEST);
    expect(sheet.values('F8:F10')).toEqual([['GLOWWITHMAYA'], ['GLOWGIRL'], ['GLOWJANE']]);
    emulator.type('Spring Launch', 'F8', [['']]);
    const again = script.call('previewCodesAndLinks', REQUEST) as Applied;
    expect(again.planned.map((cell) => cell.code)).toEqual(['GLOWWITHMAYA2']);
  });

  it('keeps codes unique across the trackers of the spreadsheet', () => {
    const { emulator, script } = tracker([['@jane', 'Instagram', '', '', '', 'GLOWTOM']]);
    script.call('createTracker', { ...FORM, campaignName: 'Summer' });
    emulator.type('Summer', 'A8', [['tom', 'TikTok']]);
    const plan = script.call('previewCodesAndLinks', {
      ...REQUEST,
      sheetName: 'Summer',
    }) as Applied;
    expect(plan.planned[0].code).toBe('GLOWTOM2');
  });

  it('reports codes and links already shared by different influencers, with their rows', () => {
    const { script } = tracker([
      ['@jane', 'Instagram', '', '', '', 'SAVE10', 'https://amzn.to/a'],
      ['@tom', 'TikTok', '', '', '', 'SAVE10', 'https://amzn.to/a'],
    ]);
    const plan = script.call('previewCodesAndLinks', REQUEST) as Applied;
    expect(plan.duplicates).toEqual([
      { kind: 'code', value: 'SAVE10', rows: [8, 9] },
      { kind: 'link', value: 'https://amzn.to/a', rows: [8, 9] },
    ]);
    expect(plan.planned).toEqual([]);
  });

  it('writes each column once, whatever the number of rows', () => {
    const counts = [3, 60].map((n) => {
      const rows = Array.from({ length: n }, (_, i) => [`creator${i}`, 'Instagram']);
      const { emulator, script } = tracker(rows);
      emulator.calls.reset();
      script.call('applyCodesAndLinks', REQUEST);
      return emulator.calls.spreadsheetCount();
    });
    expect(counts[0]).toBe(counts[1]);
  });

  it('refuses bad settings and says what is wrong', () => {
    const { script, sheet } = tracker([['@jane', 'Instagram']]);
    expect(() => script.call('applyCodesAndLinks', { ...REQUEST, brandPrefix: 'GL@W!' })).toThrow(
      'The brand prefix must be empty or up to 6 letters or digits, like GLOW (got "GL@W!").',
    );
    expect(() => script.call('applyCodesAndLinks', { ...REQUEST, codeSuffix: '10OFF!' })).toThrow(
      'The code suffix must be empty or up to 4 letters or digits, like 10 (got "10OFF!").',
    );
    expect(() => script.call('applyCodesAndLinks', { ...REQUEST, brandPrefix: 'GLOWLAB' })).toThrow(
      'The brand prefix must be empty or up to 6 letters or digits, like GLOW (got "GLOWLAB").',
    );
    expect(() =>
      script.call('applyCodesAndLinks', { ...REQUEST, landingPage: 'javascript:alert(1)' }),
    ).toThrow(/landing page must be a link starting with http/);
    expect(sheet.values('F8:G8')).toEqual([['', '']]);
  });

  it('finds moved columns by their header and explains a renamed one', () => {
    const { emulator, script } = tracker([['@jane', 'Instagram']]);
    emulator.type('Spring Launch', 'F7', [['Coupon']]);
    expect(() => script.call('previewCodesAndLinks', REQUEST)).toThrow(
      'The layout of "Spring Launch" was changed: row 7 has no "Promo code" header. Rename the header back (headers may be moved, not renamed), or create a new tracker.',
    );
    expect(() => script.call('previewCodesAndLinks', { ...REQUEST, sheetName: 'Sheet1' })).toThrow(
      /doesn't look like a campaign tracker/,
    );
  });

  it('writes codes made of digits as text, also where a teammate reformatted the column', () => {
    const { emulator, script, sheet } = tracker([
      ['=1+1', 'Instagram'],
      ['007', 'TikTok'],
    ]);
    emulator.services.SpreadsheetApp.getActiveSpreadsheet()
      .getRange("'Spring Launch'!F9")
      .setNumberFormat('0');
    script.call('applyCodesAndLinks', { ...REQUEST, brandPrefix: '9' });
    expect(sheet.values('A8:A9')).toEqual([['=1+1'], ['007']]);
    expect(sheet.values('F8:F9')).toEqual([['911'], ['9007']]);
    expect(sheet.formulas('F8:F9')).toEqual([[''], ['']]);
  });

  it('waits its turn: while a teammate holds the document lock it writes nothing', () => {
    const { emulator, script, sheet } = tracker([['@jane', 'Instagram']]);
    emulator.holdDocumentLock('marketer@example.com');
    expect(() => script.call('applyCodesAndLinks', REQUEST)).toThrow(
      /A teammate is changing this spreadsheet/,
    );
    expect(sheet.values('F8:G8')).toEqual([['', '']]);
    emulator.releaseDocumentLock();
    expect((script.call('applyCodesAndLinks', REQUEST) as Applied).codesWritten).toBe(1);
  });

  it('works on a tracker whose columns were moved and whose header moved down', () => {
    const emulator = createEmulator({
      sheets: [
        {
          name: 'Moved',
          values: [
            ['Our own title row'],
            [],
            ['Tracking link', 'Promo code', 'Notes', 'Platform', 'Influencer'],
            ['', '', 'first post', 'YouTube', '@jane'],
          ],
        },
      ],
    });
    const script = emulator.load();
    script.call('applyCodesAndLinks', { ...REQUEST, sheetName: 'Moved' });
    expect(emulator.sheet('Moved').values('A4:E4')).toEqual([
      [
        'https://shop.com/serum?src=ig&utm_source=youtube&utm_medium=influencer&utm_campaign=moved&utm_content=jane#buy',
        'GLOWJANE',
        'first post',
        'YouTube',
        '@jane',
      ],
    ]);
  });
});
