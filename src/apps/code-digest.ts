// The record of every promo code ever issued, at a fixed size whatever the number of codes: a
// Bloom filter (a bit set that k hashes of each code switch on). It can answer "taken" for a code
// never issued (about 1% at 25,000 codes), which only gives a new code a number; it never answers
// "free" for an issued code, so no code is ever issued twice. Pure: properties.ts stores it.

/** Property values are at most 9 KB: 5 values of 8,000 ASCII characters, 6 bits each. */
export const DIGEST_VALUES = 5;
export const DIGEST_CHARS = 8000;
const BITS_PER_CHAR = 6;
const SIZE_BITS = DIGEST_VALUES * DIGEST_CHARS * BITS_PER_CHAR;
/** Near the best count for 240,000 bits and 25,000 codes ((m / n) ln 2 = 6.7). */
const HASHES = 7;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** FNV-1a on the UTF-16 units, from a chosen starting value, as an unsigned 32-bit number. */
function fnv(text: string, start: number): number {
  let hash = start >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

/** The bit positions of a code (double hashing); upper case, so "jane10" is "JANE10". */
function positions(code: string): number[] {
  const key = code.trim().toUpperCase();
  const first = fnv(key, 2166136261);
  const step = (fnv(key, 374761393) | 1) >>> 0;
  const bits: number[] = [];
  for (let i = 0; i < HASHES; i++) bits.push((first + i * step) % SIZE_BITS);
  return bits;
}

export class CodeDigest {
  /** One 6-bit number per stored character. */
  private readonly cells: number[];

  private constructor(cells: number[]) {
    this.cells = cells;
  }

  static empty(): CodeDigest {
    return new CodeDigest(new Array<number>(DIGEST_VALUES * DIGEST_CHARS).fill(0));
  }

  /** From the stored values in order; a missing or damaged value counts as empty bits. */
  static fromValues(values: readonly (string | null | undefined)[]): CodeDigest {
    const digest = CodeDigest.empty();
    for (let v = 0; v < DIGEST_VALUES; v++) {
      const text = values[v];
      if (typeof text !== 'string' || text.length !== DIGEST_CHARS) continue;
      for (let i = 0; i < DIGEST_CHARS; i++) {
        const bits = ALPHABET.indexOf(text.charAt(i));
        digest.cells[v * DIGEST_CHARS + i] = Math.max(bits, 0);
      }
    }
    return digest;
  }

  /** Whether the code may have been issued: false means surely never issued. */
  has(code: string): boolean {
    return positions(code).every((bit) => {
      const cell = this.cells[Math.floor(bit / BITS_PER_CHAR)];
      return (cell & (1 << (bit % BITS_PER_CHAR))) !== 0;
    });
  }

  add(code: string): void {
    if (!code.trim()) return;
    for (const bit of positions(code))
      this.cells[Math.floor(bit / BITS_PER_CHAR)] |= 1 << (bit % BITS_PER_CHAR);
  }

  /** The DIGEST_VALUES strings to store, each DIGEST_CHARS ASCII characters. */
  toValues(): string[] {
    const values: string[] = [];
    for (let v = 0; v < DIGEST_VALUES; v++) {
      const chars = this.cells.slice(v * DIGEST_CHARS, (v + 1) * DIGEST_CHARS);
      values.push(chars.map((bits) => ALPHABET.charAt(bits)).join(''));
    }
    return values;
  }
}
