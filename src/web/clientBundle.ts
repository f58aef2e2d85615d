/**
 * Builds the browser code (src/client) with esbuild when the server starts: one minified bundle
 * for our client, one for the Web Chat variant, and the page's CSS. Built in memory, once per
 * process (about 50 ms), so `npm start` needs no build step and the bundle always matches the
 * source. URLs carry a content hash, so browsers may cache them for a year.
 */
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import path from 'node:path';

const CLIENT_DIR = path.resolve(__dirname, '../client');

export interface BuiltAsset {
  /** "/assets/chat-<hash>.js" */
  url: string;
  contentType: string;
  bytes: Buffer;
}

export interface ClientBundle {
  js: BuiltAsset;
  webchatJs: BuiltAsset;
  css: BuiltAsset;
}

function built(name: string, ext: string, contentType: string, text: string): BuiltAsset {
  const bytes = Buffer.from(text);
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 10);
  return { url: `/assets/${name}-${hash}.${ext}`, contentType, bytes };
}

function bundle(entry: string): string {
  const result = buildSync({
    entryPoints: [path.join(CLIENT_DIR, entry)],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

let cached: ClientBundle | null = null;

export function clientBundle(): ClientBundle {
  if (!cached) {
    const css = buildSync({ entryPoints: [path.join(CLIENT_DIR, 'chat.css')], bundle: true, minify: true, write: false, logLevel: 'silent' });
    cached = {
      js: built('chat', 'js', 'application/javascript; charset=utf-8', bundle('main.ts')),
      webchatJs: built('webchat-page', 'js', 'application/javascript; charset=utf-8', bundle('webchatMain.ts')),
      css: built('chat', 'css', 'text/css; charset=utf-8', css.outputFiles[0].text),
    };
  }
  return cached;
}
