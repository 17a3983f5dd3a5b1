// The one mapping from a kind of value to its Sheets number format.
import { CURRENCY_SYMBOLS, type Currency } from '../shared/choices';
import type { ValueKind } from '../shared/value-kind';
import { PLAIN_TEXT_FORMAT } from './literal';

/** Yen has no minor unit, so it shows no decimals. */
export function currencyFormat(currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency as Currency] ?? `${currency} `;
  return `[$${symbol}]#,##0${currency === 'JPY' ? '' : '.00'}`;
}

/**
 * The number format of a cell holding this kind of value, amounts in `currency`. Text a formula
 * computes is General: a plain-text cell would show the formula itself. Text written as a value
 * is plain text, so what the team types is never read as a number, date or formula.
 */
export function numberFormat(
  kind: ValueKind,
  currency: string,
  holds: 'value' | 'formula' = 'value',
): string {
  switch (kind) {
    case 'money':
      return currencyFormat(currency);
    case 'count':
      return '#,##0';
    case 'decimal':
      return '#,##0.0';
    case 'rate':
      return '0.0%';
    case 'multiple':
      return '0.00"x"';
    case 'date':
      return 'yyyy-mm-dd';
    case 'fx':
      return '0.0000';
    case 'amount':
      return '#,##0.00';
    default:
      return holds === 'formula' ? 'General' : PLAIN_TEXT_FORMAT;
  }
}
