/**
 * The compact stored form of a Direct Line activity (src/channels/directline/storedActivity.ts):
 * what a read gives back is what was appended, envelope included, while far fewer bytes are kept.
 */
import { decodeActivity, encodeActivity, Envelope } from '../../src/channels/directline/storedActivity';

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
});
