/**
 * The structured summary a counsellor sees, built from references (topic id, choices made) in the
 * resident's language: the topic in words and the answers, never anything typed. The resident
 * sees exactly this before choosing "send" or "don't send".
 */
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

/** "The counsellor will see: topic …, your choices …. Send?" with send / don't send. */
export function summaryMessage(bundle: ContentBundle, summary: HandoffSummary, lang: Lang): OutgoingActivity {
  const lines = [`- ${text(bundle, 'handoffSummaryTopic', lang)} **${summary.topic}**`, ...summary.answers.map((a) => `- ${a.question} **${a.answer}**`)];
  const body = [text(bundle, 'handoffSummaryIntro', lang), lines.join('\n'), text(bundle, 'handoffSummaryAsk', lang)].join('\n\n');
  return messageWithButtons(body, buttons(bundle, lang, [{ kind: 'send' }, { kind: 'dontSend' }]));
}
