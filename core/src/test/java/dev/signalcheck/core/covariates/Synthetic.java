package dev.signalcheck.core.covariates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A target driven by one input two steps earlier, and the five kinds of candidate covariate the
 * analysis must tell apart: y_t = 0.5 y_{t−1} + d_{t−2} + e_t with d and e independent Gaussian
 * noise (sd 1 and 0.6).
 */
final class Synthetic {
  final double[] y;
  final Map<String, double[]> x = new LinkedHashMap<>();

  Synthetic(long seed, int n) {
    Random rnd = new Random(seed);
    double[] d = new double[n];
    for (int t = 0; t < n; t++) {
      d[t] = rnd.nextGaussian();
    }
    y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] =
          10
              + (t > 0 ? 0.5 * (y[t - 1] - 10) : 0)
              + (t > 1 ? d[t - 2] : 0)
              + 0.6 * rnd.nextGaussian();
    }
    double[] noise = new double[n];
    double[] next = new double[n];
    double[] same = new double[n];
    double[] copy = new double[n];
    for (int t = 0; t < n; t++) {
      noise[t] = rnd.nextGaussian();
      next[t] = t + 1 < n ? y[t + 1] : Double.NaN;
      same[t] = y[t] + 0.1 * rnd.nextGaussian();
      copy[t] = d[t] + 0.1 * rnd.nextGaussian();
    }
    x.put("driver", d);
    x.put("noise", noise);
    x.put("next", next);
    x.put("same", same);
    x.put("copy", copy);
  }
}
