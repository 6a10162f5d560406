/* signalcheck HTML report. Reads the JSON data block and builds the page with DOM calls only: every piece
   of data is set as text (textContent, text nodes), never parsed as markup, and no handler is built from data. */
(function () {
  'use strict';

  var D = JSON.parse(document.getElementById('report-data').textContent);
  var app = document.getElementById('app');

  /* ---------- small helpers ---------- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var k = arguments[i];
      if (k === undefined || k === null) continue;
      parent.append(k);
    }
    return parent;
  }
  function finite(x) { return typeof x === 'number' && isFinite(x); }
  function num(x, digits) {
    if (!finite(x)) return '—';
    var d = digits === undefined ? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2) : digits;
    return x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  }
  function int(x) { return finite(x) ? Math.round(x).toLocaleString('en-US') : '—'; }
  function pct(x) { return finite(x) ? Math.round(x * 100) + '%' : '—'; }
  function pval(p) {
    if (!finite(p)) return '—';
    if (p < 0.001) return 'p < 0.001';
    return 'p = ' + (p < 0.01 ? p.toFixed(3) : p.toFixed(2));
  }
  function plural(n, word, many) { return int(n) + ' ' + (n === 1 ? word : (many || word + 's')); }

  var SIGNAL_WORDS = {
    'strong': 'Strong signal',
    'weak': 'Weak signal',
    'none': 'No signal',
    'insufficient-data': 'Too short to judge'
  };
  function signalClass(s) { return s === 'strong' || s === 'weak' || s === 'none' ? s : 'short'; }
  function signalBadge(s) { return el('span', 'badge ' + signalClass(s), s ? SIGNAL_WORDS[s] || s : 'Not judged'); }
  function sevBadge(s) { return el('span', 'badge sev sev-' + s, s); }

  // one sentence per check id, written by the Java side from its single list of checks
  var CHECKS = D.checkDescriptions || {};

  var PALETTE = ['#d1495b', '#edae49', '#00798c', '#8e6bbf', '#30a46c', '#e07a2f', '#3d5a80', '#c9184a', '#6c757d', '#7b2cbf'];
  var checkColor = {};
  function colorOf(check) {
    if (!checkColor[check]) checkColor[check] = PALETTE[Object.keys(checkColor).length % PALETTE.length];
    return checkColor[check];
  }
  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16 & 255) + ',' + (n >> 8 & 255) + ',' + (n & 255) + ',' + a + ')';
  }

  /* ---------- charts: created when they scroll into view, resized with the window and for print ---------- */

  var charts = [];
  var pending = [];
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) draw(e.target);
    });
  }, { rootMargin: '400px 0px' }) : null;

  function lazy(box, make) {
    box._make = make;
    add(box, el('div', 'pending', 'Chart is drawn when it scrolls into view…'));
    pending.push(box);
    if (observer) observer.observe(box); else draw(box);
  }
  function draw(box) {
    if (!box._make) return;
    var make = box._make;
    box._make = null;
    if (observer) observer.unobserve(box);
    box.textContent = '';
    try {
      make(box);
    } catch (err) {
      box.textContent = 'This chart could not be drawn: ' + err.message;
      if (window.console) console.error(err);
    }
  }
  function widthOf(box) { return Math.max(280, Math.floor(box.getBoundingClientRect().width || 800)); }

  function plot(box, opts, data) {
    opts.width = widthOf(box);
    var u = new uPlot(opts, data, box);
    charts.push({ u: u, box: box, height: opts.height });
    return u;
  }
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      charts.forEach(function (c) { c.u.setSize({ width: widthOf(c.box), height: c.height }); });
    }, 150);
  });
  var PRINT_WIDTH = 680;
  window.addEventListener('beforeprint', function () {
    pending.forEach(draw);
    charts.forEach(function (c) { c.u.setSize({ width: PRINT_WIDTH, height: c.height }); });
  });
  window.addEventListener('afterprint', function () {
    charts.forEach(function (c) { c.u.setSize({ width: widthOf(c.box), height: c.height }); });
  });

  function axes(xTime, yLabel, yFmt) {
    var x = { stroke: '#5b6673', grid: { stroke: '#eef1f4' }, ticks: { stroke: '#dde2e8' } };
    var y = { stroke: '#5b6673', grid: { stroke: '#eef1f4' }, ticks: { stroke: '#dde2e8' }, size: 64 };
    if (yLabel) { y.label = yLabel; y.labelSize = 18; }
    if (yFmt) y.values = function (u, vals) { return vals.map(yFmt); };
    return [x, y];
  }
  function baseOpts(height, xTime, yLabel, yFmt) {
    return {
      height: height,
      scales: { x: { time: xTime } },
      axes: axes(xTime, yLabel, yFmt),
      legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false } },
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
      series: [{}]
    };
  }
  /* ---------- time labels: written as the data write them, never by the browser's locale ----------
     x is seconds since the epoch, local times stored as if they were UTC: read back in UTC. */

  function pad(n, width) {
    var t = String(Math.abs(n));
    while (t.length < (width || 2)) t = '0' + t;
    return (n < 0 ? '-' : '') + t;
  }
  function timeParts(x) {
    var d = new Date(Math.round(x * 1000));
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
  }
  /* how fine a label must be: 0 year, 1 quarter, 2 month, 3 day, 4 minute, 5 second */
  var COARSEST = { year: 0, quarter: 1, month: 2, date: 3, datetime: 3 };
  function fineness(p) {
    return p.s ? 5 : (p.h || p.mi) ? 4 : p.d !== 1 ? 3 : p.mo % 3 ? 2 : p.mo ? 1 : 0;
  }
  function levelFor(kind, parts, least) {
    var level = Math.max(COARSEST[kind] === undefined ? 3 : COARSEST[kind], least || 0);
    parts.forEach(function (p) { if (p) level = Math.max(level, fineness(p)); });
    return level === 1 && kind !== 'quarter' ? 2 : level;
  }
  function dayOf(p) { return pad(p.y, 4) + '-' + pad(p.mo + 1) + '-' + pad(p.d); }
  function clockOf(p, level) { return pad(p.h) + ':' + pad(p.mi) + (level >= 5 ? ':' + pad(p.s) : ''); }
  function writeTime(p, level) {
    if (level === 0) return pad(p.y, 4);
    if (level === 1) return pad(p.y, 4) + '-Q' + (Math.floor(p.mo / 3) + 1);
    if (level === 2) return pad(p.y, 4) + '-' + pad(p.mo + 1);
    if (level === 3) return dayOf(p);
    return dayOf(p) + ' ' + clockOf(p, level);
  }
  function plainIndex(v) { return Number.isInteger(v) ? String(v) : String(+v.toFixed(6)); }
  var STEPS = [];
  for (var e10 = 1; e10 < 1e16; e10 *= 10) STEPS.push(e10, 2 * e10, 5 * e10);

  /* an x axis counted in whole steps (lags, steps ahead): ticks at whole numbers only */
  function wholeSteps(opts) {
    opts.axes[0].incrs = STEPS;
    opts.axes[0].values = function (u, splits) { return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); };
  }

  /* the x axis and the legend's x value of a chart over time (or over an integer index) */
  function timeAxis(opts, ch) {
    var x = opts.axes[0];
    var kind = ch.time || (ch.axis === 'time' ? 'datetime' : 'index');
    if (ch.axis !== 'time' || kind === 'index') {
      x.incrs = STEPS;
      x.values = function (u, splits) { return splits.map(function (v) { return v === null ? null : plainIndex(v); }); };
      opts.series[0].value = function (u, v) { return v === null || v === undefined ? '—' : plainIndex(v); };
      return;
    }
    x.space = 80;
    x.values = function (u, splits) {
      var parts = splits.map(function (v) { return v === null ? null : timeParts(v); });
      var level = levelFor(kind, parts);
      var lastDay = null;
      return parts.map(function (p) {
        if (!p) return null;
        if (level < 4) return writeTime(p, level);
        // times of day, with the date under the first and wherever it changes
        var day = dayOf(p);
        var label = clockOf(p, level) + (day !== lastDay ? '\n' + day : '');
        lastDay = day;
        return label;
      });
    };
    opts.series[0].label = ch.utc ? 'time (UTC)' : 'time';
    opts.series[0].value = function (u, v) {
      if (v === null || v === undefined) return '—';
      var p = timeParts(v);
      return writeTime(p, levelFor(kind, [p], kind === 'datetime' ? 4 : 0));
    };
  }

  function shortNum(v) {
    if (v === null || v === undefined) return '';
    var a = Math.abs(v);
    if (a >= 1e6 || (a > 0 && a < 1e-3)) return v.toExponential(1);
    if (a >= 1000) return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
    return String(+v.toPrecision(3));
  }

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

  /* ---------- per-series charts ---------- */

  function halfStep(x) {
    if (!x || x.length < 2) return 0.5;
    return (x[x.length - 1] - x[0]) / (x.length - 1) / 2;
  }

  function dataChart(box, s, ch) {
    var findings = s.findings || [];
    var marks = ch.marks || [];
    var shown = marks.map(function () { return true; });
    var hs = halfStep(ch.data.x) / (ch.data.reduced ? Math.max(1, ch.data.points / ch.data.x.length) : 1);
    var used = ch.used;
    var partial = s.cleaning && s.cleaning.method === 'longest-stretch' && used;
    var opts = baseOpts(280, ch.axis === 'time', null, shortNum);
    timeAxis(opts, ch);
    opts.series.push({ label: D.redacted ? 'value (scaled 0–1)' : 'value', stroke: '#1d232b', width: 1.25, spanGaps: false, points: { show: ch.data.x.length < 120 } });
    opts.hooks = {
      drawClear: [function (u) {
        var ctx = u.ctx;
        var top = u.bbox.top, height = u.bbox.height;
        ctx.save();
        if (partial) {
          ctx.fillStyle = 'rgba(120,130,140,0.13)';
          var a = u.valToPos(used.from - hs, 'x', true), b = u.valToPos(used.to + hs, 'x', true);
          if (a > u.bbox.left) ctx.fillRect(u.bbox.left, top, a - u.bbox.left, height);
          if (b < u.bbox.left + u.bbox.width) ctx.fillRect(b, top, u.bbox.left + u.bbox.width - b, height);
        }
        marks.forEach(function (m, i) {
          if (!shown[i]) return;
          var f = findings[m.finding];
          var color = colorOf(f.check);
          var sp = m.spans;
          for (var k = 0; k + 1 < sp.length; k += 2) {
            var x0 = u.valToPos(sp[k] - hs, 'x', true);
            var x1 = u.valToPos(sp[k + 1] + hs, 'x', true);
            var w = Math.max(x1 - x0, 2 * (window.devicePixelRatio || 1));
            ctx.fillStyle = alpha(color, 0.22);
            ctx.fillRect(x0, top, w, height);
            ctx.fillStyle = color;
            ctx.fillRect(x0, top, w, 5 * (window.devicePixelRatio || 1));
          }
        });
        ctx.restore();
      }]
    };
    var u = plot(box, opts, [ch.data.x, ch.data.y]);
    if (marks.length || partial) {
      var lg = el('div', 'legend');
      marks.forEach(function (m, i) {
        var f = findings[m.finding];
        var l = el('label');
        var cb = el('input');
        cb.type = 'checkbox';
        cb.checked = true;
        cb.addEventListener('change', function () { shown[i] = cb.checked; u.redraw(false); });
        var sw = el('span', 'swatch');
        sw.style.background = colorOf(f.check);
        add(l, cb, sw, el('code', null, f.check), el('span', 'muted', '(' + plural(m.spans.length / 2, 'place') + ')'));
        add(lg, l);
      });
      if (partial) {
        var l = el('span');
        var sw = el('span', 'swatch');
        sw.style.background = 'rgba(120,130,140,0.35)';
        add(l, sw, ' not used for the analyses: only the longest complete stretch is');
        add(lg, l);
      }
      add(box, lg);
    }
    if (ch.data.reduced) {
      add(box, el('p', 'notes', int(ch.data.points) + ' points drawn as their minimum and maximum per pixel column; drag to zoom.'));
    }
  }

  function acfChart(box, ch) {
    var a = ch.acf;
    var lags = [];
    var lo = [], hi = [];
    for (var i = 0; i < a.r.length; i++) { lags.push(i + 1); lo.push(-a.bound); hi.push(a.bound); }
    var opts = baseOpts(200, false, 'autocorrelation', shortNum);
    wholeSteps(opts);
    opts.scales.y = { range: function (u, min, max) { return [Math.min(-0.2, min, -a.bound * 1.5), Math.max(0.2, max, a.bound * 1.5)]; } };
    opts.series.push({ label: 'r(lag)', stroke: '#2557a7', fill: 'rgba(37,87,167,0.55)', paths: uPlot.paths.bars({ size: [0.7, 14] }), points: { show: false } });
    opts.series.push({ label: '+1.96/√n', stroke: '#b42318', dash: [5, 4], width: 1, points: { show: false } });
    opts.series.push({ label: '−1.96/√n', stroke: '#b42318', dash: [5, 4], width: 1, points: { show: false } });
    opts.series[0].label = 'lag';
    plot(box, opts, [lags, a.r, hi, lo]);
  }

  function stlCharts(box, ch, index) {
    var d = ch.stl;
    var parts = [['trend', d.trend, '#2557a7'], ['seasonal', d.seasonal, '#17803d'], ['remainder', d.remainder, '#6b7280']];
    parts.forEach(function (p) {
      if (!p[1]) return;
      var sub = el('div');
      add(box, sub);
      var opts = baseOpts(p[0] === 'trend' ? 170 : 140, ch.axis === 'time', p[0], shortNum);
      opts.cursor.sync = { key: 'stl-' + index };
      timeAxis(opts, ch);
      opts.series.push({ label: p[0], stroke: p[2], width: 1.25, points: { show: false } });
      plot(sub, opts, [d.x, p[1]]);
    });
    if (d.period <= 1) add(box, el('p', 'notes', 'No seasonal component: trend by Friedman\'s super smoother, remainder = data − trend.'));
  }

  function spectrumChart(box, ch, season) {
    var sp = ch.spectrum;
    var opts = baseOpts(200, false, 'share of variance', shortNum);
    opts.scales.y = { distr: 3 };
    opts.series[0].label = 'cycles per step';
    opts.series.push({ label: 'AR(' + sp.order + ') spectrum', stroke: '#8e6bbf', width: 1.5, points: { show: false } });
    if (season > 1) {
      var f0 = 1 / season;
      opts.hooks = {
        draw: [function (u) {
          var ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#b42318';
          ctx.setLineDash([4, 4]);
          for (var k = 1; k * f0 <= 0.5 && k <= 6; k++) {
            var x = u.valToPos(k * f0, 'x', true);
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
          }
          ctx.restore();
        }]
      };
    }
    opts.axes[0].values = function (u, vals) { return vals.map(function (v) { return v === 0 ? '0' : v.toFixed(3).replace(/0+$/, ''); }); };
    plot(box, opts, [sp.frequency, sp.power]);
  }

  function backtestChart(box, s, ch) {
    var bt = ch.backtest;
    var models = bt.models;
    if (!models.length) { add(box, el('p', 'notes', 'No model could be scored.')); return; }
    var baseline = s.backtest && s.backtest.baseline;
    var best = s.backtest && s.backtest.best;
    var pick = el('select', 'model');
    pick.setAttribute('aria-label', 'Model to show');
    models.forEach(function (m, i) {
      var opt = el('option', null, m.name + (m.baseline ? ' (baseline)' : '') + ' · MASE ' + num(m.mase));
      opt.value = String(i);
      if (m.name === best) opt.selected = true;
      add(pick, opt);
    });
    var controls = el('div', 'controls no-print');
    var l = el('label');
    add(l, 'Model', pick);
    add(controls, l);
    var holder = el('div');
    add(box, controls, holder);
    var baseIdx = -1;
    models.forEach(function (m, i) { if (m.name === baseline) baseIdx = i; });
    function series(m) {
      var y = bt.x.map(function () { return null; });
      m.forecasts.forEach(function (f, o) {
        var start = bt.origins[o];
        for (var k = 0; k < f.length; k++) y[start + k] = f[k];
      });
      return y;
    }
    var u = null;
    function render() {
      var m = models[+pick.value];
      holder.textContent = '';
      if (u) {
        charts = charts.filter(function (c) { return c.u !== u; });
        u.destroy();
      }
      var opts = baseOpts(260, ch.axis === 'time', null, shortNum);
      timeAxis(opts, ch);
      opts.series.push({ label: 'actual', stroke: '#1d232b', width: 1.25, points: { show: false } });
      var data = [bt.x, bt.actual];
      if (baseIdx >= 0 && models[baseIdx] !== m) {
        opts.series.push({ label: models[baseIdx].name + ' (baseline)', stroke: '#9aa3ad', width: 1.5, dash: [6, 4], points: { show: false } });
        data.push(series(models[baseIdx]));
      }
      opts.series.push({ label: m.name, stroke: m.baseline ? '#6b7280' : '#d1495b', width: 2, points: { show: false } });
      data.push(series(m));
      opts.hooks = {
        drawClear: [function (uu) {
          var ctx = uu.ctx;
          ctx.save();
          bt.origins.forEach(function (o, i) {
            var x = uu.valToPos(bt.x[o], 'x', true);
            ctx.fillStyle = i % 2 ? 'rgba(37,87,167,0.06)' : 'rgba(37,87,167,0.11)';
            var end = Math.min(bt.x.length - 1, o + bt.horizon - 1);
            var x1 = uu.valToPos(bt.x[end], 'x', true);
            ctx.fillRect(x, uu.bbox.top, Math.max(2, x1 - x), uu.bbox.height);
          });
          ctx.restore();
        }]
      };
      u = plot(holder, opts, data);
    }
    pick.addEventListener('change', render);
    render();
    add(box, el('p', 'notes', 'Shaded: the ' + plural(bt.origins.length, 'test window') + ' of ' + plural(bt.horizon, 'step') +
      '. Each forecast uses only the data before its window (expanding window).'));
  }

  function maseBars(box, s) {
    var bt = s.backtest;
    var scored = bt.models.filter(function (m) { return !m.skipped && finite(m.mase); });
    scored.sort(function (a, b) { return a.mase - b.mase; });
    var base = scored.filter(function (m) { return m.name === bt.baseline; })[0];
    var max = scored.reduce(function (acc, m) { return Math.max(acc, m.mase); }, 0) || 1;
    var wrap = el('div', 'bars');
    scored.forEach(function (m) {
      var r = el('div', 'bar-row');
      var name = el('div', null, m.name + (m.baseline ? ' ·' : ''));
      if (m.baseline) name.title = 'trivial baseline';
      var track = el('div', 'bar-track');
      var fill = el('div', 'bar-fill' + (m.name === bt.best ? ' best' : m.baseline ? ' base' : ''));
      fill.style.width = (100 * m.mase / max).toFixed(2) + '%';
      add(track, fill);
      if (base) {
        var ref = el('div', 'bar-ref');
        ref.style.left = (100 * base.mase / max).toFixed(2) + '%';
        add(track, ref);
      }
      add(r, name, track, el('div', 'num', num(m.mase)));
      add(wrap, r);
    });
    add(box, wrap);
    add(box, el('p', 'notes', 'MASE: the forecast error divided by the in-sample error of the ' +
      ((s.frequency && s.frequency.season > 1) ? 'seasonal naive' : 'naive') + ' forecast (below 1 beats it). ' +
      'Dashed line: the best trivial baseline' + (bt.baseline ? ' (' + bt.baseline + ')' : '') + '; green: the best candidate; · marks baselines.'));
    var t = el('table');
    var h = el('tr');
    [['Model', ''], ['Fitted at last origin', ''], ['MASE', 'num'], ['sMAPE %', 'num'], ['RMSSE', 'num'], ['OWA', 'num'],
      ['MAE', 'num'], ['RMSE', 'num'], ['ME', 'num'], ['MASE per origin', 'num']].forEach(function (x) { add(h, el('th', x[1], x[0])); });
    add(t, add(el('thead'), h));
    var tb = el('tbody');
    bt.models.forEach(function (m) {
      var tr = el('tr');
      add(tr, el('td', null, m.name + (m.baseline ? ' (baseline)' : '')));
      if (m.skipped) {
        var why = el('td', 'muted wrapcell', 'skipped: ' + (m.reason || ''));
        why.colSpan = 9;
        add(tr, why);
      } else {
        add(tr, el('td', 'small', m.description || ''));
        [m.mase, m.smape, m.rmsse, m.owa, m.mae, m.rmse, m.me].forEach(function (v) { add(tr, el('td', 'num', num(v))); });
        add(tr, el('td', 'num small', (m.maseByOrigin || []).map(function (v) { return num(v); }).join(' · ')));
      }
      add(tb, tr);
    });
    add(t, tb);
    add(box, t);
  }

  function skillChart(box, s) {
    var sk = s.backtest.skillByHorizon || [];
    var steps = sk.map(function (_, i) { return i + 1; });
    var vals = sk.map(function (v) { return finite(v) ? v * 100 : null; });
    var opts = baseOpts(200, false, 'skill %', function (v) { return v === null ? '' : Math.round(v) + '%'; });
    opts.series[0].label = 'step ahead';
    wholeSteps(opts);
    opts.series.push({ label: 'skill of ' + (s.backtest.best || 'best') + ' over ' + (s.backtest.baseline || 'baseline'),
      stroke: '#17803d', fill: 'rgba(23,128,61,0.45)', paths: uPlot.paths.bars({ size: [0.7, 24] }), points: { show: false } });
    opts.series.push({ label: '5% threshold', stroke: '#b26b00', dash: [5, 4], width: 1, points: { show: false } });
    opts.scales.y = { range: function (u, min, max) { return [Math.min(0, min === null ? 0 : min), Math.max(10, max === null ? 10 : max)]; } };
    plot(box, opts, [steps, vals, steps.map(function () { return 5; })]);
  }

  /* the profile in plain words */
  function profileTable(p, s) {
    var t = el('table');
    var h = el('tr');
    [['Measure', ''], ['Value', 'num'], ['Reading', ''], ['What it means', '']].forEach(function (x) { add(h, el('th', x[1], x[0])); });
    add(t, add(el('thead'), h));
    var tb = el('tbody');
    function row(name, value, reading, meaning) {
      var tr = el('tr');
      add(tr, el('td', null, name), el('td', 'num', value), el('td', null, reading), el('td', 'muted small', meaning));
      add(tb, tr);
    }
    var season = s.frequency ? s.frequency.season : 1;
    if (finite(p.acf1)) {
      row('Lag-1 autocorrelation', num(p.acf1), p.acf1 > 0.8 ? 'slow-moving' : p.acf1 > 0.3 ? 'some memory' : p.acf1 < -0.3 ? 'alternating' : 'little memory',
        'How much each value resembles the one before (−1 to 1). Near 1, the last value is already a good forecast.');
    }
    if (p.ljungBox) {
      row('Ljung–Box, levels', pval(p.ljungBox.pValue), p.ljungBox.pValue < 0.05 ? 'structure present' : 'like white noise',
        'Tests whether the series is just noise (lag ' + p.ljungBox.lag + '). A small p-value means there is structure a model could use.');
    }
    if (p.ljungBoxDiff) {
      row('Ljung–Box, changes', pval(p.ljungBoxDiff.pValue), p.ljungBoxDiff.pValue < 0.05 ? 'changes have structure' : 'changes like noise (random walk)',
        'The same test on the step-to-step changes. If they look like noise, the series moves like a random walk and the last value is hard to beat.');
    }
    if (finite(p.spectralEntropy)) {
      row('Spectral entropy', num(p.spectralEntropy), p.spectralEntropy < 0.5 ? 'few regular cycles' : p.spectralEntropy < 0.85 ? 'mixed' : 'flat, noise-like',
        'How evenly the variance spreads over frequencies (0 to 1). Low values mean a few regular cycles dominate: easier to forecast.');
    }
    if (finite(p.permutationEntropy)) {
      row('Permutation entropy', num(p.permutationEntropy), p.permutationEntropy < 0.7 ? 'orderly' : p.permutationEntropy < 0.9 ? 'partly orderly' : 'ups and downs look random',
        'How unpredictable the up-and-down pattern of three consecutive values is (0 to 1).');
    }
    if (finite(p.trendStrength)) {
      row('Trend strength', num(p.trendStrength), p.trendStrength > 0.6 ? 'strong trend' : p.trendStrength > 0.3 ? 'some trend' : 'weak trend',
        'Share of the variation (trend plus remainder) that the smooth trend explains (0 to 1).');
    }
    if (finite(p.seasonalStrength)) {
      row('Seasonal strength', num(p.seasonalStrength), p.seasonalStrength > 0.6 ? 'strong season' : p.seasonalStrength > 0.3 ? 'some season' : 'weak season',
        'Share of the variation that the repeating pattern of ' + season + ' steps explains (0 to 1).');
    }
    if (p.kpss) {
      row('KPSS level stationarity', pval(p.kpss.pValue), p.kpss.pValue < 0.05 ? 'level wanders' : 'level stable',
        'Tests whether the level stays put over time (p-values are clipped to 0.01–0.10). A small p-value means the level drifts: a model must follow it.');
    }
    if (p.intermittency) {
      var it = p.intermittency;
      row('Intermittency', pct(it.zeroShare) + ' zeros', it['class'] || '—',
        'Share of zeros, ADI ' + num(it.adi) + ' (steps between non-zero values), CV² ' + num(it.cv2) +
        ' (variability of the non-zero sizes). Intermittent or lumpy series need special methods (Croston and kin).');
    }
    if (p.dominantPeriod) {
      var dp = p.dominantPeriod;
      row('Dominant period', dp.period ? int(dp.period) + ' steps' : 'none found',
        dp.disagrees ? 'differs from the season used (' + dp.configuredPeriod + ')' : dp.period ? 'found in the data' : '—',
        'The cycle the data show by themselves (a peak of the autocorrelation), beside the season of ' + dp.configuredPeriod + ' steps used by the analyses.');
    }
    var nc = p.notComputable || {};
    Object.keys(nc).forEach(function (k) { row(k, '—', 'not computed', nc[k]); });
    add(t, tb);
    return t;
  }

  /* ---------- covariates ---------- */

  var ASSESSMENT = {
    'useful': ['useful', 'badge strong'],
    'no-value': ['no value', 'badge'],
    'leakage': ['leakage', 'badge sev sev-critical'],
    'not-assessed': ['not assessed', 'badge short']
  };
  function signedPct(x) {
    if (!finite(x)) return '—';
    var r = Math.round(x * 100);
    return (r > 0 ? '+' : r < 0 ? '−' : '') + Math.abs(r) + '%';
  }

  function covariatesBlock(sec, c) {
    var items = c.items || [];
    add(sec, el('h3', null, 'Covariates'));
    add(sec, el('p', 'explain', 'Each candidate input is judged alone: the target\'s own autoregression' +
      (c.base && c.base.description ? ' (' + c.base.description + (finite(c.base.mase) ? ', MASE ' + num(c.base.mase) : '') + ')' : '') +
      ' with and without the covariate\'s last ' + plural((c.lags || []).length, 'value') + ', on the same ' +
      plural(c.origins, 'backtest origin') + ' (' + int(c.observations) + ' points). Gain: how much the covariate cuts MASE out of sample; ' +
      'the Diebold–Mariano p-value says whether that is more than chance. The Granger test is in sample.'));
    var t = el('table', 'covariates');
    var h = el('tr');
    [['Covariate', ''], ['Finding', ''], ['Gain (MASE)', 'num'], ['Diebold–Mariano', 'num'], ['Granger', 'num'], ['Why', '']]
      .forEach(function (x) { add(h, el('th', x[1], x[0])); });
    add(t, add(el('thead'), h));
    var tb = el('tbody');
    items.forEach(function (it) {
      var tr = el('tr');
      var name = el('td', 'wrapcell');
      add(name, el('div', null, it.name));
      var tags = [];
      if (it.knownAhead) tags.push('known ahead');
      if (finite(it.present) && pct(it.present) !== '100%') tags.push('present at ' + pct(it.present) + ' of times');
      if (tags.length) add(name, el('div', 'muted small', tags.join(' · ')));
      var finding = el('td');
      var a = ASSESSMENT[it.assessment] || [it.assessment || '—', 'badge short'];
      add(finding, el('span', a[1], a[0]));
      (c.collinear || []).forEach(function (group) {
        if (group.indexOf(it.name) < 0) return;
        add(finding, ' ', el('span', 'badge sev sev-info', 'collinear'));
        add(finding, el('div', 'muted small', 'with ' + group.filter(function (g) { return g !== it.name; }).join(', ')));
      });
      var gain = el('td', 'num');
      add(gain, el('div', null, signedPct(it.gain)));
      if (finite(it.mase)) add(gain, el('div', 'muted small', 'MASE ' + num(it.mase)));
      if (!it.knownAhead && finite(it.sameTimeGain)) add(gain, el('div', 'muted small', 'same-time ' + signedPct(it.sameTimeGain)));
      var granger = el('td', 'num');
      if (it.granger) {
        add(granger, el('div', null, pval(it.granger.pValue)));
        add(granger, el('div', 'muted small', plural(it.granger.lags, 'lag')));
      } else {
        granger.textContent = '—';
      }
      add(tr, name, finding, gain, el('td', 'num', pval(it.pValue)), granger, el('td', 'muted small wrapcell', it.reason || ''));
      add(tb, tr);
    });
    add(t, tb);
    add(sec, t);
    if (c.model) {
      var words = 'Best model with covariates: ' + (c.model.description || c.model.name) + ', MASE ' + num(c.model.mase);
      if (finite(c.skill)) words += '; ' + signedPct(c.skill) + ' against the best baseline';
      if (c.significance && finite(c.significance.pValue)) words += ' (Diebold–Mariano ' + pval(c.significance.pValue) + ')';
      add(sec, el('p', 'explain', words + '.'));
    }
    (c.notes || []).forEach(function (n) { add(sec, el('p', 'notes', n)); });
    var drawn = items.filter(function (it) { return (it.crossCorrelation || []).some(finite); });
    if (!drawn.length) return;
    var n = c.observations;
    add(sec, el('h3', null, 'Cross-correlation with the target'));
    add(sec, el('p', 'explain', 'Correlation of each covariate at time t with the target k steps later (k = 0 … ' +
      ((drawn[0].crossCorrelation.length || 1) - 1) + '), after both are filtered by the target\'s own autoregression (pre-whitened), ' +
      'so only what the target\'s past cannot explain is left. Bars outside the dashed band (±1.96/√n, n = ' + int(n) +
      ') are unlikely by chance; a bar near ±1 at k ≥ 1 is the target\'s future itself.'));
    var grid = el('div', 'ccf-grid');
    add(sec, grid);
    drawn.forEach(function (it) {
      var cell = el('div', 'ccf');
      add(cell, el('h4', null, it.name));
      var box = el('div', 'chart');
      add(cell, box);
      add(grid, cell);
      lazy(box, function (b) { ccfChart(b, it, n); });
    });
  }

  function ccfChart(box, it, n) {
    var r = it.crossCorrelation.map(function (v) { return finite(v) ? v : null; });
    var lags = r.map(function (_, k) { return k; });
    var bound = finite(n) && n > 0 ? 1.96 / Math.sqrt(n) : null;
    var opts = baseOpts(170, false, 'correlation', shortNum);
    opts.legend.show = false;
    opts.cursor.drag = { x: false, y: false };
    opts.scales.x = { time: false, range: function () { return [-0.5, lags.length - 0.5]; } };
    opts.scales.y = { range: [-1, 1] };
    opts.axes[0].incrs = STEPS;
    opts.axes[0].values = function (u, splits) { return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); };
    opts.axes[0].label = 'k, steps the target is later';
    opts.axes[0].labelSize = 18;
    opts.series[0].label = 'k';
    opts.series.push({ label: 'r(k)', stroke: it.assessment === 'leakage' ? '#b42318' : '#2557a7',
      fill: it.assessment === 'leakage' ? 'rgba(180,35,24,0.5)' : 'rgba(37,87,167,0.55)',
      paths: uPlot.paths.bars({ size: [0.6, 40] }), points: { show: false } });
    var data = [lags, r];
    if (bound !== null) {
      opts.series.push({ label: '+1.96/√n', stroke: '#b42318', dash: [5, 4], width: 1, points: { show: false } });
      opts.series.push({ label: '−1.96/√n', stroke: '#b42318', dash: [5, 4], width: 1, points: { show: false } });
      data.push(lags.map(function () { return bound; }), lags.map(function () { return -bound; }));
    }
    plot(box, opts, data);
  }

  function chartBlock(parent, title, explain, make) {
    add(parent, el('h3', null, title));
    if (explain) add(parent, el('p', 'explain', explain));
    var box = el('div', 'chart');
    add(parent, box);
    lazy(box, make);
  }

  function seriesSection(d) {
    var s = d.series;
    var ch = d.charts || {};
    var sec = el('section', 'series');
    sec.id = 's-' + (d.index | 0);
    add(sec, el('h2', null, s.id));
    var why = (s.target && s.target !== s.id ? 'target ' + s.target + ' · ' : '') + (total > 1 ? 'series ' + int(d.index + 1) + ' of ' + int(total) : 'the only series in the input');
    if (d.why === 'attention') why += ' · shown because it is among those that most need attention';
    if (d.why === 'named') why += ' · shown because it was asked for with --detail';
    add(sec, el('div', 'why', why));
    add(sec, verdictCard(s));
    add(sec, facts(s));

    if (ch.data) {
      chartBlock(sec, 'The data, with findings marked in time',
        'The series on its regular time grid' + (ch.axis === 'time' ? (ch.utc ? ' (times in UTC)' : ' (local time as written)') : '') +
        '. Breaks are missing values or gaps; shaded bands show where each finding applies. Drag across the chart to zoom, double-click to reset.',
        function (box) { dataChart(box, s, ch); });
    }
    add(sec, el('h3', null, 'Findings'));
    if (s.findings && s.findings.length) add(sec, findingsTable(s.findings));
    else add(sec, el('p', 'muted', 'No findings: the time stamps and values look clean.'));
    if (s.cleaning) {
      var c = s.cleaning;
      var how = c.method === 'none' ? 'Nothing was missing: the analyses use the series as it is.' :
        c.method === 'interpolated' ? int(c.interpolated) + ' missing values in runs of at most ' + c.maxInterpolatedRun + ' steps were filled in linearly.' :
          'Longer holes remain, so the analyses use the longest complete stretch: ' + String(c.from) + ' to ' + String(c.to) + ' (' + int(c.n) + ' points' +
          (c.interpolated ? ', ' + int(c.interpolated) + ' short holes filled in' : '') + ').';
      add(sec, el('p', 'explain', 'Cleaning before the analyses: ' + how));
    }

    if (ch.backtest && s.backtest) {
      chartBlock(sec, 'Backtest: forecasts against what happened',
        'Rolling-origin backtest: at each origin the model is fitted on the history before it and forecasts the next ' +
        plural(ch.backtest.horizon, 'step') + '. Pick a model; the best baseline is drawn dashed for comparison.',
        function (box) { backtestChart(box, s, ch); });
    }
    if (s.backtest && s.backtest.models && s.backtest.models.length) {
      add(sec, el('h3', null, 'Accuracy of each model against the baseline'));
      var mb = el('div');
      add(sec, mb);
      maseBars(mb, s);
    }
    if (s.backtest && s.backtest.skillByHorizon && s.backtest.skillByHorizon.length) {
      chartBlock(sec, 'Skill by step ahead',
        'How much better (above 0) or worse (below 0) the best model is than the best baseline at each step ahead; ' +
        'the verdict calls a step useful from 5%.',
        function (box) { skillChart(box, s); });
    }
    if (s.covariates && s.covariates.items && s.covariates.items.length) covariatesBlock(sec, s.covariates);
    if (s.profile) {
      add(sec, el('h3', null, 'Predictability profile'));
      add(sec, profileTable(s.profile, s));
    }
    if (ch.acf) {
      chartBlock(sec, 'Autocorrelation',
        'Correlation of the series with itself k steps earlier. Bars outside the dashed band (±1.96/√n, n = ' + int(ch.acf.n) +
        ') are unlikely under white noise; peaks at the season show a repeating pattern.',
        function (box) { acfChart(box, ch); });
    }
    if (ch.stl) {
      chartBlock(sec, 'Decomposition: trend, season, remainder',
        ch.stl.period > 1 ? 'STL decomposition with period ' + ch.stl.period + ' (as R forecast::mstl): data = trend + seasonal + remainder. ' +
          'The strengths in the profile compare each component with the remainder.' : 'Trend and remainder.',
        function (box) { stlCharts(box, ch, d.index); });
    }
    if (ch.spectrum) {
      var season = s.frequency ? s.frequency.season : 1;
      chartBlock(sec, 'Spectrum',
        'Where the variance sits by frequency, from the autoregressive (Burg) fit behind the spectral entropy. A peak means a regular cycle' +
        (season > 1 ? '; dashed lines mark the season (' + season + ' steps) and its harmonics.' : '.'),
        function (box) { spectrumChart(box, ch, season); });
    }
    if (ch.notes && ch.notes.length) {
      var notes = el('ul', 'notes');
      ch.notes.forEach(function (n) { add(notes, el('li', null, n)); });
      add(sec, notes);
    }
    return sec;
  }

  /* ---------- assemble ---------- */

  app.textContent = '';
  document.body.insertBefore(header(), app);
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
})();
