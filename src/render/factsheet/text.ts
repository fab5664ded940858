// Wording every fact sheet renderer shares: counts, corroboration, settlements, a figure as written, and the
// source and footnote lines as segments (text, or a URL) that each format writes in its own markup.
import { longDate } from '../../domain/scope-words.js';
import type { FactSheet, LeadFigure, SheetClaim, SheetDisagreement, SheetSettlement, SheetSource } from '../../domain/factsheet.js';

/** A piece of a line: plain text, or a URL (a link where the format has links). */
export type Segment = { text: string } | { url: string };

/** Corroboration in words: "1 independent source", "3 independent sources". */
export function corroborationText(n: number): string {
  return `${n} independent source${n === 1 ? '' : 's'}`;
}

export function countsText(s: FactSheet): string {
  const unreviewed = `${s.counts.unreviewed} unreviewed${s.filter.includeCandidates ? '' : ' (not included)'}`;
  return `Claims: ${s.counts.reviewed} reviewed, ${unreviewed} · Facts: ${s.counts.facts} · Sources: ${s.counts.sources} · Open disagreements: ${s.counts.openDisagreements}`;
}

/** "Flagged by the event-date rule: <explanation>", or "Flagged by the event-date and period-count rules." */
export function disagreementText(d: SheetDisagreement): string {
  const rules = d.rules.length === 1 ? `the ${d.rules[0]} rule` : `the ${d.rules.slice(0, -1).join(', ')} and ${d.rules.at(-1)} rules`;
  return d.explanation ? `Flagged by ${rules}: ${d.explanation}` : `Flagged by ${rules}.`;
}

/** What follows a key figure's sources when sources disagree on its fact. */
export function leadNote(l: LeadFigure): string {
  return l.disputed ? ' (sources disagree: see below)' : '';
}

export function settlementText(t: SheetSettlement): string {
  const what = t.status === 'resolved' ? 'Resolved' : 'Explained (different scope or definition)';
  return `${what}${t.note ? `: ${t.note}` : '.'}`;
}

/** "reportedly "131" (131), 1 January – 30 September 2017" — the figure as written with its hedge and scope. */
export function figureLine(c: SheetClaim): string {
  const hedge = c.hedge ? `${c.hedge} ` : '';
  return `${hedge}"${c.valueText}" (${c.intervalText}), ${c.timeScope}`;
}

export function rankLine(c: SheetClaim): string {
  if (c.rank === 'deprecated') return `Deprecated${c.rankReason ? ` (${c.rankReason})` : ''}`;
  return c.rank === 'preferred' ? 'Preferred' : 'Also stated';
}

/** A source in the sources list, joined with ", ": publisher, date, title, author, URL, sha256. */
export function sourceSegments(src: SheetSource): Segment[] {
  const parts: Segment[] = [{ text: src.publisher }, { text: longDate(src.publishedAt) }, { text: `"${src.title}"` }];
  if (src.author) parts.push({ text: `by ${src.author}` });
  parts.push(src.url ? { url: src.url } : { text: 'no URL' });
  parts.push({ text: `sha256 ${src.sha256 || 'unknown'}` });
  return parts;
}

/** A claim's footnote, joined with "; ": outlet, date, speaker, relay, hedge, URL, source number. The quote follows. */
export function footnoteSegments(c: SheetClaim): Segment[] {
  const parts: Segment[] = [{ text: `${c.source.publisher}, ${longDate(c.source.publishedAt)}` }];
  parts.push({ text: `speaker: ${c.speaker ?? 'the outlet itself'}` });
  if (c.relay) parts.push({ text: `relayed by: ${c.relay}` });
  if (c.hedge) parts.push({ text: `hedge: ${c.hedge}` });
  if (c.subjectInferred) parts.push({ text: 'subject from the article\'s other claims' });
  if (c.status !== 'confirmed') parts.push({ text: 'unreviewed' });
  parts.push(c.source.url ? { url: c.source.url } : { text: 'no URL' });
  parts.push({ text: `source ${c.sourceNumber}` });
  return parts;
}

/** The quote as the footnote ends with it. */
export function quoteText(c: SheetClaim): string {
  return `"${c.quote}"`;
}
