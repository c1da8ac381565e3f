/**
 * URLs of the reviewer pages (the route table in app/hr/hr-routes.tsx declares the same
 * patterns). No runtime imports: the shell chunk uses this file.
 */
export const REVIEWS_GROUP_PATH = '/hr/reviews';
export const REVIEWS_PENDING_PATH = '/hr/reviews/pending';
export const REVIEWS_DONE_PATH = '/hr/reviews/done';
export const REVIEW_DETAIL_PATTERN = '/hr/reviews/:id';

export function reviewPath(id: string): string {
  return `/hr/reviews/${encodeURIComponent(id)}`;
}
