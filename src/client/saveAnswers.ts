/**
 * "Save these answers": the service cards the resident got, as plain text to copy or download.
 * Made in the browser from what is on the page; nothing is sent anywhere.
 */
import type { ServiceCardData } from '../content/catalogue/serviceCard';
import type { Texts } from './activity';
import { cardText } from './serviceCards';

export function answersText(cards: ServiceCardData[], t: Texts, now = new Date()): string {
  const date = now.toLocaleDateString(t.locale);
  const seen = new Set<string>();
  const unique = cards.filter((c) => !seen.has(c.id) && seen.add(c.id));
  return `${t.savedHeading.replace('{date}', date)}\n\n${unique.map(cardText).join('\n\n')}\n`;
}

export async function copyAnswers(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function downloadAnswers(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
