/**
 * The chat page's HTML: a county-website-like page (header with the region's logo and name, a
 * short intro, the chat panel with the privacy notice first). `embed` renders only the panel,
 * for the iframe that embed.js opens on a county's own site.
 */
import type { Lang } from '../lang';
import { LANGS } from '../lang';
import type { Region } from '../content/catalogue';
import { STRINGS } from './strings';

export interface PageOptions {
  lang: Lang;
  region: Region;
  nonce: string;
  embed: boolean;
  assets: { css: string; js: string; webchat: string; logo: string | null };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON inside <script type="application/json">: "<" escaped so "</script>" cannot end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const HEX = /^#[0-9a-fA-F]{6}$/;

export function renderPage(o: PageOptions): string {
  const s = STRINGS[o.lang];
  const regionName = o.region.name[o.lang];
  const primary = HEX.test(o.region.colours.primary) ? o.region.colours.primary : '#0b5566';
  const accent = HEX.test(o.region.colours.accent) ? o.region.colours.accent : primary;
  const t = (key: keyof typeof s): string => `data-i18n="${key}"`;
  const langButtons = LANGS.map(
    (l) => `<li><button type="button" class="lang" lang="${l}" data-lang="${l}" aria-pressed="${l === o.lang}">${esc(STRINGS[l].languageName)}</button></li>`,
  ).join('');
  const config = {
    lang: o.lang,
    region: { id: o.region.id, name: o.region.name, colours: { primary, accent } },
    strings: STRINGS,
    webchatUrl: o.assets.webchat,
    tokenUrl: '/api/chat/token',
    endUrl: '/api/chat/conversation',
    embed: o.embed,
  };
  const header = o.embed
    ? ''
    : `<header class="site-header"><div class="wrap header-row">
  <a class="brand" href="/">${o.assets.logo ? `<img src="${esc(o.assets.logo)}" alt="" width="48" height="48">` : ''}<span class="region-name" data-region-name>${esc(regionName)}</span></a>
  <nav class="lang-nav" aria-label="${esc(s.languageNav)}" ${t('languageNav')} data-i18n-attr="aria-label"><ul>${langButtons}</ul></nav>
</div></header>`;
  const embedLangs = o.embed
    ? `<nav class="lang-nav" aria-label="${esc(s.languageNav)}" ${t('languageNav')} data-i18n-attr="aria-label"><ul>${langButtons}</ul></nav>`
    : '';
  const privacyItems = s.privacyItems.map((item, i) => `<li data-i18n-item="privacyItems.${i}">${esc(item)}</li>`).join('');
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.title.replace('{region}', regionName))}</title>
<meta name="robots" content="${o.embed ? 'noindex' : 'index'}">
${o.assets.logo ? `<link rel="icon" href="${esc(o.assets.logo)}">` : ''}
<link rel="stylesheet" href="${esc(o.assets.css)}">
<style nonce="${o.nonce}">:root{--primary:${primary};--accent:${accent}}</style>
</head>
<body class="${o.embed ? 'embed' : 'full'}">
<a class="skip-link" href="#chat" ${t('skipToChat')}>${esc(s.skipToChat)}</a>
${header}
<main id="main" class="wrap">
${embedLangs}
<h1 ${t('heading')}>${esc(s.heading)}</h1>
<p class="intro" ${t('intro')}>${esc(s.intro)}</p>
<p class="emergency" ${t('emergency')}>${esc(s.emergency)}</p>
<section id="chat" class="chat-panel" aria-labelledby="chat-heading" tabindex="-1">
  <h2 id="chat-heading" class="chat-heading" ${t('chatHeading')}>${esc(s.chatHeading)}</h2>
  <div id="privacy" class="privacy">
    <h3 ${t('privacyHeading')}>${esc(s.privacyHeading)}</h3>
    <ul>${privacyItems}</ul>
    <button type="button" id="start" class="primary-button" ${t('startButton')}>${esc(s.startButton)}</button>
  </div>
  <div id="webchat" class="webchat" role="region" aria-label="${esc(s.chatLabel)}" ${t('chatLabel')} data-i18n-attr="aria-label" hidden></div>
  <div id="chat-actions" class="chat-actions" hidden>
    <button type="button" id="end" class="secondary-button" ${t('endButton')}>${esc(s.endButton)}</button>
  </div>
  <div id="ended" class="ended" hidden>
    <button type="button" id="again" class="primary-button" ${t('startAgain')}>${esc(s.startAgain)}</button>
  </div>
  <p id="status" class="status" role="status" aria-live="polite"></p>
</section>
${o.region.example ? `<p class="example-note" ${t('exampleNote')}>${esc(s.exampleNote)}</p>` : ''}
</main>
<script id="chat-config" type="application/json">${scriptJson(config)}</script>
<script src="${esc(o.assets.js)}" nonce="${o.nonce}" defer></script>
</body>
</html>
`;
}
