// Typical engagement of micro-influencers per platform (domain brief), as fractions.

export interface PlatformNorm {
  name: string;
  low: number;
  high: number;
}

export const PLATFORM_NORMS: readonly PlatformNorm[] = [
  { name: 'Instagram', low: 0.03, high: 0.04 },
  { name: 'TikTok', low: 0.1, high: 0.13 },
  { name: 'YouTube', low: 0.05, high: 0.08 },
  { name: 'Pinterest', low: 0.02, high: 0.05 },
  { name: 'Facebook', low: 0.01, high: 0.02 },
];

/** A post engaging less than this share of a norm (its creator's usual rate, or the platform's
 * low end) is "far below" it. */
export const FAR_BELOW_SHARE = 0.5;

export const PLATFORM_NAMES: readonly string[] = PLATFORM_NORMS.map((norm) => norm.name);

/** Case- and space-insensitive: "tiktok", " TikTok " and "TIKTOK" all find TikTok. */
export function findPlatform(name: string): PlatformNorm | undefined {
  const wanted = name.trim().toLowerCase();
  return PLATFORM_NORMS.find((norm) => norm.name.toLowerCase() === wanted);
}
