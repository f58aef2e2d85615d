/**
 * Direct Line conversations in Redis, so any server process can serve any conversation. Keys
 * (src/state/keys.ts, all under the conversation's `{<id>}` hash tag):
 *
 * - `conv:{<id>}:dl:meta` hash: userId, createdAt, serviceUrl, started, seq (the last activity's
 *   number), trimmed (how many of the oldest were dropped for DIRECT_LINE_MAX_ACTIVITIES), and
 *   `ws:<jti>` for each stream token that opened a WebSocket already
 * - `conv:{<id>}:dl:log`  a list of the kept activities in their compact stored form
 *   (storedActivity.ts), one entry per turn once it has ended (the post and its replies, deflated
 *   together), each entry saying how many activities it numbers; the first entry starts at
 *   number trimmed + 1, so a read by watermark counts its way along the entries (in its script)
 *
 * A list, not a Redis Stream: a stream preallocates a 4 kB node however little it holds, which was
 * most of a conversation's memory; nothing here needs stream ids or XREAD (wake-ups go over
 * pub/sub, streamHub.ts). The record's TTL is set once at creation and never extended; the list
 * expires with it: a conversation lives at most STATE_TTL_SECONDS (24 h), as the privacy notice says.
 */
import type { Activity } from 'botbuilder';
import type Redis from 'ioredis';
import { conversationKeys, ConversationKeys, sharedKeys, STATE_NAMESPACES } from '../../state/keys';
import { DEFAULT_LEASE_MS } from '../../state/turnQueue';
import { endTurnLua } from '../../state/turnQueueLua';
import { noteOpen, openCheckDue } from '../../state/turnRecovery';
import { turnScope } from '../../state/turnScope';
import {
  Acquired, activityId, ActivityPage, ActivityStore, Appended, AppendOptions, AppendedIds, ConversationNotFoundError, ConversationRecord,
  DEFAULT_PAGE_LIMIT, DEFAULT_MAX_ACTIVITIES, DIRECT_LINE_TURN, envelopeOf, OpenedStream, parseWatermark, Started, StartOptions, StoredPost,
} from './activityStore';
import type { RedisTopology } from '../../state/redisTopology';
import { LocalAppend, StreamHub, StreamListener } from './streamHub';
import { LuaScript } from '../../state/luaScript';
import { compactJson, decodeEntry, encodeEntries, encodeEntry, Envelope, MAX_ENTRY_ACTIVITIES } from './storedActivity';
import { APPEND, APPEND_AT_END, CREATE, OPEN_STREAM, READ, START } from './redisActivityLua';

/** READ's answer: seq, userId, serviceUrl, the number of the first entry's first activity, the entries. */
type ReadResult = [Buffer, Buffer, Buffer, number, Buffer[]];

const SCRIPTS = {
  append: new LuaScript(APPEND),
  /** The turn queue's END_TURN with APPEND_AT_END (redisTurnQueue.ts builds the same text). */
  endTurnWithReplies: new LuaScript(endTurnLua(APPEND_AT_END)),
  read: new LuaScript(READ),
  create: new LuaScript(CREATE),
  start: new LuaScript(START),
  openStream: new LuaScript(OPEN_STREAM),
};

/**
 * The digests (EVALSHA) of the two scripts that number and store activities: a post's append and
 * the end of a turn with its replies. The fault tests freeze a process right after one of them.
 */
export const NUMBERING_SCRIPT_DIGESTS: readonly string[] = [SCRIPTS.append.sha, SCRIPTS.endTurnWithReplies.sha];

export interface RedisActivityStoreOptions {
  /** Used to open the pub/sub connection of the stream hub: a URL or the configured topology. */
  url: string | RedisTopology;
  prefix: string;
  ttlSeconds: number;
  maxActivities?: number;
  /** Lease and key lifetime of turn-queue places taken by `append` (RedisTurnQueue's own). */
  turnLeaseMs?: number;
  turnQueueTtlMs?: number;
}

