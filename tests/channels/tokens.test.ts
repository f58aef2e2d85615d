/**
 * Direct Line tokens (src/channels/directline/tokens.ts): a token checked once is remembered, yet
 * every later check still applies its expiry and scope, and another secret never accepts it.
 */
import { signToken, verifyToken } from '../../src/channels/directline/tokens';

const SECRET = 'token-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

it('a remembered token still expires, keeps its scope and belongs to its secret only', () => {
  const now = Date.now();
  const token = signToken(SECRET, { conv: 'c1', user: 'dl_u' }, 60, now);
  expect(verifyToken(SECRET, token, { nowMs: now })).toMatchObject({ ok: true, claims: { conv: 'c1' } });
  expect(verifyToken(SECRET, token, { nowMs: now + 61_000 })).toMatchObject({ ok: false, reason: 'expired' });
  expect(verifyToken(`${SECRET}-other`, token, { nowMs: now })).toMatchObject({ ok: false, reason: 'signature' });
  const stream = signToken(SECRET, { conv: 'c1', user: 'dl_u', scope: 'stream' }, 60, now);
  expect(verifyToken(SECRET, stream, { scope: 'stream', nowMs: now }).ok).toBe(true);
  expect(verifyToken(SECRET, stream, { nowMs: now })).toMatchObject({ ok: false, reason: 'scope' });
  const forged = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`;
  expect(verifyToken(SECRET, forged, { nowMs: now })).toMatchObject({ ok: false });
});
