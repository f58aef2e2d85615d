/*
 * Opastin chat page. Plain JavaScript: privacy notice first; after "accept" it loads Web Chat
 * (served by this server), gets a token for a new conversation and renders the chat. The
 * language follows the browser (navigator.languages) until the resident picks one.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var nonce = (script && (script.nonce || script.getAttribute('nonce'))) || '';
  var cfg = JSON.parse(document.getElementById('chat-config').textContent);
  var STRINGS = cfg.strings;
  var LANGS = ['fi', 'sv', 'en'];

  var el = {
    privacy: document.getElementById('privacy'),
    start: document.getElementById('start'),
    webchat: document.getElementById('webchat'),
    actions: document.getElementById('chat-actions'),
    end: document.getElementById('end'),
    ended: document.getElementById('ended'),
    again: document.getElementById('again'),
    status: document.getElementById('status'),
  };

  var lang = pickLanguage();
  var webChatLoading = null;
  var session = null; // { directLine, token, userId, host }

  function pickLanguage() {
    var fromUrl = new URLSearchParams(location.search).get('lang');
    var stored = null;
    try { stored = sessionStorage.getItem('opastin-lang'); } catch (e) { /* storage may be off */ }
    var candidates = [fromUrl, stored].concat(navigator.languages || [navigator.language]).concat([cfg.lang]);
    for (var i = 0; i < candidates.length; i++) {
      var primary = String(candidates[i] || '').toLowerCase().split('-')[0];
      if (LANGS.indexOf(primary) !== -1) return primary;
    }
    return 'fi';
  }

  function t(key) { return STRINGS[lang][key]; }

  function applyLanguage(next) {
    lang = next;
    var s = STRINGS[lang];
    document.documentElement.lang = lang;
    document.title = s.title.replace('{region}', cfg.region.name[lang]);
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      var key = node.getAttribute('data-i18n');
      var attr = node.getAttribute('data-i18n-attr');
      if (attr) node.setAttribute(attr, s[key]); else node.textContent = s[key];
    });
    document.querySelectorAll('[data-i18n-item]').forEach(function (node) {
      var parts = node.getAttribute('data-i18n-item').split('.');
      node.textContent = s[parts[0]][Number(parts[1])];
    });
    document.querySelectorAll('[data-region-name]').forEach(function (node) { node.textContent = cfg.region.name[lang]; });
    document.querySelectorAll('button[data-lang]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    });
    if (session) render();
  }

  function say(text) {
    el.status.textContent = text;
  }

  function loadWebChat() {
    if (window.WebChat) return Promise.resolve();
    if (!webChatLoading) {
      webChatLoading = new Promise(function (resolve, reject) {
        var tag = document.createElement('script');
        tag.src = cfg.webchatUrl;
        tag.nonce = nonce;
        tag.onload = function () { resolve(); };
        tag.onerror = function () { webChatLoading = null; reject(new Error('Web Chat did not load')); };
        document.head.appendChild(tag);
      });
    }
    return webChatLoading;
  }

  function styleOptions() {
    var primary = cfg.region.colours.primary;
    return {
      accent: primary,
      backgroundColor: '#ffffff',
      bubbleBorderRadius: 8,
      bubbleFromUserBorderRadius: 8,
      bubbleFromUserBackground: primary,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderColor: primary,
      bubbleBorderColor: '#767676',
      bubbleMaxWidth: 600,
      primaryFont: 'inherit',
      rootHeight: '100%',
      rootWidth: '100%',
      sendBoxButtonColor: primary,
      sendBoxButtonColorOnHover: cfg.region.colours.accent,
      subtle: '#595959',
      suggestedActionBorderColor: primary,
      suggestedActionTextColor: primary,
      suggestedActionBorderRadius: 8,
      suggestedActionLayout: 'flow',
      hideUploadButton: true,
      timestampColor: '#595959',
    };
  }

  function render() {
    window.WebChat.renderWebChat({
      directLine: session.directLine,
      userID: session.userId,
      locale: t('locale'),
      nonce: nonce,
      styleOptions: styleOptions(),
      // Counsellors see "the resident is typing" (the bot passes it on only during a handoff).
      sendTypingIndicator: true,
    }, session.host);
  }

  function fetchToken() {
    return fetch(cfg.tokenUrl, { method: 'POST', headers: { Accept: 'application/json' } }).then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    });
  }

  function start() {
    el.start.disabled = true;
    say(t('loading'));
    Promise.all([loadWebChat(), fetchToken()]).then(function (results) {
      var issued = results[1];
      var host = document.createElement('div');
      host.className = 'webchat-host';
      el.webchat.replaceChildren(host);
      var directLine = window.WebChat.createDirectLine({ token: issued.token, domain: issued.domain, webSocket: true });
      session = { directLine: directLine, token: issued.token, userId: issued.userId, host: host };
      var joined = false;
      directLine.connectionStatus$.subscribe(function (status) {
        if (status === 4 && session && session.directLine === directLine) say(t('connectionFailed'));
        // Once online, tell the bot the resident is here so it greets first (no message needed).
        if (status === 2 && !joined) {
          joined = true;
          directLine.postActivity({ type: 'event', name: 'webchat/join', from: { id: issued.userId }, locale: t('locale') })
            .subscribe({ error: function () { /* the greeting then comes with the first message */ } });
        }
      });
      el.privacy.hidden = true;
      el.ended.hidden = true;
      el.webchat.hidden = false;
      el.actions.hidden = false;
      el.start.disabled = false;
      render();
      say('');
      focusSendBox(host);
    }).catch(function () {
      el.start.disabled = false;
      say(t('connectionFailed'));
    });
  }

  function focusSendBox(host) {
    var tries = 0;
    (function look() {
      var input = host.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) input.focus();
      else if (tries++ < 50) requestAnimationFrame(look);
    })();
  }

  function endAndDelete() {
    if (!session) return;
    var current = session;
    el.end.disabled = true;
    say(t('ending'));
    var token = current.directLine.token || current.token;
    fetch(cfg.endUrl, { method: 'DELETE', headers: { Authorization: 'Bearer ' + token } }).then(function (res) {
      if (!res.ok && res.status !== 404) throw new Error('delete ' + res.status);
      session = null;
      try { current.directLine.end(); } catch (e) { /* already ended */ }
      el.webchat.replaceChildren();
      el.webchat.hidden = true;
      el.actions.hidden = true;
      el.end.disabled = false;
      el.ended.hidden = false;
      say(t('deleted'));
      el.again.focus();
    }).catch(function () {
      el.end.disabled = false;
      say(t('deleteFailed'));
    });
  }

  document.querySelectorAll('button[data-lang]').forEach(function (button) {
    button.addEventListener('click', function () {
      var next = button.getAttribute('data-lang');
      try { sessionStorage.setItem('opastin-lang', next); } catch (e) { /* storage may be off */ }
      applyLanguage(next);
    });
  });
  el.start.addEventListener('click', start);
  el.again.addEventListener('click', start);
  el.end.addEventListener('click', endAndDelete);
  // Fetch Web Chat early when the resident is about to start, not for every visitor.
  ['pointerenter', 'focus', 'touchstart'].forEach(function (type) {
    el.start.addEventListener(type, function () { loadWebChat().catch(function () {}); }, { once: true, passive: true });
  });
  applyLanguage(lang);
})();
