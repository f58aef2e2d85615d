/**
 * A service card as a structured block: name (with the "example data" mark), one line of what it
 * is, then each way to reach it on its own line with its open-now status; phone numbers are
 * tel: links, web links carry a readable label. Also the plain text the resident can save.
 */
import type { ChannelCardData, ServiceCardData } from '../content/catalogue/serviceCard';
import { link, linkLabel, safeHref } from './markdown';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function way(c: ChannelCardData): HTMLLIElement {
  const li = el('li', `way way-${c.type}`);
  li.appendChild(el('span', 'way-title', `${c.title}: `));
  const href = c.tel ?? (c.url ? safeHref(c.url) : null);
  if (c.phone && c.tel) li.appendChild(link(c.tel, c.phone));
  else if (c.url && href) li.appendChild(link(href, linkLabel(c.url)));
  else if (c.address) li.appendChild(el('span', 'way-address', c.address));
  if (c.statusText) {
    const open = c.status?.state === 'open' ? ' open' : c.status?.state === 'closed' ? ' closed' : '';
    const status = el('span', `way-status${open}`, c.weeklyText ? `${c.statusText} (${c.weeklyText})` : c.statusText);
    li.appendChild(status);
  }
  for (const extra of [c.chargeText, c.languagesText, c.servesText, c.notes, c.pickText]) {
    if (extra) li.appendChild(el('span', 'way-note', extra));
  }
  return li;
}

export function renderCard(card: ServiceCardData, exampleMark: string): HTMLElement {
  const article = el('article', card.example ? 'card example' : 'card');
  const title = el('h3', 'card-title', card.title);
  if (card.exampleLabel) {
    const mark = el('span', 'example-mark', ` ${card.exampleLabel}`);
    mark.title = exampleMark;
    title.appendChild(mark);
  }
  article.appendChild(title);
  article.appendChild(el('p', 'card-what', card.description));
  const ways = el('ul', 'ways');
  for (const c of card.channels) ways.appendChild(way(c));
  article.appendChild(ways);
  for (const extra of [card.queueText, card.findContactText, card.anonymousText, card.notes]) {
    if (extra) article.appendChild(el('p', 'card-note', extra));
  }
  article.appendChild(el('p', 'card-checked', `${card.checkedOnText}.`));
  if (card.draftText) article.appendChild(el('p', 'card-draft', card.draftText));
  return article;
}

/** The card as plain text lines, for "save these answers". */
export function cardText(card: ServiceCardData): string {
  const lines = [card.exampleLabel ? `${card.title} ${card.exampleLabel}` : card.title, card.description];
  for (const c of card.channels) {
    const contact = c.phone ?? c.url ?? c.address ?? '';
    const bits = [`- ${c.title}: ${contact}`, c.statusText && c.weeklyText ? `${c.statusText} (${c.weeklyText})` : c.statusText, c.chargeText, c.languagesText, c.servesText, c.notes, c.pickText];
    lines.push(bits.filter(Boolean).join(' — '));
  }
  for (const extra of [card.queueText, card.findContactText, card.anonymousText, card.notes]) if (extra) lines.push(extra);
  lines.push(`${card.checkedOnText}.`);
  if (card.draftText) lines.push(card.draftText);
  return lines.join('\n');
}
