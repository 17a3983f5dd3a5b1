// Checking the team's code settings before anything is planned or written.

import { InputError } from '../apps/errors';
import { isHttpUrl } from '../metrics/utm';
import type { TeamSettings } from '../shared/api';
import { MAX_PREFIX_LENGTH, MAX_SUFFIX_LENGTH } from './codes';

/** Optional letters and digits, up to `max`; `what` names the field in the message. */
function codeAffix(value: unknown, what: string, max: number, example: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^[A-Za-z0-9]*$/.test(text) || text.length > max) {
    throw new InputError(
      `The ${what} must be empty or up to ${max} letters or digits, like ${example} (got "${text}").`,
    );
  }
  return text.toUpperCase();
}

/** Stored with the team's settings, under the 9 KB a property value may hold, with room to spare. */
export const MAX_LANDING_PAGE_LENGTH = 2000;

export function checkTeamSettings(input: {
  brandPrefix?: unknown;
  codeSuffix?: unknown;
  landingPage?: unknown;
}): TeamSettings {
  const brandPrefix = codeAffix(input.brandPrefix, 'brand prefix', MAX_PREFIX_LENGTH, 'GLOW');
  const codeSuffix = codeAffix(input.codeSuffix, 'code suffix', MAX_SUFFIX_LENGTH, '10');
  const landingPage = typeof input.landingPage === 'string' ? input.landingPage.trim() : '';
  if (landingPage.length > MAX_LANDING_PAGE_LENGTH) {
    throw new InputError(
      `The landing page is ${landingPage.length} characters long; keep it to ${MAX_LANDING_PAGE_LENGTH} (a shorter link, or one without tracking parameters of its own).`,
    );
  }
  if (!isHttpUrl(landingPage)) {
    throw new InputError(
      `The landing page must be a link starting with http:// or https:// (got "${landingPage}").`,
    );
  }
  return { brandPrefix, codeSuffix, landingPage };
}
