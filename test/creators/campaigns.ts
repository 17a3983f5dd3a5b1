// Three campaigns run through the built bundle: creators recur with case, "@" and space
// variations (Jane in all three, Tom in two), one leaked code (Leo), a near-duplicate (janedoe).
import { createEmulator } from '../../emulator/sheets-emulator';
import { TRACKER_FORM } from '../harness/fixtures';

export type Synced = {
  sheetName: string;
  creators: number;
  gone: number;
  duplicates: string[];
  notes: string[];
};

export type Planned = {
  sheetName: string;
  candidates: number;
  suggested: string[];
  notes: string[];
};

export interface Post {
  handle: string;
  platform: string;
  date: string;
  fee: number;
  product: number;
  clicks: number;
  orders: number;
  revenue: number;
  customers: number;
}

export const post = (
  handle: string,
  platform: string,
  date: string,
  [fee, product, clicks, orders, revenue, customers]: number[],
): Post => ({ handle, platform, date, fee, product, clicks, orders, revenue, customers });

export const CAMPAIGNS: { name: string; posts: Post[] }[] = [
  {
    name: 'Spring',
    posts: [
      post('@Jane.Doe', 'Instagram', '2025-03-03', [300, 50, 620, 31, 1250, 25]),
      post('@tom_bakes', 'TikTok', '2025-03-05', [150, 25, 300, 12, 420, 10]),
      // More orders than clicks: the code leaked.
      post('@leo.unboxes', 'Instagram', '2025-03-07', [200, 0, 60, 85, 3400, 70]),
    ],
  },
  {
    name: 'Summer',
    posts: [
      post('jane.doe', 'Instagram', '2025-06-02', [320, 50, 700, 35, 1400, 30]),
      post(' @Tom_Bakes ', 'TikTok', '2025-06-04', [160, 25, 280, 9, 330, 8]),
      post('janedoe', 'Instagram', '2025-06-06', [90, 20, 150, 4, 160, 4]),
    ],
  },
  {
    name: 'Autumn',
    posts: [
      post('JANE.DOE', 'Instagram', '2025-09-01', [340, 50, 640, 30, 1300, 22]),
      post('@mia.makes', 'YouTube', '2025-09-03', [500, 60, 900, 45, 2700, 40]),
    ],
  },
];

export function rowOf(p: Post): unknown[] {
  return [
    p.handle,
    p.platform,
    12_000,
    p.date,
    '',
    '',
    '',
    p.fee,
    p.product,
    '',
    '',
    '',
    '',
    '',
    p.clicks,
    p.orders,
    p.revenue,
    p.customers,
  ];
}

/** The campaigns typed into trackers of a spreadsheet in `timeZone` (default: the script's). */
export function workbook(campaigns = CAMPAIGNS, timeZone?: string) {
  const emulator = createEmulator(timeZone === undefined ? {} : { timeZone });
  const script = emulator.load();
  for (const { name, posts } of campaigns) {
    script.call('createTracker', {
      ...TRACKER_FORM,
      campaignName: name,
      startingRows: Math.max(25, posts.length),
    });
    emulator.type(name, 'A8', posts.map(rowOf));
  }
  const sync = () => script.call('syncCreators') as Synced;
  const plan = (budget: unknown) => script.call('buildPlan', { budget }) as Planned;
  const roster = () => emulator.sheet('Creators').values();
  return { emulator, script, sync, plan, roster };
}
