/* report.js, part format: DOM helpers, numbers, signals and time labels. The build joins the parts in the order of report/pom.xml into one
   script inside render(D, app) (page-begin.js opens it), so they share its scope. */

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
