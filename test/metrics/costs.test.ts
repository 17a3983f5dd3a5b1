import { describe, expect, it } from 'vitest';
import { cpc, cpe, cpm, emv } from '../../src/metrics/costs';

describe('costs', () => {
  it('CPE is cost per engagement: $300 for 1,500 engagements is $0.20', () => {
    expect(cpe(300, 1500)).toBe(0.2);
  });

  it('CPM is cost per thousand impressions: $300 for 100,000 views is $3.00', () => {
    expect(cpm(300, 100_000)).toBe(3);
  });

  it('CPC is cost per click', () => {
    expect(cpc(300, 600)).toBe(0.5);
  });

  it('EMV prices the impressions at a paid CPM: 100,000 at $8 is $800', () => {
    expect(emv(100_000, 8)).toBe(800);
  });

  it('EMV and CPM are inverse: the CPM of EMV spend is the paid CPM', () => {
    expect(cpm(emv(250_000, 12), 250_000)).toBeCloseTo(12, 12);
  });
});
