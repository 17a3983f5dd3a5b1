import { describe, expect, it } from 'vitest';
import {
  codeFor,
  codePart,
  findDuplicates,
  MAX_CODE_LENGTH,
  planCodesAndLinks,
  slug,
  type TrackerRow,
} from '../../src/team/codes';

function row(n: number, handle: string, more: Partial<TrackerRow> = {}): TrackerRow {
  return { row: n, handle, platform: 'Instagram', code: '', link: '', ...more };
}

const base = {
  sheetName: 'Spring',
  campaign: 'Spring launch',
  brandPrefix: 'GLOW',
  codeSuffix: '',
  landingPage: 'https://shop.com/p?ref=1#buy',
  takenCodes: new Set<string>(),
};

describe('codes and links', () => {
  it('builds codes from the handle: upper case, letters and digits only', () => {
    expect(codePart('@jane_doe 🌸')).toBe('JANEDOE');
    expect(codePart('Zoë Café')).toBe('ZOECAFE');
    expect(codePart('=HYPERLINK("x")')).toBe('HYPERLINKX');
    expect(slug('  Jane Doe!! ')).toBe('jane-doe');
  });

  it('plans a code and a UTM link for each row that lacks them', () => {
    const plan = planCodesAndLinks({
      ...base,
      rows: [row(8, '@janedoe'), row(9, 'tom', { platform: 'TikTok' })],
    });
    expect(plan.planned).toEqual([
      {
        row: 8,
        handle: '@janedoe',
        code: 'GLOWJANEDOE',
        link: 'https://shop.com/p?ref=1&utm_source=instagram&utm_medium=influencer&utm_campaign=spring-launch&utm_content=janedoe#buy',
      },
      {
        row: 9,
        handle: 'tom',
        code: 'GLOWTOM',
        link: 'https://shop.com/p?ref=1&utm_source=tiktok&utm_medium=influencer&utm_campaign=spring-launch&utm_content=tom#buy',
      },
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('never overwrites a filled cell and never reuses a code taken elsewhere', () => {
    const rows = [
      row(8, 'jane', { code: 'MYCODE' }),
      row(9, 'jane2'),
      row(10, 'bo', { link: 'https://amzn.to/x' }),
    ];
    const plan = planCodesAndLinks({ ...base, rows, takenCodes: new Set(['GLOWBO']) });
    expect(plan.planned.find((p) => p.row === 8)).toEqual(expect.objectContaining({ code: '' }));
    expect(plan.planned.find((p) => p.row === 10)).toEqual(
      expect.objectContaining({ code: 'GLOWBO2', link: '' }),
    );
  });

  it('gives a second post by the same influencer the same code and link', () => {
    const plan = planCodesAndLinks({
      ...base,
      rows: [row(8, '@Jane', { code: 'GLOWJANE' }), row(9, 'jane ')],
    });
    expect(plan.planned[1]).toEqual(expect.objectContaining({ row: 9, code: 'GLOWJANE' }));
    expect(plan.planned[1].link).toBe(plan.planned[0].link);
  });

  it('keeps handles that look alike apart', () => {
    const plan = planCodesAndLinks({ ...base, rows: [row(8, 'jane.doe'), row(9, 'Jane Doe')] });
    expect(plan.planned.map((p) => p.code)).toEqual(['GLOWJANEDOE', 'GLOWJANEDOE2']);
    expect(plan.planned[1].link).toContain('utm_content=jane-doe-2');
  });

  it('skips rows it cannot serve and says why', () => {
    const plan = planCodesAndLinks({
      ...base,
      rows: [row(8, '🌸🌸'), row(9, 'amy', { platform: '' })],
    });
    expect(plan.skipped).toEqual([
      {
        row: 8,
        reason:
          'no code: the handle "🌸🌸" has no letters or digits to build one from; no link: the handle "🌸🌸" has no letters or digits for utm_content',
      },
      { row: 9, reason: 'no link: choose the platform first (it becomes utm_source)' },
    ]);
    expect(plan.planned).toEqual([{ row: 9, handle: 'amy', code: 'GLOWAMY', link: '' }]);
  });

  it('makes the default code from the handle and the suffix alone: @jane and 10 make JANE10', () => {
    const none = new Set<string>();
    expect(codeFor('@jane', '', '10', none)).toBe('JANE10');
    expect(codeFor('@jane', '', '', none)).toBe('JANE');
    const plan = planCodesAndLinks({
      ...base,
      brandPrefix: '',
      codeSuffix: '10',
      rows: [row(8, '@jane'), row(9, 'Tom.K')],
    });
    expect(plan.planned.map((p) => p.code)).toEqual(['JANE10', 'TOMK10']);
  });

  it('never doubles the brand prefix when the handle starts with it', () => {
    const none = new Set<string>();
    expect(codeFor('@glowwithmaya', 'GLOW', '', none)).toBe('GLOWWITHMAYA');
    expect(codeFor('GlowGirl_22', 'GLOW', '10', none)).toBe('GLOWGIRL2210');
    expect(codeFor('@glo', 'GLOW', '', none)).toBe('GLOWGLO');
    expect(codeFor('@maya', 'GLOW', '', none)).toBe('GLOWMAYA');
  });

  it('keeps every code at most 15 characters, the suffix always whole', () => {
    const none = new Set<string>();
    const long = codeFor('@the.very.long.handle.of.someone', 'GLOW', '10', none);
    expect(long).toBe('GLOWTHEVERYLO10');
    expect(long).toHaveLength(MAX_CODE_LENGTH);
    expect(codeFor('@glowwithmayaandfriends', 'GLOW', '', none)).toBe('GLOWWITHMAYAAND');
  });

  it('numbers a taken code before the suffix and within 15 characters', () => {
    expect(codeFor('@jane', '', '10', new Set(['JANE10']))).toBe('JANE210');
    expect(codeFor('@jane', '', '10', new Set(['JANE10', 'JANE210']))).toBe('JANE310');
    const taken = new Set(['GLOWTHEVERYLO10']);
    expect(codeFor('@the.very.long.handle', 'GLOW', '10', taken)).toBe('GLOWTHEVERYL210');
    const plan = planCodesAndLinks({
      ...base,
      takenCodes: new Set(['GLOWWITHMAYA']),
      rows: [row(8, '@glowwithmaya'), row(9, '@GlowWithMaya')],
    });
    expect(plan.planned.map((p) => p.code)).toEqual(['GLOWWITHMAYA2', 'GLOWWITHMAYA2']);
  });

  it('reports codes and links shared by different influencers, with their rows', () => {
    const rows = [
      row(8, 'jane', { code: 'SAVE10', link: 'https://amzn.to/a' }),
      row(9, 'tom', { code: 'save10', link: 'https://amzn.to/b' }),
      row(10, 'jane', { code: 'SAVE10', link: 'https://amzn.to/a' }),
      row(11, 'amy', { code: 'AMY', link: 'https://amzn.to/a' }),
    ];
    expect(findDuplicates(rows)).toEqual([
      { kind: 'code', value: 'SAVE10', rows: [8, 9, 10] },
      { kind: 'link', value: 'https://amzn.to/a', rows: [8, 10, 11] },
    ]);
  });
});
