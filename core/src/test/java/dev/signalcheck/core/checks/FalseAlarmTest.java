package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.finding.CheckType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On untouched NAB series the value checks stay quiet: the ceilings are the numbers measured for
 * docs/checks.md (FalseAlarmReport) with a little room. {files flagged, readings or change points}.
 */
class FalseAlarmTest {

  private static void atMost(Map<String, long[]> m, String check, long files, long count) {
    assertThat(m.get(check)[0]).as(check + " files").isLessThanOrEqualTo(files);
    assertThat(m.get(check)[1]).as(check + " count").isLessThanOrEqualTo(count);
  }

  @Test
  void realKnownCause() {
    Map<String, long[]> m = FalseAlarmReport.measure(RealSeries.nabFolder("realKnownCause"), null);
    atMost(m, CheckType.VALUE_SENTINEL.id(), 0, 0);
    atMost(m, CheckType.VALUE_STUCK.id(), 0, 0);
    atMost(m, CheckType.VALUE_ZERO_RUN.id(), 0, 0);
    atMost(m, CheckType.VALUE_SPIKE.id(), 7, 60);
    atMost(m, CheckType.VALUE_LEVEL_SHIFT.id(), 2, 6);
  }

  @Test
  void realAwsCloudwatch() {
    Map<String, long[]> m =
        FalseAlarmReport.measure(RealSeries.nabFolder("realAWSCloudwatch"), null);
    atMost(m, CheckType.VALUE_SENTINEL.id(), 0, 0);
    atMost(m, CheckType.VALUE_STUCK.id(), 0, 0);
    atMost(m, CheckType.VALUE_ZERO_RUN.id(), 0, 0);
    atMost(m, CheckType.VALUE_SPIKE.id(), 13, 130);
    atMost(m, CheckType.VALUE_LEVEL_SHIFT.id(), 3, 5);
  }
}
