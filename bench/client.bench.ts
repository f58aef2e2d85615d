/**
 * The residents' chat on a weak phone link, imported by bench/run.ts: bytes on the wire from
 * opening the page until the first bot message shows, and the time from tapping start to that
 * message, on emulated Fast-3G (Chromium DevTools protocol: 562.5 ms latency, 1.44 Mbit/s down,
 * 675 kbit/s up, as DevTools' preset) with the CPU 4× slower; for our client and for Web Chat,
 * each run in a fresh browser context (empty cache). Medians of several runs. Needs Debian's
 * chromium at /usr/bin/chromium (never downloads a browser).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { loadDirectLineConfig } from '../src/channels/directline';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logging/logger';
import { createRuntime, Runtime } from '../src/server/runtime';
import type { BenchResult } from './nlu.bench';

export const CHROMIUM = '/usr/bin/chromium';
export const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };
export const CPU_SLOWDOWN = 4;
export type ChatVariant = 'opastin' | 'webchat';

/** The first message from the bot, as each client draws it. */
const FIRST_BOT: Record<ChatVariant, string> = {
  opastin: '#transcript .msg.bot',
  webchat: '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content',
};

export interface FirstMessage {
  variant: ChatVariant;
  /** Compressed bytes received (HTTP bodies and headers, WebSocket frames) from opening the page to the first bot message. */
  bytes: number;
  /** Milliseconds from tapping start to the first bot message on screen. */
  tapToMessageMs: number;
}

/** One measured run in a fresh context: open the page on Fast-3G with a slow CPU, tap start, wait. */
export async function measureFirstMessage(browser: Browser, baseUrl: string, variant: ChatVariant): Promise<FirstMessage> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fi-FI' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    let counting = true;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => counting && (bytes += e.encodedDataLength));
    cdp.on('Network.webSocketFrameReceived', (e: { response: { payloadData: string } }) => {
      if (counting) bytes += Buffer.byteLength(e.response.payloadData) + 4;
    });
    await page.goto(`${baseUrl}/?client=${variant}`, { waitUntil: 'load' });
    // Time inside the page: from the tap to the first bot message in the DOM.
    await page.evaluate((selector) => {
      const w = window as unknown as { __tap?: number; __first?: number };
      document.getElementById('start')!.addEventListener('pointerdown', () => (w.__tap = performance.now()), { once: true });
      new MutationObserver((_m, observer) => {
        if (document.querySelector(selector)) {
          w.__first = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    }, FIRST_BOT[variant]);
    await page.click('#start');
    await page.waitForFunction(() => (window as unknown as { __first?: number }).__first !== undefined, undefined, { timeout: 60000, polling: 50 });
    counting = false;
    const ms = await page.evaluate(() => {
      const w = window as unknown as { __tap: number; __first: number };
      return w.__first - w.__tap;
    });
    return { variant, bytes, tapToMessageMs: ms };
  } finally {
    await context.close();
  }
}

/** A runtime with memory state listening on a free port; brotli for every asset (as in production). */
export async function benchServer(): Promise<{ url: string; runtime: Runtime; server: Server }> {
  const env = { NODE_ENV: 'development', LOG_LEVEL: 'error', CONTENT_WATCH: 'false', DIRECT_LINE_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuv', CHAT_TOKEN_RATE_LIMIT: '1000' };
  const { config } = loadConfig(env);
  const { config: directLine } = loadDirectLineConfig(env);
  const runtime = createRuntime(config, createLogger('error'), { directLine });
  const server = await new Promise<Server>((resolve) => {
    const s = runtime.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!runtime.directLine.streams.handleUpgrade(req, socket, head)) socket.destroy();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await untilBrotli(url);
  return { url, runtime, server };
}

/** Brotli at quality 11 is computed in the background after start: wait until every asset has it. */
async function untilBrotli(url: string): Promise<void> {
  const page = await (await fetch(`${url}/?client=webchat`)).text();
  const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const webchat = /"webchatUrl":"([^"]+)"/.exec(page)?.[1];
  const ours = /src="(\/assets\/chat-[^"]+\.js)"/.exec(await (await fetch(`${url}/`)).text())?.[1];
  for (const asset of [...assets, ...(webchat ? [webchat] : []), ...(ours ? [ours] : [])]) {
    for (let i = 0; i < 600; i++) {
      const res = await fetch(`${url}${asset}`, { headers: { 'Accept-Encoding': 'br' } });
      await res.arrayBuffer();
      if (res.headers.get('content-encoding') === 'br') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const RUNS: Record<ChatVariant, number> = { opastin: 5, webchat: 3 };

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (install Debian's chromium)`);
  const { url, runtime, server } = await benchServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const results: BenchResult[] = [];
  try {
    for (const variant of ['opastin', 'webchat'] as const) {
      const runs: FirstMessage[] = [];
      for (let i = 0; i < RUNS[variant]; i++) runs.push(await measureFirstMessage(browser, url, variant));
      const name = variant === 'opastin' ? 'chat client (ours)' : 'chat client (Web Chat)';
      results.push({ name: `${name}: KB on the wire to first bot message, Fast-3G`, unit: 'KB', median: median(runs.map((r) => r.bytes)) / 1024, samples: runs.length });
      results.push({ name: `${name}: tap start to first bot message, Fast-3G + 4x CPU`, unit: 'ms', median: median(runs.map((r) => r.tapToMessageMs)), samples: runs.length });
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.close();
  }
  return results;
}

// `npx tsx bench/client.bench.ts` runs this module alone.
if (require.main === module) {
  run().then((r) => console.table(r), (err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
