package dev.signalcheck.core.checks;

import dev.signalcheck.core.text.Prose;
import java.util.Arrays;

/** Small robust statistics for the value checks. Every method ignores NaN and infinities. */
final class Robust {
  private Robust() {}

  /** The finite values, sorted. */
  static double[] finiteSorted(double[] v) {
    return finiteSorted(v, false);
  }

  /**
   * As {@link #finiteSorted(double[])}; {@code parallel}: by {@link Arrays#parallelSort}, the same
   * order.
   */
  static double[] finiteSorted(double[] v, boolean parallel) {
    double[] out = finite(v);
    if (parallel) {
      Arrays.parallelSort(out);
    } else {
      Arrays.sort(out);
    }
    return out;
  }

  /** The finite values, in their order. */
  static double[] finite(double[] v) {
    double[] out = new double[v.length];
    int k = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        out[k++] = x;
      }
    }
    return k == v.length ? out : Arrays.copyOf(out, k);
  }

  /** Quantile of sorted values by linear interpolation between order statistics (R type 7). */
  static double quantile(double[] sorted, double p) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Median of the finite values (the input is not changed). */
  static double median(double[] v) {
    return quantile(finiteSorted(v), 0.5);
  }

  /** Median of the first {@code n} entries of a scratch buffer, which is reordered. */
  static double medianInPlace(double[] buf, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    if (n <= 16) {
      // insertion sort: the buffers here hold a handful of neighbours
      for (int i = 1; i < n; i++) {
        double x = buf[i];
        int j = i - 1;
        while (j >= 0 && buf[j] > x) {
          buf[j + 1] = buf[j];
          j--;
        }
        buf[j + 1] = x;
      }
    } else {
      Arrays.sort(buf, 0, n);
    }
    return n % 2 == 1 ? buf[n / 2] : 0.5 * (buf[n / 2 - 1] + buf[n / 2]);
  }

  /**
   * Quantile (R type 7, as {@link #quantile}) of the first {@code n} entries of a scratch buffer of
   * finite values, which is reordered: linear time by selection instead of a sort.
   */
  static double quantileInPlace(double[] a, int n, double p) {
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    double x = select(a, 0, n - 1, lo);
    if (lo + 1 >= n || h == lo) {
      return x;
    }
    // the next order statistic is the smallest of what selection left above position lo
    double y = Double.POSITIVE_INFINITY;
    for (int i = lo + 1; i < n; i++) {
      y = Math.min(y, a[i]);
    }
    return x + (h - lo) * (y - x);
  }

  /** The k-th smallest of a[from..to] (inclusive); a is reordered around it (Hoare selection). */
  private static double select(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        break;
      }
    }
    return a[k];
  }

  /** Interquartile range of sorted values. */
  static double iqr(double[] sorted) {
    return quantile(sorted, 0.75) - quantile(sorted, 0.25);
  }

  /** A few-state signal has at most this many values covering {@link #STATE_COVER} of it. */
  static final int FEW_STATES = 4;

  static final double STATE_COVER = 0.99;

  /**
   * Whether the sorted finite values are a few-state signal (a flag, an on/off or a valve
   * position): their {@link #FEW_STATES} most frequent values cover at least {@link #STATE_COVER}
   * of them. Such a signal sits on its states by nature; long stays, jumps between states and a
   * rare state are not sensor faults.
   */
  static boolean fewStates(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return false;
    }
    long[] top = new long[FEW_STATES];
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && sorted[j] == sorted[i]) {
        j++;
      }
      long c = j - i;
      for (int k = 0; k < FEW_STATES; k++) {
        if (c > top[k]) {
          System.arraycopy(top, k, top, k + 1, FEW_STATES - k - 1);
          top[k] = c;
          break;
        }
      }
      i = j;
    }
    long covered = 0;
    for (long c : top) {
      covered += c;
    }
    return covered >= STATE_COVER * n;
  }

  /** Number formatting for messages: integers without decimals, otherwise 4 significant digits. */
  static String num(double v) {
    return Prose.value(v);
  }
}
