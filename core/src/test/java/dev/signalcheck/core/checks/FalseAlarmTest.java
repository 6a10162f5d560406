package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.finding.CheckType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On untouched real series the value checks stay quiet: the ceilings are the numbers measured for
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
    atMost(m, CheckType.VALUE_SPIKE.id(), 7, 58);
    atMost(m, CheckType.VALUE_LEVEL_SHIFT.id(), 2, 5);
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

  /** The other untouched series of the combined-fault pool: no codes, frozen or zero runs. */
  @Test
  void trafficTweetsAndSkabSensors() {
    Map<String, long[]> traffic =
        FalseAlarmReport.measure(RealSeries.nabFolder("realTraffic"), null);
    Map<String, long[]> tweets = FalseAlarmReport.measure(RealSeries.nabFolder("realTweets"), null);
    Map<String, long[]> skab =
        FalseAlarmReport.measure(RealSeries.skabFile("anomaly-free.csv.gz"), null);
    for (Map<String, long[]> m : List.of(traffic, tweets, skab)) {
      atMost(m, CheckType.VALUE_SENTINEL.id(), 0, 0);
      atMost(m, CheckType.VALUE_STUCK.id(), 0, 0);
      atMost(m, CheckType.VALUE_ZERO_RUN.id(), 0, 0);
      atMost(m, CheckType.VALUE_LEVEL_SHIFT.id(), 0, 0);
    }
    atMost(traffic, CheckType.VALUE_SPIKE.id(), 6, 25);
    // news bursts in 5-minute tweet counts: a few dozen isolated readings per 55 days
    atMost(tweets, CheckType.VALUE_SPIKE.id(), 5, 270);
    atMost(skab, CheckType.VALUE_SPIKE.id(), 2, 14);
  }
}
