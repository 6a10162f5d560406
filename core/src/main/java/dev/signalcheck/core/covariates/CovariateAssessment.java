package dev.signalcheck.core.covariates;

import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.OriginTest;
import java.util.List;

/**
 * What {@link CovariateAnalysis} decided about one covariate, as values ({@link #decide}); {@link
 * CovariateWriter} words it (its finding and its report item) and only reads it.
 *
 * @param name the column
 * @param knownAhead declared with {@code --known-ahead}
 * @param present share of the analysed time stamps where it has a value
 * @param notAssessed why it could not be assessed (too sparse, constant, series too short), or null
 * @param crossCorrelation pre-whitened cross-correlation with the target, lags 0…H
 * @param granger Granger test of its past on the target, or null
 * @param honest the target's autoregression with it as a forecaster could use it (values up to the
 *     origin; future ones too when known ahead), or null
 * @param oracle the same with lags 0…L and its future values given, as a leaking model would use it
 *     (only when not known ahead), or null
 * @param withoutZero the oracle without lag 0, or null
 * @param gain 1 − MASE(honest) / MASE(target-only)
 * @param pValue its p-value ({@link OriginTest})
 * @param sameTimeGain 1 − MASE(oracle) / MASE(target-only)
 * @param sameTimePValue its p-value
 * @param lagZeroAdds whether lag 0 makes the oracle at least {@value CovariateAnalysis#MIN_GAIN}
 *     and significantly better than without it
 * @param noiseLag the step k ≥ 1 at which it explains most of the target's surprise
 * @param noiseShare the share of the target's surprise at t + k (what the target's own past cannot
 *     forecast) that its value at t explains: the squared pre-whitened cross-correlation at k
 * @param kind the decision
 */
