// Sheets number formats for money in each supported currency.
import { CURRENCY_SYMBOLS, type Currency } from '../shared/choices';

/** Yen has no minor unit, so it shows no decimals. */
export function currencyFormat(currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency as Currency] ?? `${currency} `;
  return `[$${symbol}]#,##0${currency === 'JPY' ? '' : '.00'}`;
}
