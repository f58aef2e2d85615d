/*
 * Opastin counsellor console: cards and rows built from API data (the waiting list, the
 * supervisor's overview). Resident text only ever goes in with textContent (C.el).
 */
(function () {
  'use strict';

  var C = window.OpastinConsole;
  var t = C.t;
  var el = C.el;
  var duration = C.duration;

  /** One waiting conversation: topic, queue, language, time waited, the answers; `onAccept(w)` on the button. */
  C.waitingCard = function (w, onAccept) {
    var li = el('li', null, 'card');
    li.setAttribute('data-conversation', w.conversationId);
    var h = el('h3', (w.summary && w.summary.topic) || '');
    li.appendChild(h);
    var dl = el('dl', null, 'summary');
    [[t('queue'), C.queueName(w.queueId)], [t('language'), w.lang], [t('waited', { time: '' }).trim(), duration(w.waitingSeconds)]].forEach(function (pair, i) {
      dl.appendChild(el('dt', pair[0]));
      var dd = dl.appendChild(el('dd', pair[1]));
      // cues.js counts this on between refreshes: a real waiting time, not the one at load.
      if (i === 2) dd.setAttribute('data-waited', String(w.waitingSeconds));
    });
    (w.summary && w.summary.answers || []).forEach(function (a) {
      dl.appendChild(el('dt', a.question));
      dl.appendChild(el('dd', a.answer));
    });
    li.appendChild(dl);
    if (w.transcript && w.transcript.length) {
      var details = el('details');
      details.appendChild(el('summary', t('transcriptShared')));
      w.transcript.forEach(function (line) { details.appendChild(el('p', line)); });
      li.appendChild(details);
    }
    var button = el('button', t('accept'));
    button.type = 'button';
    button.setAttribute('aria-describedby', 'wc-' + w.conversationId);
    h.id = 'wc-' + w.conversationId;
    button.addEventListener('click', function () { onAccept(w); });
    li.appendChild(button);
    return li;
  };

  /** One queue in the supervisor's overview table. */
  C.overviewRow = function (q) {
    var tr = el('tr');
    var th = el('th', q.name[C.lang]);
    th.scope = 'row';
    tr.appendChild(th);
    tr.appendChild(el('td', q.opening === 'closed' ? t('closed') : t('open')));
    tr.appendChild(el('td', String(q.online)));
    tr.appendChild(el('td', String(q.waiting)));
    tr.appendChild(el('td', q.waiting ? duration(q.longestWaitSeconds) : '–'));
    return tr;
  };
})();
