/**
 * The console page's HTML: a static skeleton (landmarks, headings, labelled controls) that
 * public/console/console.js fills in. Texts carry data-i18n keys for the language switch; the
 * strings travel as JSON in a non-executable script element, allowed under script-src 'self'.
 */
import { LANGS } from '../../lang';
import type { Lang } from '../types';
import { CONSOLE_STRINGS, ConsoleStrings } from './strings';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: string): string => v.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const json = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `assets.js` in load order: common.js first (shared helpers), console.js last. */
export function renderConsolePage(lang: Lang, assets: { js: string[]; css: string }, queues: { id: string; name: Record<Lang, string> }[]): string {
  const s = CONSOLE_STRINGS[lang];
  const t = (key: keyof ConsoleStrings): string => `data-i18n="${key}">${esc(s[key])}`;
  const langButtons = LANGS.map(
    (l) => `<li><button type="button" lang="${l}" data-lang="${l}" aria-pressed="${l === lang}">${esc(CONSOLE_STRINGS[l].languageName)}</button></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(s.title)}</title>
<link rel="stylesheet" href="${esc(assets.css)}">
</head>
<body>
<header class="top">
  <h1 ${t('heading')}</h1>
  <nav aria-label="${esc(s.languageNav)}" data-i18n-attr="aria-label" data-i18n-key="languageNav"><ul class="langs">${langButtons}</ul></nav>
</header>
<main id="main">
  <section id="signin" aria-labelledby="signin-h">
    <h2 id="signin-h" ${t('signInHeading')}</h2>
    <form id="signin-form" novalidate>
      <p><label for="username" ${t('username')}</label><br><input id="username" name="username" autocomplete="username" required></p>
      <p><label for="password" ${t('password')}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
      <p><button type="submit" ${t('signIn')}</button></p>
      <p id="signin-error" role="alert" class="error"></p>
    </form>
  </section>
  <div id="desk" hidden>
    <p class="who"><span id="whoami"></span> <button type="button" id="signout" ${t('signOut')}</button></p>
    <section aria-labelledby="presence-h">
      <h2 id="presence-h" ${t('presenceHeading')}</h2>
      <form id="presence-form">
        <p><label for="presence" ${t('presence')}</label><br>
        <select id="presence"><option value="online" ${t('online')}</option><option value="away" ${t('away')}</option></select></p>
        <fieldset><legend ${t('myQueues')}</legend><div id="queue-boxes"></div></fieldset>
        <p><button type="submit" ${t('savePresence')}</button></p>
        <p id="presence-status" role="status"></p>
      </form>
    </section>
    <section id="overview" aria-labelledby="overview-h" hidden>
      <h2 id="overview-h" ${t('overviewHeading')}</h2>
      <table>
        <thead><tr><th scope="col" ${t('queue')}</th><th scope="col" ${t('status')}</th><th scope="col" ${t('onlineCount')}</th><th scope="col" ${t('waitingCount')}</th><th scope="col" ${t('longestWait')}</th></tr></thead>
        <tbody id="overview-rows"></tbody>
      </table>
    </section>
    <section id="mine-section" aria-labelledby="mine-h" hidden>
      <h2 id="mine-h" ${t('mineHeading')}</h2>
      <ul id="mine-list" class="cards"></ul>
    </section>
    <div id="waiting-alert" class="alert" hidden>
      <p id="waiting-alert-text"></p>
      <p><button type="button" id="waiting-alert-dismiss" ${t('dismiss')}</button></p>
    </div>
    <section aria-labelledby="waiting-h">
      <h2 id="waiting-h" ${t('waitingHeading')}</h2>
      <p id="waiting-empty" ${t('noneWaiting')}</p>
      <ul id="waiting-list" class="cards"></ul>
    </section>
    <section aria-labelledby="conv-h">
      <h2 id="conv-h" ${t('conversationHeading')}</h2>
      <p id="no-conv" ${t('noConversation')}</p>
      <div id="conv" hidden>
        <p id="conv-ended" class="notice" hidden></p>
        <p><button type="button" id="conv-close" hidden ${t('closeConversation')}</button></p>
        <dl id="conv-summary" class="summary"></dl>
        <h3 id="messages-h" ${t('messages')}</h3>
        <div id="messages" class="messages" role="log" aria-live="polite" aria-labelledby="messages-h" tabindex="0"></div>
        <p id="typing" class="typing" aria-live="polite"></p>
        <form id="send-form">
          <p><label for="message" ${t('message')}</label><br><textarea id="message" rows="3" maxlength="4000"></textarea></p>
          <p><button type="submit" ${t('send')}</button></p>
        </form>
        <p><label for="canned" ${t('canned')}</label><br><select id="canned"></select>
        <button type="button" id="insert-canned" ${t('insertCanned')}</button></p>
        <h3 id="notes-h" ${t('notesHeading')}</h3>
        <ul id="notes" aria-labelledby="notes-h"></ul>
        <form id="note-form">
          <p><label for="note" ${t('note')}</label><br><textarea id="note" rows="2" maxlength="4000"></textarea></p>
          <p><button type="submit" ${t('addNote')}</button></p>
        </form>
        <form id="transfer-form">
          <p><label for="transfer-queue" ${t('transferTo')}</label><br><select id="transfer-queue"></select>
          <button type="submit" ${t('transfer')}</button></p>
        </form>
        <p class="end"><button type="button" id="end-bot" ${t('endBackToBot')}</button>
        <button type="button" id="end-close" ${t('endClose')}</button></p>
      </div>
    </section>
  </div>
  <p id="announcer" class="visually-hidden" role="status" aria-live="polite"></p>
  <p id="alerter" class="visually-hidden" role="alert"></p>
</main>
<script type="application/json" id="console-config">${json({ lang, strings: CONSOLE_STRINGS, queues })}</script>
${assets.js.map((src) => `<script src="${esc(src)}" defer></script>`).join('\n')}
</body>
</html>`;
}
