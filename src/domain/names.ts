// Folding of names so that spellings of one entity meet: case, accents, punctuation and spacing.
// Transliteration variants (Shoigu/Shoygu) are not guessable by rule; they go through the alias table. Also what a
// name or alias must be to be stored (some letter or digit, at most MAX_NAME_LENGTH characters), with the messages.
import { ValidationError } from './errors.js';
import { ENTITY_TYPES, type EntityType } from './types.js';

/** Letters that Unicode decomposition does not split into a base letter plus a mark. */
const UNDECOMPOSABLE: Record<string, string> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd',
};

/**
 * Folds a name to its matching key: "  Ḥmeimim " → "hmeimim", "I.S.I.S." → "isis", "al-Assad" → "al assad",
 * "The Kremlin" → "kremlin". Two names denote the same spelling when their folds are equal.
 */
export function foldName(name: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøđħßæœþð]/g, (ch) => UNDECOMPOSABLE[ch] ?? ch);
  const spaced = letters
    // Dots and apostrophes sit inside one word (I.S.I.S., Kurd's): drop them without a gap.
    .replace(/[.'’ʼ`]/g, '')
    // Any other punctuation or symbol separates words (al-Assad, Syria/Iraq).
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // A leading article is not part of the name reviewers look for ("the Kremlin" = "Kremlin").
  return spaced.replace(/^the /, '');
}

// ── What may become an entity ─────────────────────────────────────────────────────────────────────────
// A speaker or subject is a name ("Ilse Varga", "UNHCR"), a title with a name ("army chief Dara
// Voss"), or an organisation or role noun phrase ("human rights activists", "the governing authorities of
// Valdoria"). Fragments of speaker phrases ("The", "U", "500", "British", "is backed by an", "number is well
// above older counts") are not: stored as entities they would be matched as subjects in later imports.

/** Head nouns of role and organisation phrases ("officials", "ministry", "researchers"); lower-case phrases must end in one. */
export const ROLE_HEADS: ReadonlySet<string> = new Set(
  ('official officials authority authorities ministry ministries government governments military army police spokesman ' +
    'spokeswoman spokesperson spokespeople researcher researchers activist activists monitor monitors monitoring observer ' +
    'observers expert experts analyst analysts group groups organization organisation organizations organisations agency ' +
    'agencies council office committee commission report reports study survey census project center centre institute ' +
    'tribunal court prosecutor prosecutors president minister envoy ambassador commander commanders governor mayor leader ' +
    'leaders chief diplomat diplomats lawmaker lawmakers source sources witness witnesses resident residents medic medics ' +
    'doctor doctors rescuer rescuers worker workers staff mission ministry’s statisticians statistician demographers ' +
    'estimates data figures rebels militants forces media outlet outlets agency’s team teams department service services ' +
    'coalition alliance movement party administration regime junta embassy general generals director directors officer ' +
    'head secretary chairman chairwoman chair adviser advisor aide negotiator mediator representative delegate journalist ' +
    'journalists reporter correspondent correspondents editor captain colonel major lieutenant sergeant admiral marshal ' +
    'senator deputy deputies legislator legislators judge coordinator manager administrator historian scientist ' +
    'scientists professor survivor survivors family families research elder elders villager villagers relative relatives ' +
    'clergy priest imam chiefs association associations union unions network foundation society federation charity charities hospital hospitals investigation investigators statement member members councillor councillors councilman councilwoman ' +
    'website websites site channel channels broadcaster newspaper newspapers radio television blog account accounts ' +
    'bureau bureaux bureaus headquarters command directorate secretariat inspectorate church churches diocese dioceses bishop ' +
    'bishops parish').split(' '),
);

const NOT_NAMES = new Set(
  ('the a an this that these those it its he she they we i you his her their our my there here some any each every ' +
    'upper lower other another such one two three').split(' '),
);
const VERB_TOKENS = /\b(?:said|says|say|told|tells|is|are|was|were|be|been|being|has|have|had|tracks|figure|bringing|failed|added|adding|noted|reported|according)\b/i;

// Up to three lower-case descriptive words (no preposition, conjunction, participle or plural noun: "fighters besieging
// Kadir" names no body) before a capitalised name that ends in an organisation's head noun ("Velkan Freedom Front")
const DESCRIBED_NAME = /^(?:(?!(?:in|of|for|at|from|with|to|on|by|and|or|near|after|before)\s)(?![\p{Ll}-]*(?:ing|ed|s)\s)\p{Ll}[\p{Ll}-]*\s+){1,3}(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|for|and|the)\s+)*\p{Lu}[\p{L}'’.-]*)*\s(?:Front|Alliance|Movement|Party|Conference|Council|Army|Forces?|Union|Congress|League|Coalition|Committee|Association|Organi[sz]ation|Group|Brigades?|Network|Society|Federation|Assembly|Commission|Institute|Cent(?:re|er)|Agency|Ministry|Office|Service|Observatory|Monitor|Project|Foundation|Mission))$/u;

/**
 * The entity name a speaker or subject phrase stands for, or null when it is a fragment (see above):
 * trailing reporting words are cut ("… spokesman Tomas Reyk said the" → "… spokesman Tomas Reyk"), a
 * possessive dropped ("Dara Voss’s"); a leading article is kept as written.
 */
export function entityNameOf(phrase: string): string | null {
  let name = phrase.trim().replace(/\s+/g, ' ');
  const cut = /\s(?:said|says|told|tells|added|noted|reported|according)\b/i.exec(name);
  if (cut) name = name.slice(0, cut.index);
  name = name.replace(/[’']s$/u, '').replace(/[\s,.;:]+$/u, '');
  // a leading article stays as written ("The Test Herald") but is not part of what is checked
  const article = /^(?:the|a|an)\s+/i.exec(name)?.[0] ?? '';
  const kept = name;
  name = name.slice(article.length);
  if (name.length < 2 || name.length > 200 || !/\p{L}/u.test(name) || /^\d/.test(name)) return null;
  const words = name.split(' ');
  if (words.every((w) => NOT_NAMES.has(w.toLowerCase()))) return null;
  // a compound adjective ("Tarn-based", "army-led") describes a speaker; it does not name one
  if (words.length === 1 && /-(?:based|led|backed|run|controlled|held|allied|aligned)$/i.test(name)) return null;
  if (/^\p{Lu}/u.test(name)) {
    // "U" from "U.S." is no name; a capitalised phrase ending in reporting words is a fragment
    if (words.length === 1 && name.length < 2) return null;
    return VERB_TOKENS.test(words.slice(1).join(' ')) && !words.slice(1).some((w) => /^\p{Lu}/u.test(w)) ? null : kept;
  }
  // a title before a name: "army chief Dara Voss", "ministry spokesman Tomas Reyk"
  if (words.some((w) => /^\p{Lu}/u.test(w)) && !VERB_TOKENS.test(name) && ROLE_HEADS.has(words.find((w) => ROLE_HEADS.has(w.toLowerCase()))?.toLowerCase() ?? '')) return kept;
  // a name after words that describe it: "separatist Velkan Freedom Front", "exiled opposition Tarn Alliance" name the body
  const described = DESCRIBED_NAME.exec(name);
  if (described?.[1] && described[1].length > 2 && !VERB_TOKENS.test(name)) return described[1];
  // lower case: a role or organisation phrase whose head noun closes it or comes before its first preposition
  // ("human rights activists", "senior U.N. official in …", "governing authorities of …")
  const preposition = words.findIndex((w, i) => i > 0 && /^(?:in|of|for|at|from|with|to|on)$/.test(w));
  const head = (preposition > 0 ? words[preposition - 1] : words[words.length - 1]) ?? '';
  if (!ROLE_HEADS.has(head.toLowerCase()) || VERB_TOKENS.test(words.slice(0, preposition > 0 ? preposition : -1).join(' '))) return null;
  return kept;
}

/** Longest entity name or alias, in characters: longer is not a name, and every one is compiled into the matcher. */
export const MAX_NAME_LENGTH = 200;

/** True when a name or alias can be stored: some letter or digit, and at most MAX_NAME_LENGTH characters. */
export function isStorableName(text: string): boolean {
  return text.trim().length <= MAX_NAME_LENGTH && foldName(text) !== '';
}

/** The folded form of a name or alias (see foldName), or a message for the field when it cannot be stored. */
export function checkedNameFold(text: string, field: string): string {
  const length = text.trim().length;
  if (length > MAX_NAME_LENGTH) {
    throw new ValidationError(`A ${field} is at most ${MAX_NAME_LENGTH} characters; this one has ${length.toLocaleString('en')}.`, {
      [field]: `Use at most ${MAX_NAME_LENGTH} characters (this one has ${length.toLocaleString('en')}).`,
    });
  }
  const fold = foldName(text);
  if (fold === '') throw new ValidationError(`A ${field} needs at least one letter or digit.`, { [field]: 'Enter a name.' });
  return fold;
}

/** An entity type from the list; anything else is refused. */
export function checkedEntityType(type: string): EntityType {
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
    throw new ValidationError(`Unknown entity type “${type}”.`, { type: `Choose one of: ${ENTITY_TYPES.join(', ')}.` });
  }
  return type as EntityType;
}
