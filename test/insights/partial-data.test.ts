// The dashboard on campaigns in progress, built by the bundle with the formulas computed: each
// ratio uses only the posts that have its inputs, on the headline, per platform and per campaign,
// and says how many posts it used.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import { JANE, TOM, TRACKER_FORM } from '../harness/fixtures';
import { readDashboard } from './read';

/** Results imported from a report with no new-customer count. */
const TOM_NO_NEW = [...TOM.slice(0, 17), ''];
/** Booked on Instagram, nothing in yet. */
const ANN = ['@ann', 'Instagram', 10000, '2026-04-01', '', 'ANN10', '', 300, 0];

function dashboardOf(...campaigns: { name: string; rows: unknown[][]; form?: object }[]) {
  const emulator = createEmulator();
  const script = emulator.load();
  for (const { name, rows, form } of campaigns) {
    script.call('createTracker', { ...TRACKER_FORM, ...form, campaignName: name });
    emulator.type(name, 'A8', rows);
  }
  script.call('buildDashboard', {});
  return readDashboard(emulator);
}

describe('the dashboard on partial data', () => {
  let dashboard: ReturnType<typeof readDashboard>;
  beforeAll(() => {
    dashboard = dashboardOf(
      { name: 'Spring', rows: [JANE, TOM_NO_NEW] },
      { name: 'Summer', rows: [ANN] },
    );
  });

  it('computes the headline ratios over the posts that have their inputs, and says how many', () => {
    expect(dashboard.errors()).toEqual([]);
    const figures = dashboard.labelled('Spend');
    expect(figures.Spend).toBe(1000);
    expect(figures.CAC).toBe(12.5); // Jane's $500 over her 40 new customers
    expect(figures.ROI).toBeCloseTo((3200 - 700) / 700, 9);
    expect(figures['Engagement rate']).toBeCloseTo(5000 / 65000, 9);
    expect(figures['Conversion rate']).toBeCloseTo(70 / 1400, 9);
    const { row } = dashboard.at('CAC');
    const words = (label: string) =>
      dashboard.values[row + 2][dashboard.values[row].indexOf(label)];
    expect(words('CAC')).toBe('CAC over 1 of 3 posts: 2 have no new customers yet');
    expect(words('ROI')).toBe('ROI over 2 of 3 posts: 1 has no revenue yet');
    expect(words('Engagement rate')).toBe(
      'Engagement rate over 2 of 3 posts: 1 has no engagements or followers yet',
    );
    expect(words('Conversion rate')).toBe(
      'Conversion over 2 of 3 posts: 1 has no clicks or orders yet',
    );
  });

  it('leaves a campaign and a platform with no results blank, not a loss', () => {
    const byCampaign = Object.fromEntries(
      dashboard.block('By campaign').map((row) => [row.Campaign, row]),
    );
    expect(byCampaign.Summer).toMatchObject({
      Posts: 1,
      Spend: 300,
      Revenue: '',
      ROI: '',
      Orders: '',
      'New customers': '',
      CAC: '',
      'Engagement rate': '',
    });
    expect(byCampaign.Spring).toMatchObject({ Spend: 700, Revenue: 3200, CAC: 12.5 });
    const instagram = dashboard.block('By platform').find((row) => row.Platform === 'Instagram');
    // Jane and Ann on Instagram: Jane's figures only.
    expect(instagram).toMatchObject({ Posts: 2, Spend: 800, Revenue: 2000, CAC: 12.5 });
    expect(instagram?.ROI).toBeCloseTo((2000 - 500) / 500, 9);
    expect(instagram?.['Engagement rate']).toBeCloseTo(1000 / 15000, 9);
  });

  it('adds up goal progress across campaigns of one goal type, leaving out one with no results', () => {
    // Both count orders: Spring has 70 of its 100; Summer has none in yet and counts nowhere.
    expect(dashboard.labelled('Spend')['Goal progress']).toBeCloseTo(70 / 100, 9);
    const byCampaign = Object.fromEntries(
      dashboard.block('By campaign').map((row) => [row.Campaign, row['Goal progress']]),
    );
    expect(byCampaign).toEqual({ Spring: 0.7, Summer: '' });
  });
});

describe('goal progress across campaigns with different goal types', () => {
  it("gives no headline figure, only each campaign's own", () => {
    const dashboard = dashboardOf(
      { name: 'Spring', rows: [JANE] },
      { name: 'Summer', rows: [TOM], form: { goalType: 'revenue', goalTarget: 4000 } },
    );
    expect(dashboard.labelled('Spend')['Goal progress']).toBe('see by campaign');
    const byCampaign = Object.fromEntries(
      dashboard.block('By campaign').map((row) => [row.Campaign, row['Goal progress']]),
    );
    expect(byCampaign).toEqual({ Spring: 30 / 100, Summer: 1200 / 4000 });
  });
});
