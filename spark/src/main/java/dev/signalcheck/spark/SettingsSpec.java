package dev.signalcheck.spark;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.series.Step;
import java.io.Serializable;
import java.util.List;

/**
 * The audit settings in a form that travels to executors (the same fields as {@link AuditSettings};
 * the step as its ISO text).
 */
record SettingsSpec(
    String step,
    Integer season,
    Integer horizon,
    int origins,
    List<String> models,
    Double min,
    Double max,
    Integer maxTrain)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  SettingsSpec {
    models = List.copyOf(models);
  }

  AuditSettings settings() {
    return new AuditSettings(
        step == null ? null : Step.parse(step),
        season,
        horizon,
        origins,
        models,
        min,
        max,
        maxTrain,
        List.of());
  }
}
