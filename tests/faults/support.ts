/**
 * Real processes for fault tests: Opastin servers (tests/support/serverProcess.ts) and the
 * resident's side of a conversation over /api/messages.
 */
export { startServer, type ServerProcess } from '../support/serverProcess';

/** POST /api/messages with expectReplies; resolves with the reply texts joined (or the status on failure). */
export async function say(url: string, conversationId: string, text: string, timeoutMs = 20_000): Promise<{ status: number; text: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `${conversationId}-${started}`, channelId: 'test', serviceUrl: 'http://localhost:9',
      conversation: { id: conversationId }, from: { id: 'resident' }, recipient: { id: 'opastin' },
      text, locale: 'fi-FI', deliveryMode: 'expectReplies',
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json().catch(() => ({}))) as { activities?: { text?: string }[] };
  return { status: res.status, text: (body.activities ?? []).map((a) => a.text ?? '').join('\n'), ms: Date.now() - started };
}

export const APOLOGY = /Pahoittelut, Opastin ei juuri nyt toimi/;
