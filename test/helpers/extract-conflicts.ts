// Extraction feeding the pure conflict rules without a database: claims of short articles put in context with
// entity ids assigned by name, as the store would, then grouped into facts and checked.
import { extract } from '../../src/extract/index.js';
import { DEFAULT_SETTINGS, conflictsForFact, groupForConflicts, type ClaimInContext, type ComputedConflict } from '../../src/domain/crosscheck.js';
import type { ExtractedClaim, Figure, Lexicon } from '../../src/domain/types.js';
import { makeClaimInContext } from './claim-builders.js';

/** An article as a test writes it. */
export interface Article {
  publisher: string;
  published: string;
  text: string;
}

/** Claims of all articles, in context, with ids and entity ids assigned by name as the store would. */
export function claimsInContext(articles: Article[], lexicon: Lexicon): { claims: ClaimInContext[]; extracted: Map<number, ExtractedClaim> } {
  const entityIds = new Map<string, number>();
  const idOf = (name: string | null): number | null => {
    if (name === null) return null;
    if (!entityIds.has(name)) entityIds.set(name, entityIds.size + 1);
    return entityIds.get(name)!;
  };
  const claims: ClaimInContext[] = [];
  const extracted = new Map<number, ExtractedClaim>();
  articles.forEach((article, sourceIndex) => {
    for (const c of extract(article.text, { published: article.published, publisher: article.publisher, lexicon })) {
      const id = claims.length + 1;
      extracted.set(id, c);
      // the rest as the store would hold a fresh candidate (claim-builders.ts defaults)
      claims.push(
        makeClaimInContext({
          id,
          sourceId: sourceIndex + 1,
          quote: c.quote,
          quoteStart: c.start,
          quoteEnd: c.end,
          valueText: c.valueText,
          kind: c.kind,
          metric: c.metric,
          subjectId: idOf(c.subject),
          figure: { unit: c.value.unit, low: c.value.low, high: c.value.high } as Figure,
          qualifier: c.qualifier,
          scopeFrom: c.scope?.from ?? null,
          scopeTo: c.scope?.to ?? null,
          asOf: c.asOf,
          speakerId: idOf(c.speaker),
          attributionCue: c.attributionCue,
          relay: c.relay,
          hedge: c.hedge,
          status: 'candidate',
          sourcePublisher: article.publisher,
          sourcePublishedAt: article.published,
          subjectName: c.subject,
          speakerName: c.speaker,
        }),
      );
    }
  });
  return { claims, extracted };
}

export function conflictsOf(claims: ClaimInContext[]): ComputedConflict[] {
  return [...groupForConflicts(claims).values()].flatMap((group) => conflictsForFact(group, DEFAULT_SETTINGS));
}

/** A conflict as "rule: valueText × valueText", for readable assertions. */
export function described(conflicts: ComputedConflict[], claims: ClaimInContext[]): string[] {
  const text = (id: number): string => claims.find((c) => c.id === id)?.valueText ?? '?';
  return conflicts.map((c) => `${c.rule}: ${c.claimIds.map(text).join(' × ')}`).sort();
}

/** Each conflict the rules find among the claims, as its figures: "312 vs more than 4,000". */
export function pairValues(claims: ClaimInContext[]): string[] {
  return conflictsOf(claims).map((c) => c.claimIds.map((id) => claims.find((x) => x.id === id)?.valueText).sort().join(' vs '));
}

/** The conflicts the rules find in one article from the test wire, as value pairs. */
export function pairsOf(text: string, lexicon: Lexicon, published = '2026-03-02'): string[] {
  return pairValues(claimsInContext([{ publisher: 'Test Wire', published, text }], lexicon).claims);
}
