/*
 * Opastin counsellor console: the cues that need no sound. Someone starts waiting: a visible
 * banner, the count in the tab title and an assertive screen-reader announcement. Waiting
 * times count on by themselves between list refreshes. The resident leaving (or deleting the
 * chat, or this console losing its connection) ends the open chat with a clear notice.
 */
(function () {
  'use strict';

  var C = window.OpastinConsole;
  var known = null; // conversation ids seen in the waiting list; null until the first load
  var unseen = 0;
  var listedAt = Date.now();

  function showTitle() {
    document.title = (unseen ? '(' + unseen + ') ' : '') + C.t('title');
  }

  /** Called with every fresh waiting list: alerts for conversations that were not there before. */
  C.waitingListed = function (items) {
    listedAt = Date.now();
    var ids = items.map(function (w) { return w.conversationId; });
    if (known !== null) {
      var fresh = items.filter(function (w) { return known.indexOf(w.conversationId) === -1; });
      if (fresh.length) {
        unseen += fresh.length;
        var w = fresh[fresh.length - 1];
        var text = C.t('newWaitingTopic', { topic: (w.summary && w.summary.topic) || '', queue: C.queueName(w.queueId) });
        C.$('waiting-alert-text').textContent = text;
        C.$('waiting-alert').hidden = false;
        fresh.forEach(function (f) {
          var card = document.querySelector('#waiting-list [data-conversation="' + f.conversationId + '"]');
          if (card) card.classList.add('new');
        });
        C.alert(text);
        showTitle();
      }
    }
    known = ids;
  };

  C.$('waiting-alert-dismiss').addEventListener('click', function () {
    unseen = 0;
    C.$('waiting-alert').hidden = true;
    showTitle();
    var first = document.querySelector('#waiting-list button');
    if (first) first.focus();
  });

  /** "Waited 2 min": the server's figure at listing time plus the time since. */
  function tick() {
    var extra = Math.round((Date.now() - listedAt) / 1000);
    document.querySelectorAll('[data-waited]').forEach(function (node) {
      node.textContent = C.duration(Number(node.getAttribute('data-waited')) + extra);
    });
  }
  setInterval(tick, 5000);

  var ENDED_TEXT = { resident: 'residentLeft', 'resident-deleted': 'residentDeleted', 'console-gone': 'consoleGone', timeout: 'notWaiting' };

  /** The open chat ended from the other side: keep it readable, stop the typing, say why. */
  C.endedNotice = function (reason) {
    var text = C.t(ENDED_TEXT[reason] || 'ended');
    var notice = C.$('conv-ended');
    notice.textContent = text;
    notice.hidden = false;
    document.querySelectorAll('#conv form textarea, #conv form button, #conv form select, #end-bot, #end-close, #insert-canned, #canned').forEach(function (n) { n.disabled = true; });
    C.$('conv-close').hidden = false;
    C.$('typing').textContent = '';
    C.alert(text);
    C.$('conv-close').focus();
  };

  /** Back to a usable conversation area (a new chat opened). */
  C.resetEnded = function () {
    C.$('conv-ended').hidden = true;
    C.$('conv-close').hidden = true;
    document.querySelectorAll('#conv textarea, #conv button, #conv select').forEach(function (n) { n.disabled = false; });
  };

  C.refreshTitle = showTitle;
})();
