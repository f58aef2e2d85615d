/**
 * A small Direct Line 3.0 client for the browser: WebSocket stream with a polling fallback,
 * watermark resume after any break, token refresh, honest connection states. Speaks the same
 * protocol as Microsoft's botframework-directlinejs, to our own server (docs/direct-line.md).
 */
import type { Activity } from './activity';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'ended';

export interface Conversation {
  domain: string;
  conversationId: string;
  token: string;
  userId: string;
  /** Last watermark seen; activities after it are fetched on (re)connect. */
  watermark: string | null;
}

export interface Handlers {
  activities(list: Activity[]): void;
  state(state: ConnectionState): void;
  /** The token or watermark changed: persist them so a reload resumes. */
  saved(conversation: Conversation): void;
}

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** After this long without a working connection, "reconnecting" becomes "offline". */
const OFFLINE_AFTER_MS = 4000;
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 10000;

export class DirectLineClient {
  state: ConnectionState = 'connecting';
  private socket: WebSocket | null = null;
  private socketFailures = 0;
  private polling = false;
  private timer: number | undefined;
  private offlineTimer: number | undefined;
  private refreshTimer: number | undefined;
  private attempt = 0;
  private closed = false;
  private readonly seen = new Set<string>();

  constructor(readonly conversation: Conversation, private readonly on: Handlers, expiresIn = 1800) {
    this.scheduleRefresh(expiresIn);
    window.addEventListener('online', this.retryNow);
    window.addEventListener('offline', this.wentOffline);
  }

  /** Starts receiving: from the fast start's streamUrl, or by asking the server for one. */
  connect(streamUrl?: string): void {
    if (streamUrl) this.openSocket(streamUrl);
    else void this.reconnect();
  }

  /** Activities the fast start already returned. */
  deliver(list: Activity[], watermark: string | null | undefined): void {
    const fresh = list.filter((a) => !a.id || !this.seen.has(a.id));
    for (const a of fresh) if (a.id) this.seen.add(a.id);
    if (watermark !== undefined && watermark !== null) this.conversation.watermark = watermark;
    if (fresh.length > 0) this.on.activities(fresh);
    this.on.saved(this.conversation);
  }

  async post(activity: Activity): Promise<string> {
    const body = { ...activity, from: { id: this.conversation.userId } };
    const res = await this.request('POST', `/conversations/${this.conversation.conversationId}/activities`, body);
    return (res as { id: string }).id;
  }

  /** Stops everything (end and delete, quick exit). */
  close(): void {
    this.closed = true;
    window.clearTimeout(this.timer);
    window.clearTimeout(this.offlineTimer);
    window.clearTimeout(this.refreshTimer);
    window.removeEventListener('online', this.retryNow);
    window.removeEventListener('offline', this.wentOffline);
    const s = this.socket;
    this.socket = null;
    s?.close();
  }

  async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.conversation.domain}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.conversation.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
    if (!res.ok) throw new HttpError(res.status);
    return res.json();
  }

  private setState(state: ConnectionState): void {
    if (this.state === state || this.state === 'ended') return;
    this.state = state;
    if (state === 'online' || state === 'ended') {
      window.clearTimeout(this.offlineTimer);
      this.offlineTimer = undefined;
      this.attempt = 0;
    }
    this.on.state(state);
  }

  /** The connection broke: say so, and call it offline if it does not come back soon. */
  private broken(): void {
    if (this.closed) return;
    if (this.state !== 'offline') this.setState('reconnecting');
    if (this.offlineTimer === undefined) {
      this.offlineTimer = window.setTimeout(() => this.setState('offline'), OFFLINE_AFTER_MS);
    }
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt++);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.reconnect(), delay);
  }

  private readonly retryNow = (): void => {
    if (this.closed || this.state === 'online' || this.state === 'ended') return;
    this.attempt = 0;
    window.clearTimeout(this.timer);
    void this.reconnect();
  };

  private readonly wentOffline = (): void => {
    if (this.closed || this.state === 'ended') return;
    this.socket?.close();
    this.setState('offline');
  };

  /** GET conversations/{id}?watermark=: a fresh streamUrl that resumes after the watermark. */
  private async reconnect(): Promise<void> {
    if (this.closed) return;
    const { conversationId, watermark } = this.conversation;
    try {
      if (this.polling) {
        await this.pollOnce();
        return;
      }
      const reply = (await this.request('GET', `/conversations/${conversationId}?watermark=${encodeURIComponent(watermark ?? '')}`)) as { streamUrl: string };
      this.openSocket(reply.streamUrl);
    } catch (err) {
      this.failed(err);
    }
  }

  private failed(err: unknown): void {
    if (err instanceof HttpError && (err.status === 404 || err.status === 403 || err.status === 401)) {
      // Deleted, expired or not ours any more: the conversation is over.
      this.close();
      this.setState('ended');
      return;
    }
    this.broken();
  }

  private openSocket(url: string): void {
    if (this.closed) return;
    let opened = false;
    const ws = new WebSocket(url);
    this.socket = ws;
    ws.onopen = () => {
      opened = true;
      this.socketFailures = 0;
      this.setState('online');
    };
    ws.onmessage = (e: MessageEvent) => {
      if (typeof e.data !== 'string' || e.data === '') return; // keep-alive
      try {
        const frame = JSON.parse(e.data) as { activities?: Activity[]; watermark?: string };
        this.deliver(frame.activities ?? [], frame.watermark);
      } catch {
        // A frame we cannot read is skipped; the watermark makes the next reconnect fetch it.
      }
    };
    ws.onclose = () => {
      if (this.socket !== ws || this.closed) return;
      this.socket = null;
      // A socket that never opens twice in a row while REST answers: a proxy blocks WebSockets.
      if (!opened && ++this.socketFailures >= 2) {
        this.polling = true;
        void this.reconnect();
        return;
      }
      this.broken();
    };
  }

  private async pollOnce(): Promise<void> {
    const { conversationId, watermark } = this.conversation;
    const page = (await this.request('GET', `/conversations/${conversationId}/activities?watermark=${encodeURIComponent(watermark ?? '')}`)) as {
      activities: Activity[];
      watermark: string;
    };
    this.setState('online');
    this.deliver(page.activities, page.watermark);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.reconnect(), POLL_MS);
  }

  private scheduleRefresh(expiresIn: number): void {
    window.clearTimeout(this.refreshTimer);
    const ms = Math.max(30, expiresIn - 300) * 1000;
    this.refreshTimer = window.setTimeout(async () => {
      try {
        const fresh = (await this.request('POST', '/tokens/refresh')) as { token: string; expires_in: number };
        this.conversation.token = fresh.token;
        this.on.saved(this.conversation);
        this.scheduleRefresh(fresh.expires_in);
      } catch {
        this.scheduleRefresh(360);
      }
    }, ms);
  }
}
