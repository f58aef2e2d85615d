/**
 * The compact stored form of a Direct Line activity (src/channels/directline/storedActivity.ts):
 * what a read gives back is what was appended, envelope included, while far fewer bytes are kept.
 */
import { compactJson, decodeActivity, decodeEntry, encodeActivity, encodeEntry, entryCount, Envelope } from '../../src/channels/directline/storedActivity';

const env: Envelope = { conversationId: 'AbCdEf0123456789_-xyZQ', userId: 'dl_0123456789abcdef', serviceUrl: 'https://chat.example.fi/v3/directline' };
const as = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

function botReply(): Record<string, unknown> {
  return {
    type: 'message',
    text: 'Mistä asiasta tarvitset apua? Valitse aihe tai kirjoita omin sanoin.',
    textFormat: 'markdown',
    inputHint: 'expectingInput',
    suggestedActions: { to: [], actions: ['Mieli ja jaksaminen', 'Alkoholi ja muut päihteet', 'Raskaus, lapset ja perhe', 'Kriisi tai hätä nyt'].map((t) => ({ type: 'imBack', title: t, value: t })) },
    channelData: { opastin: { v: 1, urgentChoices: ['Kriisi tai hätä nyt'] } },
    channelId: 'directline',
    locale: 'fi-FI',
    serviceUrl: env.serviceUrl,
    conversation: { id: env.conversationId },
    from: { id: 'opastin', name: 'Opastin', role: 'bot' },
    recipient: { id: env.userId, role: 'user' },
    replyToId: `${env.conversationId}|0000003`,
    timestamp: new Date('2026-12-02T00:59:55.871Z'),
  };
}

describe('stored Direct Line activities', () => {
  it('gives back a bot reply exactly, envelope and all, from well under half its JSON', () => {
    const original = botReply();
    const stored = encodeActivity(original as never, env);
    const back = decodeActivity(stored, env, `${env.conversationId}|0000004`);
    expect(back).toEqual(as({ ...original, id: `${env.conversationId}|0000004` }));
    expect(stored.length).toBeLessThan(JSON.stringify(original).length * 0.4);
  });

  it("gives back a resident's message exactly", () => {
    const original = {
      type: 'message', text: 'lapsi ei nuku', locale: 'fi-FI', channelData: { clientActivityID: 'c-17' },
      channelId: 'directline', serviceUrl: env.serviceUrl, conversation: { id: env.conversationId },
      from: { id: env.userId, role: 'user' }, recipient: { id: 'opastin', name: 'Opastin', role: 'bot' }, timestamp: '2026-12-02T01:00:00.000Z',
    };
    expect(decodeActivity(encodeActivity(original as never, env), env, 'x|0000005')).toEqual({ ...original, id: 'x|0000005' });
  });

  it('keeps whatever differs from the record as it was, and never adds an envelope field that was not there', () => {
    const original = {
      type: 'message', text: 'Hei, olen ohjaaja.',
      serviceUrl: 'https://other.example.fi/v3/directline', conversation: { id: env.conversationId, name: 'x' },
      from: { id: 'counsellor-7', name: 'Ohjaaja', role: 'bot' }, recipient: { id: 'dl_someone_else', role: 'user' },
      replyToId: 'another-conversation|0000001', timestamp: '2026-12-02T01:00:00.123456Z',
    };
    expect(decodeActivity(encodeActivity(original as never, env), env, 'x|1')).toEqual({ ...original, id: 'x|1' });
    const bare = { type: 'typing' };
    expect(decodeActivity(encodeActivity(bare as never, env), env, 'x|2')).toEqual({ type: 'typing', id: 'x|2' });
  });

  it('reads entries written whole before this format (plain JSON) unchanged', () => {
    const legacy = JSON.stringify(as(botReply()));
    expect(decodeActivity(Buffer.from(legacy), env, 'x|3')).toEqual({ ...JSON.parse(legacy), id: 'x|3' });
  });

  it('without the record (a proactive send) keeps the resident-specific fields whole', () => {
    const unknown: Envelope = { conversationId: env.conversationId, userId: '', serviceUrl: '' };
    const original = as(botReply()) as Record<string, unknown>;
    expect(decodeActivity(encodeActivity(original as never, unknown), env, 'x|4')).toEqual({ ...original, id: 'x|4' });
  });

  it("keeps a turn's post and replies as one entry: each given back exactly, numbered in order, in fewer bytes than one by one", () => {
    const post = { type: 'message', text: 'hei', locale: 'fi-FI', from: { id: env.userId, role: 'user' }, recipient: { id: 'opastin', name: 'Opastin', role: 'bot' }, channelId: 'directline', serviceUrl: env.serviceUrl, conversation: { id: env.conversationId }, timestamp: '2026-12-02T01:00:00.000Z' };
    const replies = [botReply(), { ...botReply(), text: 'Voit myös kirjoittaa omin sanoin.' }];
    const turn = [post, ...replies] as never[];
    const entry = encodeEntry(turn.map((a) => compactJson(a, env)));
    expect(entryCount(entry)).toBe(3);
    const idOf = (seq: number) => `${env.conversationId}|${String(seq).padStart(7, '0')}`;
    expect(decodeEntry(entry, env, 7, idOf)).toEqual(turn.map((a, i) => as({ ...(a as object), id: idOf(7 + i) })));
    expect(entry.length).toBeLessThan(turn.reduce((sum, a) => sum + encodeActivity(a, env).length, 0) * 0.9);
    // The same entry appended after something else came between: the post is not numbered again.
    const skipped = Buffer.concat([Buffer.from([entry[0], 2, 1]), entry.subarray(3)]);
    expect(entryCount(skipped)).toBe(2);
    expect(decodeEntry(skipped, env, 9, idOf).map((a) => a.id)).toEqual([idOf(9), idOf(10)]);
    expect(decodeEntry(skipped, env, 9, idOf)[0].text).toBe(replies[0].text);
    // Entries of the older formats are one activity each.
    expect(entryCount(encodeActivity(post as never, env))).toBe(1);
    expect(decodeEntry(encodeActivity(post as never, env), env, 4, idOf)).toEqual([{ ...post, id: idOf(4) }]);
  });
});
