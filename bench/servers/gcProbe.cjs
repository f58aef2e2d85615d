// Preloaded into a benchmarked server (node --expose-gc --require ./bench/servers/gcProbe.cjs):
// on SIGUSR2 it runs a full garbage collection and prints the heap in use, so the bench can tell
// memory the process still holds from memory the collector has simply not returned yet.
'use strict';
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ gcProbe: { heapUsed: m.heapUsed, rss: m.rss, external: m.external } })}\n`);
});
