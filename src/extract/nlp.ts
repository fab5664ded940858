// Sentence analysis, parts of speech: wink-nlp with its lite English model (README, "Why this NLP library") tags the
// tokens of a sentence — words with their offsets and universal part-of-speech tags. Loaded by the caller that holds
// a prepared lexicon (the model takes about a second to load and some 60 MB), never at import, so that commands that
// do not extract start without it; extraction runs it only on the sentences where the hand rules found no speaker.

import { createRequire } from 'node:module';
import type WinkFn from 'wink-nlp';
import type { Model } from 'wink-nlp';

/** One token of a sentence: its text, offsets in the sentence and universal POS tag ("PROPN", "NOUN", "VERB"…). */
export interface Token {
  text: string;
  start: number;
  end: number;
  pos: string;
}

/** Tags a sentence's tokens. */
export interface Tagger {
  tag(sentence: string): Token[];
}

// required at call time, not imported, so that loading this module does not load the model
const load = createRequire(import.meta.url);

/** Loads wink-nlp and its English model (installed from npm; nothing is downloaded) and says how long that took. */
export function loadTagger(): { tagger: Tagger; loadMs: number } {
  const started = performance.now();
  const winkNLP = load('wink-nlp') as typeof WinkFn;
  const model = load('wink-eng-lite-web-model') as Model;
  // sentence boundaries and parts of speech only: no entities, negation or sentiment, which extraction does not read
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const tag = (sentence: string): Token[] => {
    const tokens = nlp.readDoc(sentence).tokens();
    const texts = tokens.out();
    const spaces = tokens.out(its.precedingSpaces) as string[];
    const tags = tokens.out(its.pos) as string[];
    const out: Token[] = [];
    let at = 0;
    texts.forEach((text, i) => {
      at += spaces[i]?.length ?? 0;
      out.push({ text, start: at, end: at + text.length, pos: tags[i] ?? 'X' });
      at += text.length;
    });
    return out;
  };
  return { tagger: { tag }, loadMs: performance.now() - started };
}

/** wink-nlp's document reader as sentence boundaries use it: sentence spans are first and last token indices. */
interface SentencePipe {
  readDoc(text: string): {
    tokens(): { out(what?: unknown): string[] };
    sentences(): { out(what: unknown): [number, number][] };
  };
  its: { precedingSpaces: unknown; span: unknown };
}

// the most characters between two tokens (spaces wink does not make tokens of)
const TOKEN_GAP = 64;

/**
 * Sentence ranges [start, end) in a text by wink-nlp's sentence boundary detection (README, "How extraction works"),
 * the spaces between left out. The ['sbd'] instance is required at first use and then held by Node's module cache.
 */
export function sentenceBounds(text: string): [number, number][] {
  const pipe = load('./sentence-pipe.cjs') as SentencePipe;
  // Every digit read as 0, character for character so offsets hold: where a sentence ends does not depend on which
  // number it holds, and wink-nlp keeps each new token it meets for the life of the process (a server would keep
  // every distinct figure it ever read; "12,345" and "67,890" are one token to it now).
  const read = text.replace(/[1-9]/g, '0');
  const doc = pipe.readDoc(read);
  const tokens = doc.tokens();
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const token of tokens.out()) {
    // tokens are the text's own characters, found in it, so offsets hold whatever spaces lay between them; one not
    // found close by (never seen) keeps the offset where it was rather than jump ahead
    const found = read.indexOf(token, at);
    const near = found >= 0 && found - at <= TOKEN_GAP;
    starts.push(near ? found : at);
    if (near) at = found + token.length;
    ends.push(at);
  }
  return doc.sentences().out(pipe.its.span).map(([first, last]) => [starts[first] ?? 0, ends[last] ?? text.length]);
}
