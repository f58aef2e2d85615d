/**
 * "No one is available" told honestly, never as a dead end: the alternatives with their hours,
 * a call-back request where the team takes them, and buttons to go on. For a resident flagged
 * in crisis the alternatives are the crisis contacts, whatever the hour: 112, the crisis line
 * and the region's social and crisis on-call service.
 */
import type { ContentBundle } from '../../engine/contentBundle';
import { Button, CONTACT_REQUEST_ACTION, messageWithButtons, OutgoingActivity, text } from '../../engine/render';
import type { Lang } from '../../lang';
import { crisisLines, serviceCards } from '../crisisResponse';
import { buttons } from '../replies';

export interface Unavailable {
  queue: string | null;
  alternatives: string[];
  acceptsContactRequests: boolean;
  inCrisis: boolean;
  /** The resident's topic: only alternatives for it are shown. */
  topic?: string;
}

/**
 * The queue's services that answer the resident's topic; when none does (the general guidance
 * queue also lists chronic-illness self-care), the health centre only, never an unrelated card.
 */
export function relevantAlternatives(bundle: ContentBundle, ids: string[], topic: string | undefined): string[] {
  const services = bundle.catalogue.services;
  const forTopic = ids.filter((id) => {
    const s = services.get(id);
    return !!s && !!topic && (s.topic === topic || s.alsoTopics?.includes(topic as never));
  });
  if (forTopic.length > 0) return forTopic;
  return ids.filter((id) => services.get(id)?.role === 'health-centre');
}

/** The region's own crisis services (social and crisis on-call): crisis-topic services not from the national base. */
function regionalCrisisServices(bundle: ContentBundle): string[] {
  return [...bundle.catalogue.services.values()].filter((s) => s.topic === 'crisis' && s.origin !== 'base').map((s) => s.id);
}

export function unavailableReply(bundle: ContentBundle, lang: Lang, u: Unavailable, now = new Date()): OutgoingActivity {
  const ids = u.inCrisis ? ['emergency-112', ...crisisLines(lang), ...regionalCrisisServices(bundle)] : relevantAlternatives(bundle, u.alternatives, u.topic);
  const intro = text(bundle, u.inCrisis ? 'handoffUnavailableCrisis' : 'handoffUnavailable', lang);
  const body = [intro, ...serviceCards(bundle, ids, lang, now)].filter(Boolean).join('\n\n');
  const actions: Button[] = [];
  if (u.acceptsContactRequests && u.queue) {
    // The team calls back: offered, never asked for by default.
    actions.push({ type: 'postBack', title: text(bundle, 'contactOffer', lang), value: { action: CONTACT_REQUEST_ACTION, queue: u.queue } });
  }
  actions.push(...buttons(bundle, lang, [{ kind: 'command', command: 'restart' }]));
  return messageWithButtons(body, actions);
}
