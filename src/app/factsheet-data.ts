// A fact sheet from the database: the reviewer's request (subject names, metrics, date range, candidates or not)
// is checked and resolved against the store, the claims are loaded, and the pure domain builds and serializes the
// sheet. Shared by the web builder page and `crosscheck export`, so both give the same bytes for the same request.
import { ValidationError } from '../domain/errors.js';
import type { CrosscheckSettings } from '../domain/crosscheck.js';
import { buildFactSheet, describeFilter, type FactSheet, type FactSheetFilter, type MinorFacts } from '../domain/factsheet.js';
import { isIsoDate } from '../domain/calendar.js';
import { foldName } from '../domain/names.js';
import type { Db } from '../store/database.js';
import { resolveEntity } from '../store/entities.js';
import { expandSheetSubjects, listSubjectLinks, loadFactSheetData, type SubjectLink } from '../store/factsheet.js';
import { listSubjectChoices, type SubjectChoice } from '../store/factsheet-builder.js';
import { serializeFactSheet, type FactSheetFormat } from '../render/factsheet/index.js';

/** What a reviewer asked for, as typed (names and dates unchecked). */
export interface FactSheetRequest {
  subjects: string[];
  metrics: string[];
  from: string;
  to: string;
  includeCandidates: boolean;
  /** Minor facts (dates of visits, meetings and other recurring events) in an appendix (default) or left out. */
  minorFacts?: MinorFacts;
}

/**
 * A request checked against the database: subjects resolved (aliases folded) to entities and expanded to their
 * parts. `filter` holds the subjects as chosen; `subjectIds` and `subjectNames` the chosen ones and their parts.
 */
export interface ResolvedFactSheetRequest {
  filter: FactSheetFilter;
  subjectIds: number[];
  subjectNames: string[];
  /** The chosen subjects that have parts (the sheet says "with its parts" after them). */
  subjectsWithParts: string[];
  /** The chosen subjects' and their parts' "part of" links (for the order of the sections). */
  subjectLinks: SubjectLink[];
  minorFacts: MinorFacts;
}

/**
 * Checks dates (ISO, from ≤ to) and resolves subject names through their aliases; ValidationError with per-field
 * messages (`from`, `to`, `subject`) otherwise, an unknown subject's message naming the closest known subjects.
 */
export function resolveFactSheetRequest(db: Db, request: FactSheetRequest): ResolvedFactSheetRequest {
  const fields: Record<string, string> = {};
  const from = request.from.trim();
  const to = request.to.trim();
  if (from && !isIsoDate(from)) fields.from = `“${from}” is not a date; use YYYY-MM-DD.`;
  if (to && !isIsoDate(to)) fields.to = `“${to}” is not a date; use YYYY-MM-DD.`;
  if (from && to && !fields.from && !fields.to && from > to) fields.to = 'The end date is before the start date.';

  const names: string[] = [];
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const typed of unique(request.subjects)) {
    const entity = resolveEntity(db, typed);
    if (entity === null) unknown.push(typed);
    else if (!ids.includes(entity.id)) {
      ids.push(entity.id);
      names.push(entity.name);
    }
  }
  if (unknown.length > 0) fields.subject = unknown.map((name) => unknownSubjectMessage(name, listSubjectChoices(db))).join(' ');

  if (Object.keys(fields).length > 0) {
    throw new ValidationError(Object.values(fields).join(' '), fields);
  }
  const expanded = expandSheetSubjects(db, ids);
  return {
    filter: { subjects: names, metrics: unique(request.metrics), from: from || null, to: to || null, includeCandidates: request.includeCandidates },
    subjectIds: expanded.map((s) => s.id),
    subjectNames: expanded.map((s) => s.name),
    subjectsWithParts: expanded.filter((s) => s.hasParts).map((s) => s.name),
    subjectLinks: expanded.map((s) => ({ id: s.id, partOfId: s.partOfId })),
    minorFacts: request.minorFacts ?? 'appendix',
  };
}

/** The fact sheet for a resolved request, generated at `generatedAt` (an ISO timestamp the caller chooses). */
export function loadFactSheet(db: Db, resolved: ResolvedFactSheetRequest, generatedAt: string, settings?: CrosscheckSettings): FactSheet {
  const { filter, subjectIds, subjectNames, subjectsWithParts } = resolved;
  // The store narrows by subject and metric; the date range is about what claims describe (a figure's dates or
  // period), which the domain filter decides.
  // Candidates are always loaded: the sheet's header counts the unreviewed claims it leaves out.
  const data = loadFactSheetData(db, { subjectIds, metrics: filter.metrics, includeCandidates: true });
  // The domain keeps claims whose subject is named in the filter, so it is given the parts' names too; the sheet
  // then tells the subjects as chosen, marking those whose parts it includes.
  const withParts = subjectsWithParts.length > 0;
  const domainFilter = withParts ? { ...filter, subjects: subjectNames } : filter;
  const sheet = buildFactSheet({
    claims: data.claims,
    sources: data.sources,
    conflicts: data.conflicts,
    // With subjects chosen, the request's walk down their parts has the links; otherwise they are looked up.
    subjects: subjectIds.length > 0 ? resolved.subjectLinks : listSubjectLinks(db, subjectIdsOf(data.claims)),
    topics: filter.subjects,
    filter: domainFilter,
    generatedAt,
    settings,
    minorFacts: resolved.minorFacts,
  });
  return withParts ? chosenSubjectsSheet(sheet, resolved) : sheet;
}

