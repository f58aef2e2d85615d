/** Builds an in-process runtime for HTTP tests (supertest), with memory or real Redis state. */
import { Writable } from 'node:stream';
import { Config, loadConfig } from '../../src/config';
import { createLogger, Logger } from '../../src/logging/logger';
import { createRuntime, Runtime } from '../../src/server/runtime';

export function testConfig(env: Record<string, string> = {}): Config {
  const { config, problems } = loadConfig({ NODE_ENV: 'test', ...env });
  if (problems.length > 0) throw new Error(problems.join('; '));
  return config;
}

/**
 * A logger that keeps every line, so tests can assert on what would reach the logs; `keep` bounds
 * it to the newest lines (the long fuzz run: kept for ever, they were its biggest heap growth).
 */
export function capturingLogger(level = 'debug', keep = Infinity): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      if (lines.length > keep) lines.splice(0, lines.length - keep);
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}

export function testRuntime(env: Record<string, string> = {}): Runtime & { lines: string[] } {
  const { log, lines } = capturingLogger();
  return Object.assign(createRuntime(testConfig(env), log), { lines });
}
