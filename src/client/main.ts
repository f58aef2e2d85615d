/**
 * Opastin's own resident chat client (the default page; Web Chat is the alternative, see
 * docs/web-chat.md). Privacy notice first; "accept" starts the conversation in one round trip
 * (the greeting comes with the token), then Direct Line over a WebSocket (polling if blocked).
 * The conversation lives in this tab's sessionStorage so a reload resumes it; quick exit, end and
 * delete, and an ended conversation leave nothing behind.
 */
import type { Activity, CardAction, Lang, Texts } from './activity';
import { Choices } from './choices';
import { ConnectionState, Conversation, DirectLineClient, HttpError } from './directLine';
import { applyLanguage, onLanguageSwitch, pickLanguage, readConfig } from './pageLanguage';
import { wireQuickExit } from './quickExit';
import { answersText, copyAnswers, downloadAnswers } from './saveAnswers';
import { ConnectionView } from './connectionView';
import { richOf, senderOf, Transcript } from './transcript';

const SESSION_KEY = 'opastin-chat';
const cfg = readConfig();
let lang: Lang = pickLanguage(cfg);
const t = (): Texts => cfg.strings[lang];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const ui = {
  privacy: $('privacy'), start: $<HTMLButtonElement>('start'), conversation: $('conversation'),
  input: $<HTMLInputElement>('input'), composer: $<HTMLFormElement>('composer'),
  actions: $('chat-actions'), end: $<HTMLButtonElement>('end'), save: $<HTMLButtonElement>('save'),
  savePanel: $('save-panel'), saveStatus: $('save-status'),
  ended: $('ended'), again: $<HTMLButtonElement>('again'), status: $('status'),
};
const transcript = new Transcript($('transcript'), $('transcript-scroll'), $('typing'), $('live-polite'), $('live-assertive'), t);
const choices = new Choices($('choices'), choose);
const connection = new ConnectionView($('conn'), t, () => void start());

let client: DirectLineClient | null = null;
/** Messages typed while offline wait here, in order, and go when the connection is back. */
let outbox: { clientId: string; activity: Activity }[] = [];
let flushing = false;
let focusChoicesNext = false;
let focusTimer: number | undefined;
let lastTypingSent = 0;
let counter = 0;

function save(conversation: Conversation | null): void {
  try {
    if (conversation) sessionStorage.setItem(SESSION_KEY, JSON.stringify(conversation));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // storage may be off: the conversation then lasts as long as the page
  }
}

function saved(): Conversation | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Conversation | null;
  } catch {
    return null;
  }
}

function showChat(on: boolean): void {
  document.body.classList.toggle('chatting', on);
  ui.privacy.hidden = on;
  ui.conversation.hidden = !on;
  ui.actions.hidden = !on;
  if (!on) ui.savePanel.hidden = true;
}

function onState(state: ConnectionState): void {
  connection.show(state);
  if (state === 'online') void flush();
  if (state === 'ended') finish(t().conversationGone);
}

function onActivities(list: Activity[]): void {
  const shown: HTMLLIElement[] = [];
  let latestChoices: CardAction[] | null = null;
  let urgent: string[] = [];
  for (const a of list) {
    const sender = senderOf(a);
    if (a.type === 'typing' && sender.kind !== 'user') transcript.showTyping(transcript.senderName(sender), 6000);
    if (a.type !== 'message') continue;
    if (sender.kind === 'user') {
      const id = String(a.channelData?.clientActivityID ?? '');
      // Our own messages are on screen already; after a reload they come back from the server.
      if (!id || !transcript.hasOwn(id)) transcript.addOwn(a.text ?? '', id || `seen-${counter++}`);
      continue;
    }
    shown.push(transcript.addIncoming(a));
    latestChoices = a.suggestedActions?.actions ?? [];
    const pinned = (a.channelData?.opastin as { urgentChoices?: unknown } | undefined)?.urgentChoices;
    urgent = Array.isArray(pinned) ? pinned.filter((x): x is string => typeof x === 'string') : [];
  }
  if (latestChoices) choices.show(latestChoices, t().moreChoices, urgent);
  transcript.announce(shown);
  ui.save.hidden = transcript.cards.length === 0;
  if (shown.length > 0 && focusChoicesNext) {
    // A reply may come in several frames: move focus once they have settled.
    const newest = shown[shown.length - 1];
    window.clearTimeout(focusTimer);
    focusTimer = window.setTimeout(() => {
      focusChoicesNext = false;
      if (!choices.focusFirst()) newest.focus({ preventScroll: true });
    }, 200);
  }
}

function begin(conversation: Conversation, expiresIn?: number): DirectLineClient {
  const c = new DirectLineClient(conversation, { activities: onActivities, state: onState, saved: save }, expiresIn);
  client = c;
  save(conversation);
  showChat(true);
  return c;
}

async function start(): Promise<void> {
  ui.start.disabled = true;
  ui.again.disabled = true;
  ui.ended.hidden = true;
  ui.status.textContent = '';
  connection.show('connecting');
  showChat(true);
  try {
    const res = await fetch(cfg.tokenUrl, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ start: true, locale: t().locale }),
    });
    if (!res.ok) throw new HttpError(res.status);
    const issued = (await res.json()) as { conversationId: string; token: string; userId: string; domain: string; expires_in: number; streamUrl: string; activities: Activity[]; watermark: string };
    transcript.clear();
    const c = begin({ domain: issued.domain, conversationId: issued.conversationId, token: issued.token, userId: issued.userId, watermark: null }, issued.expires_in);
    c.deliver(issued.activities, issued.watermark);
    c.connect(issued.streamUrl);
    if (!choices.focusFirst()) ui.input.focus();
  } catch (err) {
    showChat(false);
    connection.refused(err instanceof HttpError && err.status === 429 ? t().tooMany : t().refused);
  } finally {
    ui.start.disabled = false;
    ui.again.disabled = false;
  }
}

