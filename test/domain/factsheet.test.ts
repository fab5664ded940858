import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import type { ComparedClaim } from '../../src/domain/compare.js';
import { CSV_COLUMNS, escapeMarkdown, toCsv, toHtml, toJson, toMarkdown } from '../../src/render/factsheet/index.js';
import { escapeHtml } from '../../src/render/escape.js';
import {
  buildFactSheet,
  describeFilter,
  type FactSheetConflict,
  type FactSheetFilter,
  type FactSheetInput,
  type FactSheetSource,
} from '../../src/domain/factsheet.js';
import { statementOf } from '../../src/domain/factsheet-words.js';
import type { Figure } from '../../src/domain/types.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { makeComparedClaim } from '../helpers/claim-builders.js';

// Sample data: our own sentences, fictional outlets, awkward characters on purpose (quotes, commas,
// newlines, pipes, HTML, ampersands, non-ASCII names).

function claimFor(over: Partial<ComparedClaim> & { id: number; sourceId: number; figure: Figure }): ComparedClaim {
  const source = SOURCES.find((s) => s.id === over.sourceId)!;
  return makeComparedClaim({
    sourcePublisher: source.publisher,
    sourcePublishedAt: source.publishedAt,
    sourceTitle: source.title,
    sourceUrl: source.url,
    ...over,
  });
}

const SOURCES: FactSheetSource[] = [
  { id: 1, title: 'Envoy lands in Damascus as war "enters" its ninth year', publisher: 'The Gazette', author: null, url: 'https://example.org/gazette?a=1&b=2', publishedAt: '2019-03-19', bodySha256: 'a'.repeat(64) },
  { id: 2, title: 'Leaders meet, again', publisher: 'Radio Dawn', author: 'Ayşe Yılmaz', url: null, publishedAt: '2021-09-14', bodySha256: 'b'.repeat(64) },
  { id: 3, title: 'Losses <rising>', publisher: 'Ledger | Weekly', author: 'J. Smith, Jr.', url: 'https://example.com/ledger/131', publishedAt: '2017-11-21', bodySha256: 'c'.repeat(64) },
];

const CLAIMS: ComparedClaim[] = [
  claimFor({ id: 1, sourceId: 1, valueText: '2015', figure: { unit: 'date', low: '2015-01-01', high: '2015-12-31' }, quote: 'The war, which began in 2015, drags on.' }),
  claimFor({
    id: 2, sourceId: 2, valueText: 'March 2011', figure: { unit: 'date', low: '2011-03-01', high: '2011-03-31' },
    speakerId: 9, speakerName: 'Recep Tayyip Erdoğan', attributionCue: 'said', relay: 'Anadolu, via TASS',
    quote: '"It began in March 2011," he said,\nadding: "we remember".',
  }),
  claimFor({
    id: 3, sourceId: 3, subjectId: 2, subjectName: 'Russian armed forces', metric: 'killed', kind: 'casualties', valueText: '131',
    hedge: 'reportedly', scopeFrom: '2017-01-01', scopeTo: '2017-09-30', figure: { unit: 'count', low: 131, high: 131 },
    quote: 'Reportedly 131 <script>died</script> | in nine months & more.',
  }),
  claimFor({ id: 4, sourceId: 1, kind: 'duration', metric: 'duration', valueText: 'eight-year', figure: { unit: 'year', low: 8, high: 8 }, status: 'candidate', quote: 'The eight-year war.' }),
  claimFor({ id: 5, sourceId: 2, subjectId: 2, subjectName: 'Russian armed forces', metric: 'killed', kind: 'casualties', valueText: 'rubbish', figure: { unit: 'count', low: 1, high: 1 }, status: 'rejected' }),
];

