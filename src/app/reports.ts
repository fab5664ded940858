// Machine-readable reports for the command line, in the shapes the README fixes for scripts ("Architecture": contracts).
import type { Db } from '../store/database.js';
import { getConflictWithClaims, listConflicts } from '../store/conflicts.js';

export interface ConflictsReport {
  conflicts: Array<{
    id: number;
    rule: string;
    status: string;
    severity: number;
    explanation: string;
    subject: string | null;
    metric: string;
    /** The competing values: group number, the figure as first written, and the claims backing it. */
    values: Array<{ group: number; valueText: string; claimIds: number[] }>;
    /** Exactly the claims backing the competing values, each with its value group. */
    claims: Array<{
      id: number;
      quote: string;
      valueText: string;
      value: { low: number | string | null; high: number | string | null; unit: string };
      speaker: string | null;
      source: { title: string; publisher: string; published: string };
      valueGroup: number;
    }>;
  }>;
}

/** Every current conflict (open first, by severity) with its claims and their sources: `crosscheck conflicts --json`. */
export function conflictsReport(db: Db): ConflictsReport {
  const conflicts: ConflictsReport['conflicts'] = [];
  for (let offset = 0; ; ) {
    const page = listConflicts(db, { limit: 500, offset });
    for (const summary of page.items) {
      const { claims } = getConflictWithClaims(db, summary.id);
      const byId = new Map(claims.map((c) => [c.id, c]));
      const groupOf = new Map(summary.valueGroups.flatMap((g) => g.claimIds.map((id) => [id, g.group] as const)));
      conflicts.push({
        id: summary.id,
        rule: summary.rule,
        status: summary.status,
        severity: summary.severity,
        explanation: summary.explanation,
        subject: summary.subjectName,
        metric: summary.metric,
        values: summary.valueGroups.map((g) => ({ group: g.group, valueText: byId.get(g.claimIds[0]!)?.valueText ?? '', claimIds: g.claimIds })),
        claims: claims.map((c) => ({
          id: c.id,
          quote: c.quote,
          valueText: c.valueText,
          value: { low: c.figure.low, high: c.figure.high, unit: c.figure.unit },
          speaker: c.speakerName,
          source: { title: c.sourceTitle, publisher: c.sourcePublisher, published: c.sourcePublishedAt },
          valueGroup: groupOf.get(c.id) ?? 0,
        })),
      });
    }
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  return { conflicts };
}
