package dev.signalcheck.core.covariates;

import dev.signalcheck.core.checks.Alignment;
import dev.signalcheck.core.checks.SentinelCheck;
import dev.signalcheck.core.series.SeriesData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The covariates of a series put on its regular grid for {@link CovariateAnalysis}, with their own
 * codes for "missing" and the target's removed.
 */
public final class CovariateGrid {
  private CovariateGrid() {}

  /**
   * The covariates of a series on its regular grid, positions {@code from} (inclusive) to {@code
   * to} (exclusive), with codes for missing set to NaN.
   *
   * @param targetCodes the codes found in the target, also treated as missing in the covariates
   * @param codesOut receives each covariate's codes
   */
  public static Map<String, double[]> onGrid(
      SeriesData data,
      Alignment.Result aligned,
      double[] targetCodes,
      int from,
      int to,
      Map<String, double[]> codesOut) {
    Map<String, double[]> out = new LinkedHashMap<>();
    int[] kept = aligned.keptIndex();
    for (Map.Entry<String, double[]> e : data.covariates().entrySet()) {
      double[] raw = e.getValue();
      double[] grid = new double[kept.length];
      for (int p = 0; p < kept.length; p++) {
        grid[p] = kept[p] < 0 ? Double.NaN : raw[kept[p]];
        if (Double.isInfinite(grid[p])) {
          grid[p] = Double.NaN;
        }
      }
      double[] own = SentinelCheck.codes(grid);
      double[] codes = union(own, targetCodes == null ? new double[0] : targetCodes);
      double[] masked = SentinelCheck.maskCodes(grid, codes);
      codesOut.put(e.getKey(), codes);
      out.put(
          e.getKey(),
          Arrays.copyOfRange(
              masked, Math.max(0, from), Math.max(Math.max(0, from), Math.min(to, masked.length))));
    }
    return out;
  }

  private static double[] union(double[] a, double[] b) {
    return Arrays.stream(concat(a, b)).distinct().toArray();
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
