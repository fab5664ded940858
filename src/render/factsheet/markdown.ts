// The fact sheet as Markdown: headings per fact, footnotes ([^n]) and a numbered sources list.
import { allClaims, type FactSheet, type SheetClaim } from '../../domain/factsheet.js';
import { corroborationText, countsText, figureLine, footnoteSegments, quoteText, rankLine, settlementText, sourceSegments, type Segment } from './text.js';

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

/** The fact sheet as Markdown with footnotes ([^n]) and a numbered sources list. */
export function toMarkdown(s: FactSheet): string {
  const md = escapeMarkdown;
  const ref = (c: SheetClaim): string => `[^${c.footnote}]`;
  const out: string[] = [`# ${md(s.title)}`, '', `Generated ${md(s.generatedAt)} · ${md(s.filterText)}`, '', md(countsText(s)), ''];
  for (const f of s.facts) {
    out.push(`## ${md(f.heading)}`, '');
    for (const v of f.values) {
      const mark = v.preferred ? ' (preferred)' : '';
      out.push(`- **${md(v.statement)}**${mark} — ${corroborationText(v.corroboration)}: ${v.claims.map((c) => `${md(c.attribution)} ${ref(c)}`).join('; ')}`);
    }
    for (const d of f.disagreements) {
      out.push('', `**Sources disagree.** Flagged by the ${md(d.rule)} rule: ${md(d.explanation)}`, '');
      for (const c of d.claims) out.push(`- ${md(figureLine(c))} — ${md(c.attribution)} ${ref(c)}`);
    }
    for (const t of f.settlements) {
      out.push('', `**${md(settlementText(t))}**`, '');
      if (t.preferred) out.push(`- Preferred: ${md(figureLine(t.preferred))} — ${md(t.preferred.attribution)} ${ref(t.preferred)}`);
      for (const c of t.others) out.push(`- ${md(rankLine(c))}: ${md(figureLine(c))} — ${md(c.attribution)} ${ref(c)}`);
    }
    out.push('');
  }
  out.push('## Sources', '');
  for (const src of s.sources) out.push(`${src.number}. ${segments(sourceSegments(src), ', ')}`);
  out.push('');
  for (const c of allClaims(s)) out.push(`[^${c.footnote}]: ${segments(footnoteSegments(c), '; ')}. ${md(quoteText(c))}`);
  return `${out.join('\n')}\n`;
}
