// Machine-readable reports for the command line, in the shapes DESIGN.md fixes for scripts.
import type { Db } from './store/database.js';
import { getConflictWithClaims, listConflicts } from './store/conflicts.js';

export interface ConflictsReport {
  conflicts: Array<{
    id: number;
    rule: string;
    status: string;
    severity: number;
    explanation: string;
    subject: string | null;
    metric: string;
    claims: Array<{
      id: number;
      quote: string;
      valueText: string;
      value: { low: number | string | null; high: number | string | null; unit: string };
      speaker: string | null;
      source: { title: string; publisher: string; published: string };
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
      conflicts.push({
        id: summary.id,
        rule: summary.rule,
        status: summary.status,
        severity: summary.severity,
        explanation: summary.explanation,
        subject: summary.subjectName,
        metric: summary.metric,
        claims: claims.map((c) => ({
          id: c.id,
          quote: c.quote,
          valueText: c.valueText,
          value: { low: c.figure.low, high: c.figure.high, unit: c.figure.unit },
          speaker: c.speakerName,
          source: { title: c.sourceTitle, publisher: c.sourcePublisher, published: c.sourcePublishedAt },
        })),
      });
    }
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  return { conflicts };
}
