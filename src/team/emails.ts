// Splitting and checking the addresses a user typed or pasted, with no I/O.

/** Pragmatic address check: one @, a dotted domain, no spaces or angle brackets. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmail(address: string): boolean {
  return address.length <= 254 && EMAIL.test(address) && !address.includes('..');
}

/**
 * Addresses separated by commas, semicolons, spaces or new lines, as pasted from a mail
 * client too ("Jane Doe <jane@shop.com>"); duplicates (any case) are kept once.
 */
export function splitAddresses(typed: string): string[] {
  const seen = new Set<string>();
  const addresses: string[] = [];
  const withoutNames = typed.replace(/[^,;<>\n]*<([^<>]*)>/g, ' $1 ');
  for (const part of withoutNames.split(/[\s,;]+/)) {
    const address = part.trim().replace(/^mailto:/i, '');
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    addresses.push(address);
  }
  return addresses;
}
