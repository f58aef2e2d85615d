/**
 * The Web Chat variant of the page (`?client=webchat`, or `data-client="webchat"` on embed.js):
 * Microsoft's Web Chat 4.18, served by this server and loaded only on this variant, on our own
 * Direct Line. The privacy notice, language switch and quick exit are shared with our client.
 */
import { applyLanguage, onLanguageSwitch, pickLanguage, readConfig } from './pageLanguage';
import { wireQuickExit } from './quickExit';
import type { Lang, PageConfig } from './activity';

/* eslint-disable @typescript-eslint/no-explicit-any -- Web Chat's global has no types here */
type WebChatGlobal = { renderWebChat(props: Record<string, unknown>, el: HTMLElement): void; createDirectLine(o: Record<string, unknown>): any };
const w = window as unknown as { WebChat?: WebChatGlobal };

const script = document.currentScript as HTMLScriptElement | null;
const nonce = script?.nonce || script?.getAttribute('nonce') || '';
const cfg = readConfig() as PageConfig & { webchatUrl: string; region: { colours: { primary: string; accent: string } } };
let lang: Lang = pickLanguage(cfg);
const t = () => cfg.strings[lang];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = {
  privacy: $('privacy'), start: $<HTMLButtonElement>('start'), webchat: $('webchat'), actions: $('chat-actions'),
  end: $<HTMLButtonElement>('end'), ended: $('ended'), again: $<HTMLButtonElement>('again'), status: $('status'),
};

let loading: Promise<void> | null = null;
let session: { directLine: any; token: string; userId: string; host: HTMLElement } | null = null;

function loadWebChat(): Promise<void> {
  if (w.WebChat) return Promise.resolve();
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = cfg.webchatUrl;
      tag.nonce = nonce;
      tag.onload = () => resolve();
      tag.onerror = () => {
        loading = null;
        reject(new Error('Web Chat did not load'));
      };
      document.head.appendChild(tag);
    });
  }
  return loading;
}

function render(): void {
  if (!session || !w.WebChat) return;
  const { primary, accent } = cfg.region.colours;
  w.WebChat.renderWebChat({
    directLine: session.directLine, userID: session.userId, locale: t().locale, nonce,
    // Counsellors see "the resident is typing" (the bot passes it on only during a handoff).
    sendTypingIndicator: true,
    styleOptions: {
      accent: primary, backgroundColor: '#ffffff', bubbleBorderRadius: 8, bubbleFromUserBorderRadius: 8,
      bubbleFromUserBackground: primary, bubbleFromUserTextColor: '#ffffff', bubbleFromUserBorderColor: primary,
      bubbleBorderColor: '#767676', bubbleMaxWidth: 600, primaryFont: 'inherit', rootHeight: '100%', rootWidth: '100%',
      sendBoxButtonColor: primary, sendBoxButtonColorOnHover: accent, subtle: '#595959', suggestedActionBorderColor: primary,
      suggestedActionTextColor: primary, suggestedActionBorderRadius: 8, suggestedActionLayout: 'flow', hideUploadButton: true, timestampColor: '#595959',
    },
  }, session.host);
}

async function start(): Promise<void> {
  el.start.disabled = true;
  el.status.textContent = t().loading;
  try {
    const [, res] = await Promise.all([loadWebChat(), fetch(cfg.tokenUrl, { method: 'POST', headers: { Accept: 'application/json' } })]);
    if (!res.ok) throw new Error(`token ${res.status}`);
    const issued = (await res.json()) as { token: string; domain: string; userId: string };
    const host = document.createElement('div');
    host.className = 'webchat-host';
    el.webchat.replaceChildren(host);
    const directLine = w.WebChat!.createDirectLine({
      token: issued.token, domain: issued.domain, webSocket: true, conversationStartProperties: { locale: t().locale },
    });
    session = { directLine, token: issued.token, userId: issued.userId, host };
    let joined = false;
    directLine.connectionStatus$.subscribe((status: number) => {
      if (status === 4 && session?.directLine === directLine) el.status.textContent = t().connectionFailed;
      // The bot greets on conversationUpdate; webchat/join is kept for bots that wait for it.
      if (status === 2 && !joined) {
        joined = true;
        directLine.postActivity({ type: 'event', name: 'webchat/join', from: { id: issued.userId }, locale: t().locale }).subscribe({ error: () => undefined });
      }
    });
    el.privacy.hidden = true;
    el.ended.hidden = true;
    el.webchat.hidden = false;
    el.actions.hidden = false;
    render();
    el.status.textContent = '';
    focusSendBox(host);
  } catch {
    el.status.textContent = t().connectionFailed;
  } finally {
    el.start.disabled = false;
  }
}

function focusSendBox(host: HTMLElement): void {
  let tries = 0;
  const look = () => {
    const input = host.querySelector<HTMLElement>('[data-id="webchat-sendbox-input"]');
    if (input) input.focus();
    else if (tries++ < 50) requestAnimationFrame(look);
  };
  look();
}

function forget(): void {
  try {
    session?.directLine.end();
  } catch {
    // already ended
  }
  session = null;
  el.webchat.replaceChildren();
  el.webchat.hidden = true;
  el.actions.hidden = true;
}

async function endAndDelete(): Promise<void> {
  if (!session) return;
  el.end.disabled = true;
  el.status.textContent = t().ending;
  try {
    const res = await fetch(cfg.endUrl, { method: 'DELETE', headers: { Authorization: `Bearer ${session.directLine.token || session.token}` } });
    if (!res.ok && res.status !== 404) throw new Error(`delete ${res.status}`);
    forget();
    el.ended.hidden = false;
    el.status.textContent = t().deleted;
    el.again.focus();
  } catch {
    el.status.textContent = t().deleteFailed;
  } finally {
    el.end.disabled = false;
  }
}

onLanguageSwitch((next) => {
  lang = next;
  applyLanguage(cfg, lang);
  render();
});
el.start.addEventListener('click', () => void start());
el.again.addEventListener('click', () => void start());
el.end.addEventListener('click', () => void endAndDelete());
// Fetch Web Chat early when the resident is about to start, not for every visitor.
for (const type of ['pointerenter', 'focus', 'touchstart']) {
  el.start.addEventListener(type, () => void loadWebChat().catch(() => undefined), { once: true, passive: true });
}
wireQuickExit($('quick-exit'), { token: () => session?.token ?? null, endUrl: cfg.endUrl, exitUrl: cfg.quickExitUrl, forget });
applyLanguage(cfg, lang);
