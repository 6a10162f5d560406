/* report.js, part series: one series shown in detail: profile, covariates, its section. The build joins the parts in the order of report/pom.xml into one
   script inside render(D, app) (page-begin.js opens it), so they share its scope. */

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
