package dev.signalcheck.report;

import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.series.Cleaner;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.TimeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * What the charts of one series shown in detail draw. Each part is null when it cannot be computed
 * (too short, constant, nothing on a grid); {@code notes} then says why in plain words. The
 * analysis parts (autocorrelation, decomposition, spectrum, backtest) are computed by {@link
 * ChartParts}.
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
      acf = ChartParts.acf(shape, season);
      spectrum = ChartParts.spectrum(shape);
      int shapeOffset = offset + shapeFrom;
      stl = ChartParts.decomposition(shape, season, k -> axis.x(shapeOffset + k), notes);
    }
    BacktestChart bt = ChartParts.backtest(r.backtest(), y, k -> axis.x(offset + k), season);
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

  static boolean constant(double[] y) {
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
}