const CONFLICTS: FactSheetConflict[] = [
  {
    id: 7, key: 'event-date:1,2', rule: 'event-date', severity: 0.979, status: 'open', resolutionNote: null, preferredClaimId: null, claimIds: [1, 2],
    explanation: 'Sources disagree on when the Syrian civil war began: Radio Dawn (14 Sep 2021) gives "March 2011"; The Gazette (19 Mar 2019) gives "2015".',
  },
  {
    id: 8, key: 'duration-vs-start:1,4', rule: 'duration-vs-start', severity: 0.97, status: 'open', resolutionNote: null, preferredClaimId: null, claimIds: [1, 4],
    explanation: 'Internal inconsistency.',
  },
];

const FILTER: FactSheetFilter = { subjects: [], metrics: [], from: null, to: null, includeCandidates: false };

function sampleInput(over: Partial<FactSheetInput> = {}): FactSheetInput {
  return { claims: CLAIMS, sources: SOURCES, conflicts: CONFLICTS, filter: FILTER, generatedAt: '2026-11-21T19:00:00.000Z', ...over };
}

// Generated once from the sample, read line by line, then pinned: any change to the output shows here.
const EXPECTED_MARKDOWN = [
  '# Fact sheet',
  '',
  'Generated 2026-11-21T19:00:00.000Z · subjects: all · metrics: all · dates: any · unreviewed claims: excluded',
  '',
  'Claims: 3 reviewed, 1 unreviewed (not included) · Facts: 2 · Sources: 3 · Open disagreements: 1',
  '',
  '## Key figures',
  '',
  '- **Toll:** Reportedly 131 killed (Russian armed forces), January – September 2017 — 1 independent source: Ledger \\| Weekly, 21 November 2017; reportedly [^3]',
  '- **Start:** March 2011 (Syrian civil war, start date) — 1 independent source: Radio Dawn, 14 September 2021; according to Recep Tayyip Erdoğan; via Anadolu, via TASS [^1] (sources disagree: see below)',
  '',
  '## Syrian civil war',
  '',
  '### Start date',
  '',
  '**Sources disagree.** Flagged by the event-date rule: Sources disagree on when the Syrian civil war began: Radio Dawn (14 Sep 2021) gives "March 2011"; The Gazette (19 Mar 2019) gives "2015".',
  '',
  '- **March 2011** — 1 independent source: Radio Dawn, 14 September 2021; according to Recep Tayyip Erdoğan; via Anadolu, via TASS [^1]',
  '- **2015** — 1 independent source: The Gazette, 19 March 2019 [^2]',
  '',
  '## Russian armed forces',
  '',
  '### Killed',
  '',
  '- **Reportedly 131, January – September 2017** — 1 independent source: Ledger \\| Weekly, 21 November 2017; reportedly [^3]',
  '',
  '## Sources',
  '',
  '1. Ledger \\| Weekly, 21 November 2017, "Losses \\<rising\\>", by J. Smith, Jr., <https://example.com/ledger/131>, sha256 cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
  '2. The Gazette, 19 March 2019, "Envoy lands in Damascus as war "enters" its ninth year", <https://example.org/gazette?a=1&b=2>, sha256 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  '3. Radio Dawn, 14 September 2021, "Leaders meet, again", by Ayşe Yılmaz, no URL, sha256 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
  '',
  '[^1]: Radio Dawn, 14 September 2021; speaker: Recep Tayyip Erdoğan; relayed by: Anadolu, via TASS; no URL; source 3. ""It began in March 2011," he said, adding: "we remember"."',
  '[^2]: The Gazette, 19 March 2019; speaker: the outlet itself; <https://example.org/gazette?a=1&b=2>; source 2. "The war, which began in 2015, drags on."',
  '[^3]: Ledger \\| Weekly, 21 November 2017; speaker: the outlet itself; hedge: reportedly; <https://example.com/ledger/131>; source 1. "Reportedly 131 \\<script\\>died\\</script\\> \\| in nine months \\& more."',
  '',
].join('\n');

