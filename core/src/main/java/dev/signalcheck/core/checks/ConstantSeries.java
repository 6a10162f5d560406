package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code series.constant}: every value on the grid is the same (at least two of them): nothing to
 * forecast.
 */
final class ConstantSeries {
  private ConstantSeries() {}

  static List<Finding> findings(double[] values, RegularSeries reg) {
    List<Finding> out = new ArrayList<>();
    double first = Double.NaN;
    long finite = 0;
    boolean varies = false;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      finite++;
      if (Double.isNaN(first)) {
        first = v;
      } else if (v != first) {
        varies = true;
        break;
      }
    }
    if (finite >= 2 && !varies) {
      out.add(
          new Finding(
              CheckType.SERIES_CONSTANT.id(),
              Severity.CRITICAL,
              Category.DATA_NO_SIGNAL,
              String.format(
                  Locale.ROOT,
                  "all %d values are %s: there is nothing to forecast (a sensor that is off or a"
                      + " placeholder column?)",
                  finite,
                  Prose.value(first)),
              finite,
              List.of(
                  new Interval(reg.formattedTime(0), reg.formattedTime(values.length - 1), finite)),
              List.of(),
              Map.of("value", first)));
    }
    return out;
  }
}
