/**
 * `/embed.js`: what a county pastes into its own site —
 *   <script src="https://chat.example.fi/embed.js" data-region="demo" async></script>
 * (`data-client="webchat"` opens the Web Chat variant instead of our own client.)
 * It adds a launcher button (bottom right) that opens the chat page in an iframe panel. The
 * iframe keeps our CSP, cookies-free token and styles apart from the host page; the script only
 * sets CSSOM properties, which a host's strict CSP allows.
 */
import { LANGS } from '../lang';
import type { Region } from '../content/catalogue';
import { STRINGS } from './strings';

export function embedScript(regions: Region[], defaultRegion: string): string {
  const data = {
    defaultRegion,
    regions: Object.fromEntries(regions.map((r) => [r.id, { primary: r.colours.primary }])),
    strings: Object.fromEntries(
      LANGS.map((l) => [l, { open: STRINGS[l].launcherOpen, close: STRINGS[l].launcherClose, title: STRINGS[l].embedFrameTitle }]),
    ),
  };
  return `/* Opastin chat launcher. Docs: docs/web-chat.md */
(function () {
  'use strict';
  var DATA = ${JSON.stringify(data).replace(/</g, '\\u003c')};
  var script = document.currentScript;
  if (!script || window.__opastinEmbed) return;
  window.__opastinEmbed = true;
  var origin = new URL(script.src).origin;
  var regionId = script.getAttribute('data-region') || DATA.defaultRegion;
  // data-client="webchat": Microsoft's Web Chat instead of our own client (loaded only then).
  var client = script.getAttribute('data-client') === 'webchat' ? '&client=webchat' : '';
  var region = DATA.regions[regionId] || DATA.regions[DATA.defaultRegion] || { primary: '#0b5566' };
  var langs = [document.documentElement.lang].concat(navigator.languages || [navigator.language]);
  var lang = 'fi';
  for (var i = 0; i < langs.length; i++) {
    var p = String(langs[i] || '').toLowerCase().split('-')[0];
    if (DATA.strings[p]) { lang = p; break; }
  }
  var S = DATA.strings[lang];

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = S.open;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'opastin-chat-panel');
  var b = button.style;
  b.position = 'fixed'; b.right = '16px'; b.bottom = '16px'; b.zIndex = '2147483000';
  b.background = region.primary; b.color = '#fff'; b.border = '2px solid #fff'; b.borderRadius = '24px';
  b.padding = '12px 20px'; b.font = '600 16px/1.2 system-ui, sans-serif'; b.cursor = 'pointer';
  b.boxShadow = '0 2px 8px rgba(0,0,0,.3)'; b.minHeight = '44px';

  var panel = document.createElement('div');
  panel.id = 'opastin-chat-panel';
  panel.hidden = true;
  var ps = panel.style;
  ps.position = 'fixed'; ps.right = '16px'; ps.bottom = '76px'; ps.zIndex = '2147483000';
  ps.width = 'min(420px, calc(100vw - 32px))'; ps.height = 'min(640px, calc(100vh - 96px))';
  ps.background = '#fff'; ps.border = '1px solid #666'; ps.borderRadius = '8px'; ps.overflow = 'hidden';
  ps.boxShadow = '0 4px 16px rgba(0,0,0,.3)';

  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = S.title;
      frame.src = origin + '/?embed=1&region=' + encodeURIComponent(regionId) + '&lang=' + lang + client;
      frame.style.width = '100%'; frame.style.height = '100%'; frame.style.border = '0';
      panel.appendChild(frame);
    }
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    button.textContent = S.close;
    frame.focus();
  }
  function close() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.textContent = S.open;
    button.focus();
  }
  button.addEventListener('click', function () { panel.hidden ? open() : close(); });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !panel.hidden) close(); });
  function mount() { document.body.appendChild(panel); document.body.appendChild(button); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
`;
}
