// A PDF report the team wrote (two pages, figures in running text) uploaded on the add-source form: its text layer
// is stored one paragraph per page, its figures are extracted, and their quotes are highlighted on the source page.
import { describe, expect, it } from 'vitest';
import { getSource } from '../../src/store/sources.js';
import { listClaimsOfSource } from '../../src/store/claims.js';
import { makePdf } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const REPORT = makePdf([
  [
    'Upper Mires Relief Network - quarterly report',
    'The network said 4,200 people had been displaced from Portbrak',
    'by the end of March, most of them to shelters in East Tarn.',
  ],
  ['Field teams counted 57 civilians killed in the Korvan Front', 'area during the quarter, the report said.'],
]);

async function upload(file: Buffer, name: string, fields: Record<string, string>) {
  const t = testApp();
  const _csrf = await csrfToken(t.agent);
  let req = t.agent.post('/sources').field('_csrf', _csrf);
  for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
  return { ...t, res: await req.attach('file', file, name) };
}

describe('uploading a PDF report', () => {
  it('stores its pages as paragraphs, extracts its figures and highlights their quotes on the source page', async () => {
    const { res, db, agent } = await upload(REPORT, 'relief-report.pdf', { title: 'Quarterly report', publisher: 'Upper Mires Relief Network', published: '2024-04-10' });
    expect(res.status).toBe(303);
    const source = getSource(db, 1);
    expect(source.body.split('\n\n')).toEqual([
      'Upper Mires Relief Network - quarterly report The network said 4,200 people had been displaced from Portbrak by the end of March, most of them to shelters in East Tarn.',
      'Field teams counted 57 civilians killed in the Korvan Front area during the quarter, the report said.',
    ]);
    expect(source.mediaType).toBe('application/pdf');
    const figures = listClaimsOfSource(db, 1).map((claim) => claim.valueText);
    expect(figures).toEqual(expect.arrayContaining(['4,200', '57']));

    const page = html((await agent.get('/sources/1').expect(200)).text);
    const marked = [...page.querySelectorAll('#article-body .quote mark.figure')].map((mark) => mark.textContent);
    expect(marked).toEqual(expect.arrayContaining(['4,200', '57']));
    expect(page.querySelector('.source-meta')?.textContent).toContain('the text layer of a PDF');
  });

  it('refuses a scanned PDF without text, and a file that is not a PDF, with a message beside the file field', async () => {
    for (const [file, message] of [
      [makePdf([[], []]), 'has no text layer (a scanned document?)'],
      [Buffer.from('not a pdf at all'), 'is not a readable PDF'],
    ] as const) {
      const { res, db } = await upload(file, 'scan.pdf', { title: 'Scan', publisher: 'P', published: '2024-04-10' });
      expect(res.status).toBe(422);
      expect(html(res.text).querySelector('#file-error')?.textContent).toContain(message);
      expect(tableCounts(db)).toEqual({ sources: 0, claims: 0, entities: 0, auditEvents: 0 });
    }
  });
});
