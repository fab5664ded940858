// GET /figures/preview?text=&kind= — the interval a typed figure will be stored as (the claim form's script
// fetches the .json form while the reviewer types; the HTML form is the same preview without script).
import type { RequestHandler } from 'express';
import { figurePreview, type FigurePreview } from '../forms/claim-form.js';
import { queryText } from '../params.js';
import { sendPage } from '../render.js';

export interface FigurePreviewData {
  text: string;
  kind: string;
  preview: FigurePreview;
}

export const figurePreviewRoute = (): RequestHandler => (req, res) => {
  const text = queryText(req, 'text').slice(0, 300);
  const kind = queryText(req, 'kind');
  const data: FigurePreviewData = { text, kind, preview: figurePreview(text, kind) };
  sendPage(res, { view: 'figures/preview', data });
};
