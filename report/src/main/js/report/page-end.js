/* report.js, part page-end: the page assembled; closes render. The build joins the parts in the order of report/pom.xml into one
   script inside render(D, app) (page-begin.js opens it), so they share its scope. */

  /* ---------- assemble ---------- */

  app.textContent = '';
  // the header goes before the root, wherever the root is (the report's body, a dashboard page)
  app.parentNode.insertBefore(header(), app);
  var main = el('main');
  app.append(main);
  if (total === 1 && details.length === 1) {
    // one series: its verdict is the first thing on the page
    var only = seriesSection(details[0]);
    add(main, only);
    only.classList.add('first');
    if (D.findings && D.findings.length) {
      add(main, el('h3', null, 'Findings about the whole input'));
      add(main, findingsTable(D.findings));
    }
  } else {
    add(main, summaryBlock());
    if (details.length === total && details.length <= 12) {
      // a few series: each verdict in one line on page one
      var sec = el('section', 'block');
      add(sec, el('h2', null, 'Verdict per series'));
      details.forEach(function (d) {
        var line = el('div', 'verdict compact ' + signalClass(d.series.verdict && d.series.verdict.signal));
        var a = el('a', 'id', d.series.id);
        a.href = '#s-' + (d.index | 0);
        add(line, signalBadge(d.series.verdict && d.series.verdict.signal), ' ', a);
        add(line, el('p', 'headline', d.series.verdict ? d.series.verdict.headline : 'No verdict: nothing could be analysed.'));
        add(sec, line);
      });
      add(main, sec);
    }
    if (total > 1) add(main, overview());
    details.forEach(function (d) { add(main, seriesSection(d)); });
  }
  add(main, el('p', 'notes', 'Made by signalcheck ' + (D.generator ? D.generator.version : '') +
    '. Charts by uPlot (MIT licence). The same results, with every number, are in report.json.'));
  document.documentElement.setAttribute('data-rendered', 'true');
  }

  return { render: render };
})();

/* report.html draws its own data block; a page without one (the dashboard) calls render itself */
(function () {
  var data = document.getElementById('report-data');
  if (data) window.signalcheck.render(JSON.parse(data.textContent), document.getElementById('app'));
})();