/** The sheet's title and filter told with the chosen subjects: "subjects: Valdorian war (with its parts)". */
function chosenSubjectsSheet(sheet: FactSheet, { filter, subjectsWithParts }: ResolvedFactSheetRequest): FactSheet {
  const told = filter.subjects.map((name) => (subjectsWithParts.includes(name) ? `${name} (with its parts)` : name));
  return {
    ...sheet,
    title: filter.subjects.length ? `Fact sheet: ${filter.subjects.join(', ')}` : sheet.title,
    filter,
    filterText: describeFilter({ ...filter, subjects: told }),
  };
}

/** Resolves a request, builds the sheet and serializes it: what `crosscheck export` writes. */
export function exportFactSheet(db: Db, request: FactSheetRequest, format: FactSheetFormat, generatedAt: string, settings?: CrosscheckSettings): string {
  return serializeFactSheet(loadFactSheet(db, resolveFactSheetRequest(db, request), generatedAt, settings), format);
}

/** A download's file name: "fact-sheet-syrian-civil-war-2026-11-21.md" (ASCII only, safe in any header). */
export function factSheetFileName(sheet: FactSheet, format: FactSheetFormat): string {
  const topic = sheet.filter.subjects.map((s) => foldName(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')).filter(Boolean).join('-');
  const date = sheet.generatedAt.slice(0, 10).replace(/[^0-9-]/g, '');
  return [['fact-sheet', topic.slice(0, 60).replace(/-$/, ''), date].filter(Boolean).join('-'), format].join('.');
}

/** "No subject is called “Shoigoo”. Close matches: Sergei Shoigu (alias Shoygu)." */
export function unknownSubjectMessage(name: string, choices: readonly SubjectChoice[]): string {
  const matches = closeSubjects(name, choices);
  const hint = matches.length ? ` Close matches: ${matches.join(', ')}.` : choices.length ? '' : ' No claim has a subject yet.';
  return `No subject is called “${name}”.${hint}`;
}

/**
 * Up to three subjects whose name or an alias is close to `name`: within a few edits (a third of the length, at
 * least 2) or containing it as a word sequence. Spelled out as "Name" or "Name (alias X)".
 */
export function closeSubjects(name: string, choices: readonly SubjectChoice[]): string[] {
  const wanted = foldName(name);
  if (wanted === '') return [];
  const scored: { label: string; score: number }[] = [];
  for (const choice of choices) {
    let best: { label: string; score: number } | null = null;
    for (const [spelling, label] of [[choice.name, choice.name], ...choice.aliases.map((a) => [a, `${choice.name} (alias ${a})`])] as [string, string][]) {
      const fold = foldName(spelling);
      const distance = Math.min(editDistance(wanted, fold), partDistance(wanted, fold) + 1);
      const near = distance <= Math.max(2, Math.floor(wanted.length / 3));
      const contains = ` ${fold} `.includes(` ${wanted} `) || ` ${wanted} `.includes(` ${fold} `);
      if (!near && !contains) continue;
      const score = contains ? Math.min(distance, 1) : distance;
      if (!best || score < best.score) best = { label, score };
    }
    if (best) scored.push(best);
  }
  return scored.sort((a, b) => a.score - b.score || a.label.localeCompare(b.label, 'en')).slice(0, 3).map((s) => s.label);
}

/** The least edit distance between `wanted` and any run of as many words in `spelling` ("russian campain" is
 * near "Korvan campaign in Valdoria"); Infinity when the spelling has fewer words. */
function partDistance(wanted: string, spelling: string): number {
  const n = wanted.split(' ').length;
  const words = spelling.split(' ');
  let best = Infinity;
  for (let i = 0; i + n <= words.length && words.length > n; i++) best = Math.min(best, editDistance(wanted, words.slice(i, i + n).join(' ')));
  return best;
}

/**
 * Levenshtein distance. Written here because it is a dozen lines and the only fuzzy matching the app needs (a
 * "did you mean" over a few hundred subject names); no dependency is worth adding for it.
 */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function subjectIdsOf(claims: readonly { subjectId: number | null }[]): number[] {
  return [...new Set(claims.flatMap((c) => (c.subjectId === null ? [] : [c.subjectId])))];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}
