// The fact sheet builder and its downloads over HTTP: choices, preview, aliases, unknown subjects with close matches,
// invalid dates (422), candidates off by default, file names, the standalone HTML's own CSP, and escaping.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportFactSheet } from '../../src/app/factsheet-data.js';
import { countQueries, FIXED_NOW, makeClaim, makeSource } from '../helpers/index.js';
import { loadFactSheetBuilder } from '../../src/web/pages/factsheet-builder.js';
import { html, testApp } from './harness.js';
import { GENERATED_AT, seedSampleFactSheet } from './factsheet-fixture.js';

function app() {
  const t = testApp();
  return { ...t, ...seedSampleFactSheet(t.db) };
}

describe('the fact sheet builder', () => {
  it('offers the subjects claims are about and previews the whole sheet of confirmed claims', async () => {
    const { agent } = app();
    const doc = html((await agent.get('/factsheet').expect(200)).text);
    expect([...doc.querySelectorAll('#fs-subjects option')].map((o) => o.textContent)).toEqual([
      'Russian military intervention in Syria',
      'Syrian civil war',
      'Syrian government',
      'Vladimir Putin',
    ]);
    // Metrics offered: the lexicon's (none in a test database) and those of the chosen subjects.
    expect([...doc.querySelectorAll('#fs-metrics option')].map((o) => o.textContent)).toEqual([]);
    const chosen = html((await agent.get('/factsheet?subject=Syrian+civil+war').expect(200)).text);
    expect([...chosen.querySelectorAll('#fs-metrics option')].map((o) => o.textContent)).toEqual(['killed', 'start date']);
    expect(doc.querySelector('#fs-candidates')?.hasAttribute('checked')).toBe(false);
    // The key figures, then a section per subject (the one with most claims first), the appendix, sources, notes.
    expect([...doc.querySelectorAll('.factsheet-preview h3')].map((h) => h.textContent)).toEqual([
      'Key figures',
      'Syrian civil war',
      'Russian military intervention in Syria',
      'Syrian government',
      'Appendix: minor facts',
      'Sources',
      'Notes',
    ]);
    expect([...doc.querySelectorAll('.factsheet-preview h4')].map((h) => h.textContent)).toEqual([
      'Killed',
      'Start date',
      'Russian military deaths',
      'Territory controlled',
      'Vladimir Putin — meeting date',
    ]);
    expect(doc.querySelectorAll('.factsheet-preview .disagree')).toHaveLength(2);
    expect(doc.querySelectorAll('.factsheet-preview .footnotes li')).toHaveLength(11);
    expect([...doc.querySelectorAll('.factsheet-downloads a')].map((a) => a.getAttribute('href'))).toEqual([
      '/factsheet/download/html',
      '/factsheet/download/md',
      '/factsheet/download/csv',
      '/factsheet/download/json',
      '/factsheet/download/html?inline=1',
    ]);
  });

  it('follows the form: a subject by alias, metrics, dates and candidates, kept in the form and the download links', async () => {
    const { agent } = app();
    const res = await agent.get('/factsheet?subject=syrian+war&metric=start+date&from=2010-01-01&to=2016-12-31').expect(200);
    const doc = html(res.text);
    expect([...doc.querySelectorAll('.factsheet-preview h3')].map((h) => h.textContent)).toEqual(['Key figures', 'Syrian civil war', 'Sources', 'Notes']);
    expect([...doc.querySelectorAll('.factsheet-preview h4')].map((h) => h.textContent)).toEqual(['Start date']);
    expect(doc.querySelector('.factsheet-preview .disagree')?.textContent).toContain('Sources disagree.');
    expect(doc.querySelector('#fs-subject-other')?.getAttribute('value')).toBe('syrian war');
    expect(doc.querySelector('#fs-metrics option[selected]')?.textContent).toBe('start date');
    expect(doc.querySelector('#fs-from')?.getAttribute('value')).toBe('2010-01-01');
    expect(doc.querySelector('.factsheet-downloads a[data-format="md"]')?.getAttribute('href')).toBe(
      '/factsheet/download/md?subject=syrian+war&metric=start+date&from=2010-01-01&to=2016-12-31',
    );

    const json = await agent.get('/factsheet.json?subject=Syrian+government&candidates=1').expect(200);
    expect(json.body.sheet.filter).toEqual({ subjects: ['Syrian government'], metrics: [], from: null, to: null, includeCandidates: true });
    expect(json.body.sheet.counts).toMatchObject({ reviewed: 1, unreviewed: 1, included: 2 });
  });

  it('leaves unreviewed candidates out unless asked, and marks them when included', async () => {
    const { agent } = app();
    const without = html((await agent.get('/factsheet?subject=Syrian+government').expect(200)).text);
    expect(without.querySelector('.factsheet-preview')?.textContent).not.toContain('90 percent');
    expect(without.querySelector('.factsheet-preview .meta:nth-of-type(2)')?.textContent).toContain('1 unreviewed (not included)');
    const unreviewedOnly = html((await agent.get('/factsheet?subject=Syrian+government&metric=territory+controlled&from=2021-09-01&to=2021-09-15').expect(200)).text);
    expect(unreviewedOnly.querySelector('.factsheet-preview .empty-state')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'No confirmed claim matches these choices. 1 unreviewed claim does: confirm it in the review queue, or include candidates.',
    );
    const withCandidates = html((await agent.get('/factsheet?subject=Syrian+government&candidates=1').expect(200)).text);
    const notes = withCandidates.querySelector('.factsheet-preview .footnotes')?.textContent ?? '';
    expect(notes).toContain('controls 90 percent of the territory');
    expect(notes).toContain('unreviewed');
  });

  it('lists minor facts in an appendix unless asked to leave them out, and the downloads follow', async () => {
    const { agent } = app();
    const withAppendix = html((await agent.get('/factsheet').expect(200)).text);
    expect(withAppendix.querySelector('.factsheet-preview .appendix h4')?.textContent).toBe('Vladimir Putin — meeting date');
    expect(withAppendix.querySelector('#fs-minor')?.hasAttribute('checked')).toBe(false);
    const without = html((await agent.get('/factsheet?minor=omit').expect(200)).text);
    expect(without.querySelector('.factsheet-preview .appendix')).toBeNull();
    expect(without.querySelector('#fs-minor')?.hasAttribute('checked')).toBe(true);
    expect(without.querySelector('.factsheet-downloads a[data-format="md"]')?.getAttribute('href')).toBe('/factsheet/download/md?minor=omit');
    const md = await agent.get('/factsheet/download/md?minor=omit').expect(200);
    expect(md.text).not.toContain('meeting date');
  });

  it('shows when the sheet was generated in words (UTC), and hides the downloads of an empty sheet, saying why', async () => {
    const { agent } = app();
    const doc = html((await agent.get('/factsheet').expect(200)).text);
    const time = doc.querySelector('.factsheet-preview .meta time');
    expect(time?.textContent).toBe('15 Jan 2026, 12:00 UTC');
    expect(time?.getAttribute('datetime')).toBe('2026-01-15T12:00:00.000Z');
    expect(doc.querySelector('.factsheet-nothing')).toBeNull();

    const empty = html((await agent.get('/factsheet?subject=Syrian+government&metric=territory+controlled&from=2021-09-01&to=2021-09-15').expect(200)).text);
    expect(empty.querySelector('.factsheet-downloads')).toBeNull();
    expect(empty.querySelector('.factsheet-nothing')?.textContent).toMatch(/^Nothing to download yet: no claim in the sheet matches these choices/);
  });

  it('an unknown subject is a 422 naming the close matches, with the input kept', async () => {
    const { agent } = app();
    const res = await agent.get('/factsheet?subject=Syrian+civil+wars').expect(422);
    const doc = html(res.text);
    expect(doc.querySelector('#subject-error')?.textContent).toBe('No subject is called “Syrian civil wars”. Close matches: Syrian civil war.');
    expect(doc.querySelector('#fs-subject-other')?.getAttribute('value')).toBe('Syrian civil wars');
    expect(doc.querySelector('.factsheet-preview')).toBeNull();
    expect(doc.querySelector('.factsheet-downloads')).toBeNull();

    const json = await agent.get('/factsheet.json?subject=Russian+campain').expect(422);
    expect(json.body.error).toMatchObject({ status: 422, code: 'invalid' });
    expect(json.body.error.fields.subject).toBe('No subject is called “Russian campain”. Close matches: Russian military intervention in Syria (alias Russian campaign in Syria).');
    await agent.get('/factsheet/download/md?subject=Nowhere+at+all').expect(422);
  });

  it('invalid or backwards dates are a 422 with the message beside the field', async () => {
    const { agent } = app();
    const doc = html((await agent.get('/factsheet?from=2019-13-01&to=soon').expect(422)).text);
    expect(doc.querySelector('#from-error')?.textContent).toBe('“2019-13-01” is not a date; use YYYY-MM-DD.');
    expect(doc.querySelector('#to-error')?.textContent).toBe('“soon” is not a date; use YYYY-MM-DD.');
    const json = await agent.get('/factsheet/download/csv?from=2020-01-01&to=2019-01-01').expect(422);
    expect(json.text).toContain('The end date is before the start date.');
  });
});

