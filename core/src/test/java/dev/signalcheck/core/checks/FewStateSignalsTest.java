package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/**
 * A flag, an on/off or a valve position sits on its few states by nature: its rare state is not a
 * code for missing, its stays are not frozen sensors, its zeros are not a sensor that is off.
 */
class FewStateSignalsTest {

  private static RegularSeries series(double[] v) {
    long[] rows = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      rows[i] = i + 1;
    }
    return new RegularSeries(1, Step.index(1), v, rows, new TimeFormat(TimeKind.INDEX, null));
  }

  private static List<Finding> sensorFindings(RegularSeries s, int season) {
    return ValueChecks.run(s, season, null, null).findings().stream()
        .filter(f -> f.category() == Category.DATA_SENSOR_FAULT)
        .toList();
  }

  @Test
  void skabLabelColumnsGetNoSensorFindings() {
    int flags = 0;
    for (String file : List.of("valve1-0.csv.gz", "valve2-0.csv.gz", "other-1.csv.gz")) {
      for (RealSeries.Named s : RealSeries.skabFile(file)) {
        if (s.name().endsWith(":anomaly") || s.name().endsWith(":changepoint")) {
          flags++;
          assertThat(sensorFindings(s.series(), s.season())).as(s.name()).isEmpty();
        }
      }
    }
    assertThat(flags).isEqualTo(6);
  }

  @Test
  void aCodeFarFromAFlagIsStillACode() {
    double[] v = new double[2000];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i / 37) % 5 == 0 ? 1 : 0;
    }
    for (int i = 100; i < v.length; i += 150) {
      v[i] = -999;
    }
    List<Finding> fs = sensorFindings(series(v), 1);
    assertThat(fs).extracting(Finding::check).containsExactly(CheckType.VALUE_SENTINEL.id());
    assertThat(fs.get(0).details()).containsEntry("value", -999.0);
  }

  /** Any two values, in runs of any lengths, in any proportion. */
  @Property(tries = 200)
  void twoStateSignalsAreNotFaults(
      @ForAll @DoubleRange(min = -1e4, max = 1e4) double a,
      @ForAll @DoubleRange(min = 1e-3, max = 1e4) @Scale(4) double gap,
      @ForAll @DoubleRange(min = 0.005, max = 0.995) @Scale(3) double share,
      @ForAll @IntRange(min = 1, max = 300) int meanRun,
      @ForAll @IntRange(min = 50, max = 5000) int n,
      @ForAll @IntRange(min = 0, max = 48) int season,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    double[] v = new double[n];
    boolean high = rnd.nextDouble() < share;
    for (int i = 0; i < n; i++) {
      // leave a state with probability 1/meanRun, into the high state with probability share
      if (rnd.nextInt(meanRun) == 0) {
        high = rnd.nextDouble() < share;
      }
      v[i] = high ? a + gap : a;
    }
    assertThat(sensorFindings(series(v), season)).isEmpty();
  }

  /** Three or four evenly spaced levels (a valve, a gear), in runs, with a rare top level. */
  @Property(tries = 200)
  void fewLevelSignalsAreNotFaults(
      @ForAll @IntRange(min = 3, max = 4) int levels,
      @ForAll @DoubleRange(min = -100, max = 100) double base,
      @ForAll @DoubleRange(min = 0.01, max = 100) double step,
      @ForAll @IntRange(min = 1, max = 200) int meanRun,
      @ForAll @IntRange(min = 200, max = 5000) int n,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    double[] v = new double[n];
    int level = 0;
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(meanRun) == 0) {
        // the top level is rare
        level = rnd.nextInt(20) == 0 ? levels - 1 : rnd.nextInt(levels - 1);
      }
      v[i] = base + level * step;
    }
    assertThat(sensorFindings(series(v), 1)).isEmpty();
  }
}
