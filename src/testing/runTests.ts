/**
 * Runs conversation tests against the real engine: each test starts a fresh conversation, sends
 * the resident's lines and checks what the bot said, offered, routed to, and signalled.
 * Expectations after a `user:` line look at that turn's replies.
 */
import type { Diagnostic } from '../content/diagnostic';
import { foldText } from '../engine/normaliseText';
import { Diagnostics } from '../engine/compiler/source';
import type { ContentStore } from '../engine/contentStore';
import { ConversationHarness, events, offers, Reply, texts } from './harness';
import { ConversationTest, readTestFile, testFiles } from './testFile';

export interface TestFailure {
  test: string;
  file: string;
  line: number;
  col: number;
  message: string;
}
export interface TestReport {
  passed: number;
  failed: TestFailure[];
  diagnostics: Diagnostic[];
  perDialog: Map<string, number>;
}

function check(step: ConversationTest['script'][number]['step'], replies: Reply[], scores: Record<string, number>): string | null {
  const said = texts(replies);
  switch (step.kind) {
    case 'bot':
      return said.some((t) => foldText(t).includes(foldText(step.text))) ? null
        : `expected the bot to say "${step.text}", found: ${said.map((t) => JSON.stringify(t.slice(0, 80))).join(' | ') || 'nothing'}`;
    case 'notBot': {
      const found = said.find((t) => foldText(t).includes(foldText(step.text)));
      return found ? `expected the bot not to say "${step.text}", found: ${JSON.stringify(found.slice(0, 80))}` : null;
    }
    case 'offers': {
      const offered = offers(replies).map(foldText);
      const missing = step.labels.filter((l) => !offered.includes(foldText(l)));
      return missing.length === 0 ? null : `expected the bot to offer ${missing.map((m) => `"${m}"`).join(', ')}, found: ${offers(replies).join(', ') || 'no choices'}`;
    }
    case 'routes': {
      const routes = events(replies, 'route').map((e) => e.value as { service: string; topic: string });
      const ok = routes.some((r) => (!step.service || r.service === step.service) && (!step.topic || r.topic === step.topic));
      return ok ? null : `expected a route to ${step.service ?? ''} ${step.topic ?? ''}, found: ${routes.map((r) => `${r.service} (${r.topic})`).join(', ') || 'no route'}`;
    }
    case 'event':
      return events(replies, step.name).length > 0 ? null : `expected the event "${step.name}", found: ${events(replies).map((e) => e.name).join(', ') || 'none'}`;
    case 'crisis':
      return events(replies, 'crisis').length > 0 ? null : 'expected the crisis response, found none';
    case 'score': {
      const wrong = Object.entries(step.scores).filter(([name, points]) => scores[name] !== points);
      const found = Object.entries(scores).map(([name, points]) => `${name} ${points}`).join(', ') || 'no score';
      return wrong.length === 0 ? null : `expected ${wrong.map(([n, p]) => `score ${n} ${p}`).join(', ')}, found: ${found}`;
    }
    case 'user':
      return null;
  }
}

export async function runConversationTests(rootDir: string, content: ContentStore): Promise<TestReport> {
  const diags = new Diagnostics();
  const report: TestReport = { passed: 0, failed: [], diagnostics: diags.list, perDialog: new Map() };
  for (const file of testFiles(rootDir)) {
    for (const test of readTestFile(file, rootDir, diags)) {
      report.perDialog.set(test.dialog, (report.perDialog.get(test.dialog) ?? 0) + 1);
      const harness = new ConversationHarness(content, test.lang, undefined, `test-${report.passed + report.failed.length}`);
      let replies = await harness.start(test.dialog);
      let failure: TestFailure | null = null;
      for (const { step, pos } of test.script) {
        if (step.kind === 'user') {
          replies = await harness.say(step.text);
          continue;
        }
        const problem = check(step, replies, harness.lastScores);
        if (problem) {
          failure = { test: test.name, ...pos, message: problem };
          break;
        }
      }
      if (failure) report.failed.push(failure);
      else report.passed++;
    }
  }
  return report;
}
