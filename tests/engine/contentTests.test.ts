/** Every conversation test the editors wrote (dialogs/*.test.yaml) passes on the real engine. */
import { ContentStore } from '../../src/engine/contentStore';
import { runConversationTests } from '../../src/testing/runTests';
import { createLogger } from '../../src/logging/logger';
import { REPO_ROOT } from './support';

it('the shipped content compiles and every conversation test passes', async () => {
  const store = new ContentStore(REPO_ROOT, 'demo', createLogger('silent'));
  const outcome = store.reload();
  expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const report = await runConversationTests(REPO_ROOT, store);
  expect(report.diagnostics).toEqual([]);
  expect(report.failed).toEqual([]);
  for (const id of store.current()!.program.dialogs.keys()) expect(report.perDialog.get(id) ?? 0).toBeGreaterThan(0);
});
