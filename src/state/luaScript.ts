/**
 * A Lua script sent by its SHA1 (EVALSHA) instead of its text: the turn scripts are 1–3 kB each
 * and ran two or three times per turn, so EVAL sent several kB of script per turn for Redis to
 * hash and look up. Redis caches every script it has run; one it does not know (a restarted or
 * flushed Redis, a failover to a replica that never saw it, a Cluster node meeting it for the
 * first time) answers NOSCRIPT without running anything, and the script is sent once in full
 * (EVAL, which also caches it there). On a Cluster EVALSHA is routed by its first key like EVAL,
 * so the fallback reaches the same node.
 *
 * One object per script text: the digest is computed once, at module load.
 */
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

type Arg = string | Buffer | number;

export class LuaScript {
  readonly sha: string;

  constructor(readonly text: string) {
    this.sha = createHash('sha1').update(text).digest('hex');
  }

  /** Runs the script (as `redis.eval(text, numKeys, ...args)` would), replies decoded as strings. */
  run(redis: Redis, numKeys: number, ...args: Arg[]): Promise<unknown> {
    return redis.evalsha(this.sha, numKeys, ...args).catch((err: Error) => {
      if (!isNoScript(err)) throw err;
      return redis.eval(this.text, numKeys, ...args);
    });
  }

  /** The same with bulk replies as Buffers (binary values such as stored activities). */
  runBuffer(redis: Redis, numKeys: number, ...args: Arg[]): Promise<unknown> {
    return redis.callBuffer('EVALSHA', this.sha, numKeys, ...args).catch((err: Error) => {
      if (!isNoScript(err)) throw err;
      return redis.callBuffer('EVAL', this.text, numKeys, ...args);
    });
  }
}

function isNoScript(err: Error): boolean {
  return typeof err?.message === 'string' && err.message.startsWith('NOSCRIPT');
}

/**
 * One LuaScript per `part` for scripts built from a part at run time (`build(part)`), keyed by
 * the part: the built text (kB) is neither rebuilt nor hashed per call, and a constant part keeps
 * its string hash cached.
 */
export function scriptFor(cache: Map<string, LuaScript>, part: string, build: (part: string) => string): LuaScript {
  let script = cache.get(part);
  if (!script) cache.set(part, (script = new LuaScript(build(part))));
  return script;
}
