// The static files in views/static/ with their content hash, each read once. The app links them with the hash as
// ?v= (so the address can be cached for a year), and a standalone document that embeds one (the fact sheet's print
// stylesheet) allows it in its CSP by the same digest.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface StaticAsset {
  /** The file's text (UTF-8). */
  text: string;
  /** sha256 of the file's bytes, hex. */
  sha256Hex: string;
  /** sha256 of the file's bytes, base64, as a CSP source wants it ('sha256-…'). */
  sha256Base64: string;
}

const cache = new Map<string, StaticAsset | null>();

/** The file `file` under `staticDir`, or null when it cannot be read. */
export function staticAsset(staticDir: string, file: string): StaticAsset | null {
  const full = path.resolve(staticDir, file);
  let asset = cache.get(full);
  if (asset === undefined) {
    try {
      const bytes = readFileSync(full);
      const digest = createHash('sha256').update(bytes).digest();
      asset = { text: bytes.toString('utf8'), sha256Hex: digest.toString('hex'), sha256Base64: digest.toString('base64') };
    } catch {
      asset = null;
    }
    cache.set(full, asset);
  }
  return asset;
}
