package dev.signalcheck.report;

import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.OriginForecast;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.profile.Acf;
import dev.signalcheck.core.profile.BurgAr;
import dev.signalcheck.core.profile.Mstl;
import dev.signalcheck.core.series.Cleaner;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.TimeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/*
 * Kept whole at about 400 lines: one record of what the charts of a series draw, its parts' shapes
 * (nested records the page's script reads by name) and the one function that computes each part
 * from the same series, cleaned once. The time axis (TimeAxis), the numbers' encoding (Floats,
 * Positions) and the overview (SeriesSummary) already live apart.
 */

/**
 * What the charts of one series shown in detail draw. Each part is null when it cannot be computed
 * (too short, constant, nothing on a grid); {@code notes} then says why in plain words.
 *
 * @param axis {@code time} (x in seconds since the epoch) or {@code index}
 * @param utc whether times are instants shown in UTC (input with offsets) rather than local times
 *     as written
 * @param time how the input writes its times, for the axis labels: {@code datetime}, {@code date},
 *     {@code month}, {@code quarter}, {@code year} or {@code index}
 * @param data the series as read, NaN where missing; reduced to a min/max envelope when long
 * @param marks per finding (by its position in the series' findings) the stretches it applies to
 * @param used the stretch the profile and backtest used (after cleaning)
 * @param acf autocorrelations with the ±1.96/√n band
 * @param stl trend, seasonal and remainder of the cleaned series ({@code forecast::mstl} as the
 *     profile)
 * @param spectrum the Burg AR spectrum behind the spectral entropy
 * @param backtest actuals and each model's forecasts at each origin
 */
