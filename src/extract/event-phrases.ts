// Stage 3, sentence analysis: the noun phrases around the event nouns of a sentence ("the country's
// eight-year civil war", "the war in Syria"), with their modifiers and determiner, for the readers that
// name which event a figure is about (events.ts resolveEventPhrase). Hand-written: the event nouns are the
// lexicon's duration keywords, and the phrase is cut at the few words that end an English noun phrase.

/** The lexicon's event nouns as one pattern (events.ts eventIndex builds it), null when it has none. */
export interface EventNouns {
  /** event nouns ("war", "conflict", "air campaign"), longest first; global, owned by the one index */
  nounRe: RegExp | null;
}

/** A noun phrase around an event noun: "the country's eight-year civil war" → head war, modifiers. */
export interface EventPhrase {
  start: number;
  end: number;
  head: string;
  /** modifiers before the noun and after it ("in Syria", "against Assad"), as written */
  modifiers: string[];
  /** the determiner that opens the phrase ("the", "that", "its") or null */
  determiner: string | null;
  /** the names after "with" or "between": the sides of the war ("the war with Chile"), also among the modifiers */
  sides: string[];
  /** the names after "against" ("the uprising against Odo"), also among the modifiers */
  against?: string[];
}

// Words that end a noun phrase when met going back from its noun.
const PHRASE_STOP: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your',
  'in', 'of', 'on', 'at', 'to', 'for', 'with', 'since', 'throughout', 'during', 'by', 'from', 'into', 'against',
  'and', 'or', 'but', 'which', 'who', 'whose', 'is', 'was', 'has', 'have', 'had', 'been', 'be', 'were', 'are',
  'after', 'before', 'when', 'while', 'as', 'than', 'ending', 'end', 'start', 'over', 'about', 'across', 'under', 'amid',
]);
/** True when the text has an event noun (a cheap test before building phrases). */
export function hasEventNoun(index: EventNouns, text: string): boolean {
  if (!index.nounRe) return false;
  index.nounRe.lastIndex = 0;
  const found = index.nounRe.test(text);
  index.nounRe.lastIndex = 0;
  return found;
}

const ORG_NAME_AFTER = /^(?:\s+\p{Lu}[\p{L}-]*){0,2}\s+(?:Observatory|Monitor|Group|Project|Institute|Centre|Center|Studies|Research|Tracker|Database|Programme|Program|Foundation|Council|Network|Unit|Office)\b/u;

/** Every event noun of a sentence with its phrase. */
export function eventPhrases(index: EventNouns, text: string): EventPhrase[] {
  const out: EventPhrase[] = [];
  const re = index.nounRe;
  if (!re) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // "the Andean Conflict Observatory", "the War Studies Institute": a word of a body's name, not an event
    if (/^\p{Lu}/u.test(m[0]) && ORG_NAME_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    const noun = m[0].toLowerCase();
    const head = noun.split(/\s+/).pop() ?? noun;
    const words = noun.split(/\s+/);
    const modifiers = words.slice(0, -1);
    let start = m.index;
    let determiner: string | null = null;
    // Back from the noun, word by word, until a determiner, a preposition, a verb or punctuation.
    const before = text.slice(Math.max(0, m.index - 120), m.index);
    const tokens = before.split(/(\s+)/);
    let offset = m.index;
    for (let t = tokens.length - 1; t >= 0 && modifiers.length < 8; t--) {
      const tok = tokens[t]!;
      offset -= tok.length;
      if (/^\s*$/.test(tok)) continue;
      if (/[,;:()"“”.!?–—]$/.test(tok) || /^[–—-]$/.test(tok)) break;
      const bare = tok.replace(/^["“‘'(]+/, '');
      if (PHRASE_STOP.has(bare.toLowerCase())) {
        determiner = bare.toLowerCase();
        break;
      }
      modifiers.unshift(bare);
      start = offset;
      if (bare !== tok) break; // an opening quotation mark starts the phrase
    }
    // After the noun: "in Syria", "against Assad", "with Portbrak" (capitalised words only: names, not a clause).
    const after = /^\s+(?:in|against|of|on|over|with|between)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern)\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)((?:\p{Lu}[\p{L}'’.-]*\s?){1,3})/u.exec(text.slice(m.index + m[0].length));
    let end = m.index + m[0].length;
    const sides: string[] = [];
    const against: string[] = [];
    if (after?.[1]) {
      modifiers.push(...after[1].trim().split(/\s+/));
      if (/^\s+(?:with|between)\s/.test(after[0])) sides.push(...after[1].trim().split(/\s+/));
      if (/^\s+against\s/.test(after[0])) against.push(...after[1].trim().split(/\s+/));
      end += after[0].trimEnd().length;
      // "fighting between Portbrak and East Tarn": both sides belong to the phrase
      const other = /^\s+between\s/.test(after[0]) ? /^\s+and\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’.-]*\s?){1,3})/u.exec(text.slice(end)) : null;
      if (other?.[1]) {
        modifiers.push(...other[1].trim().split(/\s+/));
        sides.push(...other[1].trim().split(/\s+/));
        end += other[0].trimEnd().length;
      }
    }
    out.push({ start, end, head, modifiers, determiner, sides, against });
  }
  return out;
}
