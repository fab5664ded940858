// The text layer of a PDF through Mozilla's pdf.js (the legacy build, which runs on Node 20 without a DOM).
// Each page becomes one paragraph: extraction reads paragraphs, and a report's page is the unit a reader cites.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { ValidationError } from './domain/errors.js';

// The fonts pdf.js may need to measure text ship with the package: read from disk, never downloaded.
const STANDARD_FONTS = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

/** The text of every page, one paragraph per page (blank-line separated); ValidationError for a PDF without text. */
export async function pdfText(bytes: Uint8Array, name = 'The PDF'): Promise<string> {
  let pages: string[];
  try {
    // Loaded when a PDF arrives: pdf.js is large, and every other command and request starts faster without it.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false, verbosity: 0 }).promise;
    pages = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const content = await (await doc.getPage(number)).getTextContent();
      pages.push(pageText(content.items.filter((item): item is TextItem => 'str' in item)));
    }
    await doc.destroy();
  } catch (err) {
    throw new ValidationError(`${name} could not be read as a PDF (${err instanceof Error ? err.message : String(err)}).`, { file: 'The file is not a readable PDF.' });
  }
  const text = pages.filter((page) => page !== '').join('\n\n');
  if (text === '') {
    const message = `${name} has no text layer (a scanned document?): run it through OCR, or paste its text.`;
    throw new ValidationError(message, { file: message });
  }
  return text;
}

/** A page's lines joined into one paragraph; a word hyphenated across a line end is joined again. */
function pageText(items: TextItem[]): string {
  let text = '';
  for (const item of items) {
    text += item.str;
    if (item.hasEOL) text = /[a-z]-$/.test(text) ? text.slice(0, -1) + '\u0000' : text + ' ';
  }
  return text.replace(/\u0000(?=[a-z])/g, '').replace(/\u0000/g, '-').replace(/\s+/g, ' ').trim();
}
