// Requests are started in the order they arrived, a bounded number per turn of the event loop. libuv accepts one
// new connection per turn (libuv pull request 3696, "don't accept() connections in a loop"), and a turn used to run
// every request waiting on every open connection: with 200 busy clients a turn lasted 200 requests, so a client
// that connected then waited hundreds of turns to be accepted. Under `npm run bench:load` at 200 connections a
// third of the clients never got their first answer within 10 s, and an Express hello-world whose route costs a
// millisecond does the same. Starting at most REQUESTS_PER_TURN requests per turn brings the loop round (and
// accepts a waiting connection) after each of them; everyone is then served in turn. Nothing in Express or
// libuv offers this, hence the few lines here.
import type { RequestHandler } from 'express';

/** Requests started per turn of the event loop (one turn = one accept); the rest wait their turn in order. */
export const REQUESTS_PER_TURN = 2;

/** Middleware, first in the app: queues each request and starts REQUESTS_PER_TURN of them per event-loop turn. */
export function fairTurns(perTurn = REQUESTS_PER_TURN): RequestHandler {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    setImmediate(startSome);
  };
  function startSome(): void {
    scheduled = false;
    for (let i = 0; i < perTurn; i++) {
      const start = waiting.shift();
      if (!start) break;
      start();
    }
    schedule();
  }
  return (_req, _res, next) => {
    waiting.push(() => next());
    schedule();
  };
}
