// Campaign links: a landing page plus utm_ parameters, the way analytics tools expect them.

export interface UtmParams {
  source: string;
  medium: string;
  campaign: string;
  content?: string;
}

interface HttpUrl {
  /** Scheme, host and path: everything before "?" or "#". */
  base: string;
  query: string;
  fragment: string;
}

const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

/** Splits an http(s) URL into base, query and fragment; undefined for anything else. */
export function parseHttpUrl(url: string): HttpUrl | undefined {
  const text = url.trim();
  if (!HTTP_URL.test(text)) return undefined;
  const hash = text.indexOf('#');
  const fragment = hash < 0 ? '' : text.slice(hash + 1);
  const beforeHash = hash < 0 ? text : text.slice(0, hash);
  const question = beforeHash.indexOf('?');
  return {
    base: question < 0 ? beforeHash : beforeHash.slice(0, question),
    query: question < 0 ? '' : beforeHash.slice(question + 1),
    fragment,
  };
}

export function isHttpUrl(url: string): boolean {
  return parseHttpUrl(url) !== undefined;
}

/**
 * Appends percent-encoded utm_ parameters, keeping the page's own query and #fragment.
 * A utm_ parameter the link already had is replaced, so a link never carries two sources.
 */
export function utmLink(url: string, params: UtmParams): string | undefined {
  const parsed = parseHttpUrl(url);
  if (!parsed) return undefined;
  const utm: [string, string][] = [
    ['utm_source', params.source],
    ['utm_medium', params.medium],
    ['utm_campaign', params.campaign],
  ];
  if (params.content) utm.push(['utm_content', params.content]);
  const replaced = new Set(utm.map(([key]) => key));
  const kept = parsed.query
    .split('&')
    .filter((pair) => pair !== '' && !replaced.has(pair.split('=')[0].toLowerCase()));
  const added = utm.map(([key, value]) => `${key}=${encodeURIComponent(value.trim())}`);
  const query = kept.concat(added).join('&');
  return `${parsed.base}?${query}${parsed.fragment ? `#${parsed.fragment}` : ''}`;
}
