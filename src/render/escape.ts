// The one HTML escaping function: EJS uses it for `<%= … %>` in the app's pages (app.ts sets it as the view
// option) and in the standalone fact sheet document, so both escape alike.

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attributes; null and undefined are ''. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}