record SeriesCharts(
    String axis,
    boolean utc,
    String time,
    Line data,
    List<Marks> marks,
    Span used,
    AcfChart acf,
    Decomposition stl,
    Spectrum spectrum,
    BacktestChart backtest,
    List<String> notes) {

  /** Points drawn per line before a long series is reduced to a min/max envelope. */
  static final int BUCKETS = 1500;

  /** The shape charts (ACF, STL, spectrum) look at most at this many most recent points. */
  static final int MAX_SHAPE = 50_000;

  /** Stretches drawn per finding. */
  static final int MAX_MARKS = 1000;

  static final int MAX_LAG = 400;
  static final int SPECTRUM_POINTS = 400;

  /**
   * @param points grid positions behind the line; {@code reduced} when it shows a min/max envelope
   */
  record Line(Positions x, Floats y, int points, boolean reduced) {}

  /**
   * @param spans from, to, from, to, … in x units
   */
  record Marks(int finding, Positions spans) {}

  record Span(double from, double to) {}

  /**
   * @param r autocorrelations at lags 1…L
   */
  record AcfChart(int n, double bound, Floats r) {}

  record Decomposition(
      int period, Positions x, Floats trend, Floats seasonal, Floats remainder, boolean reduced) {}

  /**
   * @param frequency cycles per step, 0…½; @param power share of the variance, summing to 1
   */
  record Spectrum(int order, Floats frequency, Floats power) {}

  /**
   * @param x the window drawn: some history before the first origin, then every test window
   * @param origins index into x of each origin's first forecast step, oldest first
   */
  record BacktestChart(
      int horizon,
      Positions x,
      Floats actual,
      List<Integer> origins,
      List<ModelForecasts> models) {}

  /**
   * @param forecasts one list per origin, {@code horizon} values each
   */
  record ModelForecasts(
      String name, boolean baseline, double mase, String description, List<Floats> forecasts) {}

  static SeriesCharts of(SeriesResult r) {
    RegularSeries s = r.series();
    List<String> notes = new ArrayList<>();
    if (s == null || s.length() == 0) {
      notes.add("No time stamp could be placed on a regular grid, so there is nothing to draw.");
      return new SeriesCharts(
          "index", false, "index", null, List.of(), null, null, null, null, null, notes);
    }
    TimeAxis axis = new TimeAxis(s);
    Line data = line(s.length(), axis::x, k -> s.values()[k]);
    List<Marks> marks = marks(r.findings(), axis);
    int season = r.frequency() == null ? 1 : r.frequency().season();
    Cleaner.Cleaned cleaned = Cleaner.clean(s, season);
    double[] y = cleaned.values();
    int offset = cleaned.offset();
    Span used = y.length == 0 ? null : new Span(axis.x(offset), axis.x(offset + y.length - 1));

    int shapeFrom = Math.max(0, y.length - MAX_SHAPE);
    double[] shape = shapeFrom == 0 ? y : Arrays.copyOfRange(y, shapeFrom, y.length);
    if (shapeFrom > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "The autocorrelation, decomposition and spectrum charts use the last %,d of %,d points.",
              shape.length,
              y.length));
    }
    AcfChart acf = null;
    Spectrum spectrum = null;
    Decomposition stl = null;
    if (shape.length < 4 || constant(shape)) {
      notes.add(
          shape.length < 4
              ? "Too few points for the autocorrelation, decomposition and spectrum charts."
              : "The series does not vary, so it has no autocorrelation, decomposition or spectrum.");
    } else {
      acf = acf(shape, season);
      spectrum = spectrum(shape);
      int shapeOffset = offset + shapeFrom;
      stl = decomposition(shape, season, k -> axis.x(shapeOffset + k), notes);
    }
    BacktestChart bt = backtest(r.backtest(), y, k -> axis.x(offset + k), season, notes);
    return new SeriesCharts(
        axis.isTime() ? "time" : "index",
        axis.kind() == TimeKind.OFFSET_DATETIME,
        written(axis.kind()),
        data,
        marks,
        used,
        acf,
        stl,
        spectrum,
        bt,
        notes);
  }

  /** How the input writes its times (the page labels the time axis the same way). */
  static String written(TimeKind kind) {
    return switch (kind) {
      case OFFSET_DATETIME, LOCAL_DATETIME -> "datetime";
      case DATE -> "date";
      case MONTH -> "month";
      case QUARTER -> "quarter";
      case YEAR -> "year";
      case INDEX -> "index";
    };
  }

  private static boolean constant(double[] y) {
    for (double v : y) {
      if (v != y[0]) {
        return false;
      }
    }
    return true;
  }

  /** The line as it is when short; a min/max envelope per bucket (in time order) when long. */
  static Line line(int n, IntToDoubleFunction x, IntToDoubleFunction y) {
    if (n <= 2 * BUCKETS) {
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int k = 0; k < n; k++) {
        xs[k] = x.applyAsDouble(k);
        ys[k] = y.applyAsDouble(k);
      }
      return new Line(new Positions(xs), Floats.of(ys), n, false);
    }
    int size = (n + BUCKETS - 1) / BUCKETS;
    double[] xs = new double[2 * BUCKETS + 2];
    double[] ys = new double[2 * BUCKETS + 2];
    int m = 0;
    for (int from = 0; from < n; from += size) {
      int to = Math.min(n, from + size);
      int lo = -1;
      int hi = -1;
      for (int k = from; k < to; k++) {
        double v = y.applyAsDouble(k);
        if (Double.isNaN(v)) {
          continue;
        }
        if (lo < 0 || v < y.applyAsDouble(lo)) {
          lo = k;
        }
        if (hi < 0 || v > y.applyAsDouble(hi)) {
          hi = k;
        }
      }
      if (lo < 0) {
        xs[m] = x.applyAsDouble(from);
        ys[m++] = Double.NaN;
      } else if (lo == hi) {
        xs[m] = x.applyAsDouble(lo);
        ys[m++] = y.applyAsDouble(lo);
      } else {
        int a = Math.min(lo, hi);
        int b = Math.max(lo, hi);
        xs[m] = x.applyAsDouble(a);
        ys[m++] = y.applyAsDouble(a);
        xs[m] = x.applyAsDouble(b);
        ys[m++] = y.applyAsDouble(b);
      }
    }
    return new Line(new Positions(Arrays.copyOf(xs, m)), Floats.of(Arrays.copyOf(ys, m)), n, true);
  }

  private static List<Marks> marks(List<Finding> findings, TimeAxis axis) {
    List<Marks> out = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      List<Interval> iv = findings.get(i).intervals();
      if (iv.isEmpty()) {
        continue;
      }
      double[] spans = new double[2 * Math.min(iv.size(), MAX_MARKS)];
      int m = 0;
      for (Interval in : iv) {
        if (m >= spans.length) {
          break;
        }
        Double a = axis.parse(in.from());
        Double b = axis.parse(in.to());
        if (a == null && b == null) {
          continue;
        }
        spans[m++] = a == null ? b : a;
        spans[m++] = b == null ? a : b;
      }
      if (m > 0) {
        out.add(new Marks(i, new Positions(Arrays.copyOf(spans, m))));
      }
    }
    return out;
  }

  private static AcfChart acf(double[] y, int season) {
    int n = y.length;
    int want = Math.max(24, (int) Math.floor(10 * Math.log10(n)));
    if (season > 1) {
      want = Math.max(want, 2 * season + 1);
    }
    int lags = Math.min(Math.min(n - 1, want), Math.max(MAX_LAG, season + 1));
    double[] r = Acf.acf(y, lags);
    return new AcfChart(n, 1.96 / Math.sqrt(n), Floats.of(Arrays.copyOfRange(r, 1, r.length)));
  }

  /**
   * Normalised AR spectrum {@code 1/|1 − Σ φ_k e^{−2πifk}|²} of the Burg fit (as the spectral
   * entropy).
   */
  private static Spectrum spectrum(double[] y) {
    BurgAr.Fit fit = y.length > 2 ? BurgAr.fit(y) : null;
    if (fit == null) {
      return null;
    }
    double[] phi = fit.coefficients();
    int nf = Math.min(SPECTRUM_POINTS, (int) Math.ceil(y.length / 2.0 + 1));
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
    return new Spectrum(fit.order(), Floats.of(f), Floats.of(p));
  }

  private static Decomposition decomposition(
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
    if (n <= 2 * BUCKETS) {
      double[] xs = new double[n];
      for (int k = 0; k < n; k++) {
        xs[k] = x.applyAsDouble(k);
      }
      return new Decomposition(
          m,
          new Positions(xs),
          Floats.of(d.trend()),
          d.seasonal() == null ? null : Floats.of(d.seasonal()),
          Floats.of(d.remainder()),
          false);
    }
    // a min/max envelope per bucket for each component, drawn at the bucket's first and last
    // position
    int size = (n + BUCKETS - 1) / BUCKETS;
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
    return new Decomposition(
        m,
        new Positions(xs),
        Floats.of(out[0]),
        d.seasonal() == null ? null : Floats.of(out[1]),
        Floats.of(out[2]),
        true);
  }

  /**
   * Forecast steps drawn per model in the backtest chart: when the origins' test windows hold more,
   * only the latest origins are drawn (at least one), so that a long horizon (17,280 five-second
   * steps a day) keeps the page and the chart data small.
   */
  static final int MAX_BACKTEST_STEPS = 20_000;

  private static BacktestChart backtest(
      BacktestResult bt, double[] y, IntToDoubleFunction x, int season, List<String> notes) {
    if (bt == null || bt.origins() == 0 || bt.trainingLengths().isEmpty() || y.length == 0) {
      return null;
    }
    int all = bt.trainingLengths().size();
    int drawn = Math.max(1, Math.min(all, MAX_BACKTEST_STEPS / Math.max(1, bt.horizon())));
    int skip = all - drawn;
    if (skip > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "The backtest chart shows the last %d of the %d origins (%,d forecast steps each).",
              drawn,
              all,
              bt.horizon()));
    }
    // the backtest ran on the most recent bt.observations() points of a long series (its
    // training cap): its training lengths count from there
    int shift = y.length - bt.observations();
    if (shift < 0) {
      return null;
    }
    int first = shift + bt.trainingLengths().get(skip);
    int context =
        Math.min(first, Math.min(2000, Math.max(3 * bt.horizon(), season > 1 ? 2 * season : 0)));
    int start = first - context;
    int end = y.length;
    for (ModelScore m : bt.models()) {
      for (OriginForecast o : m.forecasts()) {
        end = Math.max(end, shift + o.trainingLength() + o.forecast().size());
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
    for (int t : bt.trainingLengths().subList(skip, all)) {
      origins.add(shift + t - start);
    }
    List<ModelForecasts> models = new ArrayList<>();
    for (ModelScore m : bt.models()) {
      if (m.skipped() || m.forecasts().size() != all) {
        continue;
      }
      List<Floats> f = new ArrayList<>();
      for (OriginForecast o : m.forecasts().subList(skip, all)) {
        f.add(Floats.of(o.forecast().stream().mapToDouble(Double::doubleValue).toArray()));
      }
      models.add(new ModelForecasts(m.name(), m.baseline(), m.mase(), m.description(), f));
    }
    return new BacktestChart(bt.horizon(), new Positions(xs), Floats.of(actual), origins, models);
  }
}
