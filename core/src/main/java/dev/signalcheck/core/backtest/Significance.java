package dev.signalcheck.core.backtest;

/**
 * Whether the best candidate's advantage over the best baseline could be chance.
 *
 * @param test always {@code diebold-mariano}
 * @param pValue one-sided p-value of "the baseline is less accurate" (absolute-error loss); NaN
 *     when the test cannot be computed (e.g. identical errors)
 * @param statistic the HLN-corrected DM statistic
 * @param h the h passed to the test (see {@link RollingOriginBacktest})
 * @param errors the number of paired errors: origins × horizon
 */
public record Significance(String test, double pValue, double statistic, int h, int errors) {
  public static final String DIEBOLD_MARIANO = "diebold-mariano";
}
