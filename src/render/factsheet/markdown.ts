// The fact sheet as Markdown: key figures, a section per subject, an appendix, footnotes ([^n]) and the sources.
import { allClaims, type FactSheet, type SheetClaim, type SheetFact } from '../../domain/factsheet.js';
import {
  corroborationText,
  countsText,
  disagreementText,
  figureLine,
  footnoteSegments,
  leadNote,
  quoteText,
  rankLine,
  settlementText,
  sourceSegments,
  type Segment,
} from './text.js';

/**
 * Escapes text for inline Markdown: newlines become spaces (a line break could start a heading, a list or
 * a table row), and the characters that make emphasis, code, links, HTML, entities, tables or headings
 * get a backslash, which CommonMark allows before any ASCII punctuation. Characters that only matter at
 * the start of a line (-, +, 1.) stay as they are: user text never starts a line here.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&#]/g, (ch) => `\\${ch}`);
}

/**
 * A URL as a CommonMark autolink <…>: backslash escapes do not work inside one, and the only characters
 * that would end or break it (space, <, >) are percent-encoded.
 */
function markdownUrl(url: string): string {
  return `<${url.replace(/[\s<>]/g, (ch) => encodeURIComponent(ch))}>`;
}

function segments(parts: readonly Segment[], separator: string): string {
  return parts.map((p) => ('url' in p ? markdownUrl(p.url) : escapeMarkdown(p.text))).join(separator);
}

/** The fact sheet as Markdown: key figures, a section per subject, an appendix, footnotes ([^n]) and the sources. */
export function toMarkdown(s: FactSheet): string {
  const md = escapeMarkdown;
  const cited = (claims: readonly SheetClaim[]): string => claims.map((c) => `${md(c.attribution)} [^${c.footnote}]`).join('; ');
  const out: string[] = [`# ${md(s.title)}`, '', `Generated ${md(s.generatedAt)} · ${md(s.filterText)}`, '', md(countsText(s)), ''];
  if (s.lead.length) {
    out.push('## Key figures', '');
    for (const l of s.lead) out.push(`- **${md(l.label)}:** ${md(l.statement)} — ${corroborationText(l.corroboration)}: ${cited(l.claims)}${leadNote(l)}`);
    out.push('');
  }
  for (const section of s.sections) {
    out.push(`## ${md(section.heading)}`, '');
    for (const f of section.facts) out.push(...factLines(f, `### ${md(f.label)}`, cited));
  }
  if (s.appendix.length) {
    out.push('## Appendix: minor facts', '');
    for (const f of s.appendix) out.push(...factLines(f, `### ${md(f.heading)}`, cited));
  }
  out.push('## Sources', '');
  for (const src of s.sources) out.push(`${src.number}. ${segments(sourceSegments(src), ', ')}`);
  out.push('');
  for (const c of allClaims(s)) out.push(`[^${c.footnote}]: ${segments(footnoteSegments(c), '; ')}. ${md(quoteText(c))}`);
  return `${out.join('\n')}\n`;
}

/** A fact: its heading, its values, its one disagreement and its settlements, then a blank line. */
function factLines(f: SheetFact, heading: string, cited: (claims: readonly SheetClaim[]) => string): string[] {
  const md = escapeMarkdown;
  const out = [heading, ''];
  for (const v of f.values) out.push(`- **${md(v.statement)}**${v.preferred ? ' (preferred)' : ''} — ${corroborationText(v.corroboration)}: ${cited(v.claims)}`);
  if (f.disagreement) {
    if (f.values.length) out.push('');
    out.push(`**Sources disagree.** ${md(disagreementText(f.disagreement))}`, '');
    for (const g of f.disagreement.figures) out.push(`- **${md(g.statement)}** — ${corroborationText(g.corroboration)}: ${cited(g.claims)}`);
  }
  for (const t of f.settlements) {
    const refs = [...(t.preferred ? [t.preferred] : []), ...t.others].map((c) => `[^${c.footnote}]`).join(' ');
    out.push('', `**${md(settlementText(t))}** ${refs}`);
    if (t.unstated.length) out.push('');
    for (const c of t.unstated) out.push(`- ${md(rankLine(c))}: ${md(figureLine(c))} — ${cited([c])}`);
  }
  out.push('');
  return out;
}