describe('the builder’s queries', () => {
  it('are a fixed number whatever the claims, sources and conflicts', () => {
    const { db, config, sources, entities } = app();
    const deps = { db, config, clock: () => FIXED_NOW };
    const request = { subjects: ['Syrian war'], metrics: [], from: '', to: '', includeCandidates: false };
    const before = countQueries(db, () => loadFactSheetBuilder(deps, request));
    expect(before.result.sheet?.counts.included).toBe(5);
    const body = sources['05']!.body;
    const quote = 'Monitoring groups put the number of dead at about 500,000.';
    for (let i = 0; i < 30; i++) {
      makeClaim(db, { sourceId: sources['05']!.id, subjectId: entities.war.id, quote, quoteStart: body.indexOf(quote), quoteEnd: body.indexOf(quote) + quote.length, status: 'confirmed' });
    }
    const after = countQueries(db, () => loadFactSheetBuilder(deps, request));
    expect(after.result.sheet?.counts.included).toBe(35);
    expect(after.queries).toBe(before.queries);
    expect(after.queries).toBeLessThanOrEqual(12);
  });
});

describe('fact sheet downloads', () => {
  it('are the same bytes as the export, with a file name per format', async () => {
    const { agent, db } = app();
    const request = { subjects: ['Syrian civil war'], metrics: [], from: '', to: '', includeCandidates: false };
    const expected = {
      md: ['text/markdown; charset=utf-8', 'fact-sheet-syrian-civil-war-2026-01-15.md'],
      csv: ['text/csv; charset=utf-8', 'fact-sheet-syrian-civil-war-2026-01-15.csv'],
      json: ['application/json; charset=utf-8', 'fact-sheet-syrian-civil-war-2026-01-15.json'],
      html: ['text/html; charset=utf-8', 'fact-sheet-syrian-civil-war-2026-01-15.html'],
    } as const;
    for (const [format, [type, file]] of Object.entries(expected)) {
      const res = await agent.get(`/factsheet/download/${format}?subject=Syrian+war`).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      }).expect(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toBe(`attachment; filename=${file}`);
      expect(res.body).toBe(exportFactSheet(db, request, format as 'md', GENERATED_AT));
    }
    const all = await agent.get('/factsheet/download/md').expect(200);
    expect(all.headers['content-disposition']).toBe('attachment; filename=fact-sheet-2026-01-15.md');
  });

  it('the HTML document gets a CSP allowing its embedded style by hash, never script; inline=1 shows it', async () => {
    const { agent } = app();
    const res = await agent.get('/factsheet/download/html?inline=1').expect(200);
    expect(res.headers['content-disposition']).toBe('inline; filename=fact-sheet-2026-01-15.html');
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.text)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(res.text).not.toContain('<script');
    expect(html(res.text).querySelector('nav')).toBeNull();
    // The app's own pages keep the strict policy.
    const page = await agent.get('/factsheet').expect(200);
    expect(page.headers['content-security-policy']).toContain("style-src 'self'");
  });

  it('an unknown format is a 404', async () => {
    const { agent } = app();
    await agent.get('/factsheet/download/pdf').expect(404);
  });
});

describe('escaping', () => {
  it('claim and source text is escaped in the preview and the HTML download', async () => {
    const { agent, db } = testApp();
    const body = 'The <b>council</b> said 12 & "more" <script>alert(1)</script> were hurt.\n';
    const source = makeSource(db, { body, title: 'Title <i>with</i> tags', publisher: 'Outlet & Co' });
    makeClaim(db, { sourceId: source.id, quote: body.trim(), quoteStart: 0, quoteEnd: body.trim().length, valueText: '12', figure: { unit: 'count', low: 12, high: 12 }, qualifier: 'exact', status: 'confirmed', hedge: '<em>allegedly</em>' });
    const page = await agent.get('/factsheet').expect(200);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toContain('<b>council');
    expect(html(page.text).querySelector('.factsheet-preview .footnotes')?.textContent).toContain('The <b>council</b> said 12 & "more" <script>alert(1)</script> were hurt.');
    const download = await agent.get('/factsheet/download/html').expect(200);
    expect(download.text).not.toContain('<script>alert(1)');
    expect(download.text).toContain('&lt;em&gt;allegedly&lt;/em&gt;');
  });
});
