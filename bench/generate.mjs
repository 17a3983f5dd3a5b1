// What the benches generate alike: a seeded random source, so every run sees the same files,
// and the Shopify orders export's columns the import benches write.

/** A small deterministic generator (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The columns of a Shopify orders export that the import reads (and a few it doesn't). */
export const SHOPIFY_HEADER =
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,' +
  'Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount';
