import { describe, expect, it } from 'vitest';
import { NotFoundError, StaleEditError, ValidationError } from '../../src/domain/errors.js';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { countClaimsByStatus, getClaim, getClaimView, getClaimViews, listClaimsOfFact, listClaimsOfSource } from '../../src/store/claims.js';
import { createClaims, deleteClaim, importExtractedClaims, setClaimStatus, updateClaim, type NewClaim } from '../../src/store/claim-changes.js';
import { deleteSource } from '../../src/store/sources.js';
import { listAudit } from '../../src/store/audit.js';
import { listClaims } from '../../src/store/claim-list.js';
import { resolveEntity } from '../../src/store/entities.js';
import { DEFAULT_QUOTE, TEST_CTX, createTestDb, makeClaim, makeConflict, makeEntity, makeSource } from '../helpers/index.js';

describe('claims', () => {
  it('round-trips every field, numeric and date figures included', () => {
    const db = createTestDb();
    const speaker = makeEntity(db, { name: 'Sample Ministry' });
    const subject = makeEntity(db, { name: 'Sample War', type: 'event' });
    const claim = makeClaim(db, {
      speakerId: speaker.id,
      subjectId: subject.id,
      scopeFrom: '2018-01-01',
      scopeTo: '2018-12-31',
      attributionCue: 'said',
      relay: 'a state broadcaster reported',
      hedge: 'reportedly',
      note: 'check the second outlet',
      figure: { unit: 'count', low: 1080.5, high: null },
    });
    expect(getClaim(db, claim.id)).toEqual(claim);
    expect(claim).toMatchObject({ speakerId: speaker.id, figure: { unit: 'count', low: 1080.5, high: null }, status: 'candidate', rank: 'normal', version: 1 });
    const date = makeClaim(db, { kind: 'date', metric: 'war start', valueText: 'September 2015', figure: { unit: 'date', low: '2015-09-01', high: '2015-09-30' }, qualifier: 'exact' });
    expect(getClaim(db, date.id).figure).toEqual({ unit: 'date', low: '2015-09-01', high: '2015-09-30' });
  });

  it('the display view joins speaker, subject and source names', () => {
    const db = createTestDb();
    const speaker = makeEntity(db, { name: 'Sample Ministry' });
    const source = makeSource(db, { title: 'Toll rises', publisher: 'Sample Wire' });
    const claim = makeClaim(db, { sourceId: source.id, speakerId: speaker.id });
    expect(getClaimView(db, claim.id)).toMatchObject({
      speakerName: 'Sample Ministry',
      subjectName: null,
      sourceTitle: 'Toll rises',
      sourcePublisher: 'Sample Wire',
      sourcePublishedAt: '2019-03-15',
    });
    expect(getClaimViews(db, [claim.id, 999]).map((v) => v.id)).toEqual([claim.id]);
    expect(() => getClaimView(db, 999)).toThrow(NotFoundError);
  });

  it('creates many claims in one transaction: one bad claim stores none', () => {
    const db = createTestDb();
    const source = makeSource(db);
    const good: NewClaim = {
      sourceId: source.id, quote: DEFAULT_QUOTE, quoteStart: 0, quoteEnd: DEFAULT_QUOTE.length, valueText: '1,200',
      kind: 'casualties', metric: 'killed', figure: { unit: 'count', low: 1200, high: 1200 }, qualifier: 'exact', origin: 'extracted',
    };
    const outside: NewClaim = { ...good, quoteStart: 10, quoteEnd: 10_000 };
    expect(() => createClaims(db, [good, outside], TEST_CTX)).toThrow(ValidationError);
    expect(listClaims(db).total).toBe(0);
    expect(createClaims(db, [good, { ...good, valueText: 'again' }], TEST_CTX)).toHaveLength(2);
    expect(listClaims(db).total).toBe(2);
  });

  it('rejects unknown sources, speakers and bad field values with clear errors', () => {
    const db = createTestDb();
    expect(() => makeClaim(db, { sourceId: 77 })).toThrow(NotFoundError);
    const source = makeSource(db);
    expect(() => makeClaim(db, { sourceId: source.id, speakerId: 555 })).toThrow(ValidationError);
    try {
      makeClaim(db, { sourceId: source.id, kind: 'weather' as never, asOf: '15/03/2019' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toHaveProperty('kind');
      expect((error as ValidationError).fields).toHaveProperty('asOf');
    }
    expect(listClaims(db).total).toBe(0);
  });

  it('offsets must point at the quote exactly, counted as JavaScript string indexes', () => {
    const db = createTestDb();
    const body = 'Residents posted 🙏 messages. The council said 40 homes burned.\n';
    const source = makeSource(db, { body });
    const quote = 'The council said 40 homes burned.';
    const start = body.indexOf(quote);
    expect(makeClaim(db, { sourceId: source.id, quote, quoteStart: start, quoteEnd: start + quote.length }).quoteStart).toBe(start);
    expect(() => makeClaim(db, { sourceId: source.id, quote, quoteStart: start - 1, quoteEnd: start - 1 + quote.length })).toThrow(
      expect.objectContaining({ fields: { quote: expect.stringMatching(/does not match/) } }),
    );
    expect(() => makeClaim(db, { sourceId: source.id, quote: body.slice(0, 10), quoteStart: 0, quoteEnd: body.length + 1 })).toThrow(ValidationError);
  });

  it('update applies a patch with the current version, bumps it and audits before/after', () => {
    const db = createTestDb();
    const claim = makeClaim(db);
    const updated = updateClaim(db, claim.id, 1, { valueText: 'some 1,200', hedge: 'reportedly', note: undefined }, TEST_CTX);
    expect(updated).toMatchObject({ valueText: 'some 1,200', hedge: 'reportedly', version: 2, quote: claim.quote });
    const [, event] = listAudit(db, 'claim', claim.id);
    expect(event).toMatchObject({ action: 'update', before: { valueText: 'about 1,200', version: 1 }, after: { valueText: 'some 1,200', version: 2 } });
  });

  it('two reviewers editing the same version: the second gets StaleEditError and nothing is overwritten', () => {
    const db = createTestDb();
    const claim = makeClaim(db);
    updateClaim(db, claim.id, claim.version, { metric: 'fighters killed' }, TEST_CTX);
    expect(() => updateClaim(db, claim.id, claim.version, { metric: 'civilians killed' }, TEST_CTX)).toThrow(StaleEditError);
    expect(getClaim(db, claim.id).metric).toBe('fighters killed');
    expect(() => updateClaim(db, 999, 1, { metric: 'x' }, TEST_CTX)).toThrow(NotFoundError);
  });

  it('bulk status change confirms several claims, audited each, when every version is current', () => {
    const db = createTestDb();
    const source = makeSource(db);
    const a = makeClaim(db, { sourceId: source.id });
    const b = makeClaim(db, { sourceId: source.id });
    const c = makeClaim(db, { sourceId: source.id });
    const confirmed = setClaimStatus(db, [{ id: a.id, version: a.version }, { id: b.id, version: b.version }], 'confirmed', TEST_CTX);
    expect(confirmed.map((claim) => [claim.status, claim.version])).toEqual([['confirmed', 2], ['confirmed', 2]]);
    expect(countClaimsByStatus(db)).toEqual({ candidate: 1, confirmed: 2, rejected: 0 });
    expect(countClaimsByStatus(db, { sourceId: source.id }).confirmed).toBe(2);
    expect(listAudit(db, 'claim', a.id).map((e) => e.action)).toEqual(['create', 'update']);
    // Listing a claim twice changes it once.
    expect(setClaimStatus(db, [{ id: c.id, version: 1 }, { id: c.id, version: 1 }], 'rejected', TEST_CTX)).toHaveLength(1);
    expect(getClaim(db, c.id).version).toBe(2);
  });

  it('bulk status change refuses the whole selection when any claim changed since the page was drawn', () => {
    const db = createTestDb();
    const source = makeSource(db);
    const a = makeClaim(db, { sourceId: source.id });
    const b = makeClaim(db, { sourceId: source.id });
    // Another reviewer edits b after our claims table was drawn.
    updateClaim(db, b.id, b.version, { note: 'Checked against the monitor.' }, TEST_CTX);
    expect(() => setClaimStatus(db, [{ id: a.id, version: a.version }, { id: b.id, version: b.version }], 'rejected', TEST_CTX)).toThrow(
      new StaleEditError(`Claim ${b.id}`),
    );
    expect([getClaim(db, a.id), getClaim(db, b.id)].map((claim) => [claim.status, claim.version])).toEqual([['candidate', 1], ['candidate', 2]]);
    expect(listAudit(db, 'claim', a.id).map((e) => e.action)).toEqual(['create']);
    // A caller that sends no version (an old form) is refused rather than trusted.
    const unversioned = [{ id: a.id }] as unknown as { id: number; version: number }[];
    expect(() => setClaimStatus(db, unversioned, 'rejected', TEST_CTX)).toThrow(StaleEditError);
    expect(getClaim(db, a.id).status).toBe('candidate');
  });

  it('delete removes the claim, audited, and drops conflicts left with one claim', () => {
    const db = createTestDb();
    const a = makeClaim(db);
    const b = makeClaim(db, { sourceId: a.sourceId });
    const conflict = makeConflict(db, [a.id, b.id]);
    expect(() => deleteClaim(db, a.id, TEST_CTX, 7)).toThrow(StaleEditError);
    deleteClaim(db, a.id, TEST_CTX, 1);
    expect(() => getClaim(db, a.id)).toThrow(NotFoundError);
    expect(listAudit(db, 'claim', a.id).at(-1)).toMatchObject({ action: 'delete', before: { id: a.id } });
    expect(listAudit(db, 'conflict', conflict.id).at(-1)?.action).toBe('delete');
  });

  it('lists with each filter, pagination and totals', () => {
    const db = createTestDb();
    const s1 = makeSource(db, { publishedAt: '2016-06-01' });
    const s2 = makeSource(db, { publishedAt: '2019-03-15' });
    const ministry = makeEntity(db, { name: 'Sample Ministry' });
    const war = makeEntity(db, { name: 'Sample War', type: 'event' });
    const a = makeClaim(db, { sourceId: s1.id, speakerId: ministry.id, subjectId: war.id, status: 'confirmed' });
    const b = makeClaim(db, { sourceId: s1.id, quoteStart: 5, quoteEnd: 20, quote: DEFAULT_QUOTE.slice(5, 20), kind: 'territory', metric: 'territory controlled', figure: { unit: 'percent', low: 85, high: 85 }, valueText: '85 %' });
    const c = makeClaim(db, { sourceId: s2.id, rank: 'deprecated', rankReason: 'error', subjectId: war.id });
    const ids = (filter: Parameters<typeof listClaims>[1]) => listClaims(db, filter).items.map((claim) => claim.id);
    expect(ids({})).toEqual([c.id, b.id, a.id]);
    expect(ids({ sourceId: s1.id })).toEqual([a.id, b.id]);
    expect(ids({ kind: 'territory' })).toEqual([b.id]);
    expect(ids({ subjectId: war.id })).toEqual([c.id, a.id]);
    expect(ids({ status: 'confirmed' })).toEqual([a.id]);
    expect(ids({ speakerId: ministry.id })).toEqual([a.id]);
    expect(ids({ metric: 'territory controlled' })).toEqual([b.id]);
    expect(ids({ rank: 'deprecated' })).toEqual([c.id]);
    expect(ids({ publishedFrom: '2019-01-01' })).toEqual([c.id]);
    // Date-filtered lists go by publication date, newest first, then text order.
    expect(ids({ publishedFrom: '2016-01-01' })).toEqual([c.id, a.id, b.id]);
    expect(ids({ publishedTo: '2018-12-31', kind: 'casualties' })).toEqual([a.id]);
    expect(ids({ q: '85 %' })).toEqual([b.id]);
    expect(ids({ q: '100%_' })).toEqual([]);
    const page = listClaims(db, { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(page.items.map((claim) => claim.id)).toEqual([a.id]);
    makeConflict(db, [a.id, c.id]);
    expect(ids({ inConflict: true })).toEqual([c.id, a.id]);
  });

  it('lists the claims of a source in text order and of a fact', () => {
    const db = createTestDb();
    const source = makeSource(db);
    const war = makeEntity(db, { name: 'Sample War', type: 'event' });
    const later = makeClaim(db, { sourceId: source.id, quoteStart: 84, quoteEnd: 100, quote: source.body.slice(84, 100), subjectId: war.id });
    const first = makeClaim(db, { sourceId: source.id, subjectId: war.id });
    makeClaim(db, { sourceId: source.id, metric: 'wounded', subjectId: war.id });
    expect(listClaimsOfSource(db, source.id).map((claim) => claim.id).slice(0, 2)).toEqual([first.id, expect.any(Number)]);
    expect(listClaimsOfSource(db, source.id).at(-1)?.id).toBe(later.id);
    expect(listClaimsOfFact(db, war.id, 'killed').map((claim) => claim.id)).toEqual([later.id, first.id]);
  });

  it('imports extractor candidates, resolving speaker and subject names through entities', () => {
    const db = createTestDb();
    const source = makeSource(db);
    const shoigu = makeEntity(db, { name: 'Sergei Shoigu', type: 'person', aliases: ['Shoygu'] });
    const candidate: ExtractedClaim = {
      kind: 'casualties', quote: DEFAULT_QUOTE, start: 0, end: DEFAULT_QUOTE.length, valueText: 'about 1,200',
      value: { low: 1080, high: 1320, unit: 'count' }, qualifier: 'about', speaker: 'SHOYGU', attributionCue: 'said',
      relay: null, hedge: null, subject: 'Sample Province', metric: 'killed', population: 'people', scope: { from: '2018-01-01', to: '2018-12-31' }, asOf: '2019-03-15',
    };
    const dated: ExtractedClaim = { ...candidate, kind: 'date', value: { low: '2015-09-30', high: '2015-09-30', unit: 'date' }, speaker: null, scope: null };
    const [claim, dateClaim] = importExtractedClaims(db, source.id, [candidate, dated], TEST_CTX);
    expect(claim).toMatchObject({ speakerId: shoigu.id, origin: 'extracted', status: 'candidate', scopeFrom: '2018-01-01', figure: { unit: 'count', low: 1080, high: 1320 } });
    expect(claim?.subjectId).toBe(resolveEntity(db, 'sample province')?.id);
    expect(dateClaim).toMatchObject({ speakerId: null, scopeFrom: null, figure: { unit: 'date', low: '2015-09-30', high: '2015-09-30' } });
  });
});

describe('claim counts by status', () => {
  it('stay equal to a fresh count through inserts, status changes, deletes and source cascades', () => {
    const db = createTestDb();
    const source = makeSource(db);
    const other = makeSource(db);
    const a = makeClaim(db, { sourceId: source.id });
    const b = makeClaim(db, { sourceId: source.id, status: 'confirmed' });
    makeClaim(db, { sourceId: other.id, status: 'rejected' });
    makeClaim(db, { sourceId: other.id });
    setClaimStatus(db, [{ id: a.id, version: a.version }], 'rejected', TEST_CTX);
    updateClaim(db, b.id, b.version, { status: 'candidate' }, TEST_CTX);
    expect(countClaimsByStatus(db)).toEqual({ candidate: 2, confirmed: 0, rejected: 2 });
    deleteClaim(db, a.id, TEST_CTX);
    deleteSource(db, other.id, TEST_CTX);
    expect(countClaimsByStatus(db)).toEqual({ candidate: 1, confirmed: 0, rejected: 0 });
    expect(listClaims(db).total).toBe(1);
  });
});
