/**
 * A fresh nonce per page response and the page's Content-Security-Policy. Web Chat's styles are
 * injected at run time, so it gets the nonce as a prop and `style-src` allows `'nonce-…'`
 * (with only 'self' it renders unstyled). Web Chat works without 'unsafe-eval'.
 */
import { randomBytes } from 'node:crypto';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Hash of the empty string. react-scroll-to-bottom (inside Web Chat) inserts one empty <style>
 * without the nonce and then fills it through CSSOM (which CSP does not govern). Blocking that
 * element left Web Chat's "Connecting…" notice stuck on screen; allowing an empty style element
 * lets nothing else in.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export function pageCsp(options: { nonce: string; wsOrigin: string; frameAncestors: string }): string {
  const n = `'nonce-${options.nonce}'`;
  return [
    "default-src 'none'",
    `script-src 'self' ${n}`,
    `style-src 'self' ${n} ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob: data:",
    `connect-src 'self' ${options.wsOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${options.frameAncestors}`,
  ].join('; ');
}

/** Headers every page and asset response gets. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
