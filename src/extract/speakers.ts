// Speakers: resolving the reporting clauses of attribution.ts into names across sentences — lexicon
// names for known people and organisations, pronouns and roles carried from the last speaker ("he added",
// "the ministry also said"), an unnamed speaker named in the next sentence, the publisher's first person —
// and choosing, for a figure, its speaker, cue and relay among the clauses of its sentence.

import { APPOSITIVE_NAME, LEADING, type Clause } from './clauses.js';
import { dataOwner, hasProperName, speakerRef } from './speaker-refs.js';
import { entityHits, type CompiledLexicon } from './lexicon-match.js';
import { countryOf } from './places.js';

/** Who a figure is attributed to: speaker (null = the publisher), the words that say so, and any relay. */
export interface Speaker {
  name: string | null;
  cue: string | null;
  relay: string | null;
}

/** The lexicon entity (person, organisation, outlet) a speaker phrase names, or null. */
function speakerEntity(lex: CompiledLexicon, phrase: string): string | null {
  // "Putin's spokesman" is not Putin: an entity in the possessive names whom the speaker works for.
  const hits = entityHits(lex, phrase).filter((h) => !/^['’]s?\b/.test(phrase.slice(h.end)));
  const people = hits.filter((h) => lex.lexicon.entities[h.index]?.type === 'person');
  const orgs = hits.filter((h) => ['organisation', 'outlet'].includes(lex.lexicon.entities[h.index]?.type ?? ''));
  const pick = people[people.length - 1] ?? orgs[orgs.length - 1];
  if (!pick) return null;
  // "the UN mission in Tarn", "a UN official", "UN military observers": a body or a person of the organisation, who
  // may tell another figure than its headquarters or a sister body does
  const body = people.length === 0 ? BODY_OF_ORG.exec(phrase.slice(pick.end)) : null;
  return body ? `${phrase.slice(pick.start, pick.end)}${body[0]}` : lex.lexicon.entities[pick.index]?.name ?? null;
}

// The head noun of a body or a person of an organisation named right before it ("UN| humanitarian coordination office")
const BODY_OF_ORG = /^(?:\s+\p{Ll}[\p{Ll}-]*){0,2}?\s+(?:mission|office|officials?|observers|coordinator|envoy|rapporteur|panel|investigators|experts|peacekeepers|monitors|team)\b/u;

/** Resolves a clause's phrase to a speaker name: lexicon canonical name for people and organisations. */
export function speakerName(lex: CompiledLexicon, phrase: string): string {
  // A speaker never spans sentences ("…was reportedly 131. Moscow"): keep the words after the last full
  // stop, in case a sentence boundary was missed upstream.
  const last = phrase.split(/(?<=[a-z\d][.!?]["”’]?)\s+(?=\p{Lu})/u).pop() ?? phrase;
  // "a defence ministry statement said": the statement speaks for its author
  const author = last.replace(/\s+(?:statement|communiqu[eé]|press release|bulletin|announcement)$/iu, '');
  return speakerEntity(lex, author) ?? author;
}

// "The group also said": a generic body refers back to the last speaker whatever its name.
// "The statement said" after the bureau spoke: a statement or report speaks for whoever issued it.
const GENERIC_BODY = /^(group|agency|monitor|organisation|organization|observatory|office|department|company|statement|report|document|communiqué|communique)$/;
// Head nouns of organisation names that a later mention uses alone: "the ministry" after "the Russian
// Defence Ministry", "the monitor" after "Kestrel Monitor for Human Rights".
const ORG_HEAD = /^(?:ministry|group|agency|monitor|observatory|organisation|organization|office|department|company|committee|council|commission|institute|centre|center|service|mission|coalition)$/;
// An organisation named in the text with a capitalised head noun: "Saltmarsh Conflict Mapping Group",
// "the Ministry of Defence", "Kestrel Monitor for Human Rights".
// a fresh global pattern for each scan, so no lastIndex outlives it
const ORG_NAME = (): RegExp =>
  /(?<![\p{L}'’-])(?:\p{Lu}[\p{L}'’-]*\s+(?:(?:of|for|and|on)\s+)?){0,5}(?:Ministry|Group|Agency|Monitor|Observatory|Organisation|Organization|Office|Department|Company|Committee|Council|Commission|Institute|Centre|Center|Service|Mission|Coalition)\b(?:\s+(?:of|for|on)(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)(?:\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*){1,4})?/gu;
// A person the text introduces by role and name ("the army's spokesman Piet Amsel", "envoy Marta Lind"), whom a later
// "he" or "she" may stand for even when the sentence introducing them quotes no figure.
// a fresh global pattern for each scan, so no lastIndex outlives it
const PERSON_WITH_ROLE = (): RegExp =>
  /\b(?:spokes(?:man|woman|person)|minister|envoy|mayor|president|commander|general|colonel|major|captain|official|leader|chief|director|ambassador|governor|secretary|analyst|researcher)\s+\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)+/gu;
// An organisation as a sentence's subject: "The Valdorian regional government gave", "The army has denied", "KLF gave".
const ORG_SUBJECT = /^(?:(?:The|An?)\s+((?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+)|(\p{Lu}{2,}[\p{Lu}\d-]*)|(\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*){0,3})(?=\s+(?:gave|offered|rejected|disputed|denied|dismissed)\b))\s+(?:(?:has|had|also|later)\s+)?(?:\p{Ll}+ed|gave|given|put|puts|gives|says|said|denies|rejects|disputes)\b/u;
// The head nouns that make such a subject an organisation.
const ORG_SUBJECT_HEAD = /^(?:government|ministry|army|military|bureau|administration|authorities|commission|office|police|agency|council|committee|mission|command|headquarters|movement|front|alliance|coalition|militia|group|centre|center|institute|observatory|monitor|organi[sz]ation|department|service|tribunal|court|network|association|society|foundation|federation|union|project|programme|program|fund|church|diocese)$/i;
/** "he" and "she" stand for a person: a name without an organisation's head noun, or a role noun for a person. */
function personLike(name: string): boolean {
  // "Alexander Cherkasov of the rights group Memorial": the words before "of" say who speaks
  const head = name.split(/\s+(?:of|from|at|for)\s+|,/)[0]!;
  if (head.toLowerCase().split(/\s+/).some((w) => ORG_HEAD.test(w)) || countryOf(head)) return false;
  return /^(?:[\p{L}'’.-]+\s+)*\p{Lu}[\p{Ll}'’-]+$/u.test(head) || PERSON_ROLE.test(head);
}
// A sentence opening on a person: a role noun phrase ("A Korvan commander reached by phone", "A senior adviser"),
// or any phrase with a name in apposition ("The region's governor, Ada Fenn,"), before its verb (group 1 the role,
// group 2 the name).
const PERSON_SUBJECT = /^(?:(?:The|An?)\s+)?((?:[\p{L}'’-]+\s+){0,4}?(?:spokes(?:man|woman|person)|minister|envoy|mayor|president|commander|official|officer|leader|chief|director|ambassador|governor|secretary|adviser|advisor|analyst|researcher|diplomat|negotiator|lawmaker|mediator|general|colonel|witness))\b(?:\s+(?:of|for|in|at)\s+[^,]{1,40})?(?:\s*,\s*([^,]{3,60}),)?/u;
// Role nouns for a body of people, which a person's name does not stand for
const COLLECTIVE = /^(?:delegation|group|team|coalition|committee|council|panel|mission|alliance|organi[sz]ation|agency|ministry|government|army|body|association|movement|network|front)$/i;
const PERSON_ROLE = /\b(?:spokes(?:man|woman|person)|minister|envoy|mayor|president|commander|official|leader|chief|director|ambassador|governor|secretary)\b/i;
// How many organisation names the tracker remembers (the most recent win).
const NAMES_KEPT = 40;

export interface ResolvedClause extends Clause {
  speaker: string | null;
  /** the speaker is a known person or organisation named inside a longer phrase ("a poll by the Levada Center") */
  known: boolean;
}

// How far after a speaker's verb a clause on data may start and still be what the speaker said ("said that official")
const DATA_AFTER_VERB = 8;

/** The speaker whose verb the data clause `c` follows right after ("the minister said official figures showed"), or null. */
function saidBefore(resolved: readonly ResolvedClause[], c: Clause): string | null {
  const prev = resolved[resolved.length - 1];
  return prev && prev.type === 'verb' && prev.speaker && c.phraseStart >= prev.end && c.phraseStart - prev.end <= DATA_AFTER_VERB ? prev.speaker : null;
}

/** Remembers the last named speaker of a document, to resolve "he", "the ministry" and the like. */
export class SpeakerTracker {
  last: string | null = null;
  /** the last speaker or person introduced by role and name that "he" or "she" can stand for */
  private lastPerson: string | null = null;
  /** organisation names met so far, oldest first */
  private readonly named: string[] = [];
  constructor(
    private readonly lex: CompiledLexicon,
    private readonly publisher: string | null,
  ) {}

  /** Resolves pronouns, roles and first person of the clauses of one sentence, given the next sentence. */
  resolve(clauses: Clause[], nextClauses: Clause[], inQuote: (at: number) => boolean): ResolvedClause[] {
    const out: ResolvedClause[] = [];
    for (const c of clauses) {
      const ref = speakerRef(c.phrase, c.raw);
      let speaker: string | null = speakerName(this.lex, c.phrase);
      // "Official figures show…" has no speaker unless the data names its owner or a known source.
      // ("A government security assessment puts": the government's)
      const owner = ref.type === 'named' ? dataOwner(c.phrase) : ref.type === 'indefinite' ? dataOwner(c.phrase.replace(LEADING, '')) || null : null;
      // … but "according to the research" names where a figure comes from, owner or not, and "the minister said
      // official figures showed" are the minister's
      if (owner !== null && speakerEntity(this.lex, c.phrase) === null) speaker = owner || (c.type === 'according' ? speaker : saidBefore(out, c));
      if (ref.type === 'pronoun') speaker = /^(?:he|she)$/i.test(c.phrase) ? this.lastPerson ?? this.last : this.last;
      else if (ref.type === 'first-person') speaker = inQuote(c.start) ? this.last : this.publisher;
      // "the Observatory estimates" names a known monitor: its own name wins over the last speaker
      else if (ref.type === 'role' && speakerEntity(this.lex, `the ${c.phrase}`) !== null) speaker = speakerEntity(this.lex, `the ${c.phrase}`);
      else if (ref.type === 'role' && this.namedBy(ref.head)) speaker = this.namedBy(ref.head);
      // ("The Monitor's own count": a capitalised head names a body of its own, not any body spoken of last)
      else if (ref.type === 'role' && this.last && (this.last.toLowerCase().includes(ref.head) || (GENERIC_BODY.test(ref.head) && /^\p{Ll}/u.test(c.phrase.split(/\s+/).pop() ?? '')))) speaker = this.last;
      else if (ref.type === 'indefinite') {
        // "A senior official said … The official, Ana Ruiz, added": the same role or a person's name, not any named body
        const head = c.phrase.split(/\s+/).pop()?.toLowerCase() ?? '';
        // (a person's bare name stands for a person, never for "a delegation of the group")
        const person = !COLLECTIVE.test(head);
        const named = nextClauses.find((n) => n.type === 'verb' && hasProperName(n.phrase) && (n.phrase.toLowerCase().split(/\s+/).includes(head) || (person && APPOSITIVE_NAME.test(n.phrase))));
        if (named) speaker = speakerName(this.lex, named.phrase);
      }
      if (speaker && c.type !== 'relay') this.last = speaker;
      if (speaker && c.type !== 'relay' && personLike(speaker)) this.lastPerson = speaker;
      if (speaker) this.remember(speaker);
      out.push({ ...c, speaker, known: ref.type === 'named' && speakerEntity(this.lex, c.phrase) !== null });
    }
    return out;
  }

  /**
   * "The regional government gave a far lower figure. In a statement, it said…", "The relief council stopped publishing
   * after March, when it counted 2 million": an organisation the sentence opens on, as the subject of its verb, is what
   * a following "it" stands for, in this sentence and the next. Called before the sentence's clauses are resolved.
   */
  open(sentence: string): void {
    const subject = ORG_SUBJECT.exec(sentence);
    // ("The Defence Headquarters in Vendra has given": the head before the place)
    const named = subject?.[1] && ORG_SUBJECT_HEAD.test(subject[1].replace(/\s+(?:in|at)\s+\p{Lu}.*$/u, '').split(/\s+/).pop() ?? '') ? subject[1] : null;
    const opening = subject?.[2] ?? subject?.[3] ?? named;
    // "The group also said": a bare head noun refers back to a speaker already named, it names none
    if (opening && (subject?.[2] || subject?.[3] || /\s/.test(opening))) this.last = speakerName(this.lex, opening);
    // "A senior government adviser, who asked not to be named, called…", "The region's governor, Ada Fenn, dismissed…":
    // a person the sentence opens on is whom the next "he" or "she" stands for
    const person = PERSON_SUBJECT.exec(sentence);
    if (person) this.lastPerson = person[2] && APPOSITIVE_NAME.test(person[2]) ? person[2] : person[1]!;
  }

  /** Notes the organisations a sentence names (lexicon organisations and capitalised names with an org head). */
  note(sentence: string): void {
    for (const h of entityHits(this.lex, sentence)) {
      const e = this.lex.lexicon.entities[h.index];
      if (e?.type === 'organisation') this.remember(e.name);
    }
    for (const m of sentence.matchAll(PERSON_WITH_ROLE())) this.lastPerson = m[0];
    const names = ORG_NAME();
    for (let m = names.exec(sentence); m; m = names.exec(sentence)) this.remember(m[0].replace(/^(?:The|A|An)\s+/, ''));
  }

  /** Keeps a name whose words include an organisation head noun, as the most recent such name. */
  private remember(name: string): void {
    const words = name.toLowerCase().split(/\s+/);
    if (words.length < 2 || !words.some((w) => ORG_HEAD.test(w))) return;
    const at = this.named.indexOf(name);
    if (at >= 0) this.named.splice(at, 1);
    this.named.push(name);
    if (this.named.length > NAMES_KEPT) this.named.shift();
  }

  /** The most recent organisation name with this head noun ("ministry" → "Russian Defence Ministry"), or null. */
  private namedBy(head: string): string | null {
    if (!ORG_HEAD.test(head)) return null;
    for (let i = this.named.length - 1; i >= 0; i--) {
      const name = this.named[i]!;
      if (name.toLowerCase().split(/\s+/).includes(head)) return name;
    }
    return null;
  }
}

const STATEMENT_LEAD = /^\s*(?:(?:late|early|earlier|later)\s+|(?:in|at|during)\s+(?:a|an|his|her|its|their|the)\s+(?:[\w-]+\s+){1,2})?$/i;

/**
 * A date right beside the reporting verb ("said on Friday", "declared victory in December 2017", "On
 * Monday, the minister said") tells when the statement was made: the publisher's fact, not the speaker's.
 */
function isStatementTime(sentence: string, c: ResolvedClause, start: number, end: number, dateFigure: boolean): boolean {
  if (!dateFigure) return false;
  if (start >= c.end) {
    const between = sentence.slice(c.end, start).trim();
    return between === '' || (!/\bthat\b|[,;:"“”\d]/.test(between) && between.split(/\s+/).length <= 4);
  }
  // "On Monday, the minister said", "In a statement on Monday, the ministry said": a date that opens the
  // sentence, right before the speaker. A date that ends a clause of its own ("…received Assad on Monday,
  // the press office said on Tuesday") is what the speaker reports.
  return end <= c.phraseStart && /^[\s,]*$/.test(sentence.slice(end, c.phraseStart)) && STATEMENT_LEAD.test(sentence.slice(0, start));
}

// What starts a new clause after a figure, and how far after it a reporting clause may still cover it.
// a fresh global pattern for each scan, so no lastIndex outlives it
const NEW_CLAUSE = (): RegExp =>
  /;|,\s*(?:while|but|and|whereas|although|though|where|which)\b/g;
const AFTER_REACH = 400;

/**
 * Where the figure's own clause stops covering it, for a reporting clause after it: the end of the first
 * new-clause mark after `end`, within a bounded reach (a speaker phrase that starts past this offset does
 * not cover the figure).
 */
function clauseReach(sentence: string, end: number): number {
  const limit = Math.min(sentence.length, end + AFTER_REACH);
  const newClause = NEW_CLAUSE();
  newClause.lastIndex = end;
  const m = newClause.exec(sentence);
  return m && m.index + m[0].length <= limit ? m.index + m[0].length : limit;
}

// How far after a denied figure ("not 2,600 civilians as claimed by") its source may be named.
const DENIED_REACH = 60;

/** The speaker, cue and relay for a figure at [start, end) of a sentence with these clauses, or null. */
export function attributionFor(sentence: string, clauses: ResolvedClause[], start: number, end: number, dateFigure = false): Speaker | null {
  // A figure inside the speaker phrase ("40% of respondents … said") is not that speaker's claim,
  // unless the phrase names a known source ("… in a poll by the Levada Center said"); nor is one in a
  // relative clause on the speaker ("Russia, which joined the war in 2015, says…"): that is background.
  const inRelative = (c: ResolvedClause): boolean =>
    start >= c.phraseEnd && end <= c.start && /,\s*(?:which|who)\b/.test(sentence.slice(c.phraseEnd, start));
  // "32 per cent of respondents said": a speaker phrase holding a figure is the figure's subject, not a source
  const counted = (c: ResolvedClause): boolean => !c.known && /\d|\bper ?cent\b|%/.test(c.phrase);
  const verbs = clauses.filter((c) => c.type === 'verb' && (c.known || !(start < c.phraseEnd && end > c.phraseStart)) && !inRelative(c) && !counted(c));
  const according = clauses.find((c) => c.type === 'according' && !(start >= c.phraseStart && end <= c.phraseEnd));
  const relayClause = clauses.find((c) => c.type === 'relay');
  // "1,800 soldiers, and not 2,600 civilians as claimed by the mission": the figure denied is the one named after it
  const denied = /\bnot\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, start - 12), start))
    ? clauses.find((c) => c.type !== 'verb' && c.speaker !== null && c.start >= end && c.start - end <= DENIED_REACH && !/[.;:,]/.test(sentence.slice(end, c.start)))
    : undefined;
  if (denied) return { name: denied.speaker, cue: denied.cue, relay: null };
  const before = verbs.filter((c) => c.start < start);
  // A reporting clause after the figure covers it ("…, the ministry said") unless a new clause starts
  // between them ("…displaced 900,000, while aid groups said funding was short").
  // A relative clause after the figure ("…in March, where Moscow says…") has its own speaker too.
  const reach = clauseReach(sentence, end);
  // `"They have lost 2,000 fighters, and many more have gone home," he said`: the clause after a quotation covers all of it
  // ("…erupted on Nov. 4, when the premier accused the rebels": a verb whose subject opens a "when" clause is that clause's)
  const after = verbs.find(
    (c) =>
      c.start >= end &&
      !/,\s*when\s+$/.test(sentence.slice(Math.max(0, c.phraseStart - 8), c.phraseStart)) &&
      (c.phraseStart < reach || /^[^"“]*["”]\s*,?\s*$/u.test(sentence.slice(end, Math.min(c.start, c.phraseStart)))),
  );
  const chosen = before[before.length - 1] ?? after ?? null;
  if (chosen && isStatementTime(sentence, chosen, start, end, dateFigure)) return null;
  // "Some estimates suggest 9,000, according to the envoy": a verb clause without a speaker yields to "according to"
  if (chosen && (chosen.speaker !== null || !according)) {
    const earlier = before.slice(0, -1).find((c) => c.speaker !== chosen.speaker);
    const relay = according?.speaker ?? relayClause?.speaker ?? chosen.toldOutlet ?? earlier?.speaker ?? null;
    return { name: chosen.speaker, cue: chosen.cue, relay: relay === chosen.speaker ? null : relay };
  }
  if (according) return { name: according.speaker, cue: according.cue, relay: relayClause?.speaker ?? null };
  if (relayClause) return { name: relayClause.speaker, cue: relayClause.cue, relay: relayClause.speaker };
  return null;
}
