/**
 * The structured summary a counsellor sees, built from references (topic id, choices made) in the
 * resident's language: the topic in words and the answers, never anything typed. The resident
 * sees exactly this before choosing "send" or "don't send".
 */
import { describeOpening, openingStatus } from '../../content/catalogue';
import { describeAnswers } from '../../engine/answers';
import type { ContentBundle } from '../../engine/contentBundle';
import { messageWithButtons, OutgoingActivity, text } from '../../engine/render';
import type { Lang } from '../../lang';
import type { HandoffContext } from '../turn/turnState';
import type { HandoffSummary } from './handoffPort';
import { buttons } from '../replies';

export function buildSummary(bundle: ContentBundle, context: HandoffContext, lang: Lang): HandoffSummary {
  const topic = bundle.program.topics.get(context.topic)?.label[lang] ?? bundle.program.topics.get('human')?.label[lang] ?? context.topic;
  return { topic, topicId: context.topic, answers: describeAnswers(context.answers, bundle.program, lang) };
}

/**
 * "The chat is closed now (opens Mon 8.00)" when every queue the request would try is closed by
 * its hours: said before "send and queue", so the resident is not left to find out after.
 */
export function queueClosedNote(bundle: ContentBundle, queues: string[], lang: Lang, now = new Date()): string | undefined {
  const found = queues.map((id) => bundle.catalogue.queues.get(id)).filter((q) => !!q);
  if (found.length === 0) return undefined;
  const timezone = bundle.catalogue.region.timezone;
  if (!found.every((q) => openingStatus(q!.hours, now, timezone).state === 'closed')) return undefined;
  const opening = describeOpening(found[0]!.hours, lang, now, timezone);
  return text(bundle, 'handoffQueueClosed', lang).replace('{opening}', opening) || undefined;
}

/** "The counsellor will see: topic …, your choices …. Send?" with send / don't send. */
export function summaryMessage(bundle: ContentBundle, summary: HandoffSummary, lang: Lang, closedNote?: string): OutgoingActivity {
  const lines = [`- ${text(bundle, 'handoffSummaryTopic', lang)} **${summary.topic}**`, ...summary.answers.map((a) => `- ${a.question} **${a.answer}**`)];
  const body = [...(closedNote ? [closedNote] : []), text(bundle, 'handoffSummaryIntro', lang), lines.join('\n'), text(bundle, 'handoffSummaryAsk', lang)].join('\n\n');
  return messageWithButtons(body, buttons(bundle, lang, [{ kind: 'send' }, { kind: 'dontSend' }]));
}
