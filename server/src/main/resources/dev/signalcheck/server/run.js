/* The dashboard's run page: fetches the run's report data (the data block of its stored report.html)
   and draws it with the report's own window.signalcheck.render(data, root), loaded before this file
   from /static/report.js. Nothing from the data is ever parsed as markup: render sets text only. */
(function () {
  'use strict';
  var root = document.getElementById('run-report');
  if (!root) return;
  function failed(why) {
    root.textContent = '';
    var p = document.createElement('p');
    p.className = 'error';
    p.textContent = 'The report could not be drawn here (' + why + '); open it as a page of its own.';
    root.appendChild(p);
  }
  if (!window.signalcheck || typeof window.signalcheck.render !== 'function') {
    failed('the report script did not load');
    return;
  }
  fetch(root.getAttribute('data-src'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) {
      if (!r.ok) throw new Error('the server answered ' + r.status);
      return r.json();
    })
    .then(function (data) {
      window.signalcheck.render(data, root);
      root.setAttribute('data-run-rendered', 'true');
    })
    .catch(function (e) { failed(e && e.message ? e.message : String(e)); });
})();
