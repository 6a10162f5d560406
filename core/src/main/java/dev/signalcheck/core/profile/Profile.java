package dev.signalcheck.core.profile;

import java.util.Map;

/**
 * The predictability profile of one series (the report's {@code profile} block). A measure that
 * could not be computed is null and {@link #notComputable()} says why, keyed by the measure's name.
 *
 * @param acf1 lag-1 autocorrelation ({@link Acf})
 * @param ljungBox Ljung–Box test of the series ({@link LjungBox})
 * @param ljungBoxDiff Ljung–Box test of the first differences
 * @param spectralEntropy spectral entropy in [0, 1] ({@link SpectralEntropy})
 * @param permutationEntropy permutation entropy in [0, 1] ({@link PermutationEntropy})
 * @param trendStrength STL trend strength in [0, 1] ({@link Mstl})
 * @param seasonalStrength STL seasonal strength in [0, 1], null for a non-seasonal series
 * @param kpss KPSS level-stationarity test ({@link Kpss})
 * @param intermittency zero share, ADI, CV² and demand class ({@link Intermittency})
 * @param dominantPeriod period detected from the data beside the configured one ({@link
 *     DominantPeriod})
 * @param notComputable measure name → plain reason, in the order of the fields above
 */
public record Profile(
    Double acf1,
    LjungBox.Result ljungBox,
    LjungBox.Result ljungBoxDiff,
    Double spectralEntropy,
    Double permutationEntropy,
    Double trendStrength,
    Double seasonalStrength,
    Kpss.Result kpss,
    Intermittency.Result intermittency,
    DominantPeriod.Result dominantPeriod,
    Map<String, String> notComputable) {

  public Profile {
    notComputable = Map.copyOf(notComputable);
  }
}
