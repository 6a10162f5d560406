package dev.signalcheck.cli;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import java.io.PrintWriter;
import java.util.Locale;

/** The backtest's model table for the console, best first. */
final class ModelTable {
  private ModelTable() {}

  static void print(PrintWriter out, BacktestResult bt) {
    out.printf(
        Locale.ROOT,
        "  backtest: %s, horizon %d, baseline %s%n",
        dev.signalcheck.core.text.Prose.count(bt.origins(), "origin"),
        bt.horizon(),
        bt.baseline());
    out.printf(
        Locale.ROOT,
        "    %-15s %8s %8s %8s %8s  %s%n",
        "model",
        "MASE",
        "sMAPE",
        "RMSSE",
        "OWA",
        "");
    bt.models().stream()
        .sorted((a, b) -> Double.compare(key(a), key(b)))
        .forEach(
            m -> {
              if (m.skipped()) {
                out.printf(Locale.ROOT, "    %-15s skipped: %s%n", m.name(), m.reason());
                return;
              }
              String mark =
                  m.name().equals(bt.best())
                      ? "best candidate"
                      : (m.name().equals(bt.baseline()) ? "best baseline" : "");
              if (m.baseline() && mark.isEmpty()) {
                mark = "baseline";
              }
              out.printf(
                  Locale.ROOT,
                  "    %-15s %8s %8s %8s %8s  %s%n",
                  m.name(),
                  num(m.mase()),
                  num(m.smape()),
                  num(m.rmsse()),
                  num(m.owa()),
                  mark);
            });
  }

  private static double key(ModelScore m) {
    return m.skipped() || Double.isNaN(m.mase()) ? Double.MAX_VALUE : m.mase();
  }

  private static String num(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
  }
}
