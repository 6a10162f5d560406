/* report.js, part overview: the header, the summary and the table of all series. The build joins the parts in the order of report/pom.xml into one
   script inside render(D, app) (page-begin.js opens it), so they share its scope. */

  /* ---------- page ---------- */

  var rows = D.overview.rows;
  var details = D.details || [];
  var detailByIndex = {};
  details.forEach(function (d) { detailByIndex[d.index] = d; });
  var total = rows.length;

  function header() {
    var h = el('header', 'top');
    var w = el('div', 'wrap');
    add(h, w);
    add(w, el('div', 'brand', 'signalcheck · time-series audit'));
    add(w, el('h1', null, (D.input && D.input.source) || 'Report'));
    var meta = el('div', 'meta');
    add(w, meta);
    function m(k, v) { var s = el('span'); add(s, k + ' ', el('b', null, v)); add(meta, s); }
    function names(x) { return Array.isArray(x) ? x.join(', ') : String(x); }
    if (D.input) {
      if (D.input.time !== undefined && D.input.time !== null) m('time', names(D.input.time));
      if (D.input.ids && D.input.ids.length) m('series ids', names(D.input.ids));
      if (D.input.targets && D.input.targets.length) m(D.input.targets.length === 1 ? 'target' : 'targets', names(D.input.targets));
      m('rows', int(D.input.rows));
      if (D.input.rejectedRows) m('rejected rows', int(D.input.rejectedRows));
    }
    m('series', int(total));
    if (D.settings) {
      if (D.settings.origins) m('backtest origins', String(D.settings.origins));
    }
    m('created', (D.createdAt || '').replace('T', ' ').replace('Z', ' UTC'));
    if (D.generator) m('signalcheck', D.generator.version);
    if (D.redacted) add(w, el('p', 'redacted', 'Redacted: every series is scaled to [0, 1] of its own range and findings are described, not quoted; no raw value of the data is in this report.'));
    return h;
  }

  function verdictCard(series) {
    var v = series.verdict;
    var card = el('div', 'verdict ' + signalClass(v && v.signal));
    add(card, signalBadge(v && v.signal));
    if (!v) {
      add(card, el('p', 'headline', 'No verdict: nothing in this series could be analysed. See the findings below.'));
      return card;
    }
    add(card, el('p', 'headline', v.headline));
    if (!v.reasons || !v.reasons.length) return card;
    // the box stays short: the evidence follows it, folded
    var block = el('div', 'verdict-block');
    var why = el('details', 'why');
    add(why, el('summary', null, 'Why: ' + plural(v.reasons.length, 'point') + ' of evidence'));
    var ul = el('ul');
    v.reasons.forEach(function (r) { add(ul, el('li', null, r)); });
    add(why, ul);
    add(block, card, why);
    return block;
  }

  // [1, 2, 3, 5] -> '1–3, 5': the steps at which the best model is at least 5% better
  function stepRanges(steps) {
    var out = [];
    for (var i = 0; i < steps.length; i++) {
      var j = i;
      while (j + 1 < steps.length && steps[j + 1] === steps[j] + 1) j++;
      out.push(j === i ? String(steps[i]) : steps[i] + '–' + steps[j]);
      i = j;
    }
    return out.join(', ');
  }

  function facts(s) {
    var f = el('div', 'facts');
    function fact(k, v, cls) { var d = el('div', 'fact' + (cls ? ' ' + cls : '')); add(d, el('div', 'k', k), el('div', 'v', v)); add(f, d); }
    var v = s.verdict || {};
    var bt = s.backtest || {};
    fact('Rows', int(s.n));
    if (s.start !== undefined) fact('From', String(s.start), 'stamp');
    if (s.end !== undefined) fact('To', String(s.end), 'stamp');
    if (s.frequency) {
      fact('Step', String(s.frequency.step));
      fact('Season (steps)', int(s.frequency.season));
      fact('Horizon (steps)', int(s.frequency.horizon));
    }
    if (bt.best) fact('Best model', bt.best);
    if (bt.baseline) fact('Best baseline', bt.baseline);
    if (finite(v.skill)) fact('Skill over baseline', pct(v.skill) + (v.decision && !v.decision.modelAdds && v.skill > 0 ? ' (not confirmed)' : ''));
    if (v.expected && finite(v.expected.mase)) fact('Expected MASE', num(v.expected.mase) + ' (' + num(v.expected.low) + '–' + num(v.expected.high) + ')');
    if (finite(v.predictability)) fact('Predictability', pct(v.predictability));
    if (v.usefulSteps && bt.horizon) fact('Useful steps', (v.usefulSteps.length ? stepRanges(v.usefulSteps) : 'none') + ' of ' + bt.horizon);
    if (bt.significance && finite(bt.significance.pValue)) fact('Diebold–Mariano', pval(bt.significance.pValue));
    return f;
  }

  function summaryBlock() {
    var sec = el('section', 'block');
    var verdicts = (D.summary && D.summary.verdicts) || {};
    var findings = (D.summary && D.summary.findings) || {};
    add(sec, el('h2', null, 'Verdicts'));
    var tiles = el('div', 'tiles');
    add(sec, tiles);
    function tile(cls, n, k) { var t = el('div', 'tile ' + cls); add(t, el('div', 'n', int(n || 0)), el('div', 'k', k)); add(tiles, t); }
    tile('strong', verdicts.strong, 'strong signal');
    tile('weak', verdicts.weak, 'weak signal');
    tile('none', verdicts.none, 'no signal');
    tile('short', verdicts['insufficient-data'], 'too short to judge');
    tile('critical', findings.critical, 'critical findings');
    tile('warning', findings.warning, 'warnings');
    tile('info', findings.info, 'notes');
    var sel = D.selection;
    if (sel && sel.leftOut > 0) {
      var p = el('p', 'leftout');
      var words = int(sel.shown) + ' of ' + plural(total, 'series', 'series') + ' are shown in detail below: the ' +
        int(sel.top) + ' that most need attention (most severe findings, then weakest verdict)';
      if (sel.named && sel.named.length) words += ', and those named with --detail';
      words += '. The other ' + int(sel.leftOut) + ' are summarised in the table only; rerun with --detail ID to see one in full.';
      add(sec, p);
      var parts = words.split('--detail');
      parts.forEach(function (part, i) {
        if (i > 0) add(p, el('code', 'opt', '--detail'));
        add(p, part);
      });
    }
    if (sel && sel.notFound && sel.notFound.length) {
      add(sec, el('p', 'leftout', 'Asked for in detail but not in the data: ' + sel.notFound.join(', ')));
    }
    if (D.findings && D.findings.length) {
      add(sec, el('h3', null, 'Findings about the whole input'));
      add(sec, findingsTable(D.findings));
    }
    return sec;
  }

  /* ---------- overview table ---------- */

  var O = D.overview;
  var COL = { index: 0, id: 1, n: 2, signal: 3, skill: 4, mase: 5, best: 6, worst: 7, worstCheck: 8, counts: 9, checks: 10 };
  function signalOf(r) { return r[COL.signal] < 0 ? null : O.signals[r[COL.signal]]; }
  function concern(r) {
    var s = signalOf(r);
    return s === null ? 4 : s === 'insufficient-data' ? 3 : s === 'none' ? 2 : s === 'weak' ? 1 : 0;
  }
  var SORTS = {
    attention: function (a, b) {
      return (b[COL.worst] - a[COL.worst]) || (concern(b) - concern(a)) ||
        (b[COL.counts][2] - a[COL.counts][2]) || (b[COL.counts][1] - a[COL.counts][1]) || (a[COL.index] - b[COL.index]);
    },
    index: function (a, b) { return a[COL.index] - b[COL.index]; },
    id: function (a, b) { return a[COL.id] < b[COL.id] ? -1 : a[COL.id] > b[COL.id] ? 1 : a[COL.index] - b[COL.index]; },
    n: function (a, b) { return (a[COL.n] - b[COL.n]) || (a[COL.index] - b[COL.index]); },
    signal: function (a, b) { return (concern(a) - concern(b)) || (a[COL.index] - b[COL.index]); },
    skill: numeric(COL.skill),
    mase: numeric(COL.mase),
    findings: function (a, b) {
      return (a[COL.worst] - b[COL.worst]) || (a[COL.counts][2] - b[COL.counts][2]) || (a[COL.counts][1] - b[COL.counts][1]) ||
        (a[COL.counts][0] - b[COL.counts][0]) || (a[COL.index] - b[COL.index]);
    }
  };
  function numeric(c) {
    return function (a, b) {
      var x = a[c], y = b[c];
      if (x === null && y === null) return a[COL.index] - b[COL.index];
      if (x === null) return 1;
      if (y === null) return -1;
      return (x - y) || (a[COL.index] - b[COL.index]);
    };
  }

  function overview() {
    var sec = el('section', 'block');
    sec.id = 'overview';
    add(sec, el('h2', null, 'All series'));
    add(sec, el('p', 'explain', 'One line per series. Sort by a column heading; filter by verdict or finding. ' +
      'Series with a link are shown in full below.'));
    var state = { q: '', signal: 'any', check: 'any', sort: O.order === 'attention' ? 'attention' : 'index', dir: 1, page: 0, size: 50 };
    var controls = el('div', 'controls no-print');
    add(sec, controls);

    function labelled(text, input) { var l = el('label'); add(l, text, input); return l; }
    var q = el('input');
    q.type = 'search';
    q.placeholder = 'part of an id';
    q.setAttribute('aria-label', 'Find series by id');
    var sigSel = el('select');
    [['any', 'any verdict'], ['strong', 'strong signal'], ['weak', 'weak signal'], ['none', 'no signal'],
      ['insufficient-data', 'too short to judge'], ['unjudged', 'not judged']].forEach(function (o) {
      var opt = el('option', null, o[1]); opt.value = o[0]; add(sigSel, opt);
    });
    var seriesPerCheck = O.checks.map(function () { return 0; });
    var clean = 0;
    rows.forEach(function (r) {
      r[COL.checks].forEach(function (c) { seriesPerCheck[c]++; });
      if (r[COL.checks].length === 0) clean++;
    });
    var chkSel = el('select');
    var opts = [['any', 'any or none'], ['some', 'any finding'], ['critical', 'a critical finding'], ['clean', 'no finding (' + int(clean) + ')']];
    O.checks.forEach(function (c, i) { opts.push(['c' + i, c + ' (' + int(seriesPerCheck[i]) + ')']); });
    opts.forEach(function (o) { var opt = el('option', null, o[1]); opt.value = o[0]; add(chkSel, opt); });
    var sizeSel = el('select');
    [25, 50, 100, 250].forEach(function (n) { var opt = el('option', null, String(n)); opt.value = String(n); if (n === 50) opt.selected = true; add(sizeSel, opt); });
    add(controls, labelled('Series id', q), labelled('Verdict', sigSel), labelled('Finding', chkSel), labelled('Rows per page', sizeSel));

    var table = el('table');
    var thead = el('thead');
    var headRow = el('tr');
    var heads = [['index', '#', 'num'], ['id', 'Series', ''], ['n', 'Rows', 'num'], ['signal', 'Verdict', ''],
      ['skill', 'Skill', 'num'], ['mase', 'Expected MASE', 'num'], [null, 'Best model', ''], ['findings', 'Worst finding', ''],
      [null, 'Findings (critical / warning / info)', '']];
    var buttons = {};
    heads.forEach(function (h) {
      var th = el('th', h[2]);
      if (h[0]) {
        var b = el('button', 'sort', h[1]);
        b.type = 'button';
        b.addEventListener('click', function () {
          if (state.sort === h[0]) state.dir = -state.dir; else { state.sort = h[0]; state.dir = 1; }
          state.page = 0;
          refresh();
        });
        buttons[h[0]] = b;
        add(th, b);
      } else {
        th.textContent = h[1];
      }
      add(headRow, th);
    });
    add(thead, headRow);
    var tbody = el('tbody');
    add(table, thead, tbody);
    var pager = el('div', 'pager');
    var info = el('span');
    var prev = el('button', null, '‹ previous');
    var next = el('button', null, 'next ›');
    prev.type = next.type = 'button';
    add(pager, prev, info, next);
    add(sec, table, pager);

    var view = rows;
    function filter() {
      var needle = state.q.toLowerCase();
      view = rows.filter(function (r) {
        if (needle && String(r[COL.id]).toLowerCase().indexOf(needle) < 0) return false;
        var s = signalOf(r);
        if (state.signal === 'unjudged' ? s !== null : state.signal !== 'any' && s !== state.signal) return false;
        if (state.check === 'some' && r[COL.checks].length === 0) return false;
        if (state.check === 'clean' && r[COL.checks].length !== 0) return false;
        if (state.check === 'critical' && r[COL.counts][2] === 0) return false;
        if (state.check.charAt(0) === 'c' && state.check !== 'critical' && state.check !== 'clean') {
          var want = +state.check.slice(1);
          if (r[COL.checks].indexOf(want) < 0) return false;
        }
        return true;
      });
    }
    function refresh() {
      filter();
      var cmp = SORTS[state.sort];
      var dir = state.dir;
      view.sort(function (a, b) { return dir * cmp(a, b); });
      Object.keys(buttons).forEach(function (k) {
        if (k === state.sort) buttons[k].setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        else buttons[k].removeAttribute('aria-sort');
      });
      var pages = Math.max(1, Math.ceil(view.length / state.size));
      if (state.page >= pages) state.page = pages - 1;
      var from = state.page * state.size;
      var to = Math.min(view.length, from + state.size);
      tbody.textContent = '';
      for (var i = from; i < to; i++) add(tbody, row(view[i]));
      info.textContent = view.length === 0 ? 'No series match.' :
        'Series ' + int(from + 1) + '–' + int(to) + ' of ' + int(view.length) +
        (view.length < total ? ' (filtered from ' + int(total) + ')' : '') + ' · page ' + int(state.page + 1) + ' of ' + int(pages);
      prev.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
    }
    function row(r) {
      var tr = el('tr');
      add(tr, el('td', 'num muted', int(r[COL.index] + 1)));
      var idCell = el('td', 'wrapcell');
      if (detailByIndex[r[COL.index]]) {
        var a = el('a', null, r[COL.id]);
        a.href = '#s-' + (r[COL.index] | 0);
        add(idCell, a);
      } else {
        add(idCell, el('span', null, r[COL.id]));
      }
      add(tr, idCell, el('td', 'num', int(r[COL.n])));
      var sigCell = el('td');
      add(sigCell, signalBadge(signalOf(r)));
      add(tr, sigCell);
      add(tr, el('td', 'num', finite(r[COL.skill]) ? pct(r[COL.skill]) : '—'));
      add(tr, el('td', 'num', num(r[COL.mase])));
      add(tr, el('td', null, r[COL.best] >= 0 ? O.models[r[COL.best]] : '—'));
      var wc = el('td');
      if (r[COL.worst] >= 0) add(wc, sevBadge(O.severities[r[COL.worst]]), ' ', el('code', null, O.checks[r[COL.worstCheck]]));
      else add(wc, el('span', 'muted', 'none'));
      add(tr, wc);
      var cc = el('td', 'counts');
      add(cc, el('span', 'sev-critical', int(r[COL.counts][2])), el('span', 'sev-warning', int(r[COL.counts][1])),
        el('span', 'sev-info', int(r[COL.counts][0])));
      add(tr, cc);
      return tr;
    }
    q.addEventListener('input', function () { state.q = q.value; state.page = 0; refresh(); });
    sigSel.addEventListener('change', function () { state.signal = sigSel.value; state.page = 0; refresh(); });
    chkSel.addEventListener('change', function () { state.check = chkSel.value; state.page = 0; refresh(); });
    sizeSel.addEventListener('change', function () { state.size = +sizeSel.value; state.page = 0; refresh(); });
    prev.addEventListener('click', function () { state.page--; refresh(); });
    next.addEventListener('click', function () { state.page++; refresh(); });
    refresh();
    return sec;
  }

  /* ---------- findings ---------- */

  function findingsTable(findings) {
    var t = el('table');
    var h = el('tr');
    ['Severity', 'Check', 'What', 'Count', 'Where'].forEach(function (x, i) { add(h, el('th', i === 3 ? 'num' : null, x)); });
    add(t, add(el('thead'), h));
    var tb = el('tbody');
    findings.forEach(function (f) {
      var tr = el('tr');
      var s = el('td'); add(s, sevBadge(f.severity));
      var c = el('td'); add(c, el('code', null, f.check));
      var w = el('td', 'wrapcell');
      add(w, el('div', null, f.message));
      if (CHECKS[f.check]) add(w, el('div', 'muted small', CHECKS[f.check]));
      var where = el('td', 'small wrapcell');
      var iv = f.intervals || [];
      iv.slice(0, 3).forEach(function (i) {
        add(where, el('div', null, String(i.from) + (String(i.to) !== String(i.from) ? ' – ' + String(i.to) : '') +
          (i.count > 1 ? ' (' + int(i.count) + ')' : '')));
      });
      if (iv.length > 3) add(where, el('div', 'muted', '… ' + plural(iv.length - 3, 'more stretch', 'more stretches')));
      if (f.rows && f.rows.length) add(where, el('div', 'muted', 'rows ' + f.rows.join(', ')));
      add(tr, s, c, w, el('td', 'num', int(f.count)), where);
      add(tb, tr);
    });
    add(t, tb);
    return t;
  }
