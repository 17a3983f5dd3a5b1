import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatMoney,
  formatMultiple,
  formatPercent,
  plural,
  signed,
} from '../../src/shared/words';

describe('numbers in sentences', () => {
  it('money with the tracker symbol, or the code for other currencies', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(-20, 'EUR')).toBe('-€20.00');
    expect(formatMoney(1_000_000, 'JPY')).toBe('¥1,000,000');
    expect(formatMoney(80, 'CHF')).toBe('CHF 80.00');
    expect(formatMoney(-0.001, 'GBP')).toBe('£0.00');
  });

  it('rounds halves away from zero, as people do', () => {
    expect(formatMultiple(4.443 - 3.378)).toBe('1.07x');
    expect(formatMoney(1.005, 'USD')).toBe('$1.01');
    expect(formatPercent(0.1235)).toBe('12.4%');
  });

  it('counts, signs and plurals', () => {
    expect(formatCount(12_500)).toBe('12,500');
    expect(signed('12', 12)).toBe('+12');
    expect(signed('-3', -3)).toBe('-3');
    expect([plural(1, 'row'), plural(3, 'row')]).toEqual(['1 row', '3 rows']);
  });
});
