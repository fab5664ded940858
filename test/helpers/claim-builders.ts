// Pure builders (no database) of the claims the domain functions take: the conflict rules, the chart, the
// side-by-side comparison and the fact sheet. Fixed defaults, so each test spells out only what it is about.
import type { ComparedClaim } from '../../src/domain/compare.js';
import type { ClaimInContext } from '../../src/domain/crosscheck.js';
import type { Figure } from '../../src/domain/types.js';

/**
 * A claim as the conflict rules see it; defaults: source id × 10, kind 'date' for date figures else 'count',
 * metric "start date" of subject 1 ("Syrian civil war"), exact, confirmed, the publisher's own voice, no scope,
 * published 2020-01-01 by "Outlet".
 */
export function makeClaimInContext(overrides: Partial<ClaimInContext> & { id: number; figure: Figure }): ClaimInContext {
  return {
    sourceId: overrides.id * 10,
    quote: 'A sentence of our own.',
    quoteStart: 0,
    quoteEnd: 22,
    valueText: 'x',
    kind: overrides.figure.unit === 'date' ? 'date' : 'count',
    metric: 'start date',
    subjectId: 1,
    qualifier: 'exact',
    scopeFrom: null,
    scopeTo: null,
    asOf: null,
    speakerId: null,
    attributionCue: null,
    relay: null,
    hedge: null,
    status: 'confirmed',
    rank: 'normal',
    rankReason: null,
    note: null,
    origin: 'extracted',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    sourcePublisher: 'Outlet',
    sourcePublishedAt: '2020-01-01',
    subjectName: 'Syrian civil war',
    speakerName: null,
    ...overrides,
  };
}

/** A claim with its source's title and URL, as compared side by side and cited in fact sheets; defaults as makeClaimInContext, title "A title", no URL. */
export function makeComparedClaim(overrides: Partial<ComparedClaim> & { id: number; figure: Figure }): ComparedClaim {
  return { ...makeClaimInContext(overrides), sourceTitle: 'A title', sourceUrl: null, ...overrides };
}
