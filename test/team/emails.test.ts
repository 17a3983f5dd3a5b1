import { describe, expect, it } from 'vitest';
import { isEmail, splitAddresses } from '../../src/team/emails';

describe('email addresses', () => {
  it('splits a pasted list on commas, semicolons, spaces and new lines, once each', () => {
    expect(splitAddresses('ana@shop.com, bo@shop.com;\ncy@shop.co.uk  ANA@shop.com')).toEqual([
      'ana@shop.com',
      'bo@shop.com',
      'cy@shop.co.uk',
    ]);
  });

  it('takes the address out of "Name <address>" as mail clients copy it', () => {
    expect(splitAddresses('Jane Doe <jane@shop.com>, mailto:va@agency.io')).toEqual([
      'jane@shop.com',
      'va@agency.io',
    ]);
  });

  it('accepts real addresses and refuses malformed ones', () => {
    for (const good of ['a@b.co', 'first.last+tag@sub.example.org'])
      expect(isEmail(good)).toBe(true);
    for (const bad of [
      'jane',
      'jane@',
      '@shop.com',
      'jane@shop',
      'ja ne@shop.com',
      'jane@@shop.com',
      'jane..doe@shop.com',
    ]) {
      expect(isEmail(bad)).toBe(false);
    }
  });
});
