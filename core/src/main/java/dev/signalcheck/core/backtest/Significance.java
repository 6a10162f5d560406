package dev.signalcheck.core.backtest;

/**
 * Whether the best candidate's advantage over the best baseline could be chance.
 *
 * @param test always {@code diebold-mariano}
 * @param pValue one-sided p-value of "the baseline is less accurate", adjusted for the choice of
 *     the best of {@code comparisons} effectively independent candidates (Šidák: 1 − (1 −
 *     p)^comparisons); NaN when the test cannot be computed (e.g. identical errors)
 * @param statistic the test statistic
 * @param h the lag the variance estimate reaches: the Bartlett bandwidth over origins ({@link
 *     OriginTest}) or, for the step-by-step test, the h passed to {@link DieboldMariano}
 * @param errors the number of paired errors: origins × horizon
 * @param unadjustedPValue the p-value of this one comparison
 * @param comparisons the effective number of candidates the best was chosen from (1: no choice;
 *     fewer than the candidates when their errors move together, see {@link
 *     OriginTest#effectiveComparisons})
 */
public record Significance(
    String test,
    double pValue,
    double statistic,
    int h,
    int errors,
    double unadjustedPValue,
    double comparisons) {
  public static final String DIEBOLD_MARIANO = "diebold-mariano";

  /** A single comparison, nothing chosen. */
  public Significance(String test, double pValue, double statistic, int h, int errors) {
    this(test, pValue, statistic, h, errors, pValue, 1);
  }

  /** The same test for the best of {@code candidates} effectively independent ones: Šidák. */
  public Significance chosenFrom(double candidates) {
    double c = Math.max(1, candidates);
    double p =
        Double.isNaN(unadjustedPValue)
            ? Double.NaN
            : Math.min(1, -Math.expm1(c * Math.log1p(-Math.min(unadjustedPValue, 1 - 1e-16))));
    return new Significance(test, p, statistic, h, errors, unadjustedPValue, c);
  }
}
