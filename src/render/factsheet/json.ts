// The fact sheet as JSON (format "crosscheck-factsheet/1"): facts → claims → sources.
import type { FactSheet, SheetClaim } from '../../domain/factsheet.js';

/** The fact sheet as JSON: facts → claims → sources, with values, disagreements and settlements. */
export function toJson(s: FactSheet): string {
  const claimJson = (c: SheetClaim) => ({
    footnote: c.footnote,
    id: c.claimId,
    status: c.status,
    rank: c.rank,
    rankReason: c.rankReason,
    kind: c.kind,
    valueText: c.valueText,
    qualifier: c.qualifier,
    value: { low: c.figure.low, high: c.figure.high, unit: c.figure.unit },
    interval: c.intervalText,
    scope: { from: c.scopeFrom, to: c.scopeTo },
    asOf: c.asOf,
    timeScope: c.timeScope,
    speaker: c.speaker,
    attributionCue: c.attributionCue,
    relay: c.relay,
    hedge: c.hedge,
    quote: c.quote,
    attribution: c.attribution,
    source: c.source,
  });
  const doc = {
    format: 'crosscheck-factsheet/1',
    title: s.title,
    generatedAt: s.generatedAt,
    filter: s.filter,
    counts: s.counts,
    facts: s.facts.map((f) => ({
      subject: f.subject,
      metric: f.metric,
      heading: f.heading,
      values: f.values.map((v) => ({ statement: v.statement, corroboration: v.corroboration, preferred: v.preferred, claims: v.claims.map((c) => c.claimId) })),
      disagreements: f.disagreements.map((d) => ({ conflictId: d.conflictId, rule: d.rule, explanation: d.explanation, claims: d.claims.map((c) => c.claimId) })),
      settlements: f.settlements.map((t) => ({
        conflictId: t.conflictId,
        status: t.status,
        note: t.note,
        preferred: t.preferred?.claimId ?? null,
        others: t.others.map((c) => c.claimId),
      })),
      claims: f.claims.map(claimJson),
    })),
    sources: s.sources,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
