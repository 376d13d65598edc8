// Live update of the comments section. Without JavaScript the page works the same, only you reload it yourself.
// While this visitor has comments awaiting moderation, ask /comments/status about them every 1.5 seconds; when one
// is decided, fetch the page again and swap in its comments section (the server renders it, as on a reload).
(function () {
  'use strict';
  var POLL_MS = 1500;

  function awaiting() {
    var section = document.getElementById('comments');
    var ids = section ? (section.getAttribute('data-awaiting') || '').trim() : '';
    return ids ? ids.split(/\s+/) : [];
  }

  function poll() {
    var ids = awaiting();
    if (ids.length === 0) { return; }
    var query = ids.map(function (id) { return 'id=' + encodeURIComponent(id); }).join('&');
    fetch('/comments/status?' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (status) {
        var decided = ids.some(function (id) { return status[id] === 'APPROVED' || status[id] === 'REJECTED'; });
        return decided ? refresh() : null;
      })
      .catch(function () { /* the network hiccuped: try again at the next tick */ })
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  function refresh() {
    return fetch('/', { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('comments');
        var current = document.getElementById('comments');
        if (!fresh || !current) { return; }
        current.replaceWith(fresh);
        // Tell screen reader users what happened, and take keyboard users to the reasons if it was rejected.
        var news = fresh.querySelector('[data-announce]');
        if (news) { document.getElementById('live-announcer').textContent = news.getAttribute('data-announce'); }
        var errors = document.getElementById('form-errors');
        if (errors) { errors.focus(); }
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { setTimeout(poll, POLL_MS); });
  } else {
    setTimeout(poll, POLL_MS);
  }
}());
