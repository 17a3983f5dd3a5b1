// The issued-codes digest: a fixed size, never "free" for an issued code, rarely "taken" for another.
import { describe, expect, it } from 'vitest';
import { CodeDigest, DIGEST_CHARS, DIGEST_VALUES } from '../../src/apps/code-digest';

const codes = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('issued codes digest', () => {
  it('says "taken" for every code added, in any case, and keeps its size', () => {
    const digest = CodeDigest.empty();
    const issued = codes('CREATOR', 25000);
    for (const code of issued) digest.add(code);
    const stored = CodeDigest.fromValues(digest.toValues());
    expect(issued.every((code) => stored.has(code))).toBe(true);
    expect(stored.has('creator17')).toBe(true);
    const values = digest.toValues();
    expect(values).toHaveLength(DIGEST_VALUES);
    expect(values.every((text) => text.length === DIGEST_CHARS)).toBe(true);
    expect(values.every((text) => /^[A-Za-z0-9_-]+$/.test(text))).toBe(true);
  });

  it('says "taken" for about 1% of codes never issued, at 25,000 codes', () => {
    const digest = CodeDigest.empty();
    for (const code of codes('GLOW', 25000)) digest.add(code);
    const others = codes('OTHER', 20000);
    const falseTaken = others.filter((code) => digest.has(code)).length / others.length;
    console.log(`digest: ${(falseTaken * 100).toFixed(2)}% false "taken" at 25,000 codes`);
    expect(falseTaken).toBeGreaterThan(0);
    expect(falseTaken).toBeLessThan(0.02);
  });

  it('starts empty, and reads a damaged value as empty bits', () => {
    expect(CodeDigest.empty().has('JANE10')).toBe(false);
    const digest = CodeDigest.empty();
    digest.add('JANE10');
    const values = digest.toValues();
    const damaged = CodeDigest.fromValues(values.map(() => 'not a digest'));
    expect(damaged.has('JANE10')).toBe(false);
  });
});
