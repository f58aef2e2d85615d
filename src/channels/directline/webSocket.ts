/**
 * The Direct Line `streamUrl`: a WebSocket that pushes `{ activities, watermark }` for every new
 * activity, starting after the watermark in the URL (so a reconnect after a network blip loses
 * nothing), plus empty keep-alive frames as the real service sends. Anything the client sends is
 * ignored (directlinejs sends empty pings).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../logging/logger';
import type { DirectLineChannel } from './channel';
import { DIRECT_LINE_PATH } from './routes';
import { verifyToken } from './tokens';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([A-Za-z0-9_-]{1,128})/stream$`);

export class DirectLineStreams {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  constructor(
    private readonly channel: DirectLineChannel,
    private readonly log: Logger,
  ) {}

  /**
   * For `server.on('upgrade', …)`. Returns false (and leaves the socket alone) for paths outside
   * /v3/directline, so other upgrade handlers can share the server.
   */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(DIRECT_LINE_PATH)) return false;
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return reject(socket, 404, 'Not Found');
    const conversationId = match[1];
    const given = url.searchParams.get('t') ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const check = verifyToken(this.channel.config.secret, given, { scope: 'stream' });
    if (!check.ok) return reject(socket, check.reason === 'expired' ? 403 : 401, 'Unauthorized');
    if (check.claims.conv !== conversationId) return reject(socket, 403, 'Forbidden');
    const watermark = url.searchParams.get('watermark');
    this.channel.store.get(conversationId).then(
      (record) => {
        if (!record) return reject(socket, 404, 'Not Found');
        this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws, conversationId, watermark));
      },
      () => reject(socket, 503, 'Service Unavailable'),
    );
    return true;
  };

  /** Open streams in this process (the metrics' WebSocket gauge). */
  get openCount(): number {
    return this.wss.clients.size;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.close(1001, 'server shutting down');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private serve(ws: WebSocket, conversationId: string, startWatermark: string | null): void {
    let watermark = startWatermark && startWatermark !== '-' ? startWatermark : null;
    let pumping = false;
    let again = false;
    let alive = true;

    const pump = async (): Promise<void> => {
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
      try {
        do {
          again = false;
          const page = await this.channel.store.read(conversationId, watermark);
          if (ws.readyState !== WebSocket.OPEN) return;
          if (page.activities.length > 0) {
            watermark = page.watermark;
            ws.send(JSON.stringify({ activities: page.activities, watermark: page.watermark }));
            if (page.activities.length >= 100) again = true;
          }
        } while (again);
      } catch (err) {
        const gone = err instanceof Error && err.name === 'ConversationNotFoundError';
        if (!gone) this.log.warn({ event: 'dl_stream_read_failed', err }, 'stream read failed');
        // Closing makes directlinejs reconnect through GET /conversations/{id}: 404 there ends it.
        ws.close(gone ? 1000 : 1011, gone ? 'conversation ended' : 'temporary failure');
      } finally {
        pumping = false;
      }
    };

    const unsubscribe = this.channel.store.subscribe(conversationId, watermark, () => void pump());
    const keepAlive = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
      ws.send('');
    }, this.channel.config.keepAliveMs);
    keepAlive.unref();
    ws.on('pong', () => (alive = true));
    ws.on('message', () => (alive = true));
    ws.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
    ws.on('error', () => ws.terminate());
    void pump();
  }
}

function reject(socket: Duplex, status: number, text: string): true {
  const body = JSON.stringify({ error: { code: text.replace(/\s/g, ''), message: text } });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  return true;
}
