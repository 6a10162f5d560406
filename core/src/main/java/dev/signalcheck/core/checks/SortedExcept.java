package dev.signalcheck.core.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Order statistics of sorted values with some of them taken out, for {@link SentinelCheck}: each
 * candidate code is judged against the bulk without itself and the codes already found, and these
 * read the sorted array around the excluded index ranges instead of copying it per candidate.
 */
final class SortedExcept {
  private SortedExcept() {}

  /**
   * The sorted finite values at the positions marked in neither mask (either may be null), taken
   * from {@code sorted}, all finite values sorted: the marked values are sorted and removed in one
   * merge, the array a sort of the kept values gives without sorting the whole series again.
   */
  static double[] kept(double[] values, double[] sorted, boolean[] a, boolean[] b) {
    double[] gone = new double[values.length];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if (((a != null && a[i]) || (b != null && b[i])) && Double.isFinite(values[i])) {
        gone[k++] = values[i];
      }
    }
    gone = Arrays.copyOf(gone, k);
    Arrays.sort(gone);
    return minus(sorted, gone);
  }

  /**
   * The sorted values {@code sorted} with one occurrence of each value of {@code gone} (sorted, a
   * part of them) removed, in the order of {@link Arrays#sort(double[])}.
   */
  static double[] minus(double[] sorted, double[] gone) {
    double[] out = new double[sorted.length - gone.length];
    int j = 0;
    int k = 0;
    for (double x : sorted) {
      if (j < gone.length && Double.compare(x, gone[j]) == 0) {
        j++;
      } else {
        out[k++] = x;
      }
    }
    return out;
  }

  /**
   * The sorted values without those equal to a code, as the finite values of {@link
   * SentinelCheck#maskCodes} sorted.
   */
  static double[] withoutCodes(double[] sorted, double[] codes) {
    if (codes.length == 0) {
      return sorted;
    }
    double[] out = new double[sorted.length];
    int k = 0;
    for (double x : sorted) {
      boolean code = false;
      for (double c : codes) {
        if (x == c) {
          code = true;
          break;
        }
      }
      if (!code) {
        out[k++] = x;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** The index ranges of the sorted values {@code s} that hold the excluded values, by start. */
  static List<int[]> ranges(double[] s, List<double[]> excluded) {
    List<int[]> ex = new ArrayList<>();
    for (double[] e : excluded) {
      int a = lowerBound(s, e[0]);
      int b = upperBound(s, e[0]);
      if (b > a) {
        ex.add(new int[] {a, b});
      }
    }
    ex.sort((a, b) -> Integer.compare(a[0], b[0]));
    return ex;
  }

  /** Quantile of the sorted values without the excluded index ranges (sorted by start). */
  static double quantile(double[] s, List<int[]> ex, int m, double p) {
    double h = (m - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(m - 1, lo + 1);
    double a = s[index(lo, ex)];
    double b = s[index(hi, ex)];
    return a + (h - lo) * (b - a);
  }

  private static int index(int rank, List<int[]> ex) {
    int idx = rank;
    for (int[] r : ex) {
      if (idx >= r[0]) {
        idx += r[1] - r[0];
      }
    }
    return idx;
  }

  /** The first value from index i going in direction dir that is not excluded (NaN when none). */
  static double nearestRemaining(double[] s, List<int[]> ex, int i, int dir) {
    while (i >= 0 && i < s.length) {
      boolean skip = false;
      for (int[] r : ex) {
        if (i >= r[0] && i < r[1]) {
          i = dir > 0 ? r[1] : r[0] - 1;
          skip = true;
          break;
        }
      }
      if (!skip) {
        return s[i];
      }
    }
    return Double.NaN;
  }

  /**
   * The largest number of repeats of one non-zero value among s[from..to) outside the excluded
   * ranges.
   */
  static long maxCount(double[] s, List<int[]> ex, int from, int to) {
    long best = 0;
    int i = Math.max(0, from);
    while (i < to) {
      boolean skip = false;
      for (int[] r : ex) {
        if (i >= r[0] && i < r[1]) {
          i = r[1];
          skip = true;
          break;
        }
      }
      if (skip) {
        continue;
      }
      int j = i + 1;
      while (j < to && s[j] == s[i]) {
        j++;
      }
      if (s[i] != 0) {
        best = Math.max(best, j - i);
      }
      i = j;
    }
    return best;
  }

  /** The {@code k} most frequent values of the sorted array as {value, count}, most first. */
  static double[][] mostFrequent(double[] s, int k) {
    double[][] top = new double[k][];
    for (int i = 0; i < s.length; ) {
      int j = i + 1;
      while (j < s.length && s[j] == s[i]) {
        j++;
      }
      double[] e = {s[i], j - i};
      for (int t = 0; t < k; t++) {
        if (top[t] == null || e[1] > top[t][1]) {
          System.arraycopy(top, t, top, t + 1, k - t - 1);
          top[t] = e;
          break;
        }
      }
      i = j;
    }
    return top;
  }

  static int lowerBound(double[] s, double x) {
    int lo = 0;
    int hi = s.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static int upperBound(double[] s, double x) {
    int lo = 0;
    int hi = s.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
