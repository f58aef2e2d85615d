/**
 * Docker does not run on the test machines, so the image and compose files are checked against
 * what the build and the server really need: every COPY source exists, the CMD runs the file
 * `npm run build` produces (the dist test starts it), the image does not run as root, the health
 * check asks /readyz; compose has Redis with AOF and two Opastin processes behind a proxy that
 * passes WebSocket upgrades, and a stop timeout longer than the shutdown grace.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
const lines = dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

describe('Dockerfile', () => {
  it('copies only files that exist in the repository', () => {
    const sources = lines
      .filter((l) => /^COPY\s/.test(l) && !/--from=/.test(l))
      .flatMap((l) => l.replace(/^COPY\s+(--\S+\s+)*/, '').trim().split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(4);
    for (const source of sources) expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
  });

  it('runs the built server with plain node, as a non-root user, with a /readyz health check', () => {
    const stages = lines.filter((l) => /^FROM\s/.test(l));
    expect(stages.length).toBeGreaterThanOrEqual(3); // build, production deps, runtime
    const runtime = lines.slice(lines.lastIndexOf(stages[stages.length - 1]));
    expect(runtime.some((l) => /^USER\s+(?!root\b)\S+/.test(l))).toBe(true);
    expect(lines.some((l) => /npm ci --omit=dev/.test(l))).toBe(true); // the production-dependencies stage
    const cmd = JSON.parse(runtime.find((l) => /^CMD\s/.test(l))!.replace(/^CMD\s+/, '')) as string[];
    expect(cmd[0]).toBe('node');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:prod']).toContain(cmd[cmd.length - 1]);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/readyz/);
    expect(runtime.some((l) => /^ENV\s+NODE_ENV=production/.test(l))).toBe(true);
  });

  it('keeps local state and secrets out of the build context', () => {
    const ignored = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['.env', 'node_modules', 'dist', '.git']) expect(ignored).toContain(entry);
  });
});

describe('compose.yaml', () => {
  const compose = YAML.parse(fs.readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { command?: string[]; environment?: Record<string, string>; stop_grace_period?: string; depends_on?: object }>;
    configs: Record<string, { content: string }>;
  };

  it('runs Redis with AOF fsync every second and no eviction', () => {
    const cmd = compose.services.redis.command!.join(' ');
    expect(cmd).toMatch(/--appendonly yes/);
    expect(cmd).toMatch(/--appendfsync everysec/);
    expect(cmd).toMatch(/--maxmemory-policy noeviction/);
  });

  it('runs two Opastin processes in production on that Redis, with a stop timeout above the grace period', () => {
    const opastin = Object.entries(compose.services).filter(([name]) => name.startsWith('opastin'));
    expect(opastin).toHaveLength(2);
    for (const [, service] of opastin) {
      expect(service.environment?.NODE_ENV).toBe('production');
      expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
      const stopSeconds = Number(/^(\d+)s$/.exec(service.stop_grace_period ?? '')?.[1]);
      expect(stopSeconds * 1000).toBeGreaterThan(Number(service.environment?.SHUTDOWN_GRACE_MS));
    }
  });

  it('puts a proxy in front that balances both and passes WebSocket upgrades', () => {
    const nginx = compose.configs.nginx.content;
    expect(nginx).toMatch(/server opastin-1:3978/);
    expect(nginx).toMatch(/server opastin-2:3978/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$\$http_upgrade/);
  });
});
