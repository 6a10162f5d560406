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

  /** A builder naming each component: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Profile} by component name. Unset lists are empty, unset decimals NaN (not
   * computed), unset counts 0, flags false and references null.
   */
  public static final class Builder {
    private Double acf1;
    private LjungBox.Result ljungBox;
    private LjungBox.Result ljungBoxDiff;
    private Double spectralEntropy;
    private Double permutationEntropy;
    private Double trendStrength;
    private Double seasonalStrength;
    private Kpss.Result kpss;
    private Intermittency.Result intermittency;
    private DominantPeriod.Result dominantPeriod;
    private Map<String, String> notComputable;

    private Builder() {}

    public Builder acf1(Double acf1) {
      this.acf1 = acf1;
      return this;
    }

    public Builder ljungBox(LjungBox.Result ljungBox) {
      this.ljungBox = ljungBox;
      return this;
    }

    public Builder ljungBoxDiff(LjungBox.Result ljungBoxDiff) {
      this.ljungBoxDiff = ljungBoxDiff;
      return this;
    }

    public Builder spectralEntropy(Double spectralEntropy) {
      this.spectralEntropy = spectralEntropy;
      return this;
    }

    public Builder permutationEntropy(Double permutationEntropy) {
      this.permutationEntropy = permutationEntropy;
      return this;
    }

    public Builder trendStrength(Double trendStrength) {
      this.trendStrength = trendStrength;
      return this;
    }

    public Builder seasonalStrength(Double seasonalStrength) {
      this.seasonalStrength = seasonalStrength;
      return this;
    }

    public Builder kpss(Kpss.Result kpss) {
      this.kpss = kpss;
      return this;
    }

    public Builder intermittency(Intermittency.Result intermittency) {
      this.intermittency = intermittency;
      return this;
    }

    public Builder dominantPeriod(DominantPeriod.Result dominantPeriod) {
      this.dominantPeriod = dominantPeriod;
      return this;
    }

    public Builder notComputable(Map<String, String> notComputable) {
      this.notComputable = notComputable;
      return this;
    }

    public Profile build() {
      return new Profile(
          acf1,
          ljungBox,
          ljungBoxDiff,
          spectralEntropy,
          permutationEntropy,
          trendStrength,
          seasonalStrength,
          kpss,
          intermittency,
          dominantPeriod,
          notComputable);
    }
  }
}