const EXPECTED_CSV = [
  'footnote,fact,subject,subject_inferred,metric,minor,claim_id,status,rank,rank_reason,kind,value_text,qualifier,low,high,unit,interval,scope_from,scope_to,as_of,time_scope,speaker,attribution_cue,relay,hedge,quote,open_disagreement,source_number,source_id,publisher,author,published,title,url,sha256',
  '1,Syrian civil war — start date,Syrian civil war,no,start date,no,2,confirmed,normal,,date,March 2011,exact,2011-03-01,2011-03-31,date,1–31 Mar 2011,,,2021-09-14,reported 14 September 2021,Recep Tayyip Erdoğan,said,"Anadolu, via TASS",,"""It began in March 2011,"" he said,',
  'adding: ""we remember"".",yes,3,2,Radio Dawn,Ayşe Yılmaz,2021-09-14,"Leaders meet, again",,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
  '2,Syrian civil war — start date,Syrian civil war,no,start date,no,1,confirmed,normal,,date,2015,exact,2015-01-01,2015-12-31,date,1 Jan – 31 Dec 2015,,,2019-03-19,reported 19 March 2019,,,,,"The war, which began in 2015, drags on.",yes,2,1,The Gazette,,2019-03-19,"Envoy lands in Damascus as war ""enters"" its ninth year",https://example.org/gazette?a=1&b=2,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  '3,Russian armed forces — killed,Russian armed forces,no,killed,no,3,confirmed,normal,,casualties,131,exact,131,131,count,131,2017-01-01,2017-09-30,2017-11-21,January – September 2017,,,,reportedly,Reportedly 131 <script>died</script> | in nine months & more.,no,1,3,Ledger | Weekly,"J. Smith, Jr.",2017-11-21,Losses <rising>,https://example.com/ledger/131,cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
  '',
].join('\n');

const EXPECTED_HTML_BODY = [
  '<body>',
  '<h1>Fact sheet</h1>',
  '<p class="meta">Generated 2026-11-21T19:00:00.000Z · subjects: all · metrics: all · dates: any · unreviewed claims: excluded</p>',
  '<p class="meta">Claims: 3 reviewed, 1 unreviewed (not included) · Facts: 2 · Sources: 3 · Open disagreements: 1</p>',
  '<section class="lead">',
  '<h2>Key figures</h2>',
  '<ul>',
  '<li class="value"><strong>Toll:</strong> Reportedly 131 killed (Russian armed forces), January – September 2017 — 1 independent source: Ledger | Weekly, 21 November 2017; reportedly<sup><a href="#fn-3" id="ref-3">3</a></sup></li>',
  '<li class="value"><strong>Start:</strong> March 2011 (Syrian civil war, start date) — 1 independent source: Radio Dawn, 14 September 2021; according to Recep Tayyip Erdoğan; via Anadolu, via TASS<sup><a href="#fn-1" id="ref-1">1</a></sup> (sources disagree: see below)</li>',
  '</ul>',
  '</section>',
  '<section class="subject">',
  '<h2>Syrian civil war</h2>',
  '<section class="fact">',
  '<h3>Start date</h3>',
  '<div class="disagree"><p><strong>Sources disagree.</strong> Flagged by the event-date rule: Sources disagree on when the Syrian civil war began: Radio Dawn (14 Sep 2021) gives &quot;March 2011&quot;; The Gazette (19 Mar 2019) gives &quot;2015&quot;.</p><ul>',
  '<li><strong>March 2011</strong> — 1 independent source: Radio Dawn, 14 September 2021; according to Recep Tayyip Erdoğan; via Anadolu, via TASS<sup><a href="#fn-1">1</a></sup></li>',
  '<li><strong>2015</strong> — 1 independent source: The Gazette, 19 March 2019<sup><a href="#fn-2" id="ref-2">2</a></sup></li>',
  '</ul></div>',
  '</section>',
  '</section>',
  '<section class="subject">',
  '<h2>Russian armed forces</h2>',
  '<section class="fact">',
  '<h3>Killed</h3>',
  '<ul>',
  '<li class="value"><strong>Reportedly 131, January – September 2017</strong> — 1 independent source: Ledger | Weekly, 21 November 2017; reportedly<sup><a href="#fn-3">3</a></sup></li>',
  '</ul>',
  '</section>',
  '</section>',
  '<h2>Sources</h2>',
  '<ol class="sources">',
  '<li id="src-1">Ledger | Weekly, 21 November 2017, &quot;Losses &lt;rising&gt;&quot;, by J. Smith, Jr., <a href="https://example.com/ledger/131">https://example.com/ledger/131</a>, sha256 cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc</li>',
  '<li id="src-2">The Gazette, 19 March 2019, &quot;Envoy lands in Damascus as war &quot;enters&quot; its ninth year&quot;, <a href="https://example.org/gazette?a=1&amp;b=2">https://example.org/gazette?a=1&amp;b=2</a>, sha256 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</li>',
  '<li id="src-3">Radio Dawn, 14 September 2021, &quot;Leaders meet, again&quot;, by Ayşe Yılmaz, no URL, sha256 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb</li>',
  '</ol>',
  '<h2>Notes</h2>',
  '<ol class="footnotes">',
  '<li id="fn-1">Radio Dawn, 14 September 2021; speaker: Recep Tayyip Erdoğan; relayed by: Anadolu, via TASS; no URL; source 3. &quot;&quot;It began in March 2011,&quot; he said,',
  'adding: &quot;we remember&quot;.&quot; <a href="#ref-1">↩</a></li>',
  '<li id="fn-2">The Gazette, 19 March 2019; speaker: the outlet itself; <a href="https://example.org/gazette?a=1&amp;b=2">https://example.org/gazette?a=1&amp;b=2</a>; source 2. &quot;The war, which began in 2015, drags on.&quot; <a href="#ref-2">↩</a></li>',
  '<li id="fn-3">Ledger | Weekly, 21 November 2017; speaker: the outlet itself; hedge: reportedly; <a href="https://example.com/ledger/131">https://example.com/ledger/131</a>; source 1. &quot;Reportedly 131 &lt;script&gt;died&lt;/script&gt; | in nine months &amp; more.&quot; <a href="#ref-3">↩</a></li>',
  '</ol>',
  '</body>',
  '</html>',
  '',
].join('\n');

