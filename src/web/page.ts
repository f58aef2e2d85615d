/**
 * The chat page's HTML: a county-website-like page (header with the region's logo and name, a
 * short intro, the chat panel with the privacy notice first). `embed` renders only the panel,
 * for the iframe that embed.js opens on a county's own site.
 */
import type { Lang } from '../lang';
import { LANGS } from '../lang';
import type { Region } from '../content/catalogue';
import { CLIENT_STRINGS } from './clientStrings';
import { STRINGS } from './strings';

/** Which chat the page runs: our own client (default) or Microsoft's Web Chat. */
export type ChatClient = 'opastin' | 'webchat';

export interface PageOptions {
  lang: Lang;
  region: Region;
  nonce: string;
  embed: boolean;
  client: ChatClient;
  quickExitUrl: string;
  /** `js` is the script of the chosen client; `webchat` Web Chat's own bundle (its variant only). */
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
    strings: Object.fromEntries(LANGS.map((l) => [l, { ...STRINGS[l], ...CLIENT_STRINGS[l] }])),
    ...(o.client === 'webchat' ? { webchatUrl: o.assets.webchat } : {}),
    tokenUrl: '/api/chat/token',
    endUrl: '/api/chat/conversation',
    quickExitUrl: o.quickExitUrl,
    embed: o.embed,
  };
  const c = CLIENT_STRINGS[o.lang];
  const quickExit = `<button type="button" id="quick-exit" class="quick-exit" aria-keyshortcuts="Escape" aria-describedby="quick-exit-help" ${attr('quickExit')}>${esc(c.quickExit)}</button><span id="quick-exit-help" class="sr-only" ${attr('quickExitHelp')}>${esc(c.quickExitHelp)}</span>`;
  const header = o.embed
    ? ''
    : `<header class="site-header"><div class="wrap header-row">
  <a class="brand" href="/">${o.assets.logo ? `<img src="${esc(o.assets.logo)}" alt="" width="48" height="48">` : ''}<span class="region-name" data-region-name>${esc(regionName)}</span></a>
  ${quickExit}
  <nav class="lang-nav" aria-label="${esc(s.languageNav)}" ${t('languageNav')} data-i18n-attr="aria-label"><ul>${langButtons}</ul></nav>
</div></header>`;
  const embedLangs = o.embed
    ? `${quickExit}<nav class="lang-nav" aria-label="${esc(s.languageNav)}" ${t('languageNav')} data-i18n-attr="aria-label"><ul>${langButtons}</ul></nav>`
    : '';
  const privacyItems = s.privacyItems.map((item, i) => `<li data-i18n-item="privacyItems.${i}">${esc(item)}</li>`).join('');
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, interactive-widget=resizes-content">
<title>${esc(s.title.replace('{region}', regionName))}</title>
<meta name="robots" content="${o.embed ? 'noindex' : 'index'}">
${o.assets.logo ? `<link rel="icon" href="${esc(o.assets.logo)}">` : ''}
<link rel="stylesheet" href="${esc(o.assets.css)}">
<style nonce="${o.nonce}">:root{--primary:${primary};--accent:${accent}}</style>
</head>
<body class="${o.embed ? 'embed' : 'full'}" data-client="${o.client}">
<a class="skip-link" href="#chat" ${t('skipToChat')}>${esc(s.skipToChat)}</a>
${header}
<main id="main" class="wrap">
${embedLangs}
<h1 ${t('heading')}>${esc(s.heading)}</h1>
<p class="intro" ${t('intro')}>${esc(s.intro)}</p>
<p class="emergency" ${t('emergency')} data-i18n-tel>${withTelLinks(s.emergency)}</p>
<section id="chat" class="chat-panel" aria-labelledby="chat-heading" tabindex="-1">
  <h2 id="chat-heading" class="chat-heading" ${t('chatHeading')}>${esc(s.chatHeading)}</h2>
  <div id="privacy" class="privacy">
    <h3 ${t('privacyHeading')}>${esc(s.privacyHeading)}</h3>
    <ul>${privacyItems}</ul>
    <button type="button" id="start" class="primary-button" ${t('startButton')}>${esc(s.startButton)}</button>
  </div>
