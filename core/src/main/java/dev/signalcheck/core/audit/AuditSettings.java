package dev.signalcheck.core.audit;

import dev.signalcheck.core.series.Step;
import java.util.List;

/**
 * What the user asked for; null means "choose the default from the data" (contract.md).
 *
 * @param step sampling step, or null to infer it
 * @param season seasonal period in steps, or null for the step's default
 * @param horizon forecast horizon in steps, or null for the step's default
 * @param origins rolling forecast origins
 * @param models model names to backtest, or empty for all
 * @param min physically possible minimum of the target, or null
 * @param max physically possible maximum of the target, or null
 */
public record AuditSettings(
    Step step, Integer season, Integer horizon, int origins, List<String> models, Double min, Double max) {

  public AuditSettings {
    models = models == null ? List.of() : List.copyOf(models);
    if (origins < 1) {
      throw new IllegalArgumentException("origins must be at least 1");
    }
  }

  public static AuditSettings defaults() {
    return new AuditSettings(null, null, null, 3, List.of(), null, null);
  }
}
