// Fetching a document by URL for import: a timeout, a size cap, a redirect cap (each hop checked), a content-type
// check, and no requests to private, loopback or link-local addresses unless the setting allows them. The address
// is checked where the connection is made (undici's connect lookup), so a name that resolves differently between a
// check and the connection (DNS rebinding) cannot slip through.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Agent, Response } from 'undici';
import type { FetchLimits } from '../config.js';
import { ValidationError } from '../domain/errors.js';

export interface Fetched {
  /** The address the document came from, after redirects. */
  url: string;
  fetchedAt: string;
  /** The media type without parameters, lower-case (text/html). */
  mediaType: string;
  charset: string | null;
  bytes: Uint8Array;
}

/** A fetch that failed: the message says what happened in words a reviewer can act on; `field` is where the form shows it. */
export class FetchError extends ValidationError {
  constructor(message: string, field = 'fetchUrl') {
    super(message, { [field]: message });
  }
}

/** Parses an http(s) URL typed by a person; FetchError when it is not one. */
export function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FetchError(`“${text}” is not a web address; give one starting with https:// or http://.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FetchError(`Only http and https addresses can be fetched, not ${url.protocol.replace(':', '')}.`);
  if (url.username || url.password) throw new FetchError('Addresses with a user name or password are not fetched.');
  return url;
}

/** Why this IP address may not be fetched, or null when it is a public unicast address. */
export function forbiddenAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : `${address} is a ${range.replace(/([A-Z])/g, ' $1').toLowerCase()} address`;
}

function refusedMessage(host: string, why: string): string {
  return `${host} was not fetched: ${why}, and addresses inside private networks, this machine or its link are not fetched (set CROSSCHECK_ALLOW_PRIVATE_URLS=1 to allow them).`;
}

/** A DNS lookup for undici's connector that refuses names resolving to a forbidden address. */
function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.map((a) => forbiddenAddress(a.address)).find((why) => why !== null);
      if (bad) return callback(new FetchError(refusedMessage(hostname, bad)), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

function checkLiteralHost(url: URL, limits: FetchLimits): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (limits.allowPrivate || !ipaddr.isValid(host)) return;
  const why = forbiddenAddress(host);
  if (why) throw new FetchError(refusedMessage(host, why));
}

/**
 * Fetches a URL and returns its body when its media type is one of `accept`. Every failure — a refused address,
 * no answer in time, too many redirects, an error status, a wrong type, too many bytes — is a FetchError.
 */
export async function fetchDocument(address: string, accept: readonly string[], limits: FetchLimits, now: () => Date = () => new Date()): Promise<Fetched> {
  let url = parseHttpUrl(address);
  // undici is loaded on the first fetch, so that commands and pages that never fetch do not pay for it.
  const { Agent } = await import('undici');
  const dispatcher = new Agent(limits.allowPrivate ? {} : { connect: { lookup: guardedLookup() } });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      checkLiteralHost(url, limits);
      const fetchedAt = now().toISOString();
      const response = await send(url, dispatcher, signal, limits);
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location !== null) {
        await response.body?.cancel();
        if (hop >= limits.maxRedirects) throw new FetchError(`${address} redirects more than ${limits.maxRedirects} times (a redirect loop?); nothing was imported.`);
        url = parseHttpUrl(new URL(location, url).href);
        continue;
      }
      return { url: url.href, fetchedAt, ...(await readBody(response, url, accept, limits, signal)) };
    }
  } finally {
    void dispatcher.close();
  }
}

async function send(url: URL, dispatcher: Agent, signal: AbortSignal, limits: FetchLimits): Promise<Response> {
  const { fetch } = await import('undici');
  try {
    return await fetch(url, { redirect: 'manual', dispatcher, signal, headers: { accept: 'text/html, text/plain, application/pdf, application/xml;q=0.9, */*;q=0.1' } });
  } catch (err) {
    throw explain(err, url, signal, limits);
  }
}

/** The error behind a failed fetch, in words: a refused address, a timeout, a name that does not resolve. */
function explain(err: unknown, url: URL, signal: AbortSignal, limits: FetchLimits): Error {
  if (signal.aborted) return new FetchError(`${url.host} did not send the document within ${Math.round(limits.timeoutMs / 1000)} s; nothing was imported.`);
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (cause instanceof FetchError) return cause;
  const code = (cause as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError(`${url.hostname} could not be found (no such host name).`);
  return new FetchError(`${url.host} could not be reached: ${cause instanceof Error ? cause.message : String(cause)}.`);
}

async function readBody(response: Response, url: URL, accept: readonly string[], limits: FetchLimits, signal: AbortSignal): Promise<Omit<Fetched, 'url' | 'fetchedAt'>> {
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchError(`${url.href} answered ${response.status} ${response.statusText}; nothing was imported.`);
  }
  const [mediaType = '', ...params] = (response.headers.get('content-type') ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (!accept.includes(mediaType)) {
    await response.body?.cancel();
    throw new FetchError(`${url.href} is ${mediaType || 'of no stated type'}, not one of the types imported (${accept.join(', ')}).`);
  }
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '') ?? null;
  const tooLarge = () => new FetchError(`${url.href} is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB; nothing was imported.`);
  if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.byteLength;
      if (total > limits.maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw explain(err, url, signal, limits);
  }
  return { mediaType, charset, bytes: Buffer.concat(chunks) };
}
