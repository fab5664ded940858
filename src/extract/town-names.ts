// Stage "context", the article's towns: whether the text calls a place a town ("the village of Mesa", "Mesa, a market
// town") and the region it puts a town in ("Mesa, the capital of the northern Tarn region"). Read by topic.ts to tell a
// town's article from its war's. Hand-written: no library reads these appositions.

import { escapeRegExp } from './regex.js';
import { PROPER, placeName } from './places.js';

// A settlement, not a region: "the village of Mesa", "the town of", "Mesa, a market town", "Mesa village", "Mesa, the
// headquarters of western Lerna district"
const TOWN = String.raw`(?:village|town|city|hamlet|township|settlement)`;

/** True when the text calls the place a village, town or city. */
export function calledTown(place: string, text: string): boolean {
  const name = escapeRegExp(place);
  return new RegExp(String.raw`\b${TOWN}\s+of\s+${name}(?![\p{L}])|(?<![\p{L}])${name}(?:,\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3}|\s+)${TOWN}\b(?!\s+(?:of|in)\b)|(?<![\p{L}])${name},\s+the\s+(?:[\p{Ll}-]+\s+){0,2}(?:headquarters|seat|capital)\s+of\s+(?:[\p{L}-]+\s+){1,3}(?:district|province|county|region|state|department)\b`, 'u').test(text);
}

/** "Mesa, the capital of the northern Tarn region": the region a town is said to lie in or to be the capital of, or null. */
export function regionOfTown(town: string, text: string): string | null {
  const m = new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(town)},\s+(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}?(?:capital|city|town|village)\s+(?:of|in)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}(${PROPER})`, 'u').exec(text);
  return m?.[1] ? placeName(m[1]) : null;
}