const sheet = () => buildFactSheet(sampleInput());

describe('serializers pin their exact output', () => {
  it('Markdown', () => {
    expect(toMarkdown(sheet())).toBe(EXPECTED_MARKDOWN);
  });

  it('CSV', () => {
    expect(toCsv(sheet())).toBe(EXPECTED_CSV);
  });

  it('HTML body', () => {
    const html = toHtml(sheet());
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Fact sheet</title>\n<style>/* The fact sheet')).toBe(true);
    // The print stylesheet is the static file, embedded as it is (the CSP allows it by the file's hash).
    expect(html).toContain(`<style>${readFileSync(path.join(PROJECT_ROOT, 'views/static/factsheet-print.css'), 'utf8')}</style>`);
    expect(html.slice(html.indexOf('<body>'))).toBe(EXPECTED_HTML_BODY);
  });

  it('JSON nests key figures, sections and appendix → facts → claims → sources', () => {
    const doc = JSON.parse(toJson(sheet()));
    expect(doc.format).toBe('crosscheck-factsheet/2');
    expect(doc.generatedAt).toBe('2026-11-21T19:00:00.000Z');
    expect(doc.lead.map((l: { kind: string; claims: number[] }) => [l.kind, l.claims])).toEqual([['toll', [3]], ['start', [2]]]);
    expect(doc.sections.map((x: { subject: string; facts: { heading: string }[] }) => [x.subject, x.facts.map((f) => f.heading)])).toEqual([
      ['Syrian civil war', ['Syrian civil war — start date']],
      ['Russian armed forces', ['Russian armed forces — killed']],
    ]);
    expect(doc.appendix).toEqual([]);
    const erdogan = doc.sections[0].facts[0].claims[0];
    expect(erdogan).toMatchObject({
      footnote: 1, id: 2, valueText: 'March 2011', value: { low: '2011-03-01', high: '2011-03-31', unit: 'date' },
      speaker: 'Recep Tayyip Erdoğan', relay: 'Anadolu, via TASS', quote: '"It began in March 2011," he said,\nadding: "we remember".',
      source: { number: 3, id: 2, publisher: 'Radio Dawn', author: 'Ayşe Yılmaz', url: null, sha256: 'b'.repeat(64) },
    });
    expect(doc.sections[0].facts[0].disagreement).toEqual({
      rules: ['event-date'],
      explanation: CONFLICTS[0]!.explanation,
      conflictIds: [7],
      figures: [
        { statement: 'March 2011', corroboration: 1, otherMetric: null, claims: [2] },
        { statement: '2015', corroboration: 1, otherMetric: null, claims: [1] },
      ],
    });
    expect(doc.sources.map((s: { id: number }) => s.id)).toEqual([3, 1, 2]);
    expect(toJson(sheet()).endsWith('}\n')).toBe(true);
  });

  it('same data and generation time give the same bytes, whatever the input order', () => {
    const a = buildFactSheet(sampleInput());
    const b = buildFactSheet(sampleInput({ claims: [...CLAIMS].reverse(), sources: [...SOURCES].reverse(), conflicts: [...CONFLICTS].reverse() }));
    expect(toMarkdown(b)).toBe(toMarkdown(a));
    expect(toCsv(b)).toBe(toCsv(a));
    expect(toJson(b)).toBe(toJson(a));
    expect(toHtml(b)).toBe(toHtml(a));
    expect(toHtml(buildFactSheet(sampleInput({ generatedAt: '2026-11-22T08:00:00.000Z' })))).not.toBe(toHtml(a));
  });
});

describe('CSV', () => {
  it('parses back to the same claims with every source field', () => {
    const rows = parseCsv(toCsv(sheet()), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => Number(r.claim_id))).toEqual([2, 1, 3]);
    const byId = new Map(rows.map((r) => [Number(r.claim_id), r]));
    for (const c of CLAIMS.filter((x) => x.status === 'confirmed')) {
      const row = byId.get(c.id)!;
      const src = SOURCES.find((s) => s.id === c.sourceId)!;
      expect(row.quote).toBe(c.quote);
      expect(row.value_text).toBe(c.valueText);
      expect(row.speaker).toBe(c.speakerName ?? '');
      expect(row.relay).toBe(c.relay ?? '');
      expect(row.hedge).toBe(c.hedge ?? '');
      expect(row.low).toBe(String(c.figure.low));
      expect(row.publisher).toBe(src.publisher);
      expect(row.author).toBe(src.author ?? '');
      expect(row.title).toBe(src.title);
      expect(row.url).toBe(src.url ?? '');
      expect(row.sha256).toBe(src.bodySha256);
    }
    expect(byId.get(2)!.open_disagreement).toBe('yes');
    expect(byId.get(3)!.open_disagreement).toBe('no');
  });

  it('has only the header for an empty sheet', () => {
    expect(toCsv(buildFactSheet(sampleInput({ claims: [] })))).toBe(`${CSV_COLUMNS.join(',')}\n`);
  });
});

describe('HTML', () => {
  it('escapes every value: no element comes from the data, no script, no navigation', () => {
    const evil = claimFor({ id: 30, sourceId: 3, valueText: '<img src=x onerror=alert(1)>', quote: '</li><script>alert(1)</script>', qualifier: 'vague', metric: 'wounded', figure: { unit: 'count', low: 200, high: 999 } });
    const html = toHtml(buildFactSheet(sampleInput({ claims: [...CLAIMS, evil], sources: [...SOURCES.slice(0, 2), { ...SOURCES[2]!, url: 'javascript:alert(1)' }] })));
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script, img, nav, form, iframe').length).toBe(0);
    expect([...document.querySelectorAll('a')].every((a) => /^(#|https?:)/.test(a.getAttribute('href') ?? ''))).toBe(true);
    expect(html).toContain('javascript:alert(1)'); // shown as text, not as a link
    const notes = [...document.querySelectorAll('ol.footnotes li')].map((li) => li.textContent);
    expect(notes.some((t) => t.includes('"</li><script>alert(1)</script>"'))).toBe(true);
    expect(document.body.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('links every citation to its footnote, with unique ids', () => {
    const { document } = parseHTML(toHtml(sheet()));
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of document.querySelectorAll('sup a')) expect(document.querySelector(a.getAttribute('href')!)).not.toBeNull();
    expect(document.querySelectorAll('ol.footnotes li').length).toBe(3);
    expect(document.querySelectorAll('ol.sources li').length).toBe(3);
  });

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('Markdown escaping', () => {
  it('escapes emphasis, code, links, HTML, entities, pipes and headings, and flattens newlines', () => {
    expect(escapeMarkdown('a*b_c`d[e](f) <g> h|i ~j &k #l \\m')).toBe('a\\*b\\_c\\`d\\[e\\](f) \\<g\\> h\\|i \\~j \\&k \\#l \\\\m');
    expect(escapeMarkdown('line one\n\n# not a heading\r\n- not a list')).toBe('line one \\# not a heading - not a list');
    expect(escapeMarkdown('Erdoğan, "quoted", 1,000')).toBe('Erdoğan, "quoted", 1,000');
  });
});

describe('buildFactSheet', () => {
  it('counts reviewed and unreviewed claims and leaves candidates and rejected claims out by default', () => {
    const s = sheet();
    expect(s.counts).toEqual({ reviewed: 3, unreviewed: 1, included: 3, facts: 2, sources: 3, openDisagreements: 1 });
    expect(s.facts.flatMap((f) => f.claims.map((c) => c.claimId))).toEqual([2, 1, 3]);
  });

  it('with candidates included, shows their claims and the disagreements they take part in', () => {
    const s = buildFactSheet(sampleInput({ filter: { ...FILTER, includeCandidates: true } }));
    expect(s.counts.included).toBe(4);
    expect(s.facts.map((f) => f.heading)).toEqual(['Syrian civil war — duration', 'Syrian civil war — start date', 'Russian armed forces — killed']);
    const duration = s.facts[0]!;
    // The duration is disputed, so it is stated in the disagreement, with the start date it is set against.
    expect(duration.values).toEqual([]);
    expect(duration.disagreement?.conflictIds).toEqual([8]);
    expect(duration.disagreement?.figures.map((g) => [g.statement, g.claims.map((c) => c.claimId)])).toEqual([
      ['8 years, as of 19 March 2019', [4]],
      ['Start date: 2015', [1]],
    ]);
    // A conflict spanning two facts (duration against start date) is told once, not under both.
    expect(s.facts[1]!.disagreement?.conflictIds).toEqual([7]);
    expect(s.counts.openDisagreements).toBe(2);
    expect(toMarkdown(s)).toContain('speaker: the outlet itself; unreviewed;');
    expect(describeFilter(s.filter)).toBe('subjects: all · metrics: all · dates: any · unreviewed claims: included');
  });

  it('tells a conflict under the fact it is filed under when it spans two facts', () => {
    const input = sampleInput({ filter: { ...FILTER, includeCandidates: true } });
    const filed = { ...input, conflicts: input.conflicts.map((k) => (k.id === 8 ? { ...k, subjectId: input.claims.find((c) => c.metric === 'start date')!.subjectId, metric: 'start date' } : k)) };
    const s = buildFactSheet(filed);
    expect(s.facts[0]!.disagreement).toBeNull();
    // One block for the start date, however many conflicts: each figure once, the duration among them.
    expect(s.facts[1]!.disagreement).toMatchObject({ conflictIds: [7, 8], rules: ['duration-vs-start', 'event-date'], explanation: null });
    expect(s.facts[1]!.disagreement?.figures.map((g) => g.statement)).toEqual(['March 2011', '2015', 'Duration: 8 years, as of 19 March 2019']);
    expect(toMarkdown(s)).toContain('**Sources disagree.** Flagged by the duration-vs-start and event-date rules.');
    expect(s.counts.openDisagreements).toBe(1);
  });

  it('filters by subject (case and accents folded), metric and date range', () => {
    const bySubject = buildFactSheet(sampleInput({ filter: { ...FILTER, subjects: ['syrian CIVIL war'] } }));
    expect(bySubject.title).toBe('Fact sheet: syrian CIVIL war');
    expect(bySubject.facts.map((f) => f.heading)).toEqual(['Syrian civil war — start date']);
    const byMetric = buildFactSheet(sampleInput({ filter: { ...FILTER, metrics: ['Killed'] } }));
    expect(byMetric.facts.map((f) => f.heading)).toEqual(['Russian armed forces — killed']);
    expect(byMetric.counts).toMatchObject({ reviewed: 1, unreviewed: 0, sources: 1, openDisagreements: 0 });
    const byDates = buildFactSheet(sampleInput({ filter: { ...FILTER, from: '2014-06-01', to: '2016-12-31' } }));
    expect(byDates.facts.flatMap((f) => f.claims.map((c) => c.claimId))).toEqual([1]);
    // With one side of the disagreement filtered out, the disagreement is not shown half.
    expect(byDates.counts.openDisagreements).toBe(0);
    expect(describeFilter(byDates.filter)).toBe('subjects: all · metrics: all · dates: 1 June 2014 to 31 December 2016 · unreviewed claims: excluded');
  });

  it('states a settled conflict with its resolution and reason, the preferred value first', () => {
    const claims = CLAIMS.map((c) => (c.id === 1 ? { ...c, rank: 'deprecated' as const, rankReason: 'error' } : c.id === 2 ? { ...c, rank: 'preferred' as const } : c));
    const conflicts = [{ ...CONFLICTS[0]!, status: 'resolved' as const, preferredClaimId: 2, resolutionNote: 'The 2015 date is the Russian intervention, not the war.' }];
    const s = buildFactSheet(sampleInput({ claims, conflicts }));
    const fact = s.facts[0]!;
    expect(fact.disagreement).toBeNull();
    expect(fact.values.map((v) => [v.statement, v.preferred])).toEqual([['March 2011', true]]);
    expect(fact.settlements).toHaveLength(1);
    expect(fact.settlements[0]!.preferred?.claimId).toBe(2);
    expect(fact.settlements[0]!.others.map((c) => c.claimId)).toEqual([1]);
    expect(fact.settlements[0]!.unstated.map((c) => c.claimId)).toEqual([1]);
    const md = toMarkdown(s);
    // The preferred value is stated once, above, marked preferred; the deprecated one is listed under the decision.
    expect(md).toContain('- **March 2011** (preferred) — 1 independent source: Radio Dawn, 14 September 2021; according to Recep Tayyip Erdoğan; via Anadolu, via TASS [^1]');
    expect(md).toContain('**Resolved: The 2015 date is the Russian intervention, not the war.** [^1] [^2]');
    expect(md).toContain('- Deprecated (error): "2015" (1 Jan – 31 Dec 2015), reported 19 March 2019 — The Gazette, 19 March 2019 [^2]');
    expect(md.match(/\[\^1\]/g)).toHaveLength(4); // the key figure, the value, the decision, the footnote: no second listing
    expect(s.counts.openDisagreements).toBe(0);
  });

  it('an explained conflict says so; stale conflicts are left out', () => {
    const explained = buildFactSheet(sampleInput({ conflicts: [{ ...CONFLICTS[0]!, status: 'explained', resolutionNote: 'Different wars.' }] }));
    expect(toMarkdown(explained)).toContain('**Explained (different scope or definition): Different wars.**');
    const stale = buildFactSheet(sampleInput({ conflicts: [{ ...CONFLICTS[0]!, stale: true }] }));
    expect(stale.facts[0]!.disagreement).toBeNull();
  });

  it('counts one speaker relayed by two outlets as one independent source, and agreeing outlets separately', () => {
    const a = claimFor({ id: 40, sourceId: 1, subjectId: 2, subjectName: 'Russian armed forces', metric: 'killed', speakerId: 77, speakerName: 'Defence Ministry', scopeFrom: '2015-09-30', valueText: '10', figure: { unit: 'count', low: 10, high: 10 } });
    const b = claimFor({ id: 41, sourceId: 2, subjectId: 2, subjectName: 'Russian armed forces', metric: 'killed', speakerId: 77, speakerName: 'Defence Ministry', relay: 'The Gazette', scopeFrom: '2015-09-30', sourcePublishedAt: '2019-03-20', valueText: 'ten', figure: { unit: 'count', low: 10, high: 10 } });
    const s = buildFactSheet(sampleInput({ claims: [a, b], conflicts: [] }));
    expect(s.facts[0]!.values).toHaveLength(1);
    expect(s.facts[0]!.values[0]!.corroboration).toBe(1);
    expect(s.facts[0]!.values[0]!.statement).toBe('10, 30 September 2015 – 19 March 2019');
    const c = { ...b, speakerId: null, speakerName: null, relay: null };
    expect(buildFactSheet(sampleInput({ claims: [a, c], conflicts: [] })).facts[0]!.values[0]!.corroboration).toBe(2);
  });

  it('puts figures in words with their qualifiers and hedges', () => {
    const words = (over: Partial<ComparedClaim> & { figure: Figure }) =>
      statementOf([claimFor({ id: 50, sourceId: 2, metric: 'killed', scopeFrom: '2011-03-01', scopeTo: '2021-09-30', ...over })]);
    expect(words({ qualifier: 'at-least', figure: { unit: 'count', low: 400_000, high: null } })).toBe('At least 400,000 killed (Syrian civil war), March 2011 – September 2021');
    expect(words({ qualifier: 'about', figure: { unit: 'count', low: 450_000, high: 550_000 } })).toBe('About 500,000 killed (Syrian civil war), March 2011 – September 2021');
    expect(words({ qualifier: 'at-most', figure: { unit: 'percent', low: 0, high: 32 }, scopeFrom: null, scopeTo: null })).toBe('Up to 32 % killed (Syrian civil war), as of 14 September 2021');
    expect(words({ qualifier: 'range', hedge: 'allegedly', figure: { unit: 'count', low: 3, high: 5 } })).toBe('Allegedly between 3 and 5 killed (Syrian civil war), March 2011 – September 2021');
    expect(words({ qualifier: 'vague', valueText: 'hundreds', figure: { unit: 'count', low: 200, high: 999 } })).toBe('Hundreds (200–999) killed (Syrian civil war), March 2011 – September 2021');
    expect(words({ metric: 'visit date', figure: { unit: 'date', low: '2016-06-18', high: '2016-06-18' } })).toBe('Visit date (Syrian civil war): 18 June 2016');
    // Within its section a value goes without its subject and metric.
    const value = (over: Partial<ComparedClaim> & { figure: Figure }) =>
      buildFactSheet(sampleInput({ claims: [claimFor({ id: 50, sourceId: 2, metric: 'killed', kind: 'casualties', scopeFrom: '2011-03-01', scopeTo: '2021-09-30', ...over })], conflicts: [] }))
        .facts[0]!.values[0]!.statement;
    expect(value({ qualifier: 'at-least', figure: { unit: 'count', low: 400_000, high: null } })).toBe('At least 400,000, March 2011 – September 2021');
    expect(value({ qualifier: 'range', hedge: 'allegedly', figure: { unit: 'count', low: 3, high: 5 } })).toBe('Allegedly between 3 and 5, March 2011 – September 2021');
  });
});
