package dev.signalcheck.core.series;

/**
 * Makes a regular series complete for the profile and the backtest (analyses.md §2): runs of
 * missing values no longer than {@link #maxRun(int)} are interpolated linearly between their
 * neighbours; when longer runs remain, the longest contiguous stretch is used.
 */
public final class Cleaner {
  private Cleaner() {}

  /** The cleaned values and how they were obtained. */
  public record Cleaned(double[] values, int offset, Cleaning cleaning) {}

  /**
   * The longest run that is interpolated: a quarter of a season, at least 3 steps and at most 48
   * steps. Longer holes would be invented data rather than repaired data.
   */
  public static int maxRun(int season) {
    return Math.max(3, Math.min(48, season / 4));
  }

  public static Cleaned clean(RegularSeries s, int season) {
    double[] v = s.values().clone();
    int n = v.length;
    int maxRun = maxRun(season);
    long filled = 0;
    int first = 0;
    while (first < n && Double.isNaN(v[first])) {
      first++;
    }
    int last = n - 1;
    while (last >= 0 && Double.isNaN(v[last])) {
      last--;
    }
    if (first > last) {
      return new Cleaned(
          new double[0], 0, new Cleaning("longest-stretch", 0, null, null, 0, maxRun));
    }
    boolean longRemain = false;
    for (int i = first; i <= last; i++) {
      if (Double.isNaN(v[i])) {
        int j = i;
        while (Double.isNaN(v[j])) {
          j++;
        }
        int run = j - i;
        if (run <= maxRun) {
          double a = v[i - 1];
          double b = v[j];
          for (int k = i; k < j; k++) {
            v[k] = a + (b - a) * (k - i + 1) / (run + 1);
          }
          filled += run;
        } else {
          longRemain = true;
        }
        i = j;
      }
    }
    int from = first;
    int to = last;
    String method = filled > 0 ? "interpolated" : "none";
    if (longRemain || first > 0 || last < n - 1) {
      if (longRemain) {
        int bestFrom = first;
        int bestLen = 0;
        for (int i = first; i <= last; ) {
          if (Double.isNaN(v[i])) {
            i++;
            continue;
          }
          int j = i;
          while (j <= last && !Double.isNaN(v[j])) {
            j++;
          }
          if (j - i > bestLen) {
            bestLen = j - i;
            bestFrom = i;
          }
          i = j;
        }
        from = bestFrom;
        to = bestFrom + bestLen - 1;
        method = "longest-stretch";
      }
    }
    double[] out = java.util.Arrays.copyOfRange(v, from, to + 1);
    long interpolatedInside = 0;
    if (filled > 0) {
      for (int k = from; k <= to; k++) {
        if (Double.isNaN(s.values()[k])) {
          interpolatedInside++;
        }
      }
    }
    return new Cleaned(
        out,
        from,
        new Cleaning(
            method,
            interpolatedInside,
            s.formattedTime(from),
            s.formattedTime(to),
            out.length,
            maxRun));
  }
}
