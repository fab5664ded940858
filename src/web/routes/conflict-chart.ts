// GET /conflicts/:id/chart.svg and /facts/:subject/:metric/chart.svg — the chart of the claims' intervals
// against time as an SVG document of its own. Pages show it with <img>: the generated markup never enters a
// page's HTML (no unescaped output in templates), and an image cannot run script, so the CSP stays strict.
import type { RequestHandler, Response } from 'express';
import { renderClaimsChart } from '../../render/chart.js';
import { NotFoundError } from '../../domain/errors.js';
import { getConflictWithClaims } from '../../store/conflicts.js';
import { listClaims } from '../../store/claim-list.js';
import type { ClaimView } from '../../store/rows.js';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { factParams, FACT_CLAIMS_CHARTED } from '../pages/fact.js';

function sendSvg(res: Response, claims: readonly ClaimView[], what: string): void {
  const svg = renderClaimsChart(claims.filter((c) => c.status !== 'rejected'));
  if (svg === '') throw new NotFoundError(`A chart of ${what}`);
  // renderClaimsChart puts claim text in text nodes only, serialised (escaped) by the DOM; the document
  // gets its own locked-down policy in case it is opened directly.
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.type('image/svg+xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n${withNamespace(svg)}`);
}

/** Plot serialises the root without xmlns (fine inside HTML); a standalone SVG file needs it. */
function withNamespace(svg: string): string {
  return /^<svg[^>]*\sxmlns=/.test(svg) ? svg : svg.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
}

export const conflictChart = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Conflict');
  sendSvg(res, getConflictWithClaims(deps.db, id).claims, `conflict ${id}`);
};

export const factChart = (deps: AppDeps): RequestHandler => (req, res) => {
  const { subject, metric } = factParams(deps, req);
  const claims = listClaims(deps.db, { subjectId: subject.id, metric, limit: FACT_CLAIMS_CHARTED }).items;
  sendSvg(res, claims, `${subject.name} (${metric})`);
};
