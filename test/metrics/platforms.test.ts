import { describe, expect, it } from 'vitest';
import { findPlatform, PLATFORM_NAMES, PLATFORM_NORMS } from '../../src/metrics/platforms';

describe('platform norms', () => {
  it('lists the five platforms of the domain brief', () => {
    expect(PLATFORM_NAMES).toEqual(['Instagram', 'TikTok', 'YouTube', 'Pinterest', 'Facebook']);
  });

  it.each([
    ['Instagram', 0.03, 0.04],
    ['TikTok', 0.1, 0.13],
    ['YouTube', 0.05, 0.08],
    ['Pinterest', 0.02, 0.05],
    ['Facebook', 0.01, 0.02],
  ])('%s engages %d to %d', (name, low, high) => {
    expect(findPlatform(name)).toEqual({ name, low, high });
  });

  it('finds a platform whatever its case and surrounding spaces', () => {
    expect(findPlatform('tiktok')?.name).toBe('TikTok');
    expect(findPlatform('TIKTOK')?.name).toBe('TikTok');
    expect(findPlatform('  YouTube ')?.name).toBe('YouTube');
  });

  it('knows no platform outside the list', () => {
    expect(findPlatform('Snapchat')).toBeUndefined();
    expect(findPlatform('')).toBeUndefined();
  });

  it('every norm is a fraction with its low end below its high end', () => {
    for (const { low, high } of PLATFORM_NORMS) {
      expect(low).toBeGreaterThan(0);
      expect(high).toBeLessThan(1);
      expect(low).toBeLessThan(high);
    }
  });
});
