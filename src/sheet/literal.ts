// Anything a user typed reaches the sheet as text, never as a formula or a parsed number.

export const PLAIN_TEXT_FORMAT = '@';

/** A leading apostrophe makes Sheets store the rest as text ("=1+1", "+1+1" and "007" alike). */
export function asText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/** Text as setValues must get it for a cell of this format: a plain-text cell takes it as it is. */
export function literal(text: string, format: string): string {
  return format === PLAIN_TEXT_FORMAT ? text : asText(text);
}
