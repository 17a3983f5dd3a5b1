import { describe, expect, it } from 'vitest';
import { isHttpUrl, parseHttpUrl, utmLink } from '../../src/metrics/utm';

const spring = { source: 'instagram', medium: 'influencer', campaign: 'spring' };
const UTM = 'utm_source=instagram&utm_medium=influencer&utm_campaign=spring';

describe('UTM links', () => {
  it('appends source, medium and campaign to a plain page', () => {
    expect(utmLink('https://shop.com/p', spring)).toBe(`https://shop.com/p?${UTM}`);
  });

  it('adds utm_content when given', () => {
    expect(utmLink('https://shop.com/p', { ...spring, content: 'anna' })).toBe(
      `https://shop.com/p?${UTM}&utm_content=anna`,
    );
  });

  it("keeps the page's own query string before the utm_ parameters", () => {
    expect(utmLink('https://shop.com/p?color=red&size=m', spring)).toBe(
      `https://shop.com/p?color=red&size=m&${UTM}`,
    );
  });

  it('keeps the #fragment at the end', () => {
    expect(utmLink('https://shop.com/p?color=red#reviews', spring)).toBe(
      `https://shop.com/p?color=red&${UTM}#reviews`,
    );
    expect(utmLink('http://shop.com/#top', spring)).toBe(`http://shop.com/?${UTM}#top`);
  });

  it('percent-encodes the values', () => {
    const link = utmLink('https://shop.com', {
      source: 'Insta Gram',
      medium: 'a&b=c',
      campaign: 'été/2024?',
    });
    expect(link).toBe(
      'https://shop.com?utm_source=Insta%20Gram&utm_medium=a%26b%3Dc&utm_campaign=%C3%A9t%C3%A9%2F2024%3F',
    );
  });

  it('replaces a utm_ parameter the link already had instead of adding a second one', () => {
    expect(utmLink('https://shop.com/p?utm_source=tiktok&id=7&UTM_CAMPAIGN=old', spring)).toBe(
      `https://shop.com/p?id=7&${UTM}`,
    );
  });

  it('refuses anything that is not an http or https link', () => {
    for (const url of [
      'ftp://shop.com/p',
      'shop.com/p',
      'javascript:alert(1)',
      'mailto:a@b.c',
      '',
    ]) {
      expect(utmLink(url, spring)).toBeUndefined();
      expect(isHttpUrl(url)).toBe(false);
    }
  });

  it('accepts http and https in any case and ignores surrounding spaces', () => {
    expect(isHttpUrl('HTTPS://Shop.com')).toBe(true);
    expect(utmLink('  http://shop.com/p  ', spring)).toBe(`http://shop.com/p?${UTM}`);
  });

  it('splits a link into base, query and fragment', () => {
    expect(parseHttpUrl('https://shop.com/p?a=1#x')).toEqual({
      base: 'https://shop.com/p',
      query: 'a=1',
      fragment: 'x',
    });
  });
});
