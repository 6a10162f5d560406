package dev.signalcheck.core.sources;

import static dev.signalcheck.core.sources.SourceChecks.cadence;
import static dev.signalcheck.core.sources.SourceChecks.instant;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code source.irregular-arrival}: how steadily the newest reading keeps up with the pulls. */
final class IrregularArrival {
  private IrregularArrival() {}

  /**
   * {@code source.irregular-arrival}: over the last pulls, how far the newest reading lags the pull
   * (in the data's own steps). A feed that keeps its rhythm has a steady lag, whatever the pull
   * schedule; one fed in bursts and stalls has a lag that swings. Irregular when the lag's spread
   * is at least {@link SourceChecks#IRREGULAR_SPREAD} steps and more than twice the median time
   * between arrivals (a feed that delivers regular batches, e.g. a day of hourly readings each
   * morning, has a spread of one batch and arrivals one batch apart, and is regular).
   *
   * @param history the successful pulls, oldest first, this one included
   * @return the finding, or null when arrival is regular or there are too few pulls
   */
  static Finding check(List<Snapshot> history) {
    List<Snapshot> h = new ArrayList<>();
    Snapshot newest = history.isEmpty() ? null : history.get(history.size() - 1);
    if (newest == null || newest.step() == null) {
      return null;
    }
    Step step;
    try {
      step = Step.parse(newest.step());
    } catch (RuntimeException e) {
      return null;
    }
    if (step.kind() == Step.Kind.INDEX) {
      return null;
    }
    for (Snapshot s : history) {
      if (s.lastStampMillis() != null && newest.step().equals(s.step())) {
        h.add(s);
      }
    }
    if (h.size() > SourceChecks.ARRIVAL_WINDOW) {
      h = h.subList(h.size() - SourceChecks.ARRIVAL_WINDOW, h.size());
    }
    if (h.size() < SourceChecks.MIN_PULLS) {
      return null;
    }
    double[] lag = new double[h.size()];
    List<Double> gaps = new ArrayList<>();
    Long lastArrival = null;
    for (int i = 0; i < h.size(); i++) {
      Snapshot s = h.get(i);
      long fetched = s.fetchedAt().toEpochMilli();
      lag[i] = step.position(s.lastStampMillis(), fetched);
      boolean grew = i > 0 && s.lastStampMillis() > h.get(i - 1).lastStampMillis();
      if (grew) {
        if (lastArrival != null) {
          gaps.add(step.position(lastArrival, fetched));
        }
        lastArrival = fetched;
      }
    }
    if (gaps.isEmpty()) {
      return null;
    }
    double[] sorted = lag.clone();
    Arrays.sort(sorted);
    double spread = sorted[sorted.length - 1] - sorted[0];
    double medianLag = median(sorted);
    double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double medianGap = median(g);
    if (spread < SourceChecks.IRREGULAR_SPREAD || spread <= 2 * medianGap) {
      return null;
    }
    String msg =
        String.format(
            Locale.ROOT,
            "over the last %d pulls (%s to %s) the newest reading lagged the pull by %s to %s steps"
                + " (median %s) while new data came about every %s steps: the feed arrives in"
                + " bursts and stalls, not at its %s rhythm",
            h.size(),
            instant(h.get(0).fetchedAt()),
            instant(newest.fetchedAt()),
            Prose.stat(sorted[0]),
            Prose.stat(sorted[sorted.length - 1]),
            Prose.stat(medianLag),
            Prose.stat(medianGap),
            cadence(step));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("pulls", h.size());
    d.put("lagSteps", Map.of("min", sorted[0], "median", medianLag, "max", sorted[lag.length - 1]));
    d.put("medianArrivalSteps", medianGap);
    d.put("step", step.iso());
    return new Finding(
        CheckType.SOURCE_IRREGULAR_ARRIVAL.id(),
        Severity.INFO,
        Category.EXTERNAL_DEPENDENCY,
        msg,
        h.size(),
        List.of(new Interval(h.get(0).lastStamp(), newest.lastStamp(), h.size())),
        List.of(),
        d);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
