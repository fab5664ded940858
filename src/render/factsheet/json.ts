// The fact sheet as JSON (format "crosscheck-factsheet/2"): key figures, then sections and appendix of facts → claims → sources.
import type { FactSheet, SheetClaim, SheetFact } from '../../domain/factsheet.js';

/** The fact sheet as JSON: the lead's key figures, sections of facts (values, disagreement, settlements, claims with their sources), the appendix and the sources. */
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
    subjectInferred: c.subjectInferred,
    source: c.source,
  });
  const factJson = (f: SheetFact) => ({
    subject: f.subject,
    metric: f.metric,
    heading: f.heading,
    minor: f.minor,
    values: f.values.map((v) => ({ statement: v.statement, corroboration: v.corroboration, preferred: v.preferred, claims: v.claims.map((c) => c.claimId) })),
    disagreement: f.disagreement && {
      rules: f.disagreement.rules,
      explanation: f.disagreement.explanation,
      conflictIds: f.disagreement.conflictIds,
      figures: f.disagreement.figures.map((g) => ({ statement: g.statement, corroboration: g.corroboration, otherMetric: g.otherMetric, claims: g.claims.map((c) => c.claimId) })),
    },
    settlements: f.settlements.map((t) => ({
      conflictIds: t.conflictIds,
      status: t.status,
      note: t.note,
      preferred: t.preferred?.claimId ?? null,
      others: t.others.map((c) => c.claimId),
    })),
    claims: f.claims.map(claimJson),
  });
  const doc = {
    format: 'crosscheck-factsheet/2',
    title: s.title,
    generatedAt: s.generatedAt,
    filter: s.filter,
    counts: s.counts,
    lead: s.lead.map((l) => ({
      kind: l.kind,
      label: l.label,
      fact: l.heading,
      statement: l.statement,
      corroboration: l.corroboration,
      disputed: l.disputed,
      claims: l.claims.map((c) => c.claimId),
    })),
    sections: s.sections.map((section) => ({ subject: section.subject, facts: section.facts.map(factJson) })),
    appendix: s.appendix.map(factJson),
    sources: s.sources,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
