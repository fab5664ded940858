// Countries and their demonyms, from the maintained `world-countries` data package, so that "Sudanese",
// "Sudan's" and "the Sudan war" all name Sudan and "Azerbaijani soldiers" are Azerbaijan's side, in any war's
// reporting, without a hand-kept word list. Also reads the proper-noun places a text names itself ("Portbrak",
// "East Tarn", "Upper Mires"), which no country list holds. Pure: the table is built once from data.

import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { foldName } from '../domain/names.js';

// The package ships CommonJS with ESM-style typings; required as what it is.
const countries = createRequire(import.meta.url)('world-countries') as Countries;

export interface Country {
  /** the common English name ("DR Congo", "Bosnia and Herzegovina") */
  name: string;
  /** the English demonym ("Congolese", "Bosnian") */
  demonym: string | null;
  /** the capital city ("Kinshasa"), when the data names one */
  capital: string | null;
}

interface Table {
  /** folded name, alternative spelling or short name → country */
  byName: ReadonlyMap<string, Country>;
  /** folded demonym → countries (largest first: "Congolese" is first of all DR Congo) */
  byDemonym: ReadonlyMap<string, readonly Country[]>;
}

/** The form names are matched in: the project's name folding (names.ts), a possessive dropped. */
export function foldPlace(text: string): string {
  return foldName(text.replace(/[’']s$/u, ''));
}

function buildTable(): Table {
  const byName = new Map<string, Country>();
  const byDemonym = new Map<string, Country[]>();
  const sorted = [...countries].sort((a, b) => b.area - a.area);
  for (const c of sorted) {
    const demonym = c.demonyms?.eng?.m?.split(',')[0]?.trim() || null;
    const country: Country = { name: c.name.common, demonym, capital: c.capital?.[0] ?? null };
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length >= 3)];
    // "Bosnia" for "Bosnia and Herzegovina", "Trinidad" for "Trinidad and Tobago"
    if (/ and /.test(c.name.common)) names.push(c.name.common.split(' and ')[0]!);
    // "Turkey" for "Republic of Turkey", "Britain" for "Great Britain": a long form's own name, when the data spells
    // the short one otherwise ("Türkiye") or not at all
    for (const n of [...names]) {
      const short = /^(?:Republic|Kingdom|State|Commonwealth|Federation|Union|Great)\s+(?:of\s+(?:the\s+)?)?(\p{Lu}[\p{L}\s-]+)$/u.exec(n)?.[1];
      if (short && !/\b(?:of|and)\b/.test(short)) names.push(short);
    }
    for (const n of names) {
      const key = foldPlace(n);
      if (key && !byName.has(key)) byName.set(key, country);
    }
    for (const d of (c.demonyms?.eng?.m ?? '').split(',')) {
      const key = foldPlace(d);
      if (!key) continue;
      byDemonym.set(key, [...(byDemonym.get(key) ?? []), country]);
    }
  }
  return { byName, byDemonym };
}

// Built once at load from package data and never changed after.
const TABLE: Readonly<Table> = buildTable();
function data(): Readonly<Table> {
  return TABLE;
}

/** The country a name or demonym stands for ("Sudanese", "DRC", "Bosnia"), or null. */
export function countryOf(word: string): Country | null {
  const key = foldPlace(word);
  if (!key) return null;
  const t = data();
  // "Chileans", "Peruvians": a demonym's plural names the people of its country
  return t.byName.get(key) ?? t.byDemonym.get(key)?.[0] ?? (key.endsWith('s') ? t.byDemonym.get(key.slice(0, -1))?.[0] : undefined) ?? null;
}

/** The countries that share a demonym with this one ("Congolese": DR Congo and the Republic of the Congo). */
export function demonymSiblings(country: Country): readonly Country[] {
  return country.demonym ? data().byDemonym.get(foldPlace(country.demonym)) ?? [country] : [country];
}

/** True when the word is a demonym's plural naming a people ("Chileans"), not a country's own name ("the Netherlands"). */
export function isPluralDemonym(word: string): boolean {
  const key = foldPlace(word);
  return key.endsWith('s') && !data().byName.has(key) && data().byDemonym.has(key.slice(0, -1));
}

/** True when the word is a nationality adjective ("Russian", "Azerbaijani"). */
export function isDemonym(word: string): boolean {
  return data().byDemonym.has(foldPlace(word));
}

// Capitalised words that start sentences or name times, not places.
const NOT_PLACES: ReadonlySet<string> = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday ' +
    'thursday friday saturday sunday the a an this that these those it he she they we i his her their its our my ' +
    'un us eu nato mr mrs ms dr president minister general prime').split(' '),
);

/** A proper-noun phrase: capitalised words, hyphen-joined parts, "of"/"and" inside ("Bosnia and Herzegovina"). */
const PROPER_WORD = String.raw`(?:\p{Lu}(?:[\p{L}\d.-]*[\p{L}\d])?(?:['’](?!s\b)\p{L}+)*)`;
export const PROPER = String.raw`${PROPER_WORD}(?:[\s-](?:(?:of|and|de|al|el)\s(?:the\s)?)?${PROPER_WORD})*`;

/** The place a proper-noun phrase names: a country's name when it is one, else the phrase as written. */
export function placeName(phrase: string): string | null {
  const clean = phrase.replace(/[’']s$/u, '').trim();
  if (!clean || NOT_PLACES.has(foldPlace(clean))) return null;
  const first = clean.split(/\s+/)[0]!;
  if (NOT_PLACES.has(foldPlace(first))) return null;
  return countryOf(clean)?.name ?? clean;
}

// "Chilean strikes", "the Chilean airstrike on": a demonym before an attack or a weapon names the attacker, not where
// the war is or what a figure counts (not "Chilean soldiers": a country's own forces fight where the war is as often as
// anywhere)
export const ATTACKER_NOUN = /^[\s-]+(?:strikes?|air\s+strikes?|airstrikes?|missiles?|drones?|artillery|shelling|aggression|jets|warplanes|attacks?|offensive|invasion|occupation|bombardment|siege|blockade|raids?|advance|withdrawal)\b/i;
