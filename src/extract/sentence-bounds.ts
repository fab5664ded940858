// Sentence boundaries within a piece of a paragraph: the rules of sentence-splitter 5.0.1, written as one pass.
// Written by hand because the package, which gives the same boundaries, walked the text a character at a time
// through parser objects and compared every word with 235 abbreviations lowercased one by one: it took 40 % of
// extraction's time. The rules, as the package has them:
// - a sentence ends at a run of ". ． 。 ? ! ？ ！", a "." only when a space or the end follows it ("1.5" goes on);
// - never inside a pair of quotation marks or brackets (a `"` opens or closes one; one of each kind at a time,
//   left open to the end of the piece when it is never closed);
// - never inside a word marked as an abbreviation: dotted initials ("U.S.A."), a title before a name ("Gen."), a
//   numbered line ("3."), an abbreviation the next word does not capitalise ("Jan. 5"), or a capital initial between
//   capitalised words ("Ana K. Petrova"); and never inside a name that ends in "!" ("Yahoo!").
// sentences.ts then adds the cuts news copy needs and re-joins what it should not have cut.

import { ABBREVIATIONS, EXCLAMATION_WORDS, PREPOSITIVE_ABBREVIATIONS } from './sentence-abbreviations.js';

const lower = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase()));
const ABBREVIATION = lower(ABBREVIATIONS);
// words marked whatever follows them
const ALWAYS_MARKED = lower([...PREPOSITIVE_ABBREVIATIONS, ...EXCLAMATION_WORDS]);
// the pass reads character codes: a set of numbers is looked up without making a string of each character
const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const SEPARATORS = codes('.．。?!？！');
const SEPARATOR_IN = /[.．。?!？！]/;
// quotation marks and brackets: a pair's opening mark → its closing mark (a `"` both opens and closes)
const PAIRS: ReadonlyMap<string, string> = new Map(['""', '[]', '()', '{}', '「」', '（）', '『』', '｛｝', '［］', '〚〛', '【】', '《》'].map((p) => [p[0]!, p[1]!]));
// a closing mark → the opening mark of its pair
const CLOSES: ReadonlyMap<string, string> = new Map([...PAIRS].map(([open, close]) => [close, open]));
const PAIR_MARKS = codes([...PAIRS].flat().join(''));
const SPACE = /\s/;
// Chinese, Japanese and Korean characters bound words as spaces do (none lies below U+1100, where Hangul starts)
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CAPITALISED = /^\p{Lu}/u;
const CAPITAL_INITIAL = /^\p{Lu}\./u;

/** `\s` read on one character, without the regular expression for the plain ASCII ones (the pass tests each). */
function isSpace(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(text[i]!);
}

/** Whether a word ends before text[i]: at a space or a CJK character. */
function endsWord(text: string, i: number): boolean {
  return isSpace(text, i) || (text.charCodeAt(i) >= 0x1100 && CJK.test(text[i]!));
}

/** What the pass knows at a character: the pairs open and where the last abbreviation marked ends. */
interface Scan {
  readonly text: string;
  readonly open: string[];
  abbreviationStart: number;
  abbreviationEnd: number;
}

/** Sentence ranges [start, end) in a text, the end after the sentence's closing marks; the spaces between are left out. */
export function sentenceBounds(text: string): [number, number][] {
  const scan: Scan = { text, open: [], abbreviationStart: 0, abbreviationEnd: 0 };
  const out: [number, number][] = [];
  let start = -1;
  let i = 0;
  while (i < text.length) {
    if (isSpace(text, i)) i++;
    else if (endsSentence(scan, i)) {
      while (i < text.length && endsSentence(scan, i)) i++;
      if (start >= 0) out.push([start, i]);
      start = -1;
    } else {
      if (start < 0) start = i;
      // a line break does not end a sentence; spaces neither start a word nor open a pair
      for (; i < text.length && !endsSentence(scan, i); i++) {
        if (isSpace(text, i)) continue;
        markAbbreviation(scan, i);
        markPair(scan, i);
      }
    }
  }
  if (start >= 0) out.push([start, text.length]);
  return out;
}

function endsSentence(scan: Scan, i: number): boolean {
  const code = scan.text.charCodeAt(i);
  if (!SEPARATORS.has(code) || scan.open.length > 0) return false;
  if (i >= scan.abbreviationStart && i < scan.abbreviationEnd) return false;
  return code !== 46 /* . */ || i + 1 >= scan.text.length || isSpace(scan.text, i + 1);
}

/** A quotation mark or bracket opens or closes its pair; one pair of each kind at a time, as in the package. */
function markPair(scan: Scan, i: number): void {
  if (!PAIR_MARKS.has(scan.text.charCodeAt(i))) return;
  const c = scan.text[i]!;
  const kind = PAIRS.has(c) ? c : CLOSES.get(c);
  if (kind === undefined) return;
  const at = scan.open.indexOf(kind);
  if (at < 0 && PAIRS.has(c)) scan.open.push(kind);
  else if (at >= 0 && CLOSES.has(c)) scan.open.splice(at, 1);
}

/** At the start of a word, marks the word when it is an abbreviation (see the rules above). */
function markAbbreviation(scan: Scan, i: number): void {
  if (i >= scan.abbreviationStart && i < scan.abbreviationEnd) return;
  const { text } = scan;
  if (i > 0 && !endsWord(text, i - 1)) return;
  const word = wordFrom(text, i);
  // a word without a sentence end in it would be marked to no effect
  if (!SEPARATOR_IN.test(word)) return;
  const key = word.toLowerCase();
  if (/^([a-zA-Z]\.){3,}$/.test(word) || ALWAYS_MARKED.has(key) || /^\d+\.$/.test(word) || initialOrAbbreviation(text, i, word)) {
    scan.abbreviationStart = i;
    scan.abbreviationEnd = i + word.length;
  }
}

/** "Ana K. Petrova" (a capital initial between capitalised words), or an abbreviation the next word does not capitalise. */
function initialOrAbbreviation(text: string, i: number, word: string): boolean {
  const next = wordFrom(text, i + word.length + 1);
  if (CAPITALISED.test(previousWord(text, i)) && CAPITAL_INITIAL.test(word) && CAPITALISED.test(next)) return true;
  return ABBREVIATION.has(word.toLowerCase()) && !CAPITALISED.test(next);
}

/** The characters from `at` up to a space, a CJK character or the end. */
function wordFrom(text: string, at: number): string {
  let end = at;
  while (end < text.length && !endsWord(text, end)) end++;
  return text.slice(at, end);
}

/** The word before the one at `i` (the word at `i` itself when none comes before it, as the package has it). */
function previousWord(text: string, i: number): string {
  let at = i - 1;
  while (at >= 0 && isSpace(text, at)) at--;
  while (at >= 0 && !isSpace(text, at)) at--;
  return wordFrom(text, at + 1);
}
