/*
 * Opastin counsellor console. Plain JavaScript, no framework: sign-in, presence, the waiting
 * list, one open conversation at a time, live over server-sent events. Every text from a
 * resident is put on the page with textContent, never as HTML. State-changing requests carry
 * the session's CSRF token in X-CSRF-Token (common.js); the sound-free cues are in cues.js.
 */
(function () {
  'use strict';

  var C = window.OpastinConsole;
  var $ = C.$;
  var t = C.t;
  var el = C.el;
  var api = C.api;
  var announce = C.announce;
  var queueName = C.queueName;
  var cfg = C.cfg;
  var STRINGS = cfg.strings;
  var me = null;
  var allowedQueues = [];
  var active = null; // { id, lang, queueId }
  var events = null;
  var typingTimer = null;
  var lastTypingSent = 0;

  // ---- language ----

  function applyLanguage(next) {
    var lang = (C.lang = next);
    document.documentElement.lang = lang;
    C.refreshTitle();
    document.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-attr]').forEach(function (node) {
      node.setAttribute(node.getAttribute('data-i18n-attr'), t(node.getAttribute('data-i18n-key')));
    });
    document.querySelectorAll('button[data-lang]').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang)); });
    try { sessionStorage.setItem('opastin-console-lang', lang); } catch (e) { /* storage may be off */ }
    if (me) {
      $('whoami').textContent = t('signedInAs', { name: me.displayName });
      renderQueueBoxes(null);
      refreshWaiting();
      if (me.role === 'supervisor') refreshOverview();
      fillTransferTargets();
    }
  }

  document.querySelectorAll('button[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () { applyLanguage(b.getAttribute('data-lang')); });
  });

  // ---- sign-in ----

  $('signin-form').addEventListener('submit', function (e) {
    e.preventDefault();
    $('signin-error').textContent = '';
    api('POST', '/counsellor/api/session', { username: $('username').value, password: $('password').value }).then(function (r) {
      if (r.ok) return start(r.body);
      $('signin-error').textContent = r.status === 423 ? t('lockedOut') : t('signInFailed');
      $('password').value = '';
      $('password').focus();
    });
  });

  $('signout').addEventListener('click', function () {
    api('DELETE', '/counsellor/api/session').then(function () { location.reload(); });
  });

  function start(session) {
    C.csrf = session.csrfToken;
    me = C.me = session.counsellor;
    return api('GET', '/counsellor/api/session').then(function (r) {
      allowedQueues = r.body.queues || [];
      $('signin').hidden = true;
      $('desk').hidden = false;
      $('whoami').textContent = t('signedInAs', { name: me.displayName });
      $('overview').hidden = me.role !== 'supervisor';
      var presence = r.body.presence;
      $('presence').value = presence ? presence.presence : 'away';
      renderQueueBoxes(presence ? presence.queues : me.queues.length ? me.queues : allowedQueues);
      fillTransferTargets();
      loadCanned();
      connect();
      refreshMine(true);
      refreshWaiting();
      if (me.role === 'supervisor') refreshOverview();
      $('presence').focus();
    });
  }

  // ---- presence ----

  function renderQueueBoxes(checked) {
    var box = $('queue-boxes');
    if (checked === null) {
      checked = [];
      box.querySelectorAll('input:checked').forEach(function (i) { checked.push(i.value); });
    }
    box.textContent = '';
    allowedQueues.forEach(function (id) {
      var p = el('p');
      var input = document.createElement('input');
      input.type = 'checkbox';
      input.id = 'q-' + id;
      input.value = id;
      input.checked = checked.indexOf(id) !== -1;
      var label = el('label', queueName(id));
      label.htmlFor = input.id;
      p.appendChild(input);
      p.appendChild(document.createTextNode(' '));
      p.appendChild(label);
      box.appendChild(p);
    });
  }

  $('presence-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var queues = [];
    $('queue-boxes').querySelectorAll('input:checked').forEach(function (i) { queues.push(i.value); });
    api('PUT', '/counsellor/api/presence', { status: $('presence').value, queues: queues }).then(function (r) {
      $('presence-status').textContent = r.ok ? t('presenceSaved') : t('error');
      refreshWaiting();
    });
  });

  // ---- waiting list and overview ----

  /** Conversations already open with me (they come back after a reload or on another tab). */
  function refreshMine(openFirst) {
    api('GET', '/counsellor/api/mine').then(function (r) {
      var items = (r.body && r.body.conversations) || [];
      var list = $('mine-list');
      list.textContent = '';
      $('mine-section').hidden = items.length === 0;
      items.forEach(function (c) {
        var li = el('li', null, 'card');
        li.setAttribute('data-conversation', c.conversationId);
        var text = el('p', c.topic + ' – ' + queueName(c.queueId) + ' – ' + c.lang);
        text.id = 'mine-' + c.conversationId;
        li.appendChild(text);
        var button = el('button', t('openConversation'));
        button.type = 'button';
        button.setAttribute('aria-describedby', text.id);
        button.addEventListener('click', function () { open(c.conversationId); });
        li.appendChild(button);
        list.appendChild(li);
      });
      if (openFirst && !active && items.length) open(items[0].conversationId);
    });
  }

  function refreshWaiting() {
    if (!me) return;
    refreshMine(false);
    api('GET', '/counsellor/api/waiting').then(function (r) {
      var list = $('waiting-list');
      var items = (r.body && r.body.waiting) || [];
      list.textContent = '';
      $('waiting-empty').hidden = items.length > 0;
      items.forEach(function (w) { list.appendChild(C.waitingCard(w, accept)); });
      C.waitingListed(items);
    });
  }

  function refreshOverview() {
    api('GET', '/counsellor/api/queues').then(function (r) {
      var body = $('overview-rows');
      body.textContent = '';
      ((r.body && r.body.queues) || []).forEach(function (q) {
        body.appendChild(C.overviewRow(q));
      });
    });
  }

  // ---- one conversation ----

  function accept(w) {
    api('POST', '/counsellor/api/conversations/' + encodeURIComponent(w.conversationId) + '/accept').then(function (r) {
      if (!r.ok) {
        announce(t(r.body && r.body.error && r.body.error.code === 'AlreadyAccepted' ? 'acceptTaken' : 'notWaiting'));
        refreshWaiting();
        return;
      }
      open(w.conversationId);
    });
  }

  function open(id) {
    api('GET', '/counsellor/api/conversations/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) return;
      var c = r.body;
      active = { id: c.conversationId, lang: c.lang, queueId: c.queueId };
      C.resetEnded();
      var dl = $('conv-summary');
      dl.textContent = '';
      [[t('topic'), c.summary.topic], [t('queue'), queueName(c.queueId)], [t('language'), c.lang]].forEach(function (pair) {
        dl.appendChild(el('dt', pair[0]));
        dl.appendChild(el('dd', pair[1]));
      });
      (c.summary.answers || []).forEach(function (a) {
        dl.appendChild(el('dt', a.question));
        dl.appendChild(el('dd', a.answer));
      });
      $('messages').textContent = '';
      $('notes').textContent = '';
      $('no-conv').hidden = true;
      $('conv').hidden = false;
      loadCanned();
      fillTransferTargets();
      refreshWaiting();
      return api('GET', '/counsellor/api/conversations/' + encodeURIComponent(id) + '/messages').then(function (m) {
        (m.body.lines || []).forEach(addLine);
        (m.body.notes || []).forEach(addNote);
        $('message').focus();
      });
    });
  }

  function close(message) {
    active = null;
    $('conv').hidden = true;
    $('no-conv').hidden = false;
    $('typing').textContent = '';
    announce(message);
    refreshWaiting();
  }

  function addLine(line) {
    var p = el('p', null, 'line ' + line.from);
    p.appendChild(el('span', (line.from === 'resident' ? t('resident') : t('you')) + ': ', 'who'));
    p.appendChild(el('span', line.text));
    var box = $('messages');
    box.appendChild(p);
    box.scrollTop = box.scrollHeight;
  }

  function addNote(note) {
    $('notes').appendChild(el('li', note.text));
  }

  $('send-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('message').value;
    if (!active || !text.trim()) return;
    api('POST', '/counsellor/api/conversations/' + encodeURIComponent(active.id) + '/messages', { text: text }).then(function (r) {
      if (r.ok) $('message').value = '';
      else announce(t('error'));
    });
  });

  $('message').addEventListener('keydown', function (e) {
    // Enter sends, Shift+Enter makes a new line (as in the resident's chat).
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('send-form').requestSubmit();
    }
  });

  $('message').addEventListener('input', function () {
    if (!active || Date.now() - lastTypingSent < 3000) return;
    lastTypingSent = Date.now();
    api('POST', '/counsellor/api/conversations/' + encodeURIComponent(active.id) + '/typing');
  });

  $('note-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('note').value;
    if (!active || !text.trim()) return;
    api('POST', '/counsellor/api/conversations/' + encodeURIComponent(active.id) + '/notes', { text: text }).then(function (r) {
      if (r.ok) $('note').value = '';
    });
  });

  function fillTransferTargets() {
    var select = $('transfer-queue');
    select.textContent = '';
    cfg.queues.forEach(function (q) {
      if (active && q.id === active.queueId) return;
      var option = el('option', q.name[C.lang]);
      option.value = q.id;
      select.appendChild(option);
    });
  }

  $('transfer-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (!active) return;
    api('POST', '/counsellor/api/conversations/' + encodeURIComponent(active.id) + '/transfer', { queueId: $('transfer-queue').value }).then(function (r) {
      if (r.ok) close(t('transferred'));
      else announce(t('unavailable'));
    });
  });

  function end(mode) {
    if (!active) return;
    api('POST', '/counsellor/api/conversations/' + encodeURIComponent(active.id) + '/end', { mode: mode }).then(function (r) {
      if (r.ok) close(t('ended'));
    });
  }
  $('conv-close').addEventListener('click', function () { close(t('ended')); });
  $('end-bot').addEventListener('click', function () { end('back-to-bot'); });
  $('end-close').addEventListener('click', function () { end('close'); });

  var canned = [];
  function loadCanned() {
    var replyLang = active ? active.lang : C.lang;
    api('GET', '/counsellor/api/canned-replies?lang=' + encodeURIComponent(replyLang)).then(function (r) {
      canned = (r.body && r.body.replies) || [];
      var select = $('canned');
      select.textContent = '';
      canned.forEach(function (c, i) {
        var option = el('option', c.label);
        option.value = String(i);
        select.appendChild(option);
      });
    });
  }
  $('insert-canned').addEventListener('click', function () {
    var reply = canned[Number($('canned').value)];
    if (!reply) return;
    var box = $('message');
    box.value = box.value ? box.value + ' ' + reply.text : reply.text;
    box.focus();
  });

  // ---- real time ----

  function connect() {
    if (events) events.close();
    events = new EventSource('/counsellor/api/events');
    events.addEventListener('ready', function () { document.body.setAttribute('data-live', 'true'); });
    events.addEventListener('waiting-changed', function () {
      refreshWaiting();
      if (me && me.role === 'supervisor') refreshOverview();
    });
    events.addEventListener('accepted', function () {
      if (me && me.role === 'supervisor') refreshOverview();
    });
    events.addEventListener('message', function (e) {
      var data = JSON.parse(e.data);
      if (!active || data.conversationId !== active.id) return;
      addLine(data);
      if (data.from === 'resident') {
        $('typing').textContent = '';
        announce(t('newMessage'));
      }
    });
    events.addEventListener('typing', function (e) {
      var data = JSON.parse(e.data);
      if (!active || data.conversationId !== active.id) return;
      $('typing').textContent = t('residentTyping');
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { $('typing').textContent = ''; }, 5000);
    });
    events.addEventListener('note', function (e) {
      var data = JSON.parse(e.data);
      if (active && data.conversationId === active.id) addNote(data);
    });
    events.addEventListener('ended', function (e) {
      var data = JSON.parse(e.data);
      refreshWaiting();
      if (!active || data.conversationId !== active.id || data.reason === 'counsellor') return;
      // A transfer closes the view at once; the resident leaving keeps it readable with a notice.
      if (data.reason === 'transferred') close(t('transferred'));
      else C.endedNotice(data.reason);
    });
  }

  // ---- start ----

  var stored = null;
  try { stored = sessionStorage.getItem('opastin-console-lang'); } catch (e) { /* storage may be off */ }
  if (stored && STRINGS[stored] && stored !== C.lang) applyLanguage(stored);
  api('GET', '/counsellor/api/session').then(function (r) {
    if (r.ok) start(r.body);
    else $('username').focus();
  });
})();