public record CovariateAssessment(
    String name,
    boolean knownAhead,
    double present,
    String notAssessed,
    List<Double> crossCorrelation,
    CovariateResult.GrangerTest granger,
    ModelScore honest,
    ModelScore oracle,
    ModelScore withoutZero,
    double gain,
    double pValue,
    double sameTimeGain,
    double sameTimePValue,
    boolean lagZeroAdds,
    int noiseLag,
    double noiseShare,
    Kind kind) {

  /** The decision about a covariate. */
  public enum Kind {
    USEFUL,
    NO_VALUE,
    /** Helps only at its same time stamp, and is not known ahead. */
    LEAKAGE_SAME_TIME,
    /** Reproduces the target's future noise: a copy of the target's future. */
    LEAKAGE_FUTURE_NOISE,
    /** Too sparse, constant, or the series too short: profiled at most. */
    NOT_ASSESSED,
    /** Assessable, but no backtest could be run. */
    NOT_BACKTESTED
  }

  /**
   * Share of the target's surprise at t + k that a covariate's value at t must explain to count as
   * a copy of the target's future: a real input, however strong, leaves the target's own noise
   * unexplained; a shifted copy of the target reproduces it up to its measurement noise.
   */
  public static final double FUTURE_NOISE_SHARE = 0.98;

  /** Decides, from the profile and the backtests (null where not run). */
  static CovariateAssessment decide(
      String name,
      boolean knownAhead,
      double present,
      String notAssessed,
      List<Double> ccf,
      CovariateResult.GrangerTest granger,
      ModelScore base,
      ModelScore honest,
      ModelScore oracle,
      ModelScore withoutZero,
      int dmH) {
    double gain = Double.NaN, p = Double.NaN, gain0 = Double.NaN, p0 = Double.NaN;
    int noiseLag = 0;
    double share = 0;
    for (int k = 1; k < ccf.size(); k++) {
      Double r = ccf.get(k);
      if (r != null && Double.isFinite(r) && r * r > share) {
        share = r * r;
        noiseLag = k;
      }
    }
    if (base != null && honest != null && !honest.skipped()) {
      gain = 1 - honest.mase() / base.mase();
      p = p(base, honest);
    }
    if (base != null && oracle != null && !oracle.skipped()) {
      gain0 = 1 - oracle.mase() / base.mase();
      p0 = p(base, oracle);
    }
    boolean honestUseful = gain >= CovariateAnalysis.MIN_GAIN && p < CovariateAnalysis.ALPHA;
    boolean sameTimeUseful = gain0 >= CovariateAnalysis.MIN_GAIN && p0 < CovariateAnalysis.ALPHA;
    boolean lagZeroAdds =
        sameTimeUseful
            && withoutZero != null
            && !withoutZero.skipped()
            && 1 - oracle.mase() / withoutZero.mase() >= CovariateAnalysis.MIN_GAIN
            && p(withoutZero, oracle) < CovariateAnalysis.ALPHA;
    Kind kind;
    if (notAssessed != null) {
      kind = Kind.NOT_ASSESSED;
    } else if (share >= FUTURE_NOISE_SHARE) {
      kind = Kind.LEAKAGE_FUTURE_NOISE;
    } else if (!knownAhead && lagZeroAdds && !honestUseful) {
      kind = Kind.LEAKAGE_SAME_TIME;
    } else if (base == null || honest == null || honest.skipped()) {
      kind = Kind.NOT_BACKTESTED;
    } else if (honestUseful) {
      kind = Kind.USEFUL;
    } else {
      kind = Kind.NO_VALUE;
    }
    return CovariateAssessment.builder()
        .name(name)
        .knownAhead(knownAhead)
        .present(present)
        .notAssessed(notAssessed)
        .crossCorrelation(ccf)
        .granger(granger)
        .honest(honest)
        .oracle(oracle)
        .withoutZero(withoutZero)
        .gain(gain)
        .pValue(p)
        .sameTimeGain(gain0)
        .sameTimePValue(p0)
        .lagZeroAdds(lagZeroAdds)
        .noiseLag(noiseLag)
        .noiseShare(share)
        .kind(kind)
        .build();
  }

  private static double p(ModelScore reference, ModelScore candidate) {
    if (reference.maseByOrigin().size() != candidate.maseByOrigin().size()) {
      return Double.NaN;
    }
    return OriginTest.compare(reference, candidate).pValue();
  }

  /** The report's assessment label. */
  public String label() {
    return switch (kind) {
      case USEFUL -> CovariateResult.Item.USEFUL;
      case NO_VALUE -> CovariateResult.Item.NO_VALUE;
      case LEAKAGE_SAME_TIME, LEAKAGE_FUTURE_NOISE -> CovariateResult.Item.LEAKAGE;
      case NOT_ASSESSED, NOT_BACKTESTED -> CovariateResult.Item.NOT_ASSESSED;
    };
  }

  /** A builder naming each component: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link CovariateAssessment} by component name. Unset lists are empty, unset decimals
   * NaN (not computed), unset counts 0, flags false and references null.
   */
  public static final class Builder {
    private String name;
    private boolean knownAhead;
    private double present = Double.NaN;
    private String notAssessed;
    private List<Double> crossCorrelation = List.of();
    private CovariateResult.GrangerTest granger;
    private ModelScore honest;
    private ModelScore oracle;
    private ModelScore withoutZero;
    private double gain = Double.NaN;
    private double pValue = Double.NaN;
    private double sameTimeGain = Double.NaN;
    private double sameTimePValue = Double.NaN;
    private boolean lagZeroAdds;
    private int noiseLag;
    private double noiseShare = Double.NaN;
    private Kind kind;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder knownAhead(boolean knownAhead) {
      this.knownAhead = knownAhead;
      return this;
    }

    public Builder present(double present) {
      this.present = present;
      return this;
    }

    public Builder notAssessed(String notAssessed) {
      this.notAssessed = notAssessed;
      return this;
    }

    public Builder crossCorrelation(List<Double> crossCorrelation) {
      this.crossCorrelation = crossCorrelation;
      return this;
    }

    public Builder granger(CovariateResult.GrangerTest granger) {
      this.granger = granger;
      return this;
    }

    public Builder honest(ModelScore honest) {
      this.honest = honest;
      return this;
    }

    public Builder oracle(ModelScore oracle) {
      this.oracle = oracle;
      return this;
    }

    public Builder withoutZero(ModelScore withoutZero) {
      this.withoutZero = withoutZero;
      return this;
    }

    public Builder gain(double gain) {
      this.gain = gain;
      return this;
    }

    public Builder pValue(double pValue) {
      this.pValue = pValue;
      return this;
    }

    public Builder sameTimeGain(double sameTimeGain) {
      this.sameTimeGain = sameTimeGain;
      return this;
    }

    public Builder sameTimePValue(double sameTimePValue) {
      this.sameTimePValue = sameTimePValue;
      return this;
    }

    public Builder lagZeroAdds(boolean lagZeroAdds) {
      this.lagZeroAdds = lagZeroAdds;
      return this;
    }

    public Builder noiseLag(int noiseLag) {
      this.noiseLag = noiseLag;
      return this;
    }

    public Builder noiseShare(double noiseShare) {
      this.noiseShare = noiseShare;
      return this;
    }

    public Builder kind(Kind kind) {
      this.kind = kind;
      return this;
    }

    public CovariateAssessment build() {
      return new CovariateAssessment(
          name,
          knownAhead,
          present,
          notAssessed,
          crossCorrelation,
          granger,
          honest,
          oracle,
          withoutZero,
          gain,
          pValue,
          sameTimeGain,
          sameTimePValue,
          lagZeroAdds,
          noiseLag,
          noiseShare,
          kind);
    }
  }
}
