/**
 * Exponential smoothing: the ETS state-space family as R's {@code forecast} package (8.20) fits it,
 * and the forecasters built on it.
 *
 * <ul>
 *   <li>{@link dev.signalcheck.core.forecast.ets.Ets#fit Ets.fit} fits one form ({@link
 *       dev.signalcheck.core.forecast.ets.EtsSpec}: error A/M, trend N/A/Ad, season N/A/M) and
 *       returns an {@link dev.signalcheck.core.forecast.ets.EtsFit} with parameters, states,
 *       likelihood, AIC/AICc/BIC and forecasts.
 *   <li>{@link dev.signalcheck.core.forecast.ets.Ses}, {@link
 *       dev.signalcheck.core.forecast.ets.Holt}, {@link
 *       dev.signalcheck.core.forecast.ets.DampedHolt}: {@code ses}, {@code holt}, {@code
 *       holt(damped = TRUE)} (minimum in-sample MSE, as forecast does for these).
 *   <li>{@link dev.signalcheck.core.forecast.ets.ThetaClassic}: the M4 Theta benchmark.
 *   <li>{@link dev.signalcheck.core.forecast.ets.AutoEts}: {@code ets()} with selection by AICc.
 * </ul>
 *
 * <p>None of these adjusts for seasonality by itself; the M4 protocol's seasonal adjustment wraps
 * them. Fitting follows R step by step (starting values, the same Nelder–Mead simplex, the same
 * bounds and admissibility tests), so fitted parameters and forecasts agree with R's to many
 * digits; the few differences come from flat likelihood surfaces near the admissibility boundary.
 */
package dev.signalcheck.core.forecast.ets;
