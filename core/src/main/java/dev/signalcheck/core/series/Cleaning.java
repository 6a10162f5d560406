package dev.signalcheck.core.series;

/**
 * How the regular series was made complete for the profile and the backtest.
 *
 * @param method {@code none} (nothing was missing), {@code interpolated} (short gaps filled
 *     linearly) or {@code longest-stretch} (long gaps remain: the longest complete stretch is used,
 *     as R's {@code na.contiguous})
 * @param interpolated number of values filled in
 * @param from first time of the part used
 * @param to last time of the part used
 * @param n number of values used
 * @param maxInterpolatedRun the longest run of missing values that is filled in
 */
public record Cleaning(
    String method, long interpolated, Object from, Object to, long n, int maxInterpolatedRun) {}
