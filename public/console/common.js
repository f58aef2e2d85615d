/*
 * Opastin counsellor console: what every part of the page shares (settings, texts, small DOM
 * helpers, the JSON API with the CSRF token). Loaded first; console.js and cues.js use it
 * through window.OpastinConsole.
 */
(function () {
  'use strict';

  var cfg = JSON.parse(document.getElementById('console-config').textContent);
  var C = {
    cfg: cfg,
    lang: cfg.lang,
    csrf: null,
    me: null,
  };

  C.$ = function (id) { return document.getElementById(id); };

  C.t = function (key, values) {
    var s = cfg.strings[C.lang][key] || key;
    if (values) Object.keys(values).forEach(function (k) { s = s.replace('{' + k + '}', values[k]); });
    return s;
  };

  C.queueName = function (id) {
    for (var i = 0; i < cfg.queues.length; i++) if (cfg.queues[i].id === id) return cfg.queues[i].name[C.lang];
    return id;
  };

  C.duration = function (seconds) {
    return seconds >= 60 ? C.t('minutes', { n: Math.floor(seconds / 60) }) : C.t('seconds', { n: seconds });
  };

  function speak(regionId, text) {
    var a = C.$(regionId);
    a.textContent = '';
    // A fresh node change so screen readers read a repeated announcement again.
    setTimeout(function () { a.textContent = text; }, 50);
  }
  /** Polite: read when the screen reader is free (new message, saved, …). */
  C.announce = function (text) { speak('announcer', text); };
  /** Assertive: read at once (someone started waiting, the resident left). */
  C.alert = function (text) { speak('alerter', text); };

  C.el = function (tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };

  C.api = function (method, url, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && C.csrf) headers['X-CSRF-Token'] = C.csrf;
    return fetch(url, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (json) { return { status: res.status, ok: res.ok, body: json }; });
      });
  };

  window.OpastinConsole = C;
})();
