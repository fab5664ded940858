// Reading documents: text kept byte for byte, front matter and HTML metadata, refusal of empty and binary files.
import { describe, expect, it } from 'vitest';
import { decodeDocument, formatFromFilename, parseArticle } from '../../src/extract/article.js';

describe('decodeDocument', () => {
  it('keeps the text exactly, a byte-order mark and CRLF included', () => {
    const text = '\uFEFFFirst line.\r\nSecond line, with 12 figures.\n';
    const bytes = new TextEncoder().encode(text);
    const decoded = decodeDocument(bytes);
    expect(decoded).toBe(text);
    expect(Buffer.from(decoded, 'utf8').equals(Buffer.from(bytes))).toBe(true);
  });

  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['white space only', new TextEncoder().encode(' \n\t\n'), /only white space/],
    ['NUL bytes', new Uint8Array([0x41, 0x00, 0x42]), /binary/],
    ['invalid UTF-8', new Uint8Array([0x41, 0xc3, 0x28]), /not UTF-8/],
  ])('refuses %s with a field message for the upload', (_name, bytes, message) => {
    try {
      decodeDocument(bytes, 'report.txt');
      expect.unreachable();
    } catch (err) {
      expect((err as { status: number }).status).toBe(422);
      expect(`${(err as Error).message} ${(err as { fields: Record<string, string> }).fields.file}`).toMatch(message);
    }
  });
});

describe('formatFromFilename', () => {
  it('knows html, markdown and text', () => {
    expect(['a.HTML', 'b.htm', 'c.md', 'd.markdown', 'e.txt', 'f'].map(formatFromFilename)).toEqual(['html', 'html', 'markdown', 'markdown', 'text', 'text']);
  });
});

describe('parseArticle', () => {
  it('splits Markdown front matter from the text, which is kept verbatim', () => {
    const md = '---\ntitle: "Talks resume: day two"\npublisher: Lakeside Review\nauthor: R. Amari\npublished: 2020-02-11\n---\nDelegates met for four hours.\n\nNo figures were released.\n';
    expect(parseArticle(md, 'markdown')).toEqual({
      body: 'Delegates met for four hours.\n\nNo figures were released.\n',
      meta: { title: 'Talks resume: day two', publisher: 'Lakeside Review', author: 'R. Amari', url: undefined, publishedAt: '2020-02-11' },
    });
  });

  it('leaves Markdown without front matter whole', () => {
    const md = '# Heading\n\n---\n\nText after a rule.\n';
    expect(parseArticle(md, 'markdown')).toEqual({ body: md, meta: {} });
  });

  it('reduces HTML to article paragraphs and reads its metadata; markup and scripts are dropped', () => {
    const page = `<!doctype html><html><head><title>Bridge reopens | Delta Herald</title>
      <meta property="og:site_name" content="Delta Herald"><meta name="author" content="P. Lindqvist">
      <meta property="article:published_time" content="2021-07-04T10:00:00+02:00">
      <script>var tracking = 1;</script></head><body><header><nav>Home · News</nav></header>
      <article><h1>Bridge reopens</h1><p>The bridge reopened on Saturday after <em>three weeks</em> of repairs, the city said.</p>
      <p>About 4,000 vehicles crossed it in the first hour &amp; traffic was light.</p></article><footer>© Delta Herald</footer></body></html>`;
    const article = parseArticle(page, 'html');
    expect(article.body).toContain('The bridge reopened on Saturday after three weeks of repairs, the city said.\n\nAbout 4,000 vehicles crossed it in the first hour & traffic was light.');
    expect(article.body).not.toMatch(/tracking|<em>|Home · News/);
    expect(article.meta).toMatchObject({ publisher: 'Delta Herald', author: 'P. Lindqvist', publishedAt: '2021-07-04' });
    expect(article.meta.title).toMatch(/Bridge reopens/);
  });

  it('keeps plain text as it is', () => {
    expect(parseArticle('Just text.\r\n', 'text')).toEqual({ body: 'Just text.\r\n', meta: {} });
  });
});

describe('page furniture', () => {
  it('drops navigation, share bars, ad slots, "Read more" lines, related links, newsletter boxes and the footer, keeping the byline as author', async () => {
    const { readFileSync } = await import('node:fs');
    const raw = readFileSync(new URL('../fixtures/pages/harbour-gazette-with-furniture.html', import.meta.url), 'utf8');
    const article = parseArticle(raw, 'html');
    expect(article.body.split('\n\n')).toEqual([
      'The war in Valdoria has killed more than 4,000 people since March, the Valdorian Health Ministry said on Monday.',
      "The Korvan Front said about 9,500 people had died, far more than the ministry's count.",
      'Aid groups say 210,000 people have fled their homes.',
    ]);
    expect(article.meta.author).toBe('Mara Quill');
  });
});
