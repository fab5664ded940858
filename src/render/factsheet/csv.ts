// The fact sheet as CSV: one row per claim with all its source's fields (csv-stringify: RFC 4180 quoting, header row).
import { stringify } from 'csv-stringify/sync';
import type { FactSheet } from '../../domain/factsheet.js';

export const CSV_COLUMNS = [
  'footnote', 'fact', 'subject', 'subject_inferred', 'metric', 'minor', 'claim_id', 'status', 'rank', 'rank_reason', 'kind', 'value_text', 'qualifier',
  'low', 'high', 'unit', 'interval', 'scope_from', 'scope_to', 'as_of', 'time_scope', 'speaker', 'attribution_cue', 'relay',
  'hedge', 'quote', 'open_disagreement', 'source_number', 'source_id', 'publisher', 'author', 'published', 'title', 'url', 'sha256',
] as const;

/** One row per claim, in footnote order, with all its source's fields; `minor` marks the appendix's facts. */
export function toCsv(s: FactSheet): string {
  const rows = s.facts.flatMap((f) => {
    const disputed = new Set(f.disagreement?.figures.flatMap((g) => g.claims.map((c) => c.claimId)) ?? []);
    return f.claims.map((c) => [
      c.footnote, f.heading, f.subject ?? '', c.subjectInferred ? 'yes' : 'no', f.metric, f.minor ? 'yes' : 'no', c.claimId, c.status, c.rank, c.rankReason ?? '', c.kind, c.valueText, c.qualifier,
      c.figure.low ?? '', c.figure.high ?? '', c.figure.unit, c.intervalText, c.scopeFrom ?? '', c.scopeTo ?? '', c.asOf, c.timeScope,
      c.speaker ?? '', c.attributionCue ?? '', c.relay ?? '', c.hedge ?? '', c.quote, disputed.has(c.claimId) ? 'yes' : 'no',
      c.sourceNumber, c.source.id, c.source.publisher, c.source.author ?? '', c.source.publishedAt, c.source.title, c.source.url ?? '', c.source.sha256,
    ]);
  });
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}
