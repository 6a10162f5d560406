package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValueChecksTest {

  private static RegularSeries series(double[] v) {
    long[] rows = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      rows[i] = i + 1;
    }
    return new RegularSeries(1, Step.index(1), v, rows, new TimeFormat(TimeKind.INDEX, null));
  }

  private static Optional<Finding> find(List<Finding> fs, String check) {
    return fs.stream().filter(f -> f.check().equals(check)).findFirst();
  }

  private static double[] noise(int n, long seed, double level, double sd) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = level + sd * r.nextGaussian();
    }
    return v;
  }

  @Test
  void sentinelIsFoundMaskedAndReported() {
    double[] v = noise(2000, 1, 20, 3);
    for (int i = 100; i < 130; i++) {
      v[i] = -200;
    }
    v[700] = -200;
    v[1500] = -200;
    ValueChecks.Result r = ValueChecks.run(series(v), 1, null, null);
    Finding f = find(r.findings(), CheckType.VALUE_SENTINEL.id()).orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.category()).isEqualTo(Category.DATA_SENSOR_FAULT);
    assertThat(f.count()).isEqualTo(32);
    assertThat(f.details()).containsEntry("value", -200.0);
    assertThat(f.intervals()).hasSize(3);
    assertThat(f.intervals().get(0).from()).isEqualTo(101L);
    assertThat(f.intervals().get(0).count()).isEqualTo(30);
    assertThat(f.rows()).containsExactly(101L, 102L, 103L, 104L, 105L);
    assertThat(f.message()).contains("-200").contains("treated as missing");
    assertThat(r.series().values()[100]).isNaN();
    assertThat(r.series().values()[99]).isEqualTo(v[99]);
    // the code is not also a frozen run, a spike or a level shift
    assertThat(r.findings())
        .extracting(Finding::check)
        .containsExactly(CheckType.VALUE_SENTINEL.id());
  }

  @Test
  void twoLevelsOfAQuantisedSignalAreNotCodes() {
    double[] v = new double[3000];
    Random rnd = new Random(3);
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 500 < 150 ? 0.066 + 0.002 * rnd.nextInt(2) : 0.132 + 0.002 * rnd.nextInt(2);
    }
    assertThat(SentinelCheck.codes(v)).isEmpty();
  }

  @Test
  void frozenRunIsFoundAndKept() {
    double[] v = noise(3000, 2, 50, 5);
    Arrays.fill(v, 1000, 1040, v[1000]);
    ValueChecks.Result r = ValueChecks.run(series(v), 1, null, null);
    Finding f = find(r.findings(), CheckType.VALUE_STUCK.id()).orElseThrow();
    assertThat(f.count()).isEqualTo(40);
    assertThat(f.message()).contains("kept");
    assertThat(r.series().values()[1010]).isEqualTo(v[1010]);
    assertThat(find(r.findings(), CheckType.VALUE_LEVEL_SHIFT.id())).isEmpty();
  }

  @Test
  void quantisedSensorRepeatsAreNotStuck() {
    Random rnd = new Random(5);
    double[] v = new double[5000];
    double x = 20;
    for (int i = 0; i < v.length; i++) {
      x += 0.02 * rnd.nextGaussian();
      v[i] = Math.round(x * 2) / 2.0;
    }
    assertThat(
            find(ValueChecks.run(series(v), 1, null, null).findings(), CheckType.VALUE_STUCK.id()))
        .isEmpty();
  }

  @Test
  void zeroRunInASeriesFarFromZero() {
    double[] v = noise(2000, 4, 80, 4);
    Arrays.fill(v, 500, 520, 0.0);
    ValueChecks.Result r = ValueChecks.run(series(v), 1, null, null);
    Finding f = find(r.findings(), CheckType.VALUE_ZERO_RUN.id()).orElseThrow();
    assertThat(f.count()).isEqualTo(20);
    assertThat(f.intervals()).hasSize(1);
    assertThat(find(r.findings(), CheckType.VALUE_STUCK.id())).isEmpty();
    assertThat(find(r.findings(), CheckType.VALUE_SPIKE.id())).isEmpty();
  }

  @Test
  void zerosInACountSeriesAreNormal() {
    Random rnd = new Random(6);
    double[] v = new double[2000];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(8);
    }
    assertThat(ZeroRunCheck.find(v)).isEmpty();
  }

  @Test
  void outOfRangeIsCritical() {
    double[] v = noise(500, 7, 50, 5);
    v[10] = -5;
    v[11] = -6;
    v[300] = 150;
    Finding f =
        find(
                ValueChecks.run(series(v), 1, 0.0, 100.0).findings(),
                CheckType.VALUE_OUT_OF_RANGE.id())
            .orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.count()).isEqualTo(3);
    assertThat(f.intervals()).hasSize(2);
    assertThat(f.details()).containsEntry("below", 2L).containsEntry("above", 1L);
    assertThat(ValueChecks.run(series(v), 1, null, null).findings())
        .noneMatch(x -> x.check().equals(CheckType.VALUE_OUT_OF_RANGE.id()));
  }

  @Test
  void spikeAgainstASeasonThatPeaksEveryDay() {
    int m = 24;
    double[] v = new double[24 * 60];
    Random rnd = new Random(8);
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + (i % m == 12 ? 80 : 0) + 2 * rnd.nextGaussian();
    }
    // the daily peak at hour 12 is not a spike
    assertThat(
            find(ValueChecks.run(series(v), m, null, null).findings(), CheckType.VALUE_SPIKE.id()))
        .isEmpty();
    v[500] += 60;
    Finding f =
        find(ValueChecks.run(series(v), m, null, null).findings(), CheckType.VALUE_SPIKE.id())
            .orElseThrow();
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.intervals().get(0).from()).isEqualTo(501L);
  }

  @Test
  void levelShiftIsInfoWithItsChangePoint() {
    double[] v = noise(1200, 9, 10, 1);
    for (int i = 600; i < v.length; i++) {
      v[i] += 15;
    }
    Finding f =
        find(ValueChecks.run(series(v), 1, null, null).findings(), CheckType.VALUE_LEVEL_SHIFT.id())
            .orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.intervals().get(0).to()).isEqualTo(601L);
    // a steady trend is not a shift
    double[] trend = noise(1200, 10, 0, 1);
    for (int i = 0; i < trend.length; i++) {
      trend[i] += 0.05 * i;
    }
    assertThat(
            find(
                ValueChecks.run(series(trend), 1, null, null).findings(),
                CheckType.VALUE_LEVEL_SHIFT.id()))
        .isEmpty();
  }

  @Test
  void flatlineIsOnlyConstant() {
    RealSeries.Named s = RealSeries.nab(RealSeries.DATA.resolve("nab/art_flatline.csv"));
    assertThat(ValueChecks.run(s.series(), s.season(), null, null).findings()).isEmpty();
  }

  @Test
  void flatMiddleIsStuck() {
    RealSeries.Named s = RealSeries.nab(RealSeries.DATA.resolve("nab/art_daily_flatmiddle.csv"));
    List<Finding> fs = ValueChecks.run(s.series(), s.season(), null, null).findings();
    Finding f = find(fs, CheckType.VALUE_STUCK.id()).orElseThrow();
    // the flat day (40.0 for 23 hours, then -8.0 for an hour), not the short plateau of every
    // evening
    assertThat(f.intervals())
        .extracting(i -> i.from())
        .containsExactly("2014-04-11T00:00:00", "2014-04-11T23:00:00");
    assertThat(f.count()).isEqualTo(288);
  }

  @Test
  void twoMillionReadingsAreChecked() {
    // speed is measured by the JMH benchmark ValueChecksBench, not here
    double[] v = noise(2_000_000, 11, 100, 10);
    for (int i = 0; i < v.length; i += 1000) {
      v[i] = -999;
    }
    ValueChecks.Result r = ValueChecks.run(series(v), 288, null, null);
    assertThat(find(r.findings(), CheckType.VALUE_SENTINEL.id()))
        .hasValueSatisfying(f -> assertThat(f.count()).isEqualTo(2000));
  }

  @Provide
  Arbitrary<double[]> anything() {
    Arbitrary<Double> special =
        Arbitraries.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Double.MIN_VALUE,
            0.0,
            -0.0,
            -200.0,
            1e300,
            -1e300);
    Arbitrary<Double> any =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-1e6, 1e6)),
            net.jqwik.api.Tuple.of(1, special),
            net.jqwik.api.Tuple.of(1, Arbitraries.doubles()));
    return any.array(double[].class).ofMinSize(0).ofMaxSize(400);
  }

  @Property(tries = 300)
  void neverThrows(
      @ForAll("anything") double[] v, @ForAll @IntRange(min = 0, max = 50) int season) {
    ValueChecks.Result r = ValueChecks.run(series(v), season, -1e5, 1e5);
    assertThat(r.series().length()).isEqualTo(v.length);
    for (Finding f : r.findings()) {
      assertThat(f.count()).isPositive();
      assertThat(f.rows()).hasSizeLessThanOrEqualTo(5);
    }
  }

  @Property(tries = 100)
  void neverThrowsOnRepetitiveInput(
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 5) int distinct,
      @ForAll @IntRange(min = 0, max = 30) int season) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i * 7 / 11) % distinct == 0 ? 0 : (i / 13) % distinct;
    }
    ValueChecks.run(series(v), season, null, null);
  }
}
