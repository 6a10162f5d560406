package dev.signalcheck.ledger;

/**
 * Quantiles by selection rather than sorting: {@code ledger projects} needs three order statistics
 * of up to millions of values, and a sort of each project's values was most of its time.
 */
final class OrderStatistics {
  private OrderStatistics() {}

  /**
   * R's type-7 quantile of {@code x} (what {@code quantile(x, p)} gives in R), reordering {@code
   * x}. NaN must not occur.
   */
  static double quantile7(double[] x, double p) {
    int n = x.length;
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    double a = select(x, 0, n - 1, lo);
    if (lo + 1 >= n || h == lo) {
      return a;
    }
    // the next order statistic is the smallest value right of lo (select left them all >= x[lo])
    double b = Double.POSITIVE_INFINITY;
    for (int i = lo + 1; i < n; i++) {
      if (x[i] < b) {
        b = x[i];
      }
    }
    return a + (h - lo) * (b - a);
  }

  /**
   * The {@code k}-th smallest of {@code x[from..to]} (inclusive), moved to {@code x[k]}, with
   * nothing larger before it and nothing smaller after it (Hoare's selection, median-of-three
   * pivots).
   */
  static double select(double[] x, int from, int to, int k) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x[mid] < x[lo]) {
        swap(x, mid, lo);
      }
      if (x[hi] < x[lo]) {
        swap(x, hi, lo);
      }
      if (x[hi] < x[mid]) {
        swap(x, hi, mid);
      }
      double pivot = x[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (x[i] < pivot) {
          i++;
        }
        while (x[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(x, i, j);
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
    return x[k];
  }

  private static void swap(double[] x, int i, int j) {
    double t = x[i];
    x[i] = x[j];
    x[j] = t;
  }
}
