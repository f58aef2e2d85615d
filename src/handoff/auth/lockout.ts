/**
 * Lock-out after repeated failed sign-ins: per account name (known or not, so the answer does
 * not reveal which names exist), `attempts` failures within `seconds` lock it for `seconds`
 * from the failure that reached the limit. A successful sign-in clears the counter.
 */
import type { KeyValue } from '../kv';

export class Lockout {
  constructor(private readonly kv: KeyValue, private readonly attempts: number, private readonly seconds: number) {}

  private key(username: string): string {
    return `signin-failures:${username.toLowerCase()}`;
  }

  async isLocked(username: string): Promise<boolean> {
    return Number((await this.kv.get(this.key(username))) ?? 0) >= this.attempts;
  }

  /** Counts one failure; true when this failure locked the account. */
  async fail(username: string): Promise<boolean> {
    const count = await this.kv.incr(this.key(username), this.seconds);
    // The lock itself lasts the full period from the failure that caused it.
    if (count >= this.attempts) await this.kv.set(this.key(username), String(count), this.seconds);
    return count === this.attempts;
  }

  async clear(username: string): Promise<void> {
    await this.kv.del(this.key(username));
  }
}
