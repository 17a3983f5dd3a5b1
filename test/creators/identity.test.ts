import { describe, expect, it } from 'vitest';
import {
  displayHandle,
  editDistance,
  findNearDuplicates,
  identify,
  normaliseHandle,
  normalisePlatform,
} from '../../src/creators/identity';

describe('who a creator is', () => {
  it('case, leading "@" and surrounding spaces make no difference', () => {
    expect(['@Jane.Doe', ' jane.doe ', '@@JANE.DOE', '@ jane.doe'].map(normaliseHandle)).toEqual([
      'jane.doe',
      'jane.doe',
      'jane.doe',
      'jane.doe',
    ]);
  });

  it('dots and underscores are part of the handle', () => {
    expect(normaliseHandle('@jane_doe')).toBe('jane_doe');
    expect(identify('@jane.doe', 'Instagram')?.key).not.toBe(identify('janedoe', 'Instagram')?.key);
  });

  it('the same handle on two platforms is two creators; platform case does not matter', () => {
    expect(identify('@jane', 'instagram ')?.key).toBe(identify('JANE', 'Instagram')?.key);
    expect(identify('@jane', 'Instagram')?.key).not.toBe(identify('@jane', 'TikTok')?.key);
    expect(normalisePlatform(' tiktok')).toBe('TikTok');
    expect(normalisePlatform('Twitch ')).toBe('Twitch');
  });

  it('a row without a handle is nobody', () => {
    expect(identify('  ', 'Instagram')).toBeUndefined();
    expect(identify('@', 'Instagram')).toBeUndefined();
  });

  it('shows as "@" and the normalised handle', () => {
    const jane = identify(' @Jane.Doe', 'Instagram');
    expect(jane && displayHandle(jane)).toBe('@jane.doe');
  });
});

describe('near-duplicates, for the team to confirm', () => {
  it('the same letters on the same platform: "@Jane.Doe" and "janedoe"', () => {
    const pairs = findNearDuplicates([
      { handle: '@Jane.Doe', platform: 'Instagram', source: 'Spring launch' },
      { handle: '@JANE.DOE', platform: 'instagram', source: 'Summer sale' },
      { handle: 'janedoe', platform: 'Instagram', source: 'Autumn bundle' },
    ]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({
      a: { handle: 'jane.doe', platform: 'Instagram' },
      b: { handle: 'janedoe', platform: 'Instagram' },
      aSources: ['Spring launch', 'Summer sale'],
      bSources: ['Autumn bundle'],
      reason: 'punctuation',
      words:
        '@jane.doe (Spring launch, Summer sale) and @janedoe (Autumn bundle) on Instagram differ only in punctuation',
    });
  });

  it('one letter apart on longer handles, including a swap', () => {
    const pairs = findNearDuplicates([
      { handle: 'kofi.reviews', platform: 'YouTube', source: 'A' },
      { handle: 'kofireview', platform: 'YouTube', source: 'B' },
      { handle: 'kofi_reveiws', platform: 'YouTube', source: 'C' },
    ]);
    expect(pairs.map((p) => [p.a.handle, p.b.handle, p.reason])).toEqual([
      ['kofi.reviews', 'kofireview', 'oneEdit'],
      ['kofi.reviews', 'kofi_reveiws', 'oneEdit'],
    ]);
    expect(pairs[0].words).toBe(
      '@kofi.reviews (A) and @kofireview (B) on YouTube are one letter apart',
    );
  });

  it('numbers tell accounts apart: a changed or added digit is not a typo', () => {
    expect(
      findNearDuplicates([
        { handle: 'shop.owner12', platform: 'Instagram', source: 'A' },
        { handle: 'shop.owner13', platform: 'Instagram', source: 'A' },
        { handle: 'janedoe', platform: 'Instagram', source: 'B' },
        { handle: 'janedoe2', platform: 'Instagram', source: 'B' },
      ]),
    ).toEqual([]);
  });

  it('short handles one letter apart are different people', () => {
    expect(
      findNearDuplicates([
        { handle: 'anna1', platform: 'TikTok', source: 'A' },
        { handle: 'anna2', platform: 'TikTok', source: 'B' },
      ]),
    ).toEqual([]);
  });

  it('different platforms are never paired; a missing platform is', () => {
    const pairs = findNearDuplicates([
      { handle: '@tom_bakes', platform: 'TikTok', source: 'Spring launch' },
      { handle: 'tombakes', platform: 'Instagram', source: 'Summer sale' },
      { handle: '@tom_bakes', platform: '', source: 'Autumn bundle' },
    ]);
    expect(pairs.map((p) => p.reason)).toEqual(['noPlatform']);
    expect(pairs[0].words).toBe(
      '@tom_bakes (Autumn bundle) has no platform; @tom_bakes (Spring launch) is on TikTok',
    );
  });

  it('a pair the team dismissed is not listed again', () => {
    const sightings = [
      { handle: '@Jane.Doe', platform: 'Instagram', source: 'A' },
      { handle: 'janedoe', platform: 'Instagram', source: 'B' },
    ];
    const [pair] = findNearDuplicates(sightings);
    expect(findNearDuplicates(sightings, new Set([pair.id]))).toEqual([]);
  });

  it('edit distance counts insertions, deletions, substitutions and swaps as one', () => {
    expect(editDistance('janedoe', 'janedoe1')).toBe(1);
    expect(editDistance('janedoe', 'janedo')).toBe(1);
    expect(editDistance('janedoe', 'janedee')).toBe(1);
    expect(editDistance('janedoe', 'jnaedoe')).toBe(1);
    expect(editDistance('janedoe', 'jonadoe')).toBe(2);
  });
});