${o.client === 'webchat' ? webChatBody(o.lang) : conversationBody(o.lang)}
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div id="live-polite" class="sr-only" aria-live="polite"></div>
  <div id="live-assertive" class="sr-only" aria-live="assertive"></div>
</section>
${o.region.example ? `<p class="example-note" ${t('exampleNote')}>${esc(s.exampleNote)}</p>` : ''}
</main>
<script id="chat-config" type="application/json">${scriptJson(config)}</script>
<script src="${esc(o.assets.js)}" nonce="${o.nonce}" defer></script>
</body>
</html>
`;
}

/** "… soita 112." with 112 as a tap-to-call link (the client does the same on a language switch). */
function withTelLinks(text: string): string {
  return esc(text).replace(/\b112\b/g, '<a href="tel:112">112</a>');
}

const attr = (key: string): string => `data-i18n="${key}"`;

/** Our client's conversation: transcript, typing line, choices, input, actions, save panel. */
function conversationBody(lang: Lang): string {
  const s = { ...STRINGS[lang], ...CLIENT_STRINGS[lang] };
  return `  <div id="conn" class="conn" role="status"></div>
  <div id="conversation" class="conversation" hidden>
    <div id="transcript-scroll" class="transcript-scroll" role="region" tabindex="0" aria-label="${esc(s.chatLabel)}" ${attr('chatLabel')} data-i18n-attr="aria-label">
      <ol id="transcript" class="transcript"></ol>
    </div>
    <p id="typing" class="typing" hidden></p>
    <div id="choices" class="choices" role="group" aria-label="${esc(s.choicesLabel)}" ${attr('choicesLabel')} data-i18n-attr="aria-label" hidden></div>
    <form id="composer" class="composer" autocomplete="off">
      <label for="input" class="sr-only" ${attr('inputLabel')}>${esc(s.inputLabel)}</label>
      <input id="input" type="text" maxlength="4000" enterkeyhint="send" placeholder="${esc(s.inputLabel)}" ${attr('inputLabel')} data-i18n-attr="placeholder">
      <button type="submit" class="primary-button" ${attr('send')}>${esc(s.send)}</button>
    </form>
  </div>
  <div id="chat-actions" class="chat-actions" hidden>
    <button type="button" id="save" class="secondary-button" aria-expanded="false" aria-controls="save-panel" ${attr('saveAnswers')} hidden>${esc(s.saveAnswers)}</button>
    <button type="button" id="end" class="secondary-button danger" ${attr('endButton')}>${esc(s.endButton)}</button>
  </div>
  <div id="save-panel" class="save-panel" hidden>
    <p ${attr('saveIntro')}>${esc(s.saveIntro)}</p>
    <div class="row">
      <button type="button" id="copy" class="secondary-button" ${attr('copy')}>${esc(s.copy)}</button>
      <button type="button" id="download" class="secondary-button" ${attr('download')}>${esc(s.download)}</button>
    </div>
    <p id="save-status" role="status"></p>
  </div>
  <div id="ended" class="ended" hidden>
    <button type="button" id="again" class="primary-button" ${attr('startAgain')}>${esc(s.startAgain)}</button>
  </div>`;
}

/** Web Chat renders into #webchat; the actions around it are the page's own. */
function webChatBody(lang: Lang): string {
  const s = STRINGS[lang];
  return `  <div id="webchat" class="webchat" role="region" aria-label="${esc(s.chatLabel)}" ${attr('chatLabel')} data-i18n-attr="aria-label" hidden></div>
  <div id="chat-actions" class="chat-actions" hidden>
    <button type="button" id="end" class="secondary-button danger" ${attr('endButton')}>${esc(s.endButton)}</button>
  </div>
  <div id="ended" class="ended" hidden>
    <button type="button" id="again" class="primary-button" ${attr('startAgain')}>${esc(s.startAgain)}</button>
  </div>`;
}
