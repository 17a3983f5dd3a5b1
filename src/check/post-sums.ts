// Sums over the expected posts as the sheets' SUMIFS and SUMPRODUCT make them: text and blanks
// count nothing, a ratio is blank without a positive denominator.
import type { PostKey } from '../insights/posts';
import { roi } from '../metrics/returns';
import type { ExpectedPost } from './dashboard-posts';

export type Value = number | string;
export const isNumber = (value: unknown): value is number => typeof value === 'number';

export function total(posts: readonly ExpectedPost[], key: PostKey): number {
  return posts.reduce(
    (sum, p) => sum + (isNumber(p.values[key]) ? (p.values[key] as number) : 0),
    0,
  );
}
export const known = (posts: readonly ExpectedPost[], key: PostKey): Value =>
  posts.some((p) => isNumber(p.values[key])) ? total(posts, key) : '';
export const having = (posts: readonly ExpectedPost[], key: PostKey) =>
  posts.filter((p) => isNumber(p.values[key]));
export const ratio = (a: Value, b: Value): Value =>
  isNumber(a) && isNumber(b) && b > 0 ? a / b : '';
export const roiOf = (revenue: Value, cost: number): Value =>
  isNumber(revenue) && cost > 0 ? roi(revenue, cost) : '';
export const engaged = (posts: readonly ExpectedPost[]) =>
  posts.filter(
    (p) =>
      isNumber(p.values.followers) &&
      (p.values.followers as number) > 0 &&
      isNumber(p.values.engagements),
  );
export const converted = (posts: readonly ExpectedPost[]) =>
  posts.filter(
    (p) =>
      isNumber(p.values.clicks) && (p.values.clicks as number) > 0 && isNumber(p.values.orders),
  );
