// A local HTTP server for the fetch tests: each path answers as its handler says (a page, a slow answer, a
// redirect loop, 20 MB). Real sockets on 127.0.0.1, closed after the tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  /** Sets (or replaces) what a path answers. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** Serves a fixed body with a content type. */
export function body(contentType: string, content: string | Buffer): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(content);
  };
}

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const server: Server = createServer((req, res) => {
    const handler = routes.get((req.url ?? '/').split('?')[0]!);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A news page with navigation around the article, its outlet and date in meta tags (team-written, invented places). */
export const PAGE = `<!doctype html><html><head><title>Floods cut the Portbrak road</title>
<meta property="og:site_name" content="Valdoria Herald"><meta property="article:published_time" content="2024-03-12T08:00:00Z"></head>
<body><nav>Home · World</nav><article><h1>Floods cut the Portbrak road</h1><p class="byline">By M. Tarrow</p>
<p>Rescue teams in Portbrak said on Tuesday that 1,400 people had left their homes after the river rose.</p>
<p>The district office put the number of flooded farms at more than 230, and said the main bridge was closed.</p>
<p>Engineers expect to reopen the road to East Tarn by the end of the month, the office added.</p></article></body></html>`;

/** A plain text without details of its own. */
export const TEXT = 'The Upper Mires council said 37 schools stayed closed on Monday.\n\nA council spokesperson said repairs would take two weeks.\n';
