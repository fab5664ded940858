// Page numbers in query strings (?page=2) to store offsets and back.

export interface Pagination {
  page: number;
  perPage: number;
  total: number;
  pages: number;
}

/** The store's limit/offset for a 1-based `page` query value; nonsense falls back to page 1. */
export function pageRequest(pageParam: unknown, perPage: number): { page: number; limit: number; offset: number } {
  const parsed = Number(typeof pageParam === 'string' ? pageParam : 1);
  const page = Number.isInteger(parsed) && parsed >= 1 && parsed <= 1_000_000 ? parsed : 1;
  return { page, limit: perPage, offset: (page - 1) * perPage };
}

/** What templates need to draw "page 2 of 7" with previous/next links. */
export function pagination(page: number, perPage: number, total: number): Pagination {
  return { page, perPage, total, pages: Math.max(1, Math.ceil(total / perPage)) };
}
