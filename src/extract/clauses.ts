// Sentence analysis, reporting clauses: every "the ministry said", "…," said X", "according to X", "X told
// reporters" and relay ("TASS reported", "as reported by Al Jazeera") of one sentence, with its speaker
// phrase as written. Hand-written because no library reads reporting clauses; which name a phrase stands
// for ("he", "the ministry") is the document pass's work (speakers.ts).

import { SHIPPED_GRAMMAR, type CompiledGrammar } from './grammar.js';
import { matchesOf } from './regex.js';
import { isReportingUse } from './reporting-use.js';
import { cleanPhrase, LEADING, type Clause } from './clause-phrase.js';
import { accordingClauses, countByClauses, pollClauses, sourcedFromClauses } from './clauses-cited.js';

export { LEADING, type Clause } from './clause-phrase.js';
export { isReportingUse } from './reporting-use.js';


// a fresh global pattern for each scan, so no lastIndex outlives it
const BOUNDARY = (): RegExp => /[,;:"“”()–—]|\s-\s|\b(?:that|which|who|whom|whose|and|but|while|as|when|because|after|before|if|where|what)\b/gi;
// A study or report whose author a participle aside names (group 1): "released online by the journal The Lantern"
const DATA_HEAD = /\b(?:study|survey|report|analysis|research|paper|assessment|investigation|review)$/i;
const AUTHOR_ASIDE = /^\s*(?:\p{Ll}+ly\s+)?(?:released|published|issued|carried\s+out|conducted|commissioned|compiled|written|produced|led)\b[^,]*?\bby\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}((?:The\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}'’.-]*)*)\s*$/u;
// A "speaker" made only of these words is a parsing accident, not a speaker.
// "Of the dead counted by the monitors": a phrase opening on a preposition is no one who speaks
const PREPOSITION_FIRST = /^(?:of|in|on|at|for|with|by|from|to|among|between|under|over|during|after|before|since|despite|amid|following|until)(?:\s|$)/i;
const PREAMBLE_THEN_SUBJECT = /^(?:[Ii]n|[Aa]t|[Dd]uring|[Tt]hrough)\s+(?:its|their|his|her|a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:report|statement|study|survey|assessment|findings|briefing|letter|submission|analysis|review)\s+((?:the|a|an)\s+[\p{L}'’ -]+)$/u;
const FUNCTION_WORDS = /^(?:(?:have|has|had|is|are|was|were|will|would|also|then|and|but|so|it's|there|here|not|never|just|only)\s*)+$/i;

// A personal name standing alone between commas: capitalised words, with the usual particles.
export const APPOSITIVE_NAME = /^(?:(?:Dr|Mr|Mrs|Ms|Gen|Col|Maj|Lt|Capt|Sgt|Adm|General|Colonel|Major|Captain|Lieutenant|Sergeant|Admiral)\.?\s+)*[A-Z][a-zA-Z'’-]+(?:\s+(?:(?:al|el|de|da|di|van|von|bin|ibn|abu|la|le)[-\s]+)?[A-Z][a-zA-Z'’-]+){1,3}$/;

// A capitalised word right before "and": with a capitalised word after it, one name ("Welfare and Development")
const NAME_BEFORE_AND = /(?<![.!?]\s*)\b\p{Lu}[\p{L}'’-]*\s+$/u;

// An adjective of position or level ("northern", "central", "local", "rural") closing a stretch of text: a closed list,
// as many words with an adjective's ending are nouns ("hospital", "military", "civilian")
const ADJECTIVE_AT = /(?:^|\s)(?:(?:north|south)?(?:-?(?:east|west))?ern|northern|southern|central|coastal|rural|urban|local|regional|provincial|national|international|federal|municipal|foreign|domestic)\s+$/iu;

const AUXILIARIES = /^\s*(?:(?:has|have|had|also|since|now|later)\s+)+$/i;

// How far before its verb a speaker phrase may begin. Twelve words and an aside fit well within it; a
// bound is needed because a sentence may hold hundreds of verbs ("said said said…" pasted in), and a scan
// back to the start of the sentence for each would make extraction quadratic.
const LOOKBACK = 200;
// How far after its verb an inverted speaker may end ("…," said the defence ministry's spokesman).
const LOOKAHEAD = 200;
// An aside inside an aside inside an aside is as deep as news copy goes.
const MAX_DEPTH = 3;

/** The speaker phrase written before a verb at `verbStart` ("The Russian military has reported"). */
function phraseBefore(sentence: string, verbStart: number, depth = 0): { text: string; start: number } | null {
  const from = Math.max(0, verbStart - LOOKBACK);
  // the end of the last boundary before the verb; none within reach means a phrase longer than any speaker
  let cut = from > 0 ? -1 : 0;
  let relativeAt = -1;
  const boundary = BOUNDARY();
  boundary.lastIndex = from;
  for (let m = boundary.exec(sentence); m && m.index < verbStart; m = boundary.exec(sentence)) {
    // "the Department of Social Welfare and Development": "and" between capitalised words joins one name
    if (/^and$/i.test(m[0]) && NAME_BEFORE_AND.test(sentence.slice(Math.max(0, m.index - 30), m.index)) && /^\s+\p{Lu}/u.test(sentence.slice(m.index + 3, verbStart))) continue;
    // "aid agencies in the northern and central provinces say": "and" between two adjectives joins them
    if (/^and$/i.test(m[0]) && ADJECTIVE_AT.test(sentence.slice(Math.max(0, m.index - 30), m.index)) && ADJECTIVE_AT.test(`${sentence.slice(m.index + 3, m.index + 33).trim().split(/\s+/)[0]} `)) continue;
    if (m.index + m[0].length <= verbStart) {
      cut = m.index + m[0].length;
      relativeAt = /^(?:who|that)$/i.test(m[0]) ? m.index : -1;
    }
  }
  if (cut < 0) return null;
  let raw = sentence.slice(cut, verbStart);
  const hung = relativeAt > 0 && depth < MAX_DEPTH ? relativeHead(sentence, relativeAt, raw, depth) : null;
  if (hung) return hung;
  // "the Upper Mires Conflict Monitor (UMCM) reported": the short name in brackets names the speaker
  const acronym = /\(([\p{Lu}][\p{L}\d&.-]{1,15})\)\s*$/u.exec(sentence.slice(from, verbStart));
  if (!raw.trim() && acronym?.[1]) return { text: acronym[1], start: from + acronym.index + 1 };
  // "Russia, which said…", "Assad, who told…": the speaker is the noun the relative clause hangs on.
  const lead = Math.max(from, cut - 40);
  const relative = /,\s*(?:who|which)\s*$/.exec(sentence.slice(lead, cut));
  // "…, which has acknowledged": auxiliaries alone after the relative pronoun count as nothing
  if ((!raw.trim() || AUXILIARIES.test(raw)) && relative) return depth < MAX_DEPTH ? trailingName(sentence, phraseBefore(sentence, lead + relative.index, depth + 1)) : null;
  // "Colonel X, speaking on condition of anonymity, told…": step over one parenthetical.
  const upToCut = sentence.slice(from, cut).trimEnd();
  // "…, the Kesten Observer, has counted": auxiliaries alone after the aside leave the phrase before it
  if ((!raw.trim() || AUXILIARIES.test(raw)) && upToCut.endsWith(',')) {
    const comma = from + upToCut.length - 1;
    const within = sentence.slice(from, comma).lastIndexOf(',');
    const paren = within >= 0 ? from + within : -1;
    // "Putin's spokesman, Dmitry Peskov, said": the name in apposition is the speaker.
    // "An independent site, the Kesten Observer, has counted": a name after "the" too.
    const apposition = paren >= 0 ? sentence.slice(paren + 1, comma).trim().replace(/^the\s+(?=\p{Lu})/u, '') : '';
    if (APPOSITIVE_NAME.test(apposition)) return { text: apposition, start: paren + 1 + sentence.slice(paren + 1, comma).indexOf(apposition) };
    const noun = depth < MAX_DEPTH ? relativeAsideNoun(sentence, from, comma, depth) : null;
    if (noun) return noun;
    const inner = paren >= 0 && depth < MAX_DEPTH ? phraseBeforeAside(sentence, paren, comma, depth) : null;
    if (inner) return inner;
    const head = sentence.slice(from, comma);
    const rest = head.replace(/^.*[;:"“”()–—]/, '');
    if (rest.length === head.length && from > 0) return null;
    cut = comma - rest.length;
    raw = rest;
  }
  const cleaned = cleanPhrase(raw);
  // "In that paper we estimated": the pronoun right before the verb is its subject, the words before it a preamble
  // "In its report the commission estimated", "In a statement the ministry said": likewise the noun phrase after it
  const pronoun = PREPOSITION_FIRST.test(cleaned) ? /\s(we|they|he|she|it|I)$/u.exec(cleaned)?.[1] ?? PREAMBLE_THEN_SUBJECT.exec(cleaned)?.[1] : undefined;
  const text = pronoun ?? cleaned;
  if (!text || text.split(/\s+/).length > 12 || FUNCTION_WORDS.test(text) || PREPOSITION_FIRST.test(text)) return null;
  return { text, start: pronoun ? cut + raw.lastIndexOf(pronoun) : cut + raw.indexOf(text.slice(0, 3)) };
}

/**
 * The noun a relative clause before the verb hangs on, when it is the speaker: "Independent analysts who track the
 * conflict say" ("reported that the governor said" is a report of what the governor said: a determiner opens a new
 * subject), and "A senior official at the ministry in Vendra, who asked not to be named, said", an aside closed right
 * before the verb.
 */
function relativeHead(sentence: string, relativeAt: number, raw: string, depth: number): { text: string; start: number } | null {
  const commaBefore = /,\s*$/.test(sentence.slice(0, relativeAt));
  if (commaBefore && /,\s*$/.test(raw) && /^who$/i.test(sentence.slice(relativeAt, relativeAt + 3))) {
    const comma = sentence.slice(0, relativeAt).search(/,\s*$/);
    return comma > 0 ? phraseBefore(sentence, comma, depth + 1) : null;
  }
  if (!commaBefore && /^\s*(?!(?:the|a|an|its|their|his|her|this|these|those|some|many|most|all|he|she|it|they|we|i|you|there)\b)\p{Ll}/u.test(raw)) return phraseBefore(sentence, relativeAt, depth + 1);
  return null;
}

/** The phrase before an aside that ends at `comma`; "The study, released on Monday by the journal The Lantern," names whose study it is. */
function phraseBeforeAside(sentence: string, paren: number, comma: number, depth: number): { text: string; start: number } | null {
  const inner = phraseBefore(sentence, paren, depth + 1);
  const author = inner && DATA_HEAD.test(inner.text) ? AUTHOR_ASIDE.exec(sentence.slice(paren + 1, comma))?.[1] : undefined;
  return inner && author ? { text: `${inner.text} by ${author}`, start: inner.start } : inner;
}

/**
 * "Researchers at Korvan University, who have tracked deaths from hunger, disease and shelling, estimate": an aside
 * that is a relative clause, commas and all, before the comma at `comma`; the speaker is the noun it hangs on. So is
 * one that lists members ("Local sources, including two officials in Mesa, the district's capital, told").
 */
function relativeAsideNoun(sentence: string, from: number, comma: number, depth: number): { text: string; start: number } | null {
  const relativeAside = /,\s*(?:who|which|including)\s[^"“”;:()]*$/u.exec(sentence.slice(from, comma));
  return relativeAside ? phraseBefore(sentence, from + relativeAside.index, depth + 1) : null;
}

// The verb that ends a sentence's subject: a past form, or a few common verbs of rejection and reporting.
// A wire dateline opening a sentence: a city in capitals, a date, the agency in brackets, a dash
const WIRE_DATELINE = /^\s*\p{Lu}{2}[\p{Lu}\s.'’-]{0,40},\s*[^,()–—]{0,40}?(?:\s*\([^()]{1,40}\))?\s*[-–—]+\s*/u;
const MAIN_VERB = /\s(?:(?:has|have|had|will|would|could|did|does|do)\s+\p{Ll}+|(?:(?:has|have|had)\s+)?(?:\p{Ll}+ed|put|gave|said|says|denies|rejects|disputes|dismisses|hit|took|was|were|is|are))\b/u;

/** The subject a participle clause ("…, saying") hangs on: the sentence's opening phrase before its first aside or verb. */
function subjectOf(sentence: string, verbStart: number): { text: string; start: number } | null {
  const head = sentence.slice(0, verbStart);
  // ("TARNOW, May 3 (Northwire) - The army rejected …, saying": the subject follows a wire dateline)
  const from = WIRE_DATELINE.exec(head)?.[0].length ?? 0;
  const comma = head.indexOf(',', from);
  let upTo = comma >= 0 ? comma : head.length;
  const verb = MAIN_VERB.exec(head.slice(from, upTo));
  if (verb) upTo = from + verb.index;
  const text = cleanPhrase(head.slice(from, upTo));
  if (!text || /^["“‘']/.test(head) || /\d/.test(text) || text.split(/\s+/).length > 10 || FUNCTION_WORDS.test(text) || PREPOSITION_FIRST.test(text)) return null;
  return { text, start: head.indexOf(text, from) };
}

// A capitalised name closing a phrase: "the so-called Government of National Accord".
const TRAILING_NAME = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|for|and|the|de|al)\s+)*\p{Lu}[\p{L}'’.-]*)*$/u;

/** "the figures put out by the Government of National Accord, which…": the name the relative clause hangs on. */
function trailingName(sentence: string, ph: { text: string; start: number } | null): { text: string; start: number } | null {
  if (!ph || ph.text.split(/\s+/).length <= 4) return ph;
  const name = TRAILING_NAME.exec(ph.text);
  // "A senior official at the ministry in Vendra, who asked not to be named,": the place locates the speaker, it is not it
  if (name && /\s(?:in|at|from|near)\s+$/.test(ph.text.slice(0, name.index))) return ph;
  return name && name.index > 0 ? { text: name[0], start: ph.start + name.index } : ph;
}

/** The speaker phrase written after a verb, in inverted order (`…," said the ministry.`). */
function phraseAfter(sentence: string, verbEnd: number): { text: string; start: number } | null {
  const after = sentence.slice(verbEnd, verbEnd + LOOKAHEAD);
  // the inverted speaker is a name or a noun phrase ("said Ruiz", "said the ministry"), not a new clause ("says it has")
  if (!/^\s+(?:[A-Z]|(?:the|a|an)\s)/.test(after)) return null;
  // Up to the first punctuation (a full stop inside "Maj. Gen." is kept), then up to the first word
  // that starts a new phrase; a plain scan, since nested optional groups backtrack badly on long text.
  const upTo = after.search(/[,;:!?"”]|\.(?:\s+[a-z]|\s*$)/);
  let piece = upTo >= 0 ? after.slice(0, upTo) : after;
  const stop = piece.search(/\s(?:in|on|at|during|after|before|to|with|adding|according|while|when|as|who|that)\b/);
  if (stop >= 0) piece = piece.slice(0, stop);
  if (piece.trim().split(/\s+/).length > 8) return null;
  const text = cleanPhrase(piece);
  return text ? { text, start: verbEnd + after.indexOf(text) } : null;
}

const TOLD_WHOM = /^\s+((?:reporters|journalists|the press|a news conference|a press conference|parliament|lawmakers|state television|state TV|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))/;

/** Every reporting clause of a sentence, in order; its verbs are the grammar vocabulary's reporting verbs and patterns. */
export function findClauses(sentence: string, grammar: CompiledGrammar = SHIPPED_GRAMMAR): Clause[] {
  const out = [...verbClauses(sentence, grammar.verbs), ...quotedAsClauses(sentence), ...pollClauses(sentence), ...accordingClauses(sentence, grammar.verbs), ...countByClauses(sentence), ...sourcedFromClauses(sentence)];
  return out.sort((a, b) => a.start - b.start);
}

/** "the ministry said", "…," said Ruiz", "X told reporters": a speech verb and its speaker phrase. */
function verbClauses(sentence: string, verbs: RegExp): Clause[] {
  const out: Clause[] = [];
  for (const m of matchesOf(verbs, sentence)) {
    const verb = m[1] ?? '';
    const start = m.index;
    const end = start + m[0].length;
    if (!isReportingUse(sentence, m)) continue;
    const before = sentence.slice(Math.max(0, start - 80), start);
    // `…," said the ministry` and `…, said Ruiz.` put the speaker after the verb; after a plain comma only
    // verbs that take no object invert ("Ruiz, speaking by phone, told the radio…" does not).
    const quoted = /["”]\s*,?\s*$/.test(before) || (start < 80 && /^\s*$/.test(before));
    const afterComma = !quoted && /,\s*$/.test(before) && /^(said|says|added|adds|noted|wrote|explained|insisted|warned|claimed)$/.test(verb);
    // "A spokesman, Major Elin Ruud, said the rebels…": a name in apposition before the comma is the speaker
    const named = afterComma ? phraseBefore(sentence, start) : null;
    // "An official, who asked not to be named, said the toll…", "An official, speaking on condition of anonymity, said":
    // an aside closed before the verb does not invert it
    const inverted = quoted || (afterComma && !(named && (APPOSITIVE_NAME.test(named.text) || /,\s*(?:who|speaking|briefing|reached|contacted|interviewed|writing)\s[^,]*,\s*$/i.test(before))));
    // "A spokesman for the Front, contacted by phone, rejected the figures, saying…": the participle's speaker is
    // the subject of the sentence's main verb
    const participle = /^\p{L}+ing\b/u.test(verb) && /,\s*$/.test(before);
    // "he spent years telling stories about…": a participle reports only after its comma
    if (/^\p{L}+ing$/u.test(verb) && !participle) continue;
    // "she said, adding that…": the participle goes with the reporting clause before it
    if (participle && out.length > 0) continue;
    let ph = participle ? subjectOf(sentence, start) : inverted ? phraseAfter(sentence, end) ?? phraseBefore(sentence, start) : named ?? phraseBefore(sentence, start);
    // "The monitor said on Tuesday it had documented": the phrase of a second verb starts after the first verb
    const previous = out[out.length - 1];
    // "The observatory keeps a register of the dead and counts 4,210 names": the second verb shares the first one's speaker
    if (previous && !participle && !inverted && /\band(?:\s+also)?\s*$/.test(before) && (!ph || ph.start <= previous.phraseStart)) ph = { text: previous.raw, start: previous.phraseStart };
    else if (ph && previous && ph.start < previous.end && previous.end < start) {
      const text = cleanPhrase(sentence.slice(previous.end, start));
      const short = text.split(/\s+/).length <= 4 && !/[,;:]/.test(sentence.slice(previous.end, start));
      ph = text && short && !PREPOSITION_FIRST.test(text) && !FUNCTION_WORDS.test(text) ? { text, start: previous.end + sentence.slice(previous.end, start).indexOf(text) } : null;
    }
    // "A commander … dismissed that assessment and claimed": the verb shares the sentence's subject
    if (!ph && !participle && /\band\s+(?:also\s+)?$/.test(before)) ph = subjectOf(sentence, start);
    // "19,000 deaths recorded": a figure before a participle is what was counted, not who counted it
    if (!ph || /(?:^|\s)\d[\d,.]*(?:\s|$)/.test(ph.text)) continue;
    let cue = verb;
    let toldOutlet: string | null = null;
    if (verb === 'told' || verb === 'tells') {
      const whom = TOLD_WHOM.exec(sentence.slice(end));
      if (whom?.[1]) {
        cue = `${verb} ${whom[1]}`;
        if (/^[A-Z]/.test(whom[1])) toldOutlet = whom[1];
      }
    }
    const phrase = ph.text.replace(LEADING, '');
    out.push({ start, end, phraseStart: ph.start, phraseEnd: ph.start + ph.text.length, raw: ph.text, phrase, cue, type: 'verb', toldOutlet });
  }
  return out;
}

/** "TASS quoted the general as saying…", "The general was quoted by TASS as saying…" */
function quotedAsClauses(sentence: string): Clause[] {
  const out: Clause[] = [];
  const quotedAs = /\b(?:quoted|cited)\s+([^,.;:"“”()]{1,150}?)\s+as\s+saying\b/g;
  for (let m = quotedAs.exec(sentence); m; m = quotedAs.exec(sentence)) {
    if (/^by\s/i.test(m[1] ?? '')) continue;
    const phraseStart = m.index + m[0].indexOf(m[1] ?? '', 6);
    const relay = phraseBefore(sentence, m.index);
    const raw = cleanPhrase(m[1] ?? '');
    out.push({
      start: m.index, end: m.index + m[0].length, phraseStart, phraseEnd: phraseStart + (m[1] ?? '').length, raw,
      phrase: raw.replace(LEADING, ''), cue: 'quoted as saying', type: 'verb', toldOutlet: relay ? relay.text.replace(LEADING, '') : null,
    });
  }
  const passiveQuote = /\b(?:was|were)\s+quoted\s+(?:by\s+([^,.;:"“”()]{1,150}?)\s+)?as\s+saying\b/g;
  for (let m = passiveQuote.exec(sentence); m; m = passiveQuote.exec(sentence)) {
    const speaker = phraseBefore(sentence, m.index);
    if (!speaker) continue;
    out.push({
      start: m.index, end: m.index + m[0].length, phraseStart: speaker.start, phraseEnd: speaker.start + speaker.text.length, raw: speaker.text,
      phrase: speaker.text.replace(LEADING, ''), cue: 'quoted as saying', type: 'verb', toldOutlet: m[1] ? cleanPhrase(m[1]).replace(LEADING, '') : null,
    });
  }
  return out;
}
