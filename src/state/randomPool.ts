/**
 * Random bytes for ids, eTags and token ids, taken from a pool filled by the system CSPRNG 4 kB
 * at a time: `randomBytes(n)` is one synchronous call into the CSPRNG per id (about 2.5 µs against
 * 0.1 µs from the pool), and every turn made one (the state's eTag), a Direct Line conversation's
 * start four more (conversation id, user id, token ids). The bytes are the same CSPRNG output,
 * each handed out once: the pool only batches the calls, as Node's own randomUUID does.
 */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/** `bytes` (at most 4096) fresh random bytes as base64url. */
export function randomBase64Url(bytes: number): string {
  if (bytes < 1 || bytes > POOL_BYTES) throw new RangeError(`1–${POOL_BYTES} random bytes at a time`);
  if (offset + bytes > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = pool.toString('base64url', offset, offset + bytes);
  // Handed out once: zeroed so the pool never holds bytes that are someone's id or token id.
  pool.fill(0, offset, offset + bytes);
  offset += bytes;
  return out;
}
