/**
 * Predictability profile of one cleaned, regular series: autocorrelation, white-noise tests,
 * spectral and permutation entropy, STL trend and seasonal strength, KPSS, intermittency and the
 * dominant period. Each measure follows the R function named in its class documentation, so values
 * can be compared with R {@code stats}, {@code forecast} and {@code tseries}.
 *
 * <p>The kernels are static, allocation-light and take plain {@code double[]} series without
 * missing values; {@link dev.signalcheck.core.profile.Profiler} checks preconditions and turns
 * anything that cannot be computed into a plain-language reason instead of a NaN or an exception.
 */
package dev.signalcheck.core.profile;
