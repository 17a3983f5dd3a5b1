// Numbers as the team reads them in a sentence: "$1,234.50", "12.5%", "1,204", "2.40x".
// Apps Script's Intl support is not something to rely on, so grouping is done here.
import { CURRENCY_SYMBOLS, type Currency } from './choices';

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rounded half away from zero as a person would (1.065 -> "1.07"), grouped by thousands. */
function fixed(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor + 1e-6) / factor;
  const [whole, fraction] = rounded.toFixed(decimals).split('.');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** "$1,234.50", "-€20.00", "CHF 80.00": the tracker's symbols, the code for other currencies. */
export function formatMoney(amount: number, currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency as Currency];
  const decimals = currency === 'JPY' ? 0 : 2;
  const text = fixed(amount, decimals);
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  return `${negative ? '-' : ''}${symbol ?? `${currency} `}${digits}`;
}

/** A fraction as a percentage: 0.125 -> "12.5%". */
export function formatPercent(rate: number, decimals = 1): string {
  return `${fixed(rate * 100, decimals)}%`;
}

/** Percentage points of a difference in rates: "-106.5", one decimal kept. */
export function formatPoints(points: number): string {
  return fixed(points, Number.isInteger(points) ? 0 : 1);
}

export function formatCount(count: number): string {
  // People and orders come whole: an average or an estimate shows rounded, never "0.3 orders".
  return fixed(count, 0);
}

export function formatMultiple(multiple: number): string {
  return `${fixed(multiple, 2)}x`;
}

/** "+12" / "-3": a difference always shows its sign. */
export function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

/** "1 row" / "3 rows". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
