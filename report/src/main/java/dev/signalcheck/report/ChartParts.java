package dev.signalcheck.report;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.OriginForecast;
import dev.signalcheck.core.profile.Acf;
import dev.signalcheck.core.profile.BurgAr;
import dev.signalcheck.core.profile.Mstl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * The analysis parts of {@link SeriesCharts}, each from the series cleaned once: autocorrelation
 * with its band, the MSTL decomposition, the Burg AR spectrum and the backtest's forecasts.
 */
final class ChartParts {
  private ChartParts() {}

  static SeriesCharts.AcfChart acf(double[] y, int season) {
    int n = y.length;
    int want = Math.max(24, (int) Math.floor(10 * Math.log10(n)));
    if (season > 1) {
      want = Math.max(want, 2 * season + 1);
    }
    int lags = Math.min(Math.min(n - 1, want), Math.max(SeriesCharts.MAX_LAG, season + 1));
    double[] r = Acf.acf(y, lags);
    return new SeriesCharts.AcfChart(
        n, 1.96 / Math.sqrt(n), Floats.of(Arrays.copyOfRange(r, 1, r.length)));
  }

  /**
   * Normalised AR spectrum {@code 1/|1 − Σ φ_k e^{−2πifk}|²} of the Burg fit (as the spectral
   * entropy).
   */
  static SeriesCharts.Spectrum spectrum(double[] y) {
    BurgAr.Fit fit = y.length > 2 ? BurgAr.fit(y) : null;
    if (fit == null) {
      return null;
    }
    double[] phi = fit.coefficients();
    int nf = Math.min(SeriesCharts.SPECTRUM_POINTS, (int) Math.ceil(y.length / 2.0 + 1));
    double[] f = new double[nf];
    double[] p = new double[nf];
    double total = 0;
    for (int j = 0; j < nf; j++) {
      f[j] = (j + 1) * 0.5 / nf;
      double w = 2 * Math.PI * f[j];
      double re = 1;
      double im = 0;
      for (int k = 1; k <= phi.length; k++) {
        re -= phi[k - 1] * Math.cos(w * k);
        im += phi[k - 1] * Math.sin(w * k);
      }
      p[j] = 1 / (re * re + im * im);
      total += p[j];
    }
    for (int j = 0; j < nf; j++) {
      p[j] /= total;
    }
    return new SeriesCharts.Spectrum(fit.order(), Floats.of(f), Floats.of(p));
  }

  static SeriesCharts.Decomposition decomposition(
      double[] y, int season, IntToDoubleFunction x, List<String> notes) {
    int m = season;
    if (m > 1 && !Mstl.seasonalPossible(y.length, m)) {
      notes.add(
          String.format(
              Locale.ROOT,
              "Too short for a seasonal decomposition with period %d (needs more than %d points): trend only.",
              m,
              2 * m));
      m = 1;
    }
    if (m <= 1 && y.length < 5) {
      return null;
    }
    Mstl.Result d;
    try {
      d = Mstl.decompose(y, m);
    } catch (RuntimeException e) {
      notes.add("The decomposition could not be computed for this series.");
      return null;
    }
    int n = y.length;
    if (n <= 2 * SeriesCharts.BUCKETS) {
      double[] xs = new double[n];
      for (int k = 0; k < n; k++) {
        xs[k] = x.applyAsDouble(k);
      }
      return new SeriesCharts.Decomposition(
          m,
          new Positions(xs),
          Floats.of(d.trend()),
          d.seasonal() == null ? null : Floats.of(d.seasonal()),
          Floats.of(d.remainder()),
          false);
    }
    // a min/max envelope per bucket for each component, drawn at the bucket's first and last
    // position
    int size = (n + SeriesCharts.BUCKETS - 1) / SeriesCharts.BUCKETS;
    int buckets = (n + size - 1) / size;
    double[] xs = new double[2 * buckets];
    double[][] comps = {d.trend(), d.seasonal(), d.remainder()};
    double[][] out = new double[3][2 * buckets];
    for (int b = 0; b < buckets; b++) {
      int from = b * size;
      int to = Math.min(n, from + size) - 1;
      xs[2 * b] = x.applyAsDouble(from);
      xs[2 * b + 1] = x.applyAsDouble(to);
      for (int c = 0; c < 3; c++) {
        if (comps[c] == null) {
          continue;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = from; k <= to; k++) {
          lo = Math.min(lo, comps[c][k]);
          hi = Math.max(hi, comps[c][k]);
        }
        out[c][2 * b] = lo;
        out[c][2 * b + 1] = hi;
      }
    }
    return new SeriesCharts.Decomposition(
        m,
        new Positions(xs),
        Floats.of(out[0]),
        d.seasonal() == null ? null : Floats.of(out[1]),
        Floats.of(out[2]),
        true);
  }

  static SeriesCharts.BacktestChart backtest(
      BacktestResult bt, double[] y, IntToDoubleFunction x, int season) {
    if (bt == null || bt.origins() == 0 || bt.trainingLengths().isEmpty() || y.length == 0) {
      return null;
    }
    int first = bt.trainingLengths().get(0);
    int context =
        Math.min(first, Math.min(2000, Math.max(3 * bt.horizon(), season > 1 ? 2 * season : 0)));
    int start = first - context;
    int end = y.length;
    for (ModelScore m : bt.models()) {
      for (OriginForecast o : m.forecasts()) {
        end = Math.max(end, o.trainingLength() + o.forecast().size());
      }
    }
    if (end > y.length) {
      // forecasts that reach past the cleaned series would mean a different series: draw none
      return null;
    }
    double[] xs = new double[end - start];
    double[] actual = new double[end - start];
    for (int k = start; k < end; k++) {
      xs[k - start] = x.applyAsDouble(k);
      actual[k - start] = y[k];
    }
    List<Integer> origins = new ArrayList<>();
    for (int t : bt.trainingLengths()) {
      origins.add(t - start);
    }
    List<SeriesCharts.ModelForecasts> models = new ArrayList<>();
    for (ModelScore m : bt.models()) {
      if (m.skipped() || m.forecasts().size() != origins.size()) {
        continue;
      }
      List<Floats> f = new ArrayList<>();
      for (OriginForecast o : m.forecasts()) {
        f.add(Floats.of(o.forecast().stream().mapToDouble(Double::doubleValue).toArray()));
      }
      models.add(
          new SeriesCharts.ModelForecasts(m.name(), m.baseline(), m.mase(), m.description(), f));
    }
    return new SeriesCharts.BacktestChart(
        bt.horizon(), new Positions(xs), Floats.of(actual), origins, models);
  }
}
