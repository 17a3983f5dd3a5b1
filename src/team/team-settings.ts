// Checking the team's code settings before anything is planned or written.

import { InputError } from '../apps/errors';
import { isHttpUrl } from '../metrics/utm';
import type { TeamSettings } from '../shared/api';
import { MAX_PREFIX_LENGTH } from './codes';

export function checkTeamSettings(input: {
  brandPrefix?: unknown;
  landingPage?: unknown;
}): TeamSettings {
  const prefix = typeof input.brandPrefix === 'string' ? input.brandPrefix.trim() : '';
  if (!/^[A-Za-z0-9]+$/.test(prefix) || prefix.length > MAX_PREFIX_LENGTH) {
    throw new InputError(
      `The brand prefix must be 1 to ${MAX_PREFIX_LENGTH} letters or digits, like GLOW (got "${prefix}").`,
    );
  }
  const landingPage = typeof input.landingPage === 'string' ? input.landingPage.trim() : '';
  if (!isHttpUrl(landingPage)) {
    throw new InputError(
      `The landing page must be a link starting with http:// or https:// (got "${landingPage}").`,
    );
  }
  return { brandPrefix: prefix.toUpperCase(), landingPage };
}
