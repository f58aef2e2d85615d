/**
 * Large static files served precompressed: brotli when the browser accepts it (quality 11,
 * computed once in the background), gzip (level 9) until then or for older clients. The URL
 * carries the version, so the response is cacheable for a year (`immutable`).
 */
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

/**
 * Brotli fed in slices: each slice is one job on libuv's thread pool, and a process cannot exit
 * while such a job runs. One job over Web Chat's whole bundle at quality 11 takes seconds (more on
 * a busy machine), which held a SIGTERM-ed process past its shutdown grace period; a slice takes
 * a fraction of a second. The output is the same single brotli stream.
 */
const BROTLI_SLICE = 64 * 1024;
function brotli(raw: Buffer, options: zlib.BrotliOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stream = zlib.createBrotliCompress(options);
    const out: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => out.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(out)));
    stream.on('error', reject);
    for (let i = 0; i < raw.length; i += BROTLI_SLICE) stream.write(raw.subarray(i, i + BROTLI_SLICE));
    stream.end();
  });
}

interface Variants {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
  br?: Buffer;
}

const cache = new Map<string, Promise<Variants>>();

/** A file path, or a named in-memory asset (the client bundle esbuild made at start). */
export type AssetSource = string | { name: string; bytes: () => Buffer };

function load(source: AssetSource, withBrotli: boolean): Promise<Variants> {
  const file = typeof source === 'string' ? source : `memory:${source.name}`;
  let pending = cache.get(file);
  if (!pending) {
    pending = (async () => {
      const raw = typeof source === 'string' ? await readFile(source) : source.bytes();
      const variants: Variants = {
        raw,
        gzip: await gzip(raw, { level: 9 }),
        etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
      };
      // Brotli at quality 11 takes seconds for Web Chat's bundle: gzip serves until it is ready.
      if (withBrotli) brotli(raw, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }).then((br) => (variants.br = br), () => undefined);
      return variants;
    })();
    pending.catch(() => cache.delete(file));
    cache.set(file, pending);
  }
  return pending;
}

/** Starts compressing now, so the first resident does not wait. */
export function warmAsset(file: AssetSource): void {
  load(file, true).catch(() => undefined);
}

/** `brotli: false` (tests) serves gzip only and leaves no seconds-long compression running. */
export function precompressedAsset(file: AssetSource, contentType: string, options: { brotli: boolean }) {
  return async function servePrecompressed(req: Request, res: Response): Promise<void> {
    const v = await load(file, options.brotli);
    res.set({
      'Content-Type': contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: v.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.headers['if-none-match'] === v.etag) {
      res.status(304).end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (v.br && /\bbr\b/.test(accepts)) {
      res.set('Content-Encoding', 'br').send(v.br);
    } else if (/\bgzip\b/.test(accepts)) {
      res.set('Content-Encoding', 'gzip').send(v.gzip);
    } else {
      res.send(v.raw);
    }
  };
}
