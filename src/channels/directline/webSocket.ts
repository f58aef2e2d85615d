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
import { ActivityPage, DEFAULT_PAGE_LIMIT, parseWatermark } from './activityStore';
import type { LocalAppend } from './streamHub';
import { verifyToken } from './tokens';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([A-Za-z0-9_-]{1,128})/stream$`);

export class DirectLineStreams {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  /** Open sockets per conversation in this process, with the watermark each has reached. */
  private readonly open = new Map<string, Map<WebSocket, () => string | null>>();

  constructor(
    private readonly channel: DirectLineChannel,
    private readonly log: Logger,
  ) {
    channel.localPush = (conversationId, activity) => this.pushLocal(conversationId, activity);
  }

  /** Sends one activity to this process's sockets of a conversation, without storing it. */
  pushLocal(conversationId: string, activity: object): number {
    let sent = 0;
    for (const [ws, watermarkOf] of this.open.get(conversationId) ?? []) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      ws.send(JSON.stringify({ activities: [activity], watermark: watermarkOf() ?? '0' }));
      sent++;
    }
    return sent;
  }

  /**
   * For `server.on('upgrade', …)`. Returns false (and leaves the socket alone) for paths outside
   * /v3/directline, so other upgrade handlers can share the server.
   */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    // The request target is the client's text: "//[" or "http://[" make `new URL` throw, and a
    // throw here is outside every request handler (it used to take the whole process down).
    // A client that resets the connection mid-upgrade must not become an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    const url = parseTarget(req.url);
    if (!url) return reject(socket, 400, 'Bad Request');
    if (!url.pathname.startsWith(DIRECT_LINE_PATH)) return false;
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return reject(socket, 404, 'Not Found');
    const conversationId = match[1];
    const given = url.searchParams.get('t') ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const check = verifyToken(this.channel.config.secret, given, { scope: 'stream' });
    if (!check.ok) return reject(socket, check.reason === 'expired' ? 403 : 401, 'Unauthorized');
    if (check.claims.conv !== conversationId) return reject(socket, 403, 'Forbidden');
    const watermark = url.searchParams.get('watermark');
    const claims = check.claims;
    // One WebSocket per stream token, as Azure allows: a reconnect asks for a fresh streamUrl.
    // The claim is kept with the conversation (and shared by every process when Redis is used);
    // the same step reads what the socket sends first, unless the greeting this process's start
    // just stored is all there is (then it is sent as it is, not read back and inflated).
    const ttlSeconds = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
    const greeting = parseWatermark(watermark) === 0 ? this.channel.takeGreeting(conversationId) : undefined;
    // Listening starts before the store is asked, so what any process appends meanwhile is not missed.
    const stream = this.follow(conversationId, watermark, socket);
    this.channel.store.openStream(conversationId, claims.jti, ttlSeconds, watermark, greeting?.length).then(
      ({ claimed, page }) => {
        if (!claimed) {
          stream.stop();
          return reject(socket, 409, 'Conflict');
        }
        const first = page ?? { activities: greeting ?? [], watermark: String(greeting?.length ?? 0) };
        this.wss.handleUpgrade(req, socket, head, (ws) => stream.attach(ws, first));
      },
      (err) => {
        stream.stop();
        const gone = err instanceof Error && err.name === 'ConversationNotFoundError';
        reject(socket, gone ? 404 : 503, gone ? 'Not Found' : 'Service Unavailable');
      },
    ).catch((err) => {
      stream.stop();
      this.log.warn({ event: 'dl_upgrade_failed', err }, 'WebSocket upgrade failed');
      socket.destroy();
    });
    return true;
  };

  /** Closes every open stream; 1012 ("service restart") tells the client to reconnect elsewhere. */
  closeAll(code: number, reason: string): void {
    for (const ws of this.wss.clients) ws.close(code, reason);
  }

  /** Open streams in this process (the metrics' WebSocket gauge). */
  get openCount(): number {
    return this.wss.clients.size;
  }

  async close(): Promise<void> {
    // terminate, not close: a client that never answers the closing handshake must not hold the
    // process (ws waits 30 s for it); drain() has already asked every client to reconnect.
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /**
   * The stream of a conversation from `startWatermark`, listening from now on; `attach` gives it
   * its socket once the upgrade is done and sends `first` (what follows the watermark, from
   * openStream), then whatever was appended meanwhile. `stop` when the socket never opens.
   */
  private follow(conversationId: string, startWatermark: string | null, socket: Duplex): { attach(ws: WebSocket, first: ActivityPage): void; stop(): void } {
    let watermark = startWatermark && startWatermark !== '-' ? startWatermark : null;
    let ws: WebSocket | null = null;
    let pumping = false;
    let again = false;
    let alive = true;
    let missed = false;

    const pump = async (): Promise<void> => {
      if (!ws) return;
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
            if (page.activities.length >= DEFAULT_PAGE_LIMIT) again = true;
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

    // Activities this process just appended are sent as they are when they follow the socket's
    // watermark directly (no read back from the store); anything else (another process's append,
    // a gap, a read still running) goes through the read, which starts from the watermark.
    const onChange = (appended?: LocalAppend): void => {
      if (!ws) return void (missed = true); // the socket is still opening: read once it is open
      const next = (watermark === null ? 0 : Number(watermark)) + 1;
      if (!appended || pumping || appended.first !== next || ws.readyState !== WebSocket.OPEN) return void pump();
      watermark = String(appended.first + appended.activities.length - 1);
      ws.send(JSON.stringify({ activities: appended.activities, watermark }));
    };

    const unsubscribe = this.channel.store.subscribe(conversationId, watermark, onChange);
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      unsubscribe();
    };
    // A client that goes away during the upgrade never gets a socket to close.
    socket.once('close', () => {
      if (!ws) stop();
    });

    const attach = (opened: WebSocket, first: ActivityPage): void => {
      ws = opened;
      if (first.activities.length > 0) {
        watermark = first.watermark;
        ws.send(JSON.stringify({ activities: first.activities, watermark: first.watermark }));
      }
      let sockets = this.open.get(conversationId);
      if (!sockets) this.open.set(conversationId, (sockets = new Map()));
      sockets.set(ws, () => watermark);
      const keepAlive = setInterval(() => {
        if (!alive) return opened.terminate();
        alive = false;
        opened.ping();
        opened.send('');
      }, this.channel.config.keepAliveMs);
      keepAlive.unref();
      ws.on('pong', () => (alive = true));
      ws.on('message', () => (alive = true));
      ws.on('close', () => {
        clearInterval(keepAlive);
        stop();
        const mine = this.open.get(conversationId);
        mine?.delete(opened);
        if (mine?.size === 0) this.open.delete(conversationId);
      });
      ws.on('error', () => opened.terminate());
      if (missed || first.activities.length >= DEFAULT_PAGE_LIMIT) void pump();
    };
    return { attach, stop };
  }
}

/** The request target as a URL on our own origin, or null when it is not a valid path. */
function parseTarget(target: string | undefined): URL | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://localhost');
  } catch {
    return null;
  }
}

function reject(socket: Duplex, status: number, text: string): true {
  if (socket.destroyed || !socket.writable) return true;
  const body = JSON.stringify({ error: { code: text.replace(/\s/g, ''), message: text } });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  return true;
}
