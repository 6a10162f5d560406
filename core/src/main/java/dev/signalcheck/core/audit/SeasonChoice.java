package dev.signalcheck.core.audit;

import dev.signalcheck.core.checks.SentinelCheck;
import dev.signalcheck.core.profile.DominantPeriod;
import dev.signalcheck.core.series.RegularSeries;
import java.util.Arrays;
import java.util.Locale;

/**
 * The season the analyses use when {@code --season} is not given: the calendar default of the step
 * (24 for hourly data, 7 for daily, 86,400 for 1-second data), unless the history is too short to
 * show it (fewer than two cycles and one point); then the data's own dominant cycle, or none.
 *
 * @param season the seasonal period in steps (1 for none)
 * @param calendar the calendar default of the step
 * @param reason why the calendar default was not used, in words; null when it was (or the season
 *     was given)
 */
public record SeasonChoice(int season, int calendar, String reason) {

  /** Points the dominant-cycle search looks at, at most (the last ones): it is quadratic. */
  static final int MAX_SEARCH = 5000;

  /**
   * @param given the season from {@code --season}, or null
   */
  public static SeasonChoice choose(Integer given, RegularSeries reg) {
    int calendar = reg.step().defaultSeason();
    if (given != null) {
      return new SeasonChoice(given, calendar, null);
    }
    int len = reg.length();
    if (calendar <= 1 || len >= 2L * calendar + 1) {
      return new SeasonChoice(calendar, calendar, null);
    }
    String why =
        String.format(
            Locale.ROOT,
            "the calendar season of %s at step %s needs at least %,d points to be seen twice and"
                + " the series spans %,d",
            steps(calendar),
            reg.step().iso(),
            2L * calendar + 1,
            len);
    double[] y = filled(reg.values());
    if (y.length >= DominantPeriod.MIN_LENGTH && !constant(y)) {
      DominantPeriod.Result d = DominantPeriod.detect(y, 1);
      if (d.period() != null && d.period() >= 2 && 2L * d.period() + 1 <= len) {
        return new SeasonChoice(
            d.period(),
            calendar,
            String.format(
                Locale.ROOT,
                "%s; the data's own dominant cycle, %s (autocorrelation %.2f), is used as the"
                    + " season instead (--season sets it)",
                why,
                steps(d.period()),
                d.strength()));
      }
    }
    return new SeasonChoice(
        1,
        calendar,
        why + "; the data show no cycle of their own, so no season is used (--season sets one)");
  }

  private static String steps(long n) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "step" : "steps");
  }

  /**
   * The last {@link #MAX_SEARCH} values with codes for missing masked and missing values filled by
   * linear interpolation (ends by the nearest value); empty when fewer than half are present.
   */
  static double[] filled(double[] all) {
    double[] v =
        SentinelCheck.maskCodes(
            Arrays.copyOfRange(all, Math.max(0, all.length - MAX_SEARCH), all.length),
            SentinelCheck.codes(all));
    int present = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        present++;
      }
    }
    if (present * 2 < v.length || present == 0) {
      return new double[0];
    }
    int prev = -1;
    for (int k = 0; k < v.length; k++) {
      if (!Double.isFinite(v[k])) {
        continue;
      }
      if (prev < 0) {
        Arrays.fill(v, 0, k, v[k]);
      } else if (k - prev > 1) {
        for (int j = prev + 1; j < k; j++) {
          v[j] = v[prev] + (v[k] - v[prev]) * (j - prev) / (double) (k - prev);
        }
      }
      prev = k;
    }
    Arrays.fill(v, prev + 1, v.length, v[prev]);
    return v;
  }

  private static boolean constant(double[] y) {
    for (double x : y) {
      if (x != y[0]) {
        return false;
      }
    }
    return true;
  }
}
