/**
 * Limits on the HTTP server itself (what express cannot see): a request must arrive whole within
 * `requestTimeoutMs` (a body trickled a byte at a time used to be held 300 s), headers within
 * `headersTimeoutMs`, and a malformed request line gets a 400 JSON answer instead of a reset.
 * Long responses (the console's event stream, WebSockets) are not affected: the limits are on
 * receiving the request.
 */
import http, { RequestListener, Server } from 'node:http';

export interface HttpLimits {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { requestTimeoutMs: 10_000, headersTimeoutMs: 8_000, keepAliveTimeoutMs: 5_000 };

/**
 * The HTTP server for `app`. Node checks the request timeouts only every
 * `connectionsCheckingInterval` (30 s by default, settable only here), so it is set to a second.
 */
export function createHttpServer(app: RequestListener, limits: HttpLimits = DEFAULT_HTTP_LIMITS): Server {
  const server = http.createServer({
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: 1000,
  }, app);
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const body = JSON.stringify({ error: { code: timedOut ? 'RequestTimeout' : 'BadRequest', message: timedOut ? 'The request took too long to arrive.' : 'Malformed HTTP request.' } });
    socket.end(`HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  return server;
}
