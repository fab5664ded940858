// The one place that knows the app's URLs. Routes, redirects and templates all build links here, so a
// template never concatenates a URL and a route path never drifts from the links that point at it.

export type Query = Record<string, string | number | boolean | null | undefined | Array<string | number>>;

/** Appends the non-empty query parameters to a path (arrays repeat the key, as HTML forms do). */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The same URL in another rendering: `/claims?kind=date` → `/claims.csv?kind=date`. */
export function asFormat(url: string, format: 'json' | 'csv'): string {
  const at = url.search(/[?#]/);
  const path = at === -1 ? url : url.slice(0, at);
  const rest = at === -1 ? '' : url.slice(at);
  return `${path === '/' ? '/index' : path}.${format}${rest}`;
}

const id = (value: number | string): string => encodeURIComponent(String(value));

/** Route patterns for the route table; each matches the builder of the same name below. */
export const paths = {
  dashboard: '/',
  samples: '/samples',
  sources: '/sources',
  newSource: '/sources/new',
  source: '/sources/:id',
  editSource: '/sources/:id/edit',
  deleteSource: '/sources/:id/delete',
  refetchSource: '/sources/:id/refetch',
  // Feeds followed; POSTed to, /feeds follows a new one.
  feeds: '/feeds',
  pollFeeds: '/feeds/poll',
  sourceDiff: '/sources/:id/diff',
  sourceAssignment: '/sources/:id/assignment',
  claims: '/claims',
  newClaim: '/claims/new',
  bulkClaims: '/claims/bulk',
  claim: '/claims/:id',
  editClaim: '/claims/:id/edit',
  deleteClaim: '/claims/:id/delete',
  reviewClaim: '/claims/:id/review',
  claimComments: '/claims/:id/comments',
  rateClaim: '/claims/:id/rating',
  claimClaimReview: '/claims/:id/claimreview.jsonld',
  checkClaimVersion: '/claims/:id/version-checked',
  review: '/review',
  undo: '/undo',
  figurePreview: '/figures/preview',
  // Cross-check: entities, conflicts, facts.
  entities: '/entities',
  entity: '/entities/:id',
  entityAliases: '/entities/:id/aliases',
  entityAliasRemove: '/entities/:id/aliases/remove',
  renameEntity: '/entities/:id/rename',
  mergeEntity: '/entities/:id/merge',
  entityPartOf: '/entities/:id/part-of',
  subjectAssignment: '/entities/:id/assignment',
  conflicts: '/conflicts',
  conflict: '/conflicts/:id',
  conflictChart: '/conflicts/:id/chart.svg',
  explainConflict: '/conflicts/:id/explain',
  resolveConflict: '/conflicts/:id/resolve',
  reopenConflict: '/conflicts/:id/reopen',
  unflagConflict: '/conflicts/:id/unflag',
  deprecateInConflict: '/conflicts/:id/deprecate',
  conflictComments: '/conflicts/:id/comments',
  approveProposal: '/conflicts/:id/approve',
  withdrawProposal: '/conflicts/:id/withdraw',
  fact: '/facts/:subject/:metric',
  factChart: '/facts/:subject/:metric/chart.svg',
  factClaimReview: '/facts/:subject/:metric/claimreview.jsonld',
  search: '/search',
  factSheet: '/factsheet',
  factSheetDownload: '/factsheet/download/:format',
  // The vocabulary extraction reads: metrics with keywords; POSTed to, /lexicon adds a metric.
  lexicon: '/lexicon',
  lexiconMetric: '/lexicon/metrics/:id',
  deleteLexiconMetric: '/lexicon/metrics/:id/delete',
  lexiconSync: '/lexicon/sync',
  lexiconGrammar: '/lexicon/grammar/:id',
  // Accounts: signing in and out, who did what, and (for admins) the users.
  login: '/login',
  logout: '/logout',
  activity: '/activity',
  users: '/users',
  userRole: '/users/:name/role',
  userStatus: '/users/:name/status',
} as const;

/** URL builders, also available to every template as `urls`. */
export const urls = {
  dashboard: (query?: Query): string => withQuery('/', query),
  samples: (): string => paths.samples,
  sources: (query?: Query): string => withQuery(paths.sources, query),
  newSource: (): string => paths.newSource,
  source: (sourceId: number, query?: Query): string => withQuery(`/sources/${id(sourceId)}`, query),
  editSource: (sourceId: number): string => `/sources/${id(sourceId)}/edit`,
  deleteSource: (sourceId: number): string => `/sources/${id(sourceId)}/delete`,
  /** The feeds followed; POSTed to, follows a feed. */
  feeds: (): string => paths.feeds,
  /** POSTed to: polls every feed. */
  pollFeeds: (): string => paths.pollFeeds,
  /** POSTed to: fetches the source's URL again (a changed text becomes a new version). */
  refetchSource: (sourceId: number): string => `/sources/${id(sourceId)}/refetch`,
  /** A word diff between two versions of the source's article. */
  sourceDiff: (sourceId: number, query?: Query): string => withQuery(`/sources/${id(sourceId)}/diff`, query),
  /** POSTed to: takes the source to review, or releases it. */
  sourceAssignment: (sourceId: number): string => `/sources/${id(sourceId)}/assignment`,
  claims: (query?: Query): string => withQuery(paths.claims, query),
  newClaim: (query?: Query): string => withQuery(paths.newClaim, query),
  bulkClaims: (): string => paths.bulkClaims,
  claim: (claimId: number): string => `/claims/${id(claimId)}`,
  editClaim: (claimId: number, query?: Query): string => withQuery(`/claims/${id(claimId)}/edit`, query),
  deleteClaim: (claimId: number): string => `/claims/${id(claimId)}/delete`,
  reviewClaim: (claimId: number): string => `/claims/${id(claimId)}/review`,
  /** POSTed to: adds a comment to the claim's discussion. */
  claimComments: (claimId: number): string => `/claims/${id(claimId)}/comments`,
  /** POSTed to: rates the confirmed claim for ClaimReview (or changes its rating). */
  rateClaim: (claimId: number): string => `/claims/${id(claimId)}/rating`,
  /** The rated claim's own review as schema.org ClaimReview JSON-LD. */
  claimClaimReview: (claimId: number): string => `/claims/${id(claimId)}/claimreview.jsonld`,
  /** POSTed to: a reviewer checked the claim against the newer version; its version flag is cleared. */
  checkClaimVersion: (claimId: number): string => `/claims/${id(claimId)}/version-checked`,
  review: (query?: Query): string => withQuery(paths.review, query),
  /** POSTed to: undoes the change a signed message describes (see flash.ts). */
  undo: (): string => paths.undo,
  figurePreview: (query?: Query): string => withQuery(paths.figurePreview, query),
  entities: (query?: Query): string => withQuery(paths.entities, query),
  entity: (entityId: number): string => `/entities/${id(entityId)}`,
  entityAliases: (entityId: number): string => `/entities/${id(entityId)}/aliases`,
  entityAliasRemove: (entityId: number): string => `/entities/${id(entityId)}/aliases/remove`,
  renameEntity: (entityId: number): string => `/entities/${id(entityId)}/rename`,
  mergeEntity: (entityId: number): string => `/entities/${id(entityId)}/merge`,
  entityPartOf: (entityId: number): string => `/entities/${id(entityId)}/part-of`,
  subjectAssignment: (entityId: number): string => `/entities/${id(entityId)}/assignment`,
  /** The conflicts list; POSTed to, it flags the selected claims as conflicting. */
  conflicts: (query?: Query): string => withQuery(paths.conflicts, query),
  conflict: (conflictId: number): string => `/conflicts/${id(conflictId)}`,
  conflictChart: (conflictId: number): string => `/conflicts/${id(conflictId)}/chart.svg`,
  explainConflict: (conflictId: number): string => `/conflicts/${id(conflictId)}/explain`,
  resolveConflict: (conflictId: number): string => `/conflicts/${id(conflictId)}/resolve`,
  reopenConflict: (conflictId: number): string => `/conflicts/${id(conflictId)}/reopen`,
  unflagConflict: (conflictId: number): string => `/conflicts/${id(conflictId)}/unflag`,
  /** Deprecates one claim of the conflict, settling the conflicts it caused. */
  deprecateInConflict: (conflictId: number): string => `/conflicts/${id(conflictId)}/deprecate`,
  /** POSTed to: adds a comment to the conflict's discussion. */
  conflictComments: (conflictId: number): string => `/conflicts/${id(conflictId)}/comments`,
  /** POSTed to: a second editor applies the proposed resolution. */
  approveProposal: (conflictId: number): string => `/conflicts/${id(conflictId)}/approve`,
  /** POSTed to: the proposal is withdrawn (or declined), the conflict stays open. */
  withdrawProposal: (conflictId: number): string => `/conflicts/${id(conflictId)}/withdraw`,
  fact: (subjectId: number, metric: string, query?: Query): string => withQuery(`/facts/${id(subjectId)}/${encodeURIComponent(metric)}`, query),
  factChart: (subjectId: number, metric: string): string => `/facts/${id(subjectId)}/${encodeURIComponent(metric)}/chart.svg`,
  /** The fact's settled conflicts as schema.org ClaimReview JSON-LD. */
  factClaimReview: (subjectId: number, metric: string): string => `/facts/${id(subjectId)}/${encodeURIComponent(metric)}/claimreview.jsonld`,
  search: (query?: Query): string => withQuery(paths.search, query),
  factSheet: (query?: Query): string => withQuery(paths.factSheet, query),
  factSheetDownload: (format: string, query?: Query): string => withQuery(`/factsheet/download/${id(format)}`, query),
  lexicon: (query?: Query): string => withQuery(paths.lexicon, query),
  /** POSTed to: saves a lexicon metric's keywords and kind. */
  lexiconMetric: (metricId: number): string => `/lexicon/metrics/${id(metricId)}`,
  deleteLexiconMetric: (metricId: number): string => `/lexicon/metrics/${id(metricId)}/delete`,
  lexiconSync: (): string => paths.lexiconSync,
  /** POSTed to: saves a grammar word list (one entry per line). */
  lexiconGrammar: (listId: number): string => `/lexicon/grammar/${id(listId)}`,
  login: (query?: Query): string => withQuery(paths.login, query),
  /** POSTed to: ends the session. */
  logout: (): string => paths.logout,
  activity: (query?: Query): string => withQuery(paths.activity, query),
  /** The users page; POSTed to, it adds a user. */
  users: (): string => paths.users,
  userRole: (name: string): string => `/users/${encodeURIComponent(name)}/role`,
  /** POSTed to: disables or enables the user. */
  userStatus: (name: string): string => `/users/${encodeURIComponent(name)}/status`,
  /** Anchor of a claim's highlighted quote inside its article view (on the page of the source's claims that lists it). */
  quoteInSource: (sourceId: number, claimId: number, page = 1): string =>
    `${withQuery(`/sources/${id(sourceId)}`, { page: page > 1 ? page : null })}#quote-${id(claimId)}`,
  asset: (file: string): string => `/static/${file.split('/').map(encodeURIComponent).join('/')}`,
  asFormat,
};

export type Urls = typeof urls;

/**
 * A `return` target from a form or query, accepted only when it is a path on this site (never `//host`
 * or a full URL), so links cannot send reviewers elsewhere after a save.
 */
export function localReturn(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return /[\u0000-\u001f]/.test(value) ? null : value;
}
