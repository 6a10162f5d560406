package dev.signalcheck.server;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts for the dashboard (no script: the server draws them). */
final class Svg {
  private Svg() {}

  /** One row of the projects chart: a project's best-MASE quartiles. */
  record Range(String label, double q1, double median, double q3, boolean reference) {}

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * Every project on one (log) scale of best MASE: the box from the first to the third quartile,
   * the median as a dot; reference populations in grey. A line marks MASE 1 (as good as the
   * seasonal naive in-sample scale).
   */
  static String ranges(List<Range> rows) {
    int w = 900;
    int left = 200;
    int right = 30;
    int rowH = 22;
    int top = 24;
    int h = top + rows.size() * rowH + 30;
    double lo = 0.1;
    double hi = 10;
    for (Range r : rows) {
      if (Double.isFinite(r.q1()) && r.q1() > 0) {
        lo = Math.min(lo, r.q1());
      }
      if (Double.isFinite(r.q3())) {
        hi = Math.max(hi, r.q3());
      }
    }
    final double min = lo;
    final double max = hi;
    double llo = Math.log10(min);
    double lhi = Math.log10(max);
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart projects\"")
        .append(" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\"><title>Best MASE per project (quartiles), log scale</title>");
    int plotW = w - left - right;
    java.util.function.DoubleUnaryOperator x =
        v -> left + plotW * (Math.log10(Math.max(v, min)) - llo) / (lhi - llo);
    for (int e = (int) Math.floor(llo); e <= (int) Math.ceil(lhi); e++) {
      double v = Math.pow(10, e);
      if (v < lo * 0.999 || v > hi * 1.001) {
        continue;
      }
      double xx = x.applyAsDouble(v);
      b.append("<line x1=\"")
          .append(f(xx))
          .append("\" x2=\"")
          .append(f(xx))
          .append("\" y1=\"")
          .append(top - 6)
          .append("\" y2=\"")
          .append(h - 24)
          .append("\" stroke=\"")
          .append(v == 1 ? "#1d2433" : "#d8dde6")
          .append("\"/>")
          .append("<text x=\"")
          .append(f(xx))
          .append("\" y=\"")
          .append(h - 8)
          .append("\" text-anchor=\"middle\">")
          .append(v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : Html.num(v, 1))
          .append("</text>");
    }
    int i = 0;
    for (Range r : rows) {
      double y = top + i * rowH + rowH / 2.0;
      String colour = r.reference() ? "#8a8f99" : "#2457c5";
      b.append("<text x=\"")
          .append(left - 8)
          .append("\" y=\"")
          .append(f(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(Html.esc(clip(r.label(), 28)))
          .append(r.reference() ? " (ref)" : "")
          .append("</text>");
      if (Double.isFinite(r.q1()) && Double.isFinite(r.q3())) {
        double x1 = x.applyAsDouble(r.q1());
        double x2 = x.applyAsDouble(r.q3());
        b.append("<rect x=\"")
            .append(f(x1))
            .append("\" y=\"")
            .append(f(y - 6))
            .append("\" width=\"")
            .append(f(Math.max(1, x2 - x1)))
            .append("\" height=\"12\" fill=\"")
            .append(colour)
            .append("\" fill-opacity=\"0.25\" stroke=\"")
            .append(colour)
            .append("\"/>");
      }
      if (Double.isFinite(r.median())) {
        b.append("<circle class=\"median\" cx=\"")
            .append(f(x.applyAsDouble(r.median())))
            .append("\" cy=\"")
            .append(f(y))
            .append("\" r=\"4\" fill=\"")
            .append(colour)
            .append("\"/>");
      }
      i++;
    }
    b.append("<text x=\"")
        .append(left)
        .append("\" y=\"14\">best MASE (log scale; 1 marked)</text>");
    return b.append("</svg>").toString();
  }

  /** One run in the runs-over-time chart. */
  record RunPoint(
      long id, long strong, long weak, long none, long insufficient, Double medianMase) {}

  /**
   * A project's runs, oldest left: a stacked bar of verdict shares per run and a line of the median
   * best MASE (right axis).
   */
  static String runs(List<RunPoint> pts) {
    int w = 900;
    int h = 260;
    int left = 40;
    int right = 50;
    int top = 20;
    int bottom = 30;
    int plotW = w - left - right;
    int plotH = h - top - bottom;
    double maxMase = 0;
    for (RunPoint p : pts) {
      if (p.medianMase() != null && Double.isFinite(p.medianMase())) {
        maxMase = Math.max(maxMase, p.medianMase());
      }
    }
    maxMase = maxMase <= 0 ? 1 : maxMase * 1.1;
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart runs\"")
        .append(" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\"><title>Verdicts and median best MASE per run</title>");
    int n = pts.size();
    double bw = n == 0 ? 0 : (double) plotW / n;
    String[] colours = {"#1f8a4c", "#c9a227", "#b54a3c", "#8a8f99"};
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      RunPoint p = pts.get(i);
      long total = p.strong() + p.weak() + p.none() + p.insufficient();
      double x = left + i * bw;
      double y = top + plotH;
      long[] parts = {p.strong(), p.weak(), p.none(), p.insufficient()};
      for (int k = 0; k < 4; k++) {
        if (total == 0 || parts[k] == 0) {
          continue;
        }
        double hh = plotH * (double) parts[k] / total;
        y -= hh;
        b.append("<rect x=\"")
            .append(f(x))
            .append("\" y=\"")
            .append(f(y))
            .append("\" width=\"")
            .append(f(Math.max(0.5, bw - (bw > 3 ? 1 : 0))))
            .append("\" height=\"")
            .append(f(hh))
            .append("\" fill=\"")
            .append(colours[k])
            .append("\" fill-opacity=\"0.55\"/>");
      }
      if (p.medianMase() != null && Double.isFinite(p.medianMase())) {
        double ly = top + plotH * (1 - p.medianMase() / maxMase);
        line.append(line.length() == 0 ? "M" : " L")
            .append(f(x + bw / 2))
            .append(' ')
            .append(f(ly));
      }
    }
    if (line.length() > 0) {
      b.append("<path class=\"mase\" d=\"")
          .append(line)
          .append("\" fill=\"none\" stroke=\"#1d2433\" stroke-width=\"1.5\"/>");
    }
    b.append("<text x=\"")
        .append(w - right + 4)
        .append("\" y=\"")
        .append(top + 4)
        .append("\">")
        .append(Html.num(maxMase, 2))
        .append("</text><text x=\"")
        .append(w - right + 4)
        .append("\" y=\"")
        .append(top + plotH)
        .append("\">0</text>")
        .append("<text x=\"4\" y=\"")
        .append(top + 4)
        .append("\">100%</text><text x=\"")
        .append(left)
        .append("\" y=\"")
        .append(h - 8)
        .append("\">oldest</text><text x=\"")
        .append(w - right)
        .append("\" y=\"")
        .append(h - 8)
        .append("\" text-anchor=\"end\">newest</text>");
    return b.append("</svg>").toString();
  }

  /** Bars with labels (the weekly usage chart). */
  static String bars(List<String> labels, List<Long> values, String title) {
    int w = 900;
    int h = 220;
    int left = 40;
    int top = 20;
    int bottom = 40;
    int plotW = w - left - 10;
    int plotH = h - top - bottom;
    long max = 1;
    for (long v : values) {
      max = Math.max(max, v);
    }
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart weeks\"")
        .append(" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\"><title>")
        .append(Html.esc(title))
        .append("</title>");
    int n = values.size();
    double bw = n == 0 ? 0 : Math.min(60, (double) plotW / n);
    for (int i = 0; i < n; i++) {
      double hh = plotH * (double) values.get(i) / max;
      double x = left + i * bw;
      b.append("<rect class=\"bar\" x=\"")
          .append(f(x + 2))
          .append("\" y=\"")
          .append(f(top + plotH - hh))
          .append("\" width=\"")
          .append(f(Math.max(1, bw - 4)))
          .append("\" height=\"")
          .append(f(hh))
          .append("\" fill=\"#2457c5\"/>");
      if (n <= 26 || i % Math.max(1, n / 13) == 0) {
        b.append("<text x=\"")
            .append(f(x + bw / 2))
            .append("\" y=\"")
            .append(h - 24)
            .append("\" text-anchor=\"middle\">")
            .append(
                Html.esc(labels.get(i).length() >= 10 ? labels.get(i).substring(5) : labels.get(i)))
            .append("</text>");
      }
    }
    b.append("<text x=\"4\" y=\"")
        .append(top + 4)
        .append("\">")
        .append(max)
        .append("</text><text x=\"")
        .append(left)
        .append("\" y=\"")
        .append(h - 6)
        .append("\">")
        .append(Html.esc(title))
        .append("</text>");
    return b.append("</svg>").toString();
  }

  static String clip(String s, int n) {
    if (s == null) {
      return "";
    }
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
