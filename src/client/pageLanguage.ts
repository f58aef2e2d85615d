/**
 * The page's language: ?lang=, an earlier choice in this tab, the browser's languages, then the
 * server's guess. Switching rewrites every [data-i18n] text and <html lang>. Shared by our client
 * and the Web Chat variant.
 */
import { isLang, type Lang } from '../lang';
import type { PageConfig } from './activity';

const KEY = 'opastin-lang';

export function pickLanguage(cfg: PageConfig): Lang {
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(KEY);
  } catch {
    // storage may be off
  }
  const candidates = [new URLSearchParams(location.search).get('lang'), stored, ...(navigator.languages ?? [navigator.language]), cfg.lang];
  for (const c of candidates) {
    const primary = String(c ?? '').toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'fi';
}

export function applyLanguage(cfg: PageConfig, lang: Lang): void {
  const s = cfg.strings[lang] as unknown as Record<string, unknown>;
  document.documentElement.lang = lang;
  document.title = String(s.title).replace('{region}', cfg.region.name[lang]);
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    const value = String(s[node.dataset.i18n!] ?? '');
    const attr = node.dataset.i18nAttr;
    if (attr) node.setAttribute(attr, value);
    else if (node.dataset.i18nTel !== undefined) node.replaceChildren(...withTelLinks(value));
    else node.textContent = value;
  });
  document.querySelectorAll<HTMLElement>('[data-i18n-item]').forEach((node) => {
    const [key, i] = node.dataset.i18nItem!.split('.');
    node.textContent = String((s[key] as string[])[Number(i)]);
  });
  document.querySelectorAll<HTMLElement>('[data-region-name]').forEach((node) => (node.textContent = cfg.region.name[lang]));
  document.querySelectorAll<HTMLButtonElement>('button[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
}

/** "… soita 112." as text with 112 as a tap-to-call link. */
function withTelLinks(text: string): Node[] {
  return text.split(/\b(112)\b/).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const a = document.createElement('a');
    a.href = 'tel:112';
    a.textContent = part;
    return a;
  });
}

export function onLanguageSwitch(handler: (lang: Lang) => void): void {
  document.querySelectorAll<HTMLButtonElement>('button[data-lang]').forEach((button) => {
    button.addEventListener('click', () => {
      const next = button.dataset.lang as Lang;
      try {
        sessionStorage.setItem(KEY, next);
      } catch {
        // storage may be off
      }
      handler(next);
    });
  });
}

export function readConfig(): PageConfig {
  return JSON.parse(document.getElementById('chat-config')!.textContent!) as PageConfig;
}
