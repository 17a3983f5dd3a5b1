import { describe, expect, it } from 'vitest';
import { findTable, LayoutError } from '../../src/tracker/table';

const header = ['Influencer', 'Platform', 'Followers', 'Promo code', 'Tracking link'];

describe('finding a tracker table by its headers', () => {
  it('finds the header row and each column, whatever the case and spacing', () => {
    const top = [['Spring'], [], [' influencer ', 'PLATFORM', 'x', 'Promo Code', 'tracking link']];
    expect(findTable('Spring', top, ['handle', 'platform', 'promoCode', 'trackingLink'])).toEqual({
      headerRow: 3,
      columns: { handle: 1, platform: 2, promoCode: 4, trackingLink: 5 },
    });
  });

  it('follows a column a user moved', () => {
    const moved = ['Tracking link', 'Influencer', 'Promo code', 'Platform'];
    const shape = findTable('Spring', [moved], ['handle', 'platform', 'promoCode', 'trackingLink']);
    expect(shape.columns).toEqual({ handle: 2, platform: 4, promoCode: 3, trackingLink: 1 });
  });

  it('says which header was renamed and what to do', () => {
    const renamed = header.map((h) => (h === 'Promo code' ? 'Coupon' : h));
    expect(() => findTable('Spring', [renamed], ['handle', 'promoCode'])).toThrow(
      'The layout of "Spring" was changed: row 1 has no "Promo code" header. Rename the header back (headers may be moved, not renamed), or create a new tracker.',
    );
  });

  it('says when a sheet is not a tracker at all', () => {
    expect(() => findTable('Sheet1', [['Date', 'Sales']], ['handle'])).toThrow(LayoutError);
    expect(() => findTable('Sheet1', [['Date', 'Sales']], ['handle'])).toThrow(
      /"Sheet1" doesn't look like a campaign tracker/,
    );
  });
});
