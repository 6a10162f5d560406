package dev.signalcheck.core.checks;

import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeKind;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The step of a series given without {@code --step}: the most common spacing of its distinct time
 * stamps, read as calendar months, quarters or years where the spacings say so.
 */
final class StepInference {
  private StepInference() {}

  /** The most common positive spacing, read as calendar months where the spacing says so. */
  static Step inferStep(long[] sortedUnique, TimeKind kind) {
    long unit;
    switch (kind) {
      case YEAR:
        unit = 12;
        break;
      case QUARTER:
        unit = 3;
        break;
      case MONTH:
        unit = 1;
        break;
      default:
        unit = 0;
        break;
    }
    if (unit > 0) {
      // the most common spacing in whole units: decennial data step ten years, not one
      long k = sortedUnique.length < 2 ? 1 : mostCommonMonths(sortedUnique, unit);
      return Step.months(unit * Math.max(1, k));
    }
    if (sortedUnique.length < 2) {
      return kind == TimeKind.INDEX ? Step.index(1) : Step.millis(86_400_000L);
    }
    Map<Long, Integer> counts = new HashMap<>();
    long best = 0;
    int bestCount = 0;
    int limit = Math.min(sortedUnique.length - 1, 100_000);
    for (int k = 1; k <= limit; k++) {
      long d = sortedUnique[k] - sortedUnique[k - 1];
      int c = counts.merge(d, 1, Integer::sum);
      if (c > bestCount || (c == bestCount && d < best)) {
        best = d;
        bestCount = c;
      }
    }
    if (kind == TimeKind.INDEX) {
      return Step.index(best);
    }
    long day = 86_400_000L;
    if (best % day == 0) {
      long days = best / day;
      // calendar months: 28-31 days, quarters 89-92, years 365-366
      if (days >= 28 && days <= 31 && monthlyShare(counts, 28, 31) > 0.5) {
        return Step.months(1);
      }
      if (days >= 89 && days <= 92 && monthlyShare(counts, 89, 92) > 0.5) {
        return Step.months(3);
      }
      if (days >= 365 && days <= 366 && monthlyShare(counts, 365, 366) > 0.5) {
        return Step.months(12);
      }
    }
    if (best >= 28 * day) {
      // dates a whole number of months apart on the same day of the month (every 2 months, every
      // 10 years): the most common such spacing, when most spacings are one
      long k = mostCommonMonths(sortedUnique, 1);
      if (k > 0) {
        return Step.months(k);
      }
    }
    return Step.millis(best);
  }

  /**
   * The most common spacing between consecutive stamps in multiples of {@code unit} months,
   * counting only spacings that are whole months on the same day and time of the month; 0 when
   * fewer than half of the spacings are.
   */
  static long mostCommonMonths(long[] sortedUnique, long unit) {
    Map<Long, Integer> counts = new HashMap<>();
    int limit = Math.min(sortedUnique.length - 1, 100_000);
    int whole = 0;
    long best = 0;
    int bestCount = 0;
    for (int k = 1; k <= limit; k++) {
      LocalDateTime a = utc(sortedUnique[k - 1]);
      LocalDateTime b = utc(sortedUnique[k]);
      if (a.getDayOfMonth() != b.getDayOfMonth() || !a.toLocalTime().equals(b.toLocalTime())) {
        continue;
      }
      long months = (b.getYear() - a.getYear()) * 12L + b.getMonthValue() - a.getMonthValue();
      if (months <= 0 || months % unit != 0) {
        continue;
      }
      whole++;
      long m = months / unit;
      int c = counts.merge(m, 1, Integer::sum);
      if (c > bestCount || (c == bestCount && m < best)) {
        best = m;
        bestCount = c;
      }
    }
    return whole * 2 > limit ? best : 0;
  }

  private static LocalDateTime utc(long ms) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(ms, 1000), Math.floorMod(ms, 1000) * 1_000_000, ZoneOffset.UTC);
  }

  private static double monthlyShare(Map<Long, Integer> counts, int lo, int hi) {
    long in = 0;
    long all = 0;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      all += e.getValue();
      long days = e.getKey() / 86_400_000L;
      if (e.getKey() % 86_400_000L == 0 && days >= lo && days <= hi) {
        in += e.getValue();
      }
    }
    return all == 0 ? 0 : in / (double) all;
  }
}
