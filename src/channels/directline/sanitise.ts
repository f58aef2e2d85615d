/**
 * Text leaving the server for the chat page (bot and counsellor messages) is plain text or
 * markdown, never HTML or a script link. Web Chat sanitises markdown too; this is the server's
 * own layer, which matters most for counsellors' free text.
 */

const SAFE_SCHEMES = /^(https?:|mailto:|tel:)/i;
// Control characters except tab and newline (carriage returns become newlines first).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function safeUrl(raw: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  const url = raw.trim().replace(/^<|>$/g, '').replace(/[\s\u0000-\u001f]/g, '');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return !url.includes(':') || url.startsWith('/') || url.startsWith('#');
  return SAFE_SCHEMES.test(url);
}

/**
 * - HTML cannot appear: every "<" becomes "&lt;" (markdown shows it as "<"), so no tag, comment
 *   or autolink to a script survives;
 * - markdown links and images whose target is not http(s), mailto or tel keep only their label;
 *   link reference definitions with such targets are removed;
 * - images become their alt text (no tracking pixels, no data: URLs);
 * - control and bidirectional-override characters are removed.
 */
export function sanitiseOutgoingText(text: string): string {
  let out = text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  // Images: ![alt](url) → alt.
  out = out.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  // Inline links with an unsafe target: [label](target) → label.
  // (A target may hold one level of balanced parentheses, as in "javascript:alert(1)".)
  out = out.replace(/\[([^\]]*)\]\(((?:[^()]|\([^()]*\))*)\)/g, (match, label: string, target: string) =>
    safeUrl(target) ? match : label,
  );
  // Anything link-like left with a script scheme (odd nesting) loses its target.
  out = out.replace(/\]\(\s*(?:javascript|vbscript|data|file)\s*:/gi, '](#');
  // Reference definitions: [x]: javascript:… → removed.
  out = out.replace(/^ {0,3}\[[^\]]+\]:\s*(\S+).*$/gm, (match, target: string) => (safeUrl(target) ? match : ''));
  out = explicitLinks(out);
  return out.replace(/</g, '&lt;');
}

// A bare http(s) URL, not already a markdown link target ("](") or inside a link label.
const BARE_URL = /(^|[^\]\w(<\/])(https?:\/\/[^\s<>()[\]]+)/g;

/**
 * Bare URLs in a counsellor's text become explicit markdown links whose target is the whole
 * URL as typed (host in punycode). Web Chat's own linkifier stops a host at the first letter it
 * does not expect (ä, ö: "https://pääkaupunki.fi/…" became a link to "https://p"), so the link
 * led somewhere other than what the resident reads. Trailing punctuation stays text; a URL that
 * does not parse is left as it is.
 */
function explicitLinks(text: string): string {
  return text.split('\n').map((line) => (/^ {0,3}\[[^\]]+\]:/.test(line) ? line : explicitLinksInLine(line))).join('\n');
}

function explicitLinksInLine(line: string): string {
  return line.replace(BARE_URL, (match, before: string, raw: string) => {
    const url = raw.replace(/[.,;:!?'"»”]+$/, '');
    const rest = raw.slice(url.length);
    let href: string;
    try {
      href = new URL(url).href;
    } catch {
      return match;
    }
    const label = url.replace(/[[\]]/g, '');
    return `${before}[${label}](${href.replace(/[()]/g, (c) => encodeURIComponent(c))})${rest}`;
  });
}
