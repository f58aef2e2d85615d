/** Shared by the chat page e2e suites: Chromium, a server that can be stopped and started again on the same port. */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { Browser, chromium } from 'playwright-core';
import type { Runtime } from '../../src/server/runtime';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const haveChromium = fs.existsSync(CHROMIUM);
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function describeE2e(name: string, fn: () => void): void {
  if (!haveChromium && !process.env.CI) {
    console.warn(`SKIPPED ${name}: ${CHROMIUM} is missing (install Debian's chromium). In CI (CI set) this suite fails instead.`);
  }
  (haveChromium || process.env.CI ? describe : describe.skip)(name, fn);
}

/**
 * `zoom` launches the browser as a window of 1280×720 device pixels scaled that much
 * (--force-device-scale-factor; the window size is given in scaled pixels): the page sees what
 * browser zoom gives it (innerWidth 1280/zoom, devicePixelRatio = zoom) without any viewport
 * emulation. Headless Chromium has no zoom menu, so this is the nearest real thing.
 */
export function launch(zoom?: number): Promise<Browser> {
  const args = zoom ? [...BASE_ARGS, `--force-device-scale-factor=${zoom}`, `--window-size=${1280 / zoom},${720 / zoom}`] : BASE_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args });
}

/** The runtime's app on a port that stays the same across stop() and start(), like a restarted server. */
export class RestartableServer {
  private server: Server | null = null;
  port = 0;

  constructor(private readonly runtime: Runtime) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = await new Promise<Server>((resolve, reject) => {
      const s = this.runtime.app.listen(this.port, '127.0.0.1', () => resolve(s));
      s.on('error', reject);
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (!this.runtime.directLine.streams.handleUpgrade(req, socket, head)) socket.destroy();
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Refuses new connections and drops every open one, WebSockets included. */
  async stop(): Promise<void> {
    const wss = (this.runtime.directLine.streams as unknown as { wss: { clients: Set<{ terminate(): void }> } }).wss;
    for (const ws of wss.clients) ws.terminate();
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
