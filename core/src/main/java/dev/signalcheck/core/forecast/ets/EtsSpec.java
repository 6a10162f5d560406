package dev.signalcheck.core.forecast.ets;

import java.util.Objects;

/**
 * The form of an exponential-smoothing state-space model in the taxonomy of Hyndman et al.:
 * ETS(error, trend, season). Multiplicative trend is not supported.
 *
 * @param error additive or multiplicative errors
 * @param trend none, additive or additive damped
 * @param season none, additive or multiplicative
 */
public record EtsSpec(ErrorType error, TrendType trend, SeasonType season) {

  /** Error component. */
  public enum ErrorType {
    ADDITIVE("A"),
    MULTIPLICATIVE("M");

    final String code;

    ErrorType(String code) {
      this.code = code;
    }
  }

  /** Trend component. */
  public enum TrendType {
    NONE("N"),
    ADDITIVE("A"),
    DAMPED("Ad");

    final String code;

    TrendType(String code) {
      this.code = code;
    }
  }

  /** Seasonal component. */
  public enum SeasonType {
    NONE("N"),
    ADDITIVE("A"),
    MULTIPLICATIVE("M");

    final String code;

    SeasonType(String code) {
      this.code = code;
    }
  }

  public static final EtsSpec ANN = of("ANN");
  public static final EtsSpec AAN = of("AAN");
  public static final EtsSpec AADN = of("AAdN");

  public EtsSpec {
    Objects.requireNonNull(error);
    Objects.requireNonNull(trend);
    Objects.requireNonNull(season);
  }

  /**
   * Parses a compact code such as {@code "MAdM"}, {@code "ANN"} or the long form {@code
   * "ETS(M,Ad,M)"}.
   */
  public static EtsSpec of(String code) {
    String c = code.trim();
    if (c.startsWith("ETS(") && c.endsWith(")")) {
      c = c.substring(4, c.length() - 1).replace(",", "");
    }
    if (c.length() < 3) {
      throw new IllegalArgumentException("not an ETS model code: " + code);
    }
    ErrorType e =
        switch (c.charAt(0)) {
          case 'A' -> ErrorType.ADDITIVE;
          case 'M' -> ErrorType.MULTIPLICATIVE;
          default -> throw new IllegalArgumentException("not an ETS model code: " + code);
        };
    TrendType t;
    int next;
    if (c.startsWith("Ad", 1)) {
      t = TrendType.DAMPED;
      next = 3;
    } else if (c.charAt(1) == 'A') {
      t = TrendType.ADDITIVE;
      next = 2;
    } else if (c.charAt(1) == 'N') {
      t = TrendType.NONE;
      next = 2;
    } else {
      throw new IllegalArgumentException("unsupported ETS trend in " + code);
    }
    if (c.length() != next + 1) {
      throw new IllegalArgumentException("not an ETS model code: " + code);
    }
    SeasonType s =
        switch (c.charAt(next)) {
          case 'N' -> SeasonType.NONE;
          case 'A' -> SeasonType.ADDITIVE;
          case 'M' -> SeasonType.MULTIPLICATIVE;
          default -> throw new IllegalArgumentException("not an ETS model code: " + code);
        };
    return new EtsSpec(e, t, s);
  }

  public boolean hasTrend() {
    return trend != TrendType.NONE;
  }

  public boolean damped() {
    return trend == TrendType.DAMPED;
  }

  public boolean seasonal() {
    return season != SeasonType.NONE;
  }

  /** Whether any component is multiplicative (then the data must be strictly positive). */
  public boolean needsPositiveData() {
    return error == ErrorType.MULTIPLICATIVE || season == SeasonType.MULTIPLICATIVE;
  }

  /** The usual label, e.g. {@code ETS(M,Ad,M)}. */
  @Override
  public String toString() {
    return "ETS(" + error.code + "," + trend.code + "," + season.code + ")";
  }
}
