/**
 * The conversation on screen: messages in order (the resident's on the right, Opastin's and a
 * counsellor's on the left, a counsellor's visibly marked with role and first name), service
 * cards, the typing line, and the screen-reader announcements: each new message once, politely;
 * a crisis answer assertively. The list itself is not a live region, so nothing is read twice.
 */
import type { ServiceCardData } from '../content/catalogue/serviceCard';
import type { Activity, RichMessage, Texts } from './activity';
import { renderMarkdown } from './markdown';
import { cardText, renderCard } from './serviceCards';

export type Sender = { kind: 'bot' } | { kind: 'counsellor'; name: string } | { kind: 'user' };

export function senderOf(a: Activity): Sender {
  if (a.from?.role === 'user') return { kind: 'user' };
  if (a.from?.id && a.from.id !== 'opastin') return { kind: 'counsellor', name: (a.from.name ?? '').trim().split(/\s+/)[0] ?? '' };
  return { kind: 'bot' };
}

export function richOf(a: Activity): RichMessage | null {
  const rich = a.channelData?.opastin as RichMessage | undefined;
  return rich && rich.v === 1 && Array.isArray(rich.cards) ? rich : null;
}

export class Transcript {
  /** Every service card shown, for "save these answers". */
  readonly cards: ServiceCardData[] = [];
  private typingTimer: number | undefined;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly scroller: HTMLElement,
    private readonly typingLine: HTMLElement,
    private readonly polite: HTMLElement,
    private readonly assertive: HTMLElement,
    private readonly t: () => Texts,
  ) {}

  senderName(s: Sender): string {
    if (s.kind === 'user') return this.t().you;
    if (s.kind === 'counsellor') return s.name ? `${this.t().counsellorRole} ${s.name}` : this.t().counsellorRole;
    return this.t().botName;
  }

  /** A message from Opastin or a counsellor; returns its list item. */
  addIncoming(a: Activity): HTMLLIElement {
    const sender = senderOf(a);
    const rich = richOf(a);
    const li = this.item(sender.kind === 'counsellor' ? 'msg counsellor' : 'msg bot', sender);
    const body = li.querySelector('.msg-body')!;
    body.appendChild(renderMarkdown(rich ? rich.text : a.text ?? ''));
    if (rich) {
      for (const card of rich.cards) {
        body.appendChild(renderCard(card, this.t().exampleMark));
        this.cards.push(card);
      }
    }
    if (rich?.crisis) li.classList.add('crisis');
    this.list.appendChild(li);
    this.hideTyping();
    return li;
  }

  addOwn(text: string, clientId: string): HTMLLIElement {
    const li = this.item('msg user', { kind: 'user' });
    li.dataset.clientId = clientId;
    li.querySelector('.msg-body')!.appendChild(renderMarkdown(text.replace(/[\\*[\]]/g, '\\$&')));
    this.list.appendChild(li);
    this.scrollToEnd();
    return li;
  }

  /** "Not sent yet" under one of the resident's messages, or nothing once it went. */
  setPending(clientId: string, note: string | null): void {
    const li = this.list.querySelector<HTMLLIElement>(`li[data-client-id="${CSS.escape(clientId)}"]`);
    if (!li) return;
    li.querySelector('.msg-note')?.remove();
    if (note) li.appendChild(Object.assign(document.createElement('p'), { className: 'msg-note', textContent: note }));
  }

  hasOwn(clientId: string): boolean {
    return Boolean(this.list.querySelector(`li[data-client-id="${CSS.escape(clientId)}"]`));
  }

  /** Announces new messages once, and shows the first of them with its question in view. */
  announce(items: HTMLLIElement[]): void {
    if (items.length === 0) return;
    const say = (li: HTMLLIElement) => `${li.querySelector('.msg-from')?.textContent ?? ''} ${li.querySelector('.msg-body')?.textContent ?? ''}`.trim();
    const crisis = items.filter((li) => li.classList.contains('crisis'));
    const calm = items.filter((li) => !li.classList.contains('crisis'));
    // Replacing the text (not appending) makes screen readers read just the new part.
    if (crisis.length > 0) this.assertive.textContent = crisis.map(say).join(' ');
    if (calm.length > 0) this.polite.textContent = calm.map(say).join(' ');
    this.reveal(items[0], items[items.length - 1]);
  }

  showTyping(name: string, ms = 15000): void {
    this.typingLine.textContent = this.t().typing.replace('{name}', name);
    this.typingLine.hidden = false;
    window.clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => this.hideTyping(), ms);
  }

  hideTyping(): void {
    window.clearTimeout(this.typingTimer);
    this.typingLine.hidden = true;
  }

  clear(): void {
    this.list.replaceChildren();
    this.cards.length = 0;
    this.polite.textContent = '';
    this.assertive.textContent = '';
    this.hideTyping();
  }

  /** The transcript scrolls by itself in the app layout; at high zoom the page scrolls instead. */
  private scrollsItself(): boolean {
    return getComputedStyle(this.scroller).overflowY === 'auto';
  }

  private scrollToEnd(): void {
    if (this.scrollsItself()) this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  /**
   * The newest message (the one with the question) is always shown whole, with as much of the
   * ones before it as fits; a message taller than the box is shown from its top.
   */
  private reveal(first: HTMLLIElement, last: HTMLLIElement): void {
    if (!this.scrollsItself()) {
      first.scrollIntoView({ block: 'start' });
      return;
    }
    const box = this.scroller;
    const bottom = box.scrollHeight - box.clientHeight;
    box.scrollTop = last.offsetHeight + 16 > box.clientHeight ? last.offsetTop - 8 : bottom;
  }

  private item(className: string, sender: Sender): HTMLLIElement {
    const li = document.createElement('li');
    li.className = className;
    li.tabIndex = -1;
    const from = document.createElement('p');
    from.className = sender.kind === 'counsellor' ? 'msg-from' : 'msg-from sr-only';
    from.textContent = `${this.senderName(sender)}:`;
    const body = document.createElement('div');
    body.className = 'msg-body';
    li.append(from, body);
    return li;
  }
}
