/**
 * No personal data reaches the statistics: after a scripted day in which residents type names,
 * phone numbers, e-mail addresses and personal identity codes, every Redis key is scanned; the
 * statistics keys (and every field and value in them) hold none of it, no conversation id, and
 * nothing but counters named by the fixed grammar of facts.ts.
 */
import type { TestRuntime } from '../handoff/runtime';
import { statisticsRuntime } from './runtime';
import { PERSONAL, runScriptedDay } from './scriptedDay';
import { decodeEntry } from '../../src/channels/directline/storedActivity';

const NO_ENVELOPE = { conversationId: '', userId: '', serviceUrl: '' };

const FIELD = /^(started|route|crisis|checkin|handoff|wait|waitsum|feedback|reached|moved)(\|[a-z0-9.-]+){1,5}$/;

describe('statistics keep no personal data', () => {
  jest.setTimeout(120000);
  let rt: TestRuntime;
  let conversationIds: string[];
  beforeAll(async () => {
    rt = statisticsRuntime();
    conversationIds = await runScriptedDay(rt);
  });
  afterAll(() => rt.close());

  it('scans every key: statistics keys hold only counters, no personal data, no conversation ids', async () => {
    const redis = rt.redis!;
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${rt.prefix}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const statsKeys = keys.filter((k) => k.startsWith(`${rt.prefix}stats:`));
    expect(statsKeys.length).toBeGreaterThan(0);
    // Every value of every key, whatever its type: the chat's own activity store holds what was
    // typed (for the resident's chat, with its TTL), which shows the scan would see it.
    const dump = async (k: string): Promise<string> => {
      switch (await redis.type(k)) {
        case 'string': return (await redis.get(k)) ?? '';
        case 'hash': return JSON.stringify(await redis.hgetall(k));
        // The chat's activities are kept deflated (storedActivity.ts): read them as the channel does.
        case 'list': return (await redis.lrangeBuffer(k, 0, -1)).map((b) => JSON.stringify(decodeEntry(b, NO_ENVELOPE, 0, String))).join('\n');
        case 'set': return (await redis.smembers(k)).join('\n');
        case 'zset': return (await redis.zrange(k, 0, -1)).join('\n');
        case 'stream': return JSON.stringify(await redis.xrange(k, '-', '+'));
        default: return '';
      }
    };
    const values = new Map(await Promise.all(keys.map(async (k) => [k, await dump(k)] as const)));
    expect([...values.values()].join('\n')).toContain('Matti');

    const forbidden = [...PERSONAL, 'Matti', 'Meikäläinen', '@', ...conversationIds, ...PERSONAL.map((p) => p.replace(/\D/g, '')).filter((d) => d.length >= 6)];
    for (const key of statsKeys) {
      expect(key).toMatch(new RegExp(`^${rt.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}stats:v1:day:\\d{4}-\\d{2}-\\d{2}$`));
      expect(await redis.type(key)).toBe('hash');
      const hash = await redis.hgetall(key);
      for (const bad of forbidden) expect(values.get(key)!.toLowerCase()).not.toContain(bad.toLowerCase());
      for (const [field, value] of Object.entries(hash)) {
        expect(field).toMatch(FIELD);
        expect(value).toMatch(/^\d+$/);
        for (const bad of forbidden) expect(field.toLowerCase()).not.toContain(bad.toLowerCase());
      }
    }
  });
});