export class RedisActivityStore implements ActivityStore {
  private readonly hub: StreamHub;
  /** Not on a Cluster: the sweep's shared index can be written by the append script itself. */
  private readonly indexInScript: boolean;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisActivityStoreOptions,
  ) {
    this.hub = new StreamHub(options.url, redis, sharedKeys(options.prefix).dlAppendedChannel);
    this.indexInScript = typeof options.url === 'string' || options.url.kind !== 'cluster';
  }

  private keys(conversationId: string) {
    return conversationKeys(this.options.prefix, conversationId);
  }

  metaKey(conversationId: string): string {
    return this.keys(conversationId).dlMeta;
  }

  logKey(conversationId: string): string {
    return this.keys(conversationId).dlLog;
  }

  async create(record: ConversationRecord): Promise<void> {
    // One script, not MULTI…EXEC (four commands, four answers): a token for every new conversation.
    await SCRIPTS.create.run(
      this.redis, 1, this.metaKey(record.conversationId), String(this.options.ttlSeconds),
      record.userId, String(record.createdAt), record.serviceUrl, record.started ? '1' : '0',
    );
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const h = await this.redis.hgetall(this.metaKey(conversationId));
    if (!h.userId) return null;
    return {
      conversationId,
      userId: h.userId,
      createdAt: Number(h.createdAt),
      serviceUrl: h.serviceUrl,
      started: h.started === '1',
    };
  }

  async start(conversationId: string, options: StartOptions = {}): Promise<Started> {
    const k = this.keys(conversationId);
    const reads = this.turnReads(k, options.turnTicket, options.prefetchState);
    const result = (await SCRIPTS.start.run(
      this.redis, 4 + reads.length, k.dlMeta, k.turnQueue, k.turnLeases, k.turnPending, ...reads,
      options.turnTicket ?? '', String(this.options.turnLeaseMs ?? DEFAULT_LEASE_MS), String(this.options.turnQueueTtlMs ?? 30000),
    )) as [-1] | [0 | 1, string, string, string, 0 | 1, ...(string | null)[]];
    if (result[0] === -1) throw new ConversationNotFoundError();
    const [started, userId, createdAt, serviceUrl, owner] = result;
    const record: ConversationRecord = { conversationId, userId, createdAt: Number(createdAt), serviceUrl, started: started === 0 };
    const acquired = owner === 1 ? new Map(reads.map((key, i) => [key, (result[i + 5] as string | null) ?? null])) : undefined;
    return { record, started: started === 1, ...(acquired ? { acquired } : {}) };
  }

  /** What a turn's taking reads with it (its state and handoff record), when it takes a place. */
  private turnReads(k: ConversationKeys, turnTicket?: string, prefetchState?: string): string[] {
    return turnTicket && prefetchState ? [...STATE_NAMESPACES.map((ns) => k.state(prefetchState, ns)), k.handoff] : [];
  }

  async append(conversationId: string, activity: Partial<Activity>, options: AppendOptions = {}): Promise<Appended> {
    const { ids, watermark, acquired, repeated, post } = await this.appendAll(conversationId, [activity], options);
    return { id: ids[0], watermark, ...(acquired ? { acquired } : {}), ...(repeated ? { repeated } : {}), ...(post && options.turnTicket ? { post } : {}) };
  }

  async appendMany(conversationId: string, activities: Partial<Activity>[], options: AppendOptions = {}): Promise<AppendedIds> {
    return this.appendAll(conversationId, activities, { ...options, clientActivityId: undefined });
  }

  private async appendAll(conversationId: string, activities: Partial<Activity>[], options: AppendOptions): Promise<AppendedIds & { repeated?: true; post?: StoredPost }> {
    const k = this.keys(conversationId);
    const env = envelopeOf(conversationId, options.envelope);
    // A single activity's compact JSON is kept for the end of its turn (StoredPost); a post of a
    // turn is stored plain, as the end of the turn replaces its entry with a deflated one.
    const single = activities.length === 1 ? compactJson(activities[0], env) : null;
    const stored = single !== null ? [encodeEntry([single], 0, Boolean(options.turnTicket))] : encodeEntries(activities, env);
    const leaseMs = this.options.turnLeaseMs ?? DEFAULT_LEASE_MS;
    const reads = this.turnReads(k, options.turnTicket, options.prefetchState);
    // A turn's conversation goes into the recovery sweep's index: in the same script where the
    // index shares the node (one round trip, atomic), else as its own command sent first in the
    // same round trip (a process that dies between the two leaves a due check, not an unfound turn).
    const indexed = Boolean(options.turnTicket) && this.indexInScript;
    const [, result] = (await Promise.all([
      options.turnTicket && !indexed ? noteOpen(this.redis, this.options.prefix, conversationId, leaseMs) : undefined,
      SCRIPTS.append.run(
        this.redis, 5 + reads.length + (indexed ? 1 : 0), k.dlMeta, k.dlLog, k.turnQueue, k.turnLeases, k.turnPending, ...reads,
        ...(indexed ? [sharedKeys(this.options.prefix).turnsOpen] : []),
        String(this.options.maxActivities ?? DEFAULT_MAX_ACTIVITIES), options.turnTicket ?? '',
        String(leaseMs), String(this.options.turnQueueTtlMs ?? 30000),
        this.hub.channel, this.hub.message(k.dlLog), options.clientActivityId ?? '', String(activities.length), String(stored.length),
        indexed ? String(openCheckDue(leaseMs)) : '', ...stored, ...(indexed ? [conversationId] : []),
      ),
    ])) as [unknown, [number, 0 | 1 | 2, ...(string | null)[]]];
    const [first, flag] = result;
    if (first === -1) throw new ConversationNotFoundError();
    // A re-send of the latest client post: nothing stored, its first answer's id.
    if (flag === 2) return { ids: [activityId(conversationId, first)], watermark: String(first), repeated: true };
    const acquired = flag === 1 ? new Map(reads.map((key, i) => [key, (result[i + 2] as string | null) ?? null])) : undefined;
    const ids = activities.map((_, i) => activityId(conversationId, first + i));
    const appended: LocalAppend = { first, activities: activities.map((a, i) => ({ ...a, id: ids[i] }) as Activity) };
    this.hub.notifyLocal(k.dlLog, appended);
    return {
      ids, watermark: String(first + activities.length - 1), ...(acquired ? { acquired } : {}), ...(single !== null ? { post: { seq: first, json: single } } : {}),
    };
  }

  /**
   * A turn's replies, appended by the script that ends the turn (with its state write and
   * release: one round trip), when called inside that conversation's queued turn. False
   * otherwise: append them now. With `options.post` (the post the turn answers), post and replies
   * become one entry, which replaces the post's own while it is still the latest activity.
   */
  deferAppend(conversationId: string, activities: Partial<Activity>[], options: AppendOptions = {}): boolean {
    const turn = turnScope.getStore();
    if (!turn || turn.conversationId !== conversationId || turn.deferredWrite === undefined || turn.endExtra) return false;
    const k = this.keys(conversationId);
    const env = envelopeOf(conversationId, options.envelope);
    const post = options.post && activities.length < MAX_ENTRY_ACTIVITIES ? options.post : undefined;
    const stored = post ? [encodeEntry([post.json, ...activities.map((a) => compactJson(a, env))])] : encodeEntries(activities, env);
    turn.endExtra = {
      lua: APPEND_AT_END,
      keys: [k.dlMeta, k.dlLog],
      args: [
        String(this.options.maxActivities ?? DEFAULT_MAX_ACTIVITIES), this.hub.channel, this.hub.message(k.dlLog), String(activities.length),
        post ? String(post.seq) : '', String(stored.length), ...stored,
      ],
      done: (first) => {
        if (typeof first !== 'number' || first < 1) return;
        const ids = activities.map((_, i) => activityId(conversationId, first + i));
        this.hub.notifyLocal(k.dlLog, { first, activities: activities.map((a, i) => ({ ...a, id: ids[i] }) as Activity) });
      },
    };
    return true;
  }

  async read(conversationId: string, watermark: string | null, limit = DEFAULT_PAGE_LIMIT): Promise<ActivityPage> {
    const after = parseWatermark(watermark);
    const result = (await SCRIPTS.read.runBuffer(this.redis, 2, this.metaKey(conversationId), this.logKey(conversationId), String(after), String(limit))) as
      | number
      | ReadResult;
    if (typeof result === 'number') throw new ConversationNotFoundError();
    return this.pageOf(conversationId, after, limit, result);
  }

  /** The activities after number `after` in READ's answer (at most `limit`). */
  private pageOf(conversationId: string, after: number, limit: number, [seqRaw, userId, serviceUrl, firstSeq, entries]: ReadResult): ActivityPage {
    const env: Envelope = { conversationId, userId: userId.toString(), serviceUrl: serviceUrl.toString() };
    const idOf = (seq: number): string => activityId(conversationId, seq);
    // Entries hold whole turns: the first may start before the watermark, the last run past the limit.
    const activities: Activity[] = [];
    let seq = firstSeq;
    let last = Math.min(after, Number(seqRaw.toString()));
    for (const entry of entries) {
      for (const activity of decodeEntry(entry, env, seq, idOf)) {
        if (seq > after && activities.length < limit) {
          activities.push(activity);
          last = seq;
        }
        seq++;
      }
    }
    return { activities, watermark: String(last) };
  }

  subscribe(conversationId: string, _watermark: string | null, onChange: StreamListener): () => void {
    return this.hub.subscribe(this.logKey(conversationId), onChange);
  }

  async openStream(conversationId: string, jti: string, _ttlSeconds: number, watermark: string | null, known?: number): Promise<OpenedStream> {
    const after = parseWatermark(watermark);
    const result = (await SCRIPTS.openStream.runBuffer(
      this.redis, 2, this.metaKey(conversationId), this.logKey(conversationId), jti, String(after), String(DEFAULT_PAGE_LIMIT), known === undefined ? '' : String(known),
    )) as number | [Buffer] | ReadResult;
    if (result === -1) throw new ConversationNotFoundError();
    if (typeof result === 'number') return { claimed: false, page: null };
    return { claimed: true, page: result.length === 1 ? null : this.pageOf(conversationId, after, DEFAULT_PAGE_LIMIT, result) };
  }

  async delete(conversationId: string): Promise<void> {
    const k = this.keys(conversationId);
    await this.redis.del(k.dlMeta, k.dlLog, k.dlStream, k.dlSockets);
    this.notifyDeleted(conversationId);
  }

  notifyDeleted(conversationId: string): void {
    const key = this.logKey(conversationId);
    this.hub.notifyLocal(key);
    this.hub.announce(key);
  }

  async close(): Promise<void> {
    await this.hub.close();
  }
}
