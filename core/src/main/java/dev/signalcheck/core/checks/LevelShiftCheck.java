package dev.signalcheck.core.checks;

import dev.signalcheck.core.backtest.SideBySide;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code value.level-shift}: abrupt, lasting changes of level. At each point t a straight line is
 * fitted to the window of w readings before it and another to the w readings from it on; the shift
 * is the gap between the two lines at the boundary, in units of their pooled residual standard
 * deviation. A trend gives two lines that meet (no gap), a spike or a short dip spoils the fit of
 * the window after it (large residuals), a season is averaged out because w is a whole number of
 * seasons (at least {@link #MIN_WINDOW} readings). Change points are the local maxima of the
 * statistic above {@link #THRESHOLD}, at least w apart, where the gap is also at least {@link
 * #MIN_SIZE} of the series' interquartile range. The statistic is evaluated every w/8 readings and
 * refined around the peaks, so the cost is about 16 passes over the series.
 */
public final class LevelShiftCheck {
  private LevelShiftCheck() {}

  static final int MIN_WINDOW = 12;
  static final double THRESHOLD = 6.0;
  static final double MIN_SIZE = 0.25;
  private static final int MAX_REPORTED = 20;

  /**
   * A change point: the first position at the new level, the levels before and after, the
   * statistic.
   */
  record Shift(int at, double before, double after, double z) {}

  static int window(int season, int n) {
    int w = season > 1 ? season * (int) Math.ceil(MIN_WINDOW / (double) season) : MIN_WINDOW;
    return w;
  }

  static List<Shift> find(double[] v, int season) {
    return find(v, season, SideBySide.IN_TURN);
  }

  /**
   * As {@link #find(double[], int)}; the statistic at every stride position, which the scan reads,
   * is computed first, its positions divided by {@code split} (the same values on any division).
   */
  static List<Shift> find(double[] v, int season, SideBySide.Split split) {
    int n = v.length;
    List<Shift> out = new ArrayList<>();
    int w = window(Math.max(1, season), n);
    if (n < 4L * w) {
      return out;
    }
    // the median and the quartiles by selection (the same order statistics a sort would give)
    double[] finite = Robust.finite(v);
    int count = finite.length;
    if (count < 4 * w) {
      return out;
    }
    double center = Robust.quantileInPlace(finite, count, 0.5);
    double iqr =
        Robust.quantileInPlace(finite, count, 0.75) - Robust.quantileInPlace(finite, count, 0.25);
    double unit = iqr > 0 && Double.isFinite(iqr) ? iqr : Math.max(1e-300, Math.abs(center));
    if (!Double.isFinite(unit) || !Double.isFinite(center)) {
      return out;
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (v[i] - center) / unit;
    }
    double minSize = MIN_SIZE;
    double floor = 1e-3;
    int stride = Math.max(1, w / 8);
    // the scan visits only the positions w + k * stride, k = 0 .. last
    int last = (n - 2 * w) / stride;
    double[] zAt = new double[last + 1];
    split.over(
        last + 1,
        (from, to) -> {
          double[] scratch = new double[3];
          for (int k = from; k < to; k++) {
            zAt[k] = stat(x, w + k * stride, w, floor, minSize, scratch);
          }
        });
    List<double[]> peaks = new ArrayList<>();
    int t = w;
    double[] res = new double[3];
    while (t <= n - w) {
      double z = zAt[(t - w) / stride];
      if (z >= THRESHOLD) {
        int best = t;
        double bestZ = z;
        int u = t + stride;
        while (u <= n - w) {
          double zu = zAt[(u - w) / stride];
          if (zu < THRESHOLD) {
            break;
          }
          if (zu > bestZ) {
            bestZ = zu;
            best = u;
          }
          u += stride;
        }
        for (int r = Math.max(w, best - stride); r <= Math.min(n - w, best + stride); r++) {
          double zr = stat(x, r, w, floor, minSize, res);
          if (zr > bestZ) {
            bestZ = zr;
            best = r;
          }
        }
        peaks.add(new double[] {best, bestZ});
        t = u;
      } else {
        t += stride;
      }
    }
    // keep peaks at least w apart, the larger first
    peaks.sort((a, b) -> Double.compare(b[1], a[1]));
    List<double[]> kept = new ArrayList<>();
    for (double[] p : peaks) {
      boolean near = false;
      for (double[] k : kept) {
        if (Math.abs(k[0] - p[0]) < w) {
          near = true;
          break;
        }
      }
      if (!near) {
        kept.add(p);
      }
    }
    kept.sort((a, b) -> Double.compare(a[0], b[0]));
    for (double[] p : kept) {
      int at = (int) p[0];
      stat(x, at, w, floor, minSize, res);
      out.add(new Shift(at, res[0] * unit + center, res[1] * unit + center, p[1]));
    }
    return out;
  }

  /**
   * The shift statistic at t (0 when a window has fewer than half its readings or the gap is too
   * small); {@code res} receives the left and right lines' values at the boundary.
   */
  private static double stat(double[] x, int t, int w, double floor, double minSize, double[] res) {
    double[] l = fit(x, t - w, t, t - 0.5);
    double[] r = fit(x, t, t + w, t - 0.5);
    if (l == null || r == null) {
      return 0;
    }
    res[0] = l[0];
    res[1] = r[0];
    double gap = Math.abs(l[0] - r[0]);
    if (!(gap >= minSize)) {
      return 0;
    }
    double sd = Math.sqrt((l[1] + r[1]) / Math.max(1, l[2] + r[2] - 4));
    double z = gap / Math.max(sd, floor);
    return Double.isFinite(z) ? z : 0;
  }

  /**
   * Least-squares line over finite x[from..to): {value at `at`, residual sum of squares, count}, or
   * null.
   */
  private static double[] fit(double[] x, int from, int to, double at) {
    int c = 0;
    double st = 0;
    double sy = 0;
    for (int i = from; i < to; i++) {
      if (Double.isFinite(x[i])) {
        c++;
        st += i - from;
        sy += x[i];
      }
    }
    if (c < Math.max(3, (to - from) / 2)) {
      return null;
    }
    double mt = st / c;
    double my = sy / c;
    double stt = 0;
    double sty = 0;
    double syy = 0;
    for (int i = from; i < to; i++) {
      if (Double.isFinite(x[i])) {
        double dt = i - from - mt;
        double dy = x[i] - my;
        stt += dt * dt;
        sty += dt * dy;
        syy += dy * dy;
      }
    }
    double b = stt > 0 ? sty / stt : 0;
    double rss = Math.max(0, syy - b * sty);
    return new double[] {my + b * (at - from - mt), rss, c};
  }

  public static List<Finding> check(RegularSeries s, int season) {
    return findings(s, find(s.values(), season));
  }

  /** The finding for the level shifts found on the grid of {@code s}. */
  static List<Finding> findings(RegularSeries s, List<Shift> shifts) {
    if (shifts.isEmpty()) {
      return List.of();
    }
    List<Interval> intervals = new ArrayList<>();
    Rows rows = new Rows();
    List<Map<String, Object>> detail = new ArrayList<>();
    Shift largest = null;
    for (Shift sh : shifts) {
      if (intervals.size() < Alignment.MAX_INTERVALS) {
        intervals.add(
            new Interval(s.formattedTime(Math.max(0, sh.at() - 1)), s.formattedTime(sh.at()), 1));
      }
      if (s.rows()[sh.at()] > 0) {
        rows.add(s.rows()[sh.at()]);
      }
      if (detail.size() < MAX_REPORTED) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", s.formattedTime(sh.at()));
        m.put("before", sh.before());
        m.put("after", sh.after());
        detail.add(m);
      }
      if (largest == null
          || Math.abs(sh.after() - sh.before()) > Math.abs(largest.after() - largest.before())) {
        largest = sh;
      }
    }
    String msg =
        Prose.count(shifts.size(), "abrupt lasting change")
            + " of level; the largest at "
            + s.formattedTime(largest.at())
            + ", from about "
            + Prose.value(largest.before())
            + " to about "
            + Prose.value(largest.after());
    return List.of(
        new Finding(
            CheckType.VALUE_LEVEL_SHIFT.id(),
            Severity.INFO,
            Category.DATA_SENSOR_FAULT,
            msg,
            shifts.size(),
            intervals,
            rows.first(),
            Map.of("shifts", detail)));
  }
}
