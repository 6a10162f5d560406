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
  /**
   * The seasonal component, one value per observation; the figure repeated from the first
   * observation.
   */
  private final double[] seasonal;

  private final double[] figure;
  private final boolean multiplicative;

  private ClassicalDecomposition(double[] seasonal, double[] figure, boolean multiplicative) {
    this.seasonal = seasonal;
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
    double[] prefix = null;
    if ((long) n * nf > dev.signalcheck.core.stats.LaggedProducts.DIRECT_LIMIT) {
      prefix = new double[n + 1];
      for (int i = 0; i < n; i++) {
        prefix[i + 1] = prefix[i] + x[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (i + o - (nf - 1) < 0 || i + o >= n) {
        detrended[i] = Double.NaN;
        continue;
      }
      double z;
      if (prefix != null) {
        int lo = i + o - (nf - 1);
        int hi = i + o;
        z = (prefix[hi + 1] - prefix[lo]) / m;
        if (m % 2 == 0) {
          z -= 0.5 / m * (x[lo] + x[hi]);
        }
      } else {
        z = 0;
        for (int j = 0; j < nf; j++) {
          z += filter[j] * x[i + o - j];
        }
      }
      detrended[i] = multiplicative ? x[i] / z : x[i] - z;
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
    double[] seasonal = new double[n];
    for (int i = 0; i < n; i++) {
      seasonal[i] = figure[i % m];
    }
    return new ClassicalDecomposition(seasonal, figure, multiplicative);
  }

  /** The seasonal component at every observation (a copy). */
  public double[] seasonal() {
    return seasonal.clone();
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
    double[] a = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = multiplicative ? x[i] / seasonal[i] : x[i] - seasonal[i];
    }
    return a;
  }

  /**
   * Seasonal indices for the {@code h} steps after the data: the last m indices of the component
   * repeated (the M4 protocol's {@code head(rep(tail(seasonal, m), h), h)}).
   */
  public double[] futureIndices(int h) {
    int n = seasonal.length;
    int m = figure.length;
    double[] s = new double[h];
    for (int i = 0; i < h; i++) {
      s[i] = seasonal[n - m + (i % m)];
    }
    return s;
  }
}
