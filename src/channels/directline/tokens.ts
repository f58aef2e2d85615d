/**
 * Direct Line tokens: compact JWTs (HS256) signed with the master secret, bound to one
 * conversation and one server-chosen user id. `botframework-directlinejs` reads the `user` claim
 * (jwt-decode) to learn the user id, so the claims follow the real service's names.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Memo } from '../../nlu/memo';
import { randomBase64Url } from '../../state/randomPool';

export type TokenScope = 'conversation' | 'stream';

export interface TokenClaims {
  iss: string;
  /** Conversation id. */
  conv: string;
  /** User id, always "dl_…", chosen by the server. */
  user: string;
  scope: TokenScope;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'scope'; claims?: TokenClaims };

const ISSUER = 'opastin-directline';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export function newUserId(): string {
  return `dl_${randomBase64Url(12)}`;
}

export function newConversationId(): string {
  // 128 random bits; base64url has no Redis glob characters, so the id is safe in SCAN MATCH.
  return randomBase64Url(16);
}

function sign(data: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signToken(
  secret: string,
  claims: { conv: string; user: string; scope?: TokenScope },
  ttlSeconds: number,
  nowMs = Date.now(),
): string {
  const iat = Math.floor(nowMs / 1000);
  const payload: TokenClaims = {
    iss: ISSUER,
    conv: claims.conv,
    user: claims.user,
    scope: claims.scope ?? 'conversation',
    iat,
    nbf: iat - 5,
    exp: iat + ttlSeconds,
    jti: randomBase64Url(8),
  };
  const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

/**
 * Checks signature, issuer, expiry and scope. A stream token opens only the WebSocket; a
 * conversation token is accepted everywhere. `allowExpired` is for "end and delete" only.
 */
export function verifyToken(
  secret: string,
  token: string,
  options: { scope?: TokenScope; allowExpired?: boolean; maxExpiredSeconds?: number; nowMs?: number } = {},
): TokenCheck {
  const signed = signedClaims(secret, token);
  if (!('iss' in signed)) return signed;
  const claims = signed;
  const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
  if (!options.allowExpired && (claims.exp <= now || claims.nbf > now)) return { ok: false, reason: 'expired', claims };
  // Even "end and delete" stops accepting a token once no conversation it named can still exist.
  if (options.allowExpired && options.maxExpiredSeconds !== undefined && claims.exp <= now - options.maxExpiredSeconds) {
    return { ok: false, reason: 'expired', claims };
  }
  if (claims.scope === 'stream' && options.scope !== 'stream') return { ok: false, reason: 'scope', claims };
  return { ok: true, claims };
}

/**
 * Tokens whose signature and claims were checked already (secret + token → claims): a resident's
 * every post and its stream carry the same token, and the HMAC and JSON parse were about 1.5 % of
 * a Direct Line turn's CPU. Only well-signed tokens are kept, so a flood of forged ones cannot
 * push the real ones out faster than they are used; expiry and scope are checked on every call.
 */
const verified = new Memo<string, TokenClaims>(5_000);

function signedClaims(secret: string, token: string): TokenClaims | { ok: false; reason: 'malformed' | 'signature' } {
  const key = `${secret}\n${token}`;
  const known = verified.get(key);
  if (known) return known;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
  const expected = sign(`${parts[0]}.${parts[1]}`, secret);
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims !== 'object' || claims === null || claims.iss !== ISSUER || typeof claims.conv !== 'string' || typeof claims.user !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  verified.set(key, Object.freeze(claims));
  return claims;
}

export function isSecret(secret: string, bearer: string): boolean {
  const a = Buffer.from(secret);
  const b = Buffer.from(bearer);
  return a.length === b.length && timingSafeEqual(a, b);
}
