/**
 * Server-sent events for one console: the bus's events filtered to what this counsellor may
 * see (their own conversations; waiting changes in their queues; supervisors: all queues).
 * A comment every `heartbeatMs` keeps proxies from closing the stream and is the console's
 * heartbeat (presence and "console open"): a closed console goes offline by itself within
 * HANDOFF_PRESENCE_TTL_MS, and its open chats go back to their queues (sweep.ts).
 */
import type { Request, Response } from 'express';
import type { ConsoleEvent, EventBus } from '../bus';
import type { Signed } from './middleware';

export function streamEvents(
  req: Request,
  res: Response,
  options: { bus: EventBus; signed: Signed; visibleQueues: string[]; heartbeatMs: number; heartbeat: () => Promise<void> },
): void {
  const me = options.signed.identity;
  const visible = new Set(options.visibleQueues);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const send = (name: string, data: unknown): void => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const forMe = (e: ConsoleEvent): boolean => {
    if (e.type === 'waiting-changed') return me.role === 'supervisor' || e.queueIds.some((q) => visible.has(q));
    if (e.type === 'accepted' && me.role === 'supervisor') return true;
    return 'counsellorId' in e && e.counsellorId === me.id;
  };
  const unsubscribe = options.bus.subscribe((e) => {
    if (forMe(e)) send(e.type, e);
  });
  const timer = setInterval(() => {
    res.write(': keep-alive\n\n');
    void options.heartbeat().catch(() => undefined);
  }, options.heartbeatMs);
  void options.heartbeat().catch(() => undefined);
  send('ready', { counsellorId: me.id });
  req.on('close', () => {
    clearInterval(timer);
    unsubscribe();
  });
}