function resume(conversation: Conversation): void {
  // The transcript is gone with the old page: read the conversation again from the start.
  begin({ ...conversation, watermark: null }).connect();
}

function send(activity: Activity, shownText: string): void {
  if (!client) return;
  const clientId = `c${Date.now().toString(36)}${(counter++).toString(36)}`;
  const full = { ...activity, locale: t().locale, channelData: { clientActivityID: clientId } };
  transcript.addOwn(shownText, clientId);
  choices.clear();
  outbox.push({ clientId, activity: full });
  void flush();
}

async function flush(): Promise<void> {
  if (flushing || !client) return;
  flushing = true;
  const c = client;
  try {
    while (outbox.length > 0 && client === c) {
      const next = outbox[0];
      transcript.showTyping(t().botName);
      try {
        await c.post(next.activity);
        // The POST returns after the bot's turn: its replies are on the stream already, and a
        // counsellor's answer may take minutes, so the indicator goes (theirs shows when they type).
        transcript.hideTyping();
        transcript.setPending(next.clientId, null);
        outbox.shift();
      } catch (err) {
        transcript.hideTyping();
        if (err instanceof HttpError && err.status === 404) return onState('ended');
        if (err instanceof HttpError && err.status >= 400 && err.status < 500 && err.status !== 429) {
          outbox.shift(); // refused for good (too long, …): say so rather than retry forever
          transcript.setPending(next.clientId, t().refused);
          continue;
        }
        for (const waiting of outbox) transcript.setPending(waiting.clientId, t().notSent);
        return;
      }
    }
  } finally {
    flushing = false;
  }
}

function choose(action: CardAction): void {
  focusChoicesNext = true;
  if (action.type === 'openUrl' && typeof action.value === 'string') {
    window.open(action.value, '_blank', 'noopener');
    return;
  }
  if (action.type === 'postBack') send({ type: 'message', value: action.value }, action.title);
  else if (action.type === 'messageBack') send({ type: 'message', text: action.title, value: action.value }, action.title);
  else send({ type: 'message', text: String(action.value ?? action.title) }, action.title);
}

/** The conversation is over (deleted, expired): nothing of it stays on the page or in storage. */
function finish(message: string): void {
  client?.close();
  client = null;
  outbox = [];
  save(null);
  transcript.clear();
  choices.clear();
  connection.show(null);
  showChat(false);
  ui.privacy.hidden = true;
  ui.ended.hidden = false;
  ui.status.textContent = message;
  ui.again.focus();
}

async function endAndDelete(): Promise<void> {
  if (!client) return;
  ui.end.disabled = true;
  ui.status.textContent = t().ending;
  try {
    const res = await fetch(cfg.endUrl, { method: 'DELETE', headers: { Authorization: `Bearer ${client.conversation.token}` } });
    if (!res.ok && res.status !== 404) throw new HttpError(res.status);
    finish(t().deleted);
  } catch {
    ui.status.textContent = t().deleteFailed;
  } finally {
    ui.end.disabled = false;
  }
}

ui.composer.addEventListener('submit', (e) => {
  e.preventDefault();
  const text = ui.input.value.trim();
  if (!text) return;
  ui.input.value = '';
  focusChoicesNext = false;
  send({ type: 'message', text }, text);
});
ui.input.addEventListener('input', () => {
  // Typing indicator for a counsellor, at most every 3 s, never while offline.
  if (!client || client.state !== 'online' || Date.now() - lastTypingSent < 3000) return;
  lastTypingSent = Date.now();
  client.post({ type: 'typing' }).catch(() => undefined);
});
ui.start.addEventListener('click', () => void start());
ui.again.addEventListener('click', () => void start());
ui.end.addEventListener('click', () => void endAndDelete());
ui.save.addEventListener('click', () => {
  ui.savePanel.hidden = !ui.savePanel.hidden;
  ui.save.setAttribute('aria-expanded', String(!ui.savePanel.hidden));
  ui.saveStatus.textContent = '';
  if (!ui.savePanel.hidden) $('copy').focus();
});
$('copy').addEventListener('click', async () => {
  ui.saveStatus.textContent = (await copyAnswers(answersText(transcript.cards, t()))) ? t().copied : t().copyFailed;
});
$('download').addEventListener('click', () => downloadAnswers(answersText(transcript.cards, t()), t().fileName));
wireQuickExit($('quick-exit'), {
  token: () => client?.conversation.token ?? saved()?.token ?? null,
  endUrl: cfg.endUrl,
  exitUrl: cfg.quickExitUrl,
  forget: () => {
    client?.close();
    client = null;
    save(null);
    transcript.clear();
  },
});
onLanguageSwitch((next) => {
  lang = next;
  applyLanguage(cfg, lang);
  connection.refresh();
});

applyLanguage(cfg, lang);
const previous = saved();
if (previous) resume(previous);
