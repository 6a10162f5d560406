package dev.signalcheck.core.forecast;

/**
 * Classical seasonal decomposition exactly as R's {@code stats::decompose}: the trend is a centred
 * moving average of length m (weights 1/(2m), 1/m, …, 1/m, 1/(2m) for even m; 1/m for odd m), the
 * detrended series is x/trend (multiplicative) or x − trend (additive), the seasonal figure at each
 * position 1…m within the series (counted from its first observation) is the mean of the detrended
 * values at that position, and the figure is normalised to mean 1 (multiplicative) or mean 0
 * (additive).
 */
public final class ClassicalDecomposition {
  /** The number of observations: the seasonal component is the figure repeated over them. */
  private final int n;

  private final double[] figure;
  private final boolean multiplicative;

  private ClassicalDecomposition(int n, double[] figure, boolean multiplicative) {
    this.n = n;
    this.figure = figure;
    this.multiplicative = multiplicative;
  }

  /**
   * Decomposes {@code x} with period {@code m}.
   *
   * @throws IllegalArgumentException when m &lt; 2 or the series has fewer than two periods (R
   *     stops there too)
   */
  public static ClassicalDecomposition of(double[] x, int m, boolean multiplicative) {
    int n = x.length;
    if (m < 2 || n < 2 * m) {
      throw new IllegalArgumentException(
          "classical decomposition needs m >= 2 and two full periods (n = "
              + n
              + ", m = "
              + m
              + ")");
    }
    double[] filter = new double[m % 2 == 0 ? m + 1 : m];
    for (int j = 0; j < filter.length; j++) {
      filter[j] = 1.0 / m;
    }
    if (m % 2 == 0) {
      filter[0] = 0.5 / m;
      filter[m] = 0.5 / m;
    }
    // R's convolution filter, sides = 2: out[i] = sum_j filter[j] * x[i + o - j], o = length %/% 2.
    int nf = filter.length;
    int o = nf / 2;
    double[] detrended = new double[n];
    // long seasons (e.g. 17,280 five-second steps a day): the same centred average from prefix
    // sums, O(n)
    if ((long) n * nf > dev.signalcheck.core.stats.LaggedProducts.DIRECT_LIMIT) {
      double[] prefix = new double[n + 1];
      for (int i = 0; i < n; i++) {
        prefix[i + 1] = prefix[i] + x[i];
      }
      for (int i = 0; i < n; i++) {
        if (i + o - (nf - 1) < 0 || i + o >= n) {
          detrended[i] = Double.NaN;
          continue;
        }
        int lo = i + o - (nf - 1);
        int hi = i + o;
        double z = (prefix[hi + 1] - prefix[lo]) / m;
        if (m % 2 == 0) {
          z -= 0.5 / m * (x[lo] + x[hi]);
        }
        detrended[i] = multiplicative ? x[i] / z : x[i] - z;
      }
    } else {
      directAverages(x, filter, multiplicative, detrended);
    }
    double[] figure = new double[m];
    double[] buf = new double[n / m + 1];
    for (int p = 0; p < m; p++) {
      int count = 0;
      for (int i = p; i < n; i += m) {
        if (!Double.isNaN(detrended[i])) {
          buf[count++] = detrended[i];
        }
      }
      // R: mean(season[index], na.rm = TRUE), two passes
      figure[p] = Autocorrelation.mean(buf, 0, count);
    }
    double mean = Autocorrelation.mean(figure);
    for (int p = 0; p < m; p++) {
      figure[p] = multiplicative ? figure[p] / mean : figure[p] - mean;
    }
    return new ClassicalDecomposition(n, figure, multiplicative);
  }

  /**
   * The centred averages as R's convolution filter sums them, z(i) = Σ_j filter[j]·x[i + o − j] in
   * the order of j, four positions at a time: four independent sums, each in its own order, so
   * every z is the single loop's bit for bit; the detrended values (NaN where the filter does not
   * fit) into {@code detrended}.
   */
  private static void directAverages(
      double[] x, double[] filter, boolean multiplicative, double[] detrended) {
    int n = x.length;
    int nf = filter.length;
    int o = nf / 2;
    int first = nf - 1 - o; // the first i whose window starts at or after 0
    int last = n - 1 - o; // the last i whose window ends before n
    for (int i = 0; i < n; i++) {
      if (i < first || i > last) {
        detrended[i] = Double.NaN;
      }
    }
    int i = first;
    for (; i + 3 <= last; i += 4) {
      double z0 = 0;
      double z1 = 0;
      double z2 = 0;
      double z3 = 0;
      int base = i + o;
      for (int j = 0; j < nf; j++) {
        double f = filter[j];
        int k = base - j;
        z0 += f * x[k];
        z1 += f * x[k + 1];
        z2 += f * x[k + 2];
        z3 += f * x[k + 3];
      }
      detrended[i] = multiplicative ? x[i] / z0 : x[i] - z0;
      detrended[i + 1] = multiplicative ? x[i + 1] / z1 : x[i + 1] - z1;
      detrended[i + 2] = multiplicative ? x[i + 2] / z2 : x[i + 2] - z2;
      detrended[i + 3] = multiplicative ? x[i + 3] / z3 : x[i + 3] - z3;
    }
    for (; i <= last; i++) {
      double z = 0;
      for (int j = 0; j < nf; j++) {
        z += filter[j] * x[i + o - j];
      }
      detrended[i] = multiplicative ? x[i] / z : x[i] - z;
    }
  }

  /** The seasonal component at every observation: the figure repeated from the first. */
  public double[] seasonal() {
    int m = figure.length;
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = figure[i % m];
    }
    return s;
  }

  /** The seasonal figure: position 1…m counted from the first observation (a copy). */
  public double[] figure() {
    return figure.clone();
  }

  public boolean multiplicative() {
    return multiplicative;
  }

  /** The series with the seasonal component removed: divided out (multiplicative) or subtracted. */
  public double[] adjust(double[] x) {
    int m = figure.length;
    double[] a = new double[x.length];
    for (int i = 0, p = 0; i < x.length; i++) {
      a[i] = multiplicative ? x[i] / figure[p] : x[i] - figure[p];
      if (++p == m) {
        p = 0;
      }
    }
    return a;
  }

  /**
   * Seasonal indices for the {@code h} steps after the data: the last m indices of the component
   * repeated (the M4 protocol's {@code head(rep(tail(seasonal, m), h), h)}).
   */
  public double[] futureIndices(int h) {
    int m = figure.length;
    double[] s = new double[h];
    for (int i = 0; i < h; i++) {
      s[i] = figure[(n - m + (i % m)) % m];
    }
    return s;
  }
}
