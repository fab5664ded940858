// Every page of the app on a seeded database (the sample set over the default lexicon), checked for what the
// strict CSP and the CSRF protection rely on: a 200, a CSP without 'unsafe-inline' for scripts and styles, no
// inline script, style or event handler in the HTML, and a CSRF token in every form that posts.
import { beforeAll, describe, expect, it } from 'vitest';
import { readDefaultLexicon } from '../../src/app/bootstrap.js';
import { loadSamples } from '../../src/app/samples.js';
import { listClaims } from '../../src/store/claim-list.js';
import { listConflicts } from '../../src/store/conflicts.js';
import { listEntities } from '../../src/store/entities.js';
import { listSources } from '../../src/store/sources.js';
import { addMissingLexicon } from '../../src/store/lexicon-sync.js';
import { paths, urls } from '../../src/web/urls.js';
import { FIXED_NOW, TEST_CTX } from '../helpers/index.js';
import { html, testApp, type TestApp } from './harness.js';

/** Route patterns that are not HTML pages of their own: form targets, images and file downloads. */
const NOT_PAGES = new Set<keyof typeof paths>([
  'samples', 'bulkClaims', 'reviewClaim', 'entityAliases', 'entityAliasRemove', 'renameEntity', 'mergeEntity', 'entityPartOf', 'explainConflict', 'resolveConflict',
  'reopenConflict', 'unflagConflict', 'deprecateInConflict', 'lexiconMetric', 'deleteLexiconMetric', 'lexiconSync', 'lexiconGrammar', 'undo', 'refetchSource', 'pollFeeds',
  'rateClaim', 'checkClaimVersion',
  // An SVG image, the fact sheet as a file (its standalone HTML has a CSP of its own, tested with the downloads), JSON-LD.
  'conflictChart', 'factChart', 'factSheetDownload', 'factClaimReview', 'claimClaimReview',
  // Accounts: sign-out and the users page's forms.
  'logout', 'userRole', 'userStatus', 'claimComments', 'conflictComments', 'sourceAssignment', 'subjectAssignment', 'approveProposal', 'withdrawProposal',
]);

let t: TestApp;
let pages: Partial<Record<keyof typeof paths, string>>;

beforeAll(() => {
  t = testApp();
  addMissingLexicon(t.db, readDefaultLexicon(t.config), TEST_CTX);
  loadSamples(t.db, t.config, () => FIXED_NOW);
  const source = listSources(t.db, { limit: 1 }).items[0]!;
  const claim = listClaims(t.db, { limit: 1 }).items[0]!;
  const conflict = listConflicts(t.db).items[0]!;
  const entity = listEntities(t.db, { limit: 1 }).items[0]!;
  if (conflict.subjectId === null) throw new Error('the sample conflict has no subject');
  pages = {
    dashboard: urls.dashboard(),
    sources: urls.sources(),
    newSource: urls.newSource(),
    source: urls.source(source.id),
    editSource: urls.editSource(source.id),
    deleteSource: urls.deleteSource(source.id),
    sourceDiff: urls.sourceDiff(source.id),
    feeds: urls.feeds(),
    claims: urls.claims(),
    newClaim: urls.newClaim({ source: source.id }),
    claim: urls.claim(claim.id),
    editClaim: urls.editClaim(claim.id),
    deleteClaim: urls.deleteClaim(claim.id),
    review: urls.review(),
    figurePreview: urls.figurePreview({ text: 'about 1,200', kind: 'casualties' }),
    entities: urls.entities(),
    entity: urls.entity(entity.id),
    conflicts: urls.conflicts(),
    conflict: urls.conflict(conflict.id),
    fact: urls.fact(conflict.subjectId, conflict.metric),
    search: urls.search({ q: 'killed' }),
    factSheet: urls.factSheet(),
    lexicon: urls.lexicon(),
    login: urls.login(),
    activity: urls.activity(),
    users: urls.users(),
  };
});

/** The CSP directives of a response, by name. */
function cspDirectives(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

describe('every page', () => {
  it('is listed here (a new page must be added to this test)', () => {
    const listed = Object.keys(pages).sort();
    const expected = (Object.keys(paths) as (keyof typeof paths)[]).filter((name) => !NOT_PAGES.has(name)).sort();
    expect(listed).toEqual(expected);
  });

  it('is a 200 under the strict CSP, without inline script, style or handlers, with a CSRF token in every posting form', async () => {
    for (const [name, url] of Object.entries(pages)) {
      const res = await t.agent.get(url!);
      expect(res.status, `${name} ${url}`).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);

      const csp = cspDirectives(res.headers['content-security-policy']);
      for (const directive of ['script-src', 'style-src']) {
        const sources = csp.get(directive) ?? csp.get('default-src');
        expect(sources, `${url} ${directive}`).toBeDefined();
        expect(sources, `${url} ${directive}`).not.toContain("'unsafe-inline'");
        expect(sources, `${url} ${directive}`).not.toContain("'unsafe-eval'");
      }
      expect(csp.get('default-src'), url).toEqual(["'self'"]);

      const doc = html(res.text);
      for (const script of doc.querySelectorAll('script')) {
        expect(script.getAttribute('src'), `${url}: a script without src`).toBeTruthy();
        expect(script.textContent?.trim(), `${url}: inline script`).toBe('');
      }
      expect(doc.querySelectorAll('style'), `${url}: <style> element`).toHaveLength(0);
      expect(doc.querySelectorAll('[style]'), `${url}: style attribute`).toHaveLength(0);
      const handlers = [...doc.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`),
      );
      expect(handlers, `${url}: event handler attributes`).toEqual([]);
      for (const href of [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '')) {
        expect(href.toLowerCase().startsWith('javascript:'), `${url}: ${href}`).toBe(false);
      }

      const posting = [...doc.querySelectorAll('form')].filter((form) => (form.getAttribute('method') ?? 'get').toLowerCase() === 'post');
      for (const form of posting) {
        const token = form.querySelector('input[type="hidden"][name="_csrf"]')?.getAttribute('value');
        expect(token, `${url}: form to ${form.getAttribute('action')} without a CSRF token`).toBeTruthy();
      }
    }
  }, 60_000);

  it('the pages that change things do post forms (so the CSRF check above is not vacuous)', async () => {
    for (const name of ['newSource', 'editSource', 'claims', 'editClaim', 'review', 'lexicon', 'conflict', 'entity'] as const) {
      const doc = html((await t.agent.get(pages[name]!).expect(200)).text);
      const posting = [...doc.querySelectorAll('form')].filter((f) => f.getAttribute('method')?.toLowerCase() === 'post');
      expect(posting.length, name).toBeGreaterThan(0);
    }
  });
});
