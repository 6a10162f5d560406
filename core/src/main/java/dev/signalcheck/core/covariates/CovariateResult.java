package dev.signalcheck.core.covariates;

import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.Significance;
import java.util.List;

/**
 * What the covariates add to one series: the report's {@code series[].covariates} block.
 *
 * @param knownAhead the covariates declared known ahead (their future values may be used)
 * @param lags the covariate lags each arx model uses (1…L; known-ahead covariates also 0)
 * @param observations points of the target the analysis ran on (those of the backtest)
 * @param origins backtest origins used (0 when the series is too short)
 * @param items one entry per covariate, in the order given
 * @param base the target-only autoregression every covariate is measured against
 * @param model the best covariate model: a single useful covariate or all useful ones together;
 *     when no covariate is useful, the best single covariate that does not leak; null when none
 *     could be scored
 * @param skill 1 − MASE(model) / MASE(best trivial baseline of the main backtest)
 * @param significance Diebold–Mariano test of {@code model} against that baseline
 * @param collinear groups of covariates correlated above 0.9
 * @param notes plain-language remarks
 */
public record CovariateResult(
    List<String> knownAhead,
    List<Integer> lags,
    int observations,
    int origins,
    List<Item> items,
    ModelScore base,
    ModelScore model,
    List<String> modelInputs,
    double skill,
    Significance significance,
    List<List<String>> collinear,
    List<String> notes) {

  public CovariateResult {
    knownAhead = List.copyOf(knownAhead);
    lags = List.copyOf(lags);
    items = List.copyOf(items);
    modelInputs = modelInputs == null ? List.of() : List.copyOf(modelInputs);
    collinear = List.copyOf(collinear);
    notes = List.copyOf(notes);
  }

  /** The covariates assessed as useful, in input order. */
  public List<String> useful() {
    return items.stream().filter(i -> Item.USEFUL.equals(i.assessment())).map(Item::name).toList();
  }

  /** The covariates flagged as leaking the future, in input order. */
  public List<String> leaking() {
    return items.stream().filter(i -> Item.LEAKAGE.equals(i.assessment())).map(Item::name).toList();
  }

  /**
   * One covariate.
   *
   * @param name the column
   * @param knownAhead declared with {@code --known-ahead}
   * @param present share of the analysed time stamps where it has a value
   * @param missingCodes values treated as missing: codes for "missing" found in this column (as
   *     {@code value.sentinel} finds them) and the target's own codes
   * @param crossCorrelation pre-whitened cross-correlation with the target at lags 0…H: element k
   *     is the correlation of the covariate at t with the target at t + k (R's {@code ccf(x, y)} at
   *     lag −k)
   * @param granger Granger-causality F-test of the covariate's past on the target
   * @param mase MASE of the target's autoregression with this covariate (lags 1…L; 0…L if known
   *     ahead)
   * @param gain 1 − mase / MASE of the autoregression alone
   * @param pValue one-sided Diebold–Mariano p-value of that gain, errors of all origins
   * @param sameTimeGain for a covariate not known ahead: the gain when it enters at lags 0…L with
   *     its future values given as if known in advance — the gain a leaking model would show
   * @param sameTimePValue its Diebold–Mariano p-value
   * @param assessment {@code useful}, {@code no-value}, {@code leakage} or {@code not-assessed}
   * @param reason why, in plain words
   */
  public record Item(
      String name,
      boolean knownAhead,
      double present,
      List<Double> missingCodes,
      List<Double> crossCorrelation,
      GrangerTest granger,
      double mase,
      double gain,
      double pValue,
      double sameTimeGain,
      double sameTimePValue,
      String assessment,
      String reason) {
    public static final String USEFUL = "useful";
    public static final String NO_VALUE = "no-value";
    public static final String LEAKAGE = "leakage";
    public static final String NOT_ASSESSED = "not-assessed";

    public Item {
      missingCodes = List.copyOf(missingCodes);
      crossCorrelation = crossCorrelation.stream().map(d -> d == null ? Double.NaN : d).toList();
    }

    /** A builder naming each component: see {@link Builder}. */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * Builds a {@link Item} by component name. Unset lists are empty, unset decimals NaN (not
     * computed), unset counts 0, flags false and references null.
     */
    public static final class Builder {
      private String name;
      private boolean knownAhead;
      private double present = Double.NaN;
      private List<Double> missingCodes = List.of();
      private List<Double> crossCorrelation = List.of();
      private GrangerTest granger;
      private double mase = Double.NaN;
      private double gain = Double.NaN;
      private double pValue = Double.NaN;
      private double sameTimeGain = Double.NaN;
      private double sameTimePValue = Double.NaN;
      private String assessment;
      private String reason;

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

      public Builder missingCodes(List<Double> missingCodes) {
        this.missingCodes = missingCodes;
        return this;
      }

      public Builder crossCorrelation(List<Double> crossCorrelation) {
        this.crossCorrelation = crossCorrelation;
        return this;
      }

      public Builder granger(GrangerTest granger) {
        this.granger = granger;
        return this;
      }

      public Builder mase(double mase) {
        this.mase = mase;
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

      public Builder assessment(String assessment) {
        this.assessment = assessment;
        return this;
      }

      public Builder reason(String reason) {
        this.reason = reason;
        return this;
      }

      public Item build() {
        return new Item(
            name,
            knownAhead,
            present,
            missingCodes,
            crossCorrelation,
            granger,
            mase,
            gain,
            pValue,
            sameTimeGain,
            sameTimePValue,
            assessment,
            reason);
      }
    }
  }

  /** Granger-causality test: F statistic with {@code lags} lags of each series. */
  public record GrangerTest(int lags, double statistic, double pValue) {}

  /** A builder naming each component: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link CovariateResult} by component name. Unset lists are empty, unset decimals NaN
   * (not computed), unset counts 0, flags false and references null.
   */
  public static final class Builder {
    private List<String> knownAhead = List.of();
    private List<Integer> lags = List.of();
    private int observations;
    private int origins;
    private List<Item> items = List.of();
    private ModelScore base;
    private ModelScore model;
    private List<String> modelInputs = List.of();
    private double skill = Double.NaN;
    private Significance significance;
    private List<List<String>> collinear = List.of();
    private List<String> notes = List.of();

    private Builder() {}

    public Builder knownAhead(List<String> knownAhead) {
      this.knownAhead = knownAhead;
      return this;
    }

    public Builder lags(List<Integer> lags) {
      this.lags = lags;
      return this;
    }

    public Builder observations(int observations) {
      this.observations = observations;
      return this;
    }

    public Builder origins(int origins) {
      this.origins = origins;
      return this;
    }

    public Builder items(List<Item> items) {
      this.items = items;
      return this;
    }

    public Builder base(ModelScore base) {
      this.base = base;
      return this;
    }

    public Builder model(ModelScore model) {
      this.model = model;
      return this;
    }

    public Builder modelInputs(List<String> modelInputs) {
      this.modelInputs = modelInputs;
      return this;
    }

    public Builder skill(double skill) {
      this.skill = skill;
      return this;
    }

    public Builder significance(Significance significance) {
      this.significance = significance;
      return this;
    }

    public Builder collinear(List<List<String>> collinear) {
      this.collinear = collinear;
      return this;
    }

    public Builder notes(List<String> notes) {
      this.notes = notes;
      return this;
    }

    public CovariateResult build() {
      return new CovariateResult(
          knownAhead,
          lags,
          observations,
          origins,
          items,
          base,
          model,
          modelInputs,
          skill,
          significance,
          collinear,
          notes);
    }
  }
}
