// GET /sources/:id/diff?from=A&to=B — the words that differ between two versions of the article (the `diff`
// package over the texts' words): removed words struck through, added words marked. Both must be versions of this article.
import type { RequestHandler } from 'express';
import { diffArrays } from 'diff';
import { BadRequestError } from '../../domain/errors.js';
import { getSource } from '../../store/sources.js';
import { listVersions, type SourceVersion } from '../../store/versions.js';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';

export interface SourceDiffData {
  sourceId: number;
  versions: SourceVersion[];
  from: SourceVersion;
  to: SourceVersion;
  title: string;
  parts: { text: string; change: 'added' | 'removed' | null }[];
}

/** The version named by a query parameter, or the fallback; 400 for one that is not a version of this article. */
function versionParam(versions: SourceVersion[], raw: unknown, fallback: SourceVersion): SourceVersion {
  if (raw === undefined || raw === '') return fallback;
  const found = versions.find((v) => String(v.id) === String(raw));
  if (!found) throw new BadRequestError(`Source #${String(raw)} is not a version of this article; choose one of ${versions.map((v) => `#${v.id}`).join(', ')}.`);
  return found;
}

/**
 * Words as the diff compares them: runs of non-space with the space after them kept as tokens of their own. A figure
 * such as "1,400" or "12.5 %" stays whole (diffWords would split it at its punctuation and show "1 400" as changed).
 */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

export const sourceDiff = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Source');
  const versions = listVersions(deps.db, id);
  const current = versions.find((v) => v.id === id)!;
  const to = versionParam(versions, req.query.to, current);
  const from = versionParam(versions, req.query.from, versions[Math.max(0, versions.indexOf(to) - 1)]!);
  const parts = diffArrays(tokens(getSource(deps.db, from.id).body), tokens(getSource(deps.db, to.id).body)).map((part) => ({
    text: part.value.join(''),
    change: part.added ? ('added' as const) : part.removed ? ('removed' as const) : null,
  }));
  const data: SourceDiffData = { sourceId: id, versions, from, to, title: getSource(deps.db, id).title, parts };
  sendPage(res, { view: 'sources/diff', data });
};
