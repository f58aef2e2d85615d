/**
 * Sign-in throttling, counted before the password is checked: every attempt first increments
 * its counters atomically (Redis INCR, or one synchronous step in memory), and only an attempt
 * within every limit is checked at all. 200 parallel guesses therefore get at most `perPair`
 * password checks, never 200.
 *
 * Three counters per window (`windowSeconds`, 15 min):
 * - account + address (`perPair`, 5): a guesser at one address is stopped on that account;
 *   the counsellor signing in from their own address is not, so nobody can lock a counsellor
 *   out with a handful of anonymous requests (the old hard lock per account name allowed that);
 * - address (`perAddress`, 30): one address spraying many account names;
 * - account (`perAccount`, 100): many addresses guessing one account. Past it, attempts are
 *   spaced with a doubling back-off (1 s, 2 s, 4 s … at most 60 s) instead of a lock.
 * A successful sign-in clears its account + address counter. Unknown names count the same way,
 * so answers tell nothing about which names exist.
 */
import type { KeyValue } from '../kv';

export interface ThrottleLimits {
  perPair: number;
  perAddress: number;
  perAccount: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perPair: 5, perAddress: 30, perAccount: 100, windowSeconds: 15 * 60 };

export type ThrottleVerdict =
  | { allowed: true; firstAttempt: boolean }
  | { allowed: false; retryAfterSeconds: number; /** True for the refusal that first crossed a limit (audited once). */ firstRefusal: boolean };

const MAX_BACKOFF_SECONDS = 60;

export class SignInThrottle {
  constructor(private readonly kv: KeyValue, private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {}

  private keys(username: string, address: string) {
    const user = username.toLowerCase();
    return { pair: `signin:pair:${user}:${address}`, address: `signin:addr:${address}`, account: `signin:acct:${user}`, gate: `signin:gate:${user}` };
  }

  /** Counts one attempt and decides whether its password may be checked. */
  async attempt(username: string, address: string): Promise<ThrottleVerdict> {
    const k = this.keys(username, address);
    const { perPair, perAddress, perAccount, windowSeconds } = this.limits;
    const [pair, byAddress, byAccount] = await Promise.all([
      this.kv.incr(k.pair, windowSeconds),
      this.kv.incr(k.address, windowSeconds),
      this.kv.incr(k.account, windowSeconds),
    ]);
    if (pair > perPair) return { allowed: false, retryAfterSeconds: windowSeconds, firstRefusal: pair === perPair + 1 };
    if (byAddress > perAddress) return { allowed: false, retryAfterSeconds: windowSeconds, firstRefusal: byAddress === perAddress + 1 };
    if (byAccount > perAccount) {
      // Back-off: one attempt per gate period; the gate is taken atomically (first incr wins).
      const wait = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(6, byAccount - perAccount - 1));
      if ((await this.kv.incr(k.gate, wait)) > 1) return { allowed: false, retryAfterSeconds: wait, firstRefusal: byAccount === perAccount + 1 };
    }
    return { allowed: true, firstAttempt: pair === 1 };
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.kv.del(this.keys(username, address).pair);
  }
}
