// Who a creator is across trackers: the handle (any case, without a leading "@" or surrounding
// spaces; dots and underscores kept, because on Instagram and TikTok "jane.doe" and "janedoe"
// can be two people) plus the platform. Near-duplicates are suggested to the team, never merged.
import { nameKey } from '../import/match';
import { findPlatform } from '../metrics/platforms';
import { influencerKey } from '../team/codes';

export interface Identity {
  /** The normalised handle: "@Jane.Doe " -> "jane.doe". */
  handle: string;
  /** The platform as the norms name it ("TikTok"), else as typed and trimmed; '' when blank. */
  platform: string;
  /** One creator, one key: the handle and the platform in lower case. */
  key: string;
}

/** Where a handle was seen: one tracker row, or a row of the Creators sheet. */
export interface Sighting {
  handle: string;
  platform: string;
  /** The tracker (or sheet) it was seen in, named for the team. */
  source: string;
}

export type DuplicateReason = 'punctuation' | 'oneEdit' | 'noPlatform';

/** Two identities that may be one creator: for the team to confirm, never merged here. */
export interface NearDuplicate {
  /** Stable id of the pair (order-free), so a pair the team dismissed can be left out next time. */
  id: string;
  a: Identity;
  b: Identity;
  aSources: string[];
  bSources: string[];
  reason: DuplicateReason;
  /** One line for the team, e.g. "@jane.doe (Spring) and @janedoe (Summer) on Instagram differ only in punctuation". */
  words: string;
}

/**
 * Handles shorter than this (letters and digits) are too short for "one letter apart" to mean
 * anything: "anna1" and "anna2" are usually two people.
 */
export const MIN_TYPO_LENGTH = 6;

/** "@Jane.Doe " -> "jane.doe": case, leading "@"s and surrounding spaces go; everything else stays. */
export function normaliseHandle(handle: string): string {
  return influencerKey(handle).trim();
}

/** "tiktok " -> "TikTok"; a platform without a norm keeps its own spelling, trimmed. */
export function normalisePlatform(platform: string): string {
  const text = platform.trim();
  return findPlatform(text)?.name ?? text;
}

/** The creator's identity, or undefined for a row without a handle. */
export function identify(handle: string, platform: string): Identity | undefined {
  const normal = normaliseHandle(handle);
  if (!normal) return undefined;
  const name = normalisePlatform(platform);
  return { handle: normal, platform: name, key: `${normal}\u0000${name.toLowerCase()}` };
}

/** How the roster shows a creator: "@jane.doe". */
export function displayHandle(identity: Identity): string {
  return `@${identity.handle}`;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each count 1 ("jnae" is one swap from "jane").
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = [];
  for (let i = 0; i < rows; i++) {
    d.push(new Array<number>(cols).fill(0));
    d[i][0] = i;
  }
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
    }
  }
  return d[rows - 1][cols - 1];
}

function pairId(a: Identity, b: Identity): string {
  return a.key < b.key ? `${a.key}\u0001${b.key}` : `${b.key}\u0001${a.key}`;
}

interface Seen {
  identity: Identity;
  sources: string[];
  /** Letters and digits only (handles on the big platforms are ASCII). */
  skeleton: string;
  /** The skeleton's digits: "shop12" and "shop13" are two shops, not a typo. */
  digits: string;
  order: number;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function named(seen: Seen): string {
  return `${displayHandle(seen.identity)} (${seen.sources.join(', ')})`;
}

function pairWords(first: Seen, second: Seen, reason: DuplicateReason): string {
  switch (reason) {
    case 'punctuation':
      return `${named(first)} and ${named(second)} on ${first.identity.platform || 'no platform'} differ only in punctuation`;
    case 'oneEdit':
      return `${named(first)} and ${named(second)} on ${first.identity.platform || 'no platform'} are one letter apart`;
    case 'noPlatform': {
      const [blank, other] = first.identity.platform ? [second, first] : [first, second];
      return `${named(blank)} has no platform; ${named(other)} is on ${other.identity.platform}`;
    }
  }
}

/** Every deletion of one character, and the text itself. */
function deletions(text: string): string[] {
  const variants = [text];
  for (let i = 0; i < text.length; i++) variants.push(text.slice(0, i) + text.slice(i + 1));
  return variants;
}

/**
 * Pairs of identities that may be the same creator, in the order they were first seen:
 * - the same letters and digits on the same platform ("@Jane.Doe" and "janedoe");
 * - one letter apart on the same platform (added, dropped, changed or two swapped), for handles
 *   of at least MIN_TYPO_LENGTH letters and digits ("kofireview" and "kofi.reviews"); digits
 *   must agree, since numbers tell accounts apart ("shop12" and "shop13", "jane" and "jane2");
 * - the same handle where one row has no platform.
 * Near-linear: bucketed by skeleton and by one-deletion variants, never all pairs.
 */
export function findNearDuplicates(
  sightings: Iterable<Sighting>,
  dismissed: ReadonlySet<string> = new Set(),
): NearDuplicate[] {
  const byKey = new Map<string, Seen>();
  for (const sighting of sightings) {
    const identity = identify(sighting.handle, sighting.platform);
    if (!identity) continue;
    const seen = byKey.get(identity.key);
    if (seen) {
      if (!seen.sources.includes(sighting.source)) seen.sources.push(sighting.source);
    } else
      byKey.set(identity.key, {
        identity,
        sources: [sighting.source],
        skeleton: nameKey(identity.handle),
        digits: identity.handle.replace(/\D/g, ''),
        order: byKey.size,
      });
  }
  const pairs = new Map<string, { first: Seen; second: Seen; reason: DuplicateReason }>();
  const add = (x: Seen, y: Seen, reason: DuplicateReason) => {
    const id = pairId(x.identity, y.identity);
    if (x === y || pairs.has(id) || dismissed.has(id)) return;
    const [first, second] = x.order < y.order ? [x, y] : [y, x];
    pairs.set(id, { first, second, reason });
  };
  const bySkeleton = new Map<string, Seen[]>();
  const byVariant = new Map<string, Seen[]>();
  const byHandle = new Map<string, Seen[]>();
  for (const seen of byKey.values()) {
    const platform = seen.identity.platform.toLowerCase();
    pushTo(byHandle, seen.identity.handle, seen);
    if (!seen.skeleton) continue;
    pushTo(bySkeleton, `${platform}\u0000${seen.skeleton}`, seen);
    if (seen.skeleton.length >= MIN_TYPO_LENGTH)
      for (const variant of new Set(deletions(seen.skeleton)))
        pushTo(byVariant, `${platform}\u0000${variant}`, seen);
  }
  for (const group of bySkeleton.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) add(group[i], group[j], 'punctuation');
  for (const group of byVariant.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const [x, y] = [group[i], group[j]];
        if (
          x.skeleton !== y.skeleton &&
          x.digits === y.digits &&
          editDistance(x.skeleton, y.skeleton) === 1
        )
          add(x, y, 'oneEdit');
      }
  for (const group of byHandle.values()) {
    const blanks = group.filter((seen) => !seen.identity.platform);
    for (const blank of blanks)
      for (const other of group) if (other.identity.platform) add(blank, other, 'noPlatform');
  }
  return [...pairs.entries()]
    .map(([id, { first, second, reason }]) => ({
      id,
      a: first.identity,
      b: second.identity,
      aSources: first.sources,
      bSources: second.sources,
      reason,
      words: pairWords(first, second, reason),
      order: [first.order, second.order],
    }))
    .sort((p, q) => p.order[0] - q.order[0] || p.order[1] - q.order[1])
    .map(({ order: _order, ...pair }) => pair);
}
