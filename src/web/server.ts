// The HTTP server around the app (`crosscheck serve` and the tests that need a real socket): request heads up to
// MAX_HEADER_BYTES, so a long search address reaches the app and gets its message; anything longer is answered
// with a readable 431 instead of Node's bare one.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';

/** Largest request head (request line plus headers) read: room for a long pasted search address. */
export const MAX_HEADER_BYTES = 256 * 1024;

const STATUS_TEXT: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    `The address or headers of this request are too long (over ${MAX_HEADER_BYTES / 1024} KB), so it was not read. Shorten the search or the address and try again.`,
  ],
};

/** An http.Server for the app; call listen() on it. */
export function createServer(app: Express): http.Server {
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const [status, reason, message] = STATUS_TEXT[err.code ?? ''] ?? [400, 'Bad Request', 'The request could not be read.'];
    const body = `${message}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
