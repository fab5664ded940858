// Turns an uploaded document into the article text Crosscheck stores, plus whatever metadata it carries.
// Pure: takes the document's text, returns text. Imported HTML is reduced to text here and never rendered.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import type { SourceFormat } from '../domain/types.js';
import { ValidationError } from '../domain/errors.js';

export interface ArticleMeta {
  title?: string;
  publisher?: string;
  author?: string;
  url?: string;
  publishedAt?: string;
}

export interface Article {
  /** The text stored verbatim and used for offsets. */
  body: string;
  meta: ArticleMeta;
}

/** Picks the format from a file name; unknown extensions are read as plain text. */
export function formatFromFilename(name: string): SourceFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'text';
}

/** Returns the article text and metadata of a document in the given format. */
export function parseArticle(raw: string, format: SourceFormat): Article {
  if (format === 'html') return articleFromHtml(raw);
  if (format === 'markdown') return articleFromMarkdown(raw);
  return { body: raw, meta: {} };
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

// Front matter is a few YAML keys between --- lines; the yaml package parses them, the split is one regex.
function articleFromMarkdown(raw: string): Article {
  const match = FRONT_MATTER.exec(raw);
  if (!match) return { body: raw, meta: {} };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch {
    // Not YAML after all: keep the document whole rather than lose text.
    return { body: raw, meta: {} };
  }
  const body = raw.slice(match[0].length).replace(/^(\r?\n)+/, '');
  return { body, meta: metaFromRecord(data) };
}

function metaFromRecord(data: unknown): ArticleMeta {
  if (!data || typeof data !== 'object') return {};
  const record = data as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = record[key];
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
    return undefined;
  };
  return {
    title: text('title'),
    publisher: text('publisher') ?? text('outlet'),
    author: text('author') ?? text('byline'),
    url: text('url'),
    publishedAt: text('published') ?? text('date') ?? text('published_at'),
  };
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

function articleFromHtml(raw: string): Article {
  const { document } = parseHTML(raw);
  const meta: ArticleMeta = {
    publishedAt: metaContent(document, ['article:published_time', 'date', 'pubdate', 'datePublished'])?.slice(0, 10),
    publisher: metaContent(document, ['og:site_name', 'publisher']),
    url: metaContent(document, ['og:url']) ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
  };
  const byline = normalizeSpace(document.querySelector('[rel="author"], [itemprop="author"], .byline, .author')?.textContent ?? '');
  // Readability mutates the document it reads; it gets its own copy, without the page's ad, share and related blocks.
  const copy = parseHTML(raw).document;
  removeBoilerplate(copy);
  const parsed = new Readability(copy as never).parse();
  const title = parsed?.title?.trim() || document.querySelector('title')?.textContent?.trim() || undefined;
  const author = parsed?.byline?.trim() || metaContent(document, ['author']) || byline.replace(/^by\s+/i, '') || undefined;
  const body = parsed?.content ? blocksToText(parsed.content) : '';
  return {
    body: body || normalizeSpace(document.body?.textContent ?? ''),
    meta: { ...meta, title, author, publishedAt: parsed?.publishedTime?.slice(0, 10) || meta.publishedAt },
  };
}

function metaContent(document: ReturnType<typeof parseHTML>['document'], names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

// Class and id words of a page's furniture: ads, share bars, related links, newsletter boxes, bylines. Written by
// hand because Readability keeps some of them (a "read more" box inside the article body, an ad slot between
// paragraphs), and their figures ("3 comments", "Top 10 stories") would become claims.
const FURNITURE = /(?:^|[\s_-])(?:ad|ads|advert\w*|sponsor\w*|share|sharing|social|related|newsletter|promo\w*|subscribe|subscription|byline|read-?more|recommended|outbrain|taboola|comments?|cookie\w*|paywall)(?:$|[\s_-])/i;

/** Removes the page's furniture (see FURNITURE) and navigation, asides and forms from a document. */
function removeBoilerplate(document: ReturnType<typeof parseHTML>['document']): void {
  for (const el of [...document.querySelectorAll('nav, aside, form, [class], [id]')]) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    // the page's frame is never furniture, whatever its classes say
    if (/^(?:HTML|BODY|MAIN|ARTICLE)$/.test(el.tagName)) continue;
    if (/^(?:NAV|ASIDE|FORM)$/.test(el.tagName) || FURNITURE.test(words)) el.remove();
  }
}

// A short paragraph that is page furniture by its words: "Advertisement", "Read more: …", "Share this article".
const FURNITURE_TEXT = /^(?:advertisement|sponsored(?: content)?|read more\b|read also\b|related\b|see also\b|share (?:this|on)\b|follow us\b|sign up\b|subscribe\b|click here\b|©|copyright\b|all rights reserved)/i;

// Paragraph structure matters to extraction (it reads paragraphs), so blocks become blank-line separated text.
function blocksToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const paragraphs = blocks
    .map((el) => normalizeSpace(el.textContent ?? ''))
    .filter((p) => p && !(p.length < 200 && FURNITURE_TEXT.test(p)));
  return paragraphs.join('\n\n');
}

function normalizeSpace(text: string): string {
  return text.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
}

/** Decodes uploaded bytes as UTF-8 text; refuses empty and binary content with a message a reviewer can act on. */
export function decodeDocument(bytes: Uint8Array, name = 'The file'): string {
  if (bytes.length === 0) throw new ValidationError(`${name} is empty.`, { file: 'The file is empty.' });
  if (bytes.includes(0)) throw new ValidationError(`${name} is not text (it contains binary data).`, { file: 'Binary files cannot be imported; use .txt, .md or .html.' });
  let text: string;
  // Decoded as is (a byte-order mark included) so the stored text stays byte-identical to the file.
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ValidationError(`${name} is not UTF-8 text.`, { file: 'The file is not UTF-8 text; save it as UTF-8 and try again.' });
  }
  if (text.trim() === '') throw new ValidationError(`${name} has no text.`, { file: 'The file contains only white space.' });
  return text;
}
