/* report.js, part charts: drawing on demand and the per-series charts. The build joins the parts in the order of report/pom.xml into one
   script inside render(D, app) (page-begin.js opens it), so they share its scope. */

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
