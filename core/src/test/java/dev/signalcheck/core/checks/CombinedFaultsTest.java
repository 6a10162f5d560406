package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.checks.CombinedFaults.Fault;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.series.RegularSeries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults that come together (a code for missing, zero runs, frozen runs, spikes up and down, in
 * random order, positions and sizes) injected into 44 real series and into 60 M4 Hourly series are
 * found, and the checks report few intervals where nothing was injected: the design point of
 * docs/checks.md, with fixed seeds.
 */
class CombinedFaultsTest {

  private static List<RealSeries.Named> pool;

  @BeforeAll
  static void load() {
    pool = CombinedFaults.pool();
    assertThat(pool).hasSize(44);
  }

  private static void meetsTheDesignPoint(CombinedFaults.Tally t, int minRuns) {
    assertThat(t.runs).isGreaterThanOrEqualTo(minRuns);
    for (Fault f : Fault.values()) {
      assertThat(t.recall.get(f)[0]).as(f + " injected").isGreaterThan(50);
      assertThat(t.rate(f)).as(f + ": " + t).isGreaterThanOrEqualTo(0.9);
    }
    assertThat(t.meanFalse()).as(t.toString()).isLessThanOrEqualTo(1.0);
    assertThat(t.shareAtMost(3)).as(t.toString()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void realSeriesFromSixSources() {
    meetsTheDesignPoint(CombinedFaults.measure(pool, CombinedFaults.DESIGN, 2, 20), 88);
  }

  @Test
  void shortSeasonalSeries() {
    meetsTheDesignPoint(
        CombinedFaults.measure(RealSeries.m4Hourly(), CombinedFaults.DESIGN, 1, 21), 60);
  }

  private static Finding finding(List<Finding> fs, CheckType c) {
    return fs.stream().filter(f -> f.check().equals(c.id())).findFirst().orElseThrow();
  }

  /**
   * The case that motivated the design: a real 5-minute CPU series with a -999 code on 1% of the
   * readings, three zero runs that out-number the code, two frozen stretches and spikes up and down
   * (the downward ones below zero). Each fault is found, as itself, once.
   */
  @Test
  void cpuSeriesWithEveryFaultAtOnce() {
    RealSeries.Named cpu =
        RealSeries.nab(
            RealSeries.DATA.resolve("nab/realAWSCloudwatch/ec2_cpu_utilization_5f5533.csv.gz"));
    RegularSeries s = cpu.series();
    double[] v = s.values().clone();
    for (int i = 0; i < 20; i++) {
      v[175 + 200 * i] = -999;
      v[176 + 200 * i] = -999;
    }
    int[][] zeros = {{700, 730}, {1900, 1911}, {3100, 3147}};
    for (int[] z : zeros) {
      Arrays.fill(v, z[0], z[1] + 1, 0.0);
    }
    int[][] frozen = {{1200, 1235}, {2600, 2659}};
    for (int[] f : frozen) {
      Arrays.fill(v, f[0], f[1] + 1, v[f[0]]);
    }
    int[] up = {400, 1500, 2300};
    int[] down = {950, 2000, 3500};
    for (int k : up) {
      v[k] += 60;
    }
    for (int k : down) {
      v[k] -= 60;
    }
    for (int k : down) {
      assertThat(v[k]).isNegative();
    }
    RegularSeries faulty = new RegularSeries(s.start(), s.step(), v, s.rows(), s.format());
    List<Finding> fs = ValueChecks.run(faulty, cpu.season(), null, null).findings();

    Finding code = finding(fs, CheckType.VALUE_SENTINEL);
    assertThat(code.details()).containsEntry("value", -999.0);
    assertThat(code.count()).isEqualTo(40);
    assertThat(code.intervals()).hasSize(20);

    Finding zero = finding(fs, CheckType.VALUE_ZERO_RUN);
    assertThat(zero.count()).isEqualTo(31 + 12 + 48);
    assertThat(zero.intervals())
        .extracting(Interval::from)
        .containsExactly(s.formattedTime(700), s.formattedTime(1900), s.formattedTime(3100));

    Finding stuck = finding(fs, CheckType.VALUE_STUCK);
    assertThat(stuck.intervals())
        .extracting(Interval::from, Interval::to)
        .contains(
            org.assertj.core.groups.Tuple.tuple(s.formattedTime(1200), s.formattedTime(1235)),
            org.assertj.core.groups.Tuple.tuple(s.formattedTime(2600), s.formattedTime(2659)));
    assertThat(stuck.count()).isEqualTo(36 + 60);

    Finding spike = finding(fs, CheckType.VALUE_SPIKE);
    List<Object> at = spike.intervals().stream().map(Interval::from).toList();
    for (int k : new int[] {400, 1500, 2300, 950, 2000, 3500}) {
      assertThat(at).contains(s.formattedTime(k));
    }
    // the untouched series has one spike of its own; the code is not also spikes
    assertThat(spike.count()).isLessThanOrEqualTo(7);
    assertThat(fs).noneMatch(f -> f.check().equals(CheckType.VALUE_LEVEL_SHIFT.id()));
  }
}
