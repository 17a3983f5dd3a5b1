// A small tracker as the import sees it: sheet row, handle, promo code, tracking link.
import type { TrackerRow } from '../../src/import/match';

const ATTRIBUTION_LINK =
  'https://www.amazon.com/dp/B0C1234XYZ?maas=maas_adg_api_5829&ref_=aa_maas&tag=maas' +
  '&aa_campaignid=C1&aa_adgroupid=AG123&aa_creativeid=CR9';

export const TRACKER: TrackerRow[] = [
  { row: 8, handle: '@jane', code: 'JANE10', link: ATTRIBUTION_LINK },
  {
    row: 9,
    handle: '@tom',
    code: 'TOM5',
    link: 'https://www.amazon.com/dp/B0C9999AAA?tag=tomtok-20',
  },
  { row: 10, handle: 'Jane ', code: 'JANE10', link: ATTRIBUTION_LINK },
  { row: 11, handle: '@bo', code: 'BO15', link: '' },
  { row: 12, handle: '@ann', code: 'SHARED', link: '' },
  { row: 13, handle: '@cat', code: 'shared ', link: '' },
  { row: 14, handle: '', code: '', link: '' },
];
