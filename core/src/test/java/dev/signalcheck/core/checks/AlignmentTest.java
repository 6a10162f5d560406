package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.core.series.TimeParser;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AlignmentTest {

  private static final TimeFormat INDEX = new TimeFormat(TimeKind.INDEX, null);

  /** Builds an index series from times and values; NaN = missing, null time = unparseable. */
  private static SeriesData series(Long[] times, double[] values) {
    SeriesData d = new SeriesData("s", "v", INDEX);
    for (int i = 0; i < times.length; i++) {
      long t = times[i] == null ? TimeParser.UNPARSEABLE : times[i];
      byte st = Double.isNaN(values[i]) ? SeriesData.MISSING : SeriesData.OK;
      d.add(i + 1, t, times[i] == null ? "bad" : null, values[i], st, null);
    }
    return d;
  }

  private static Optional<Finding> find(Alignment.Result r, String check) {
    return r.findings().stream().filter(f -> f.check().equals(check)).findFirst();
  }

  @Test
  void cleanSeriesHasNoFindings() {
    Alignment.Result r =
        Alignment.align(series(new Long[] {1L, 2L, 3L, 4L}, new double[] {1, 2, 3, 4}), null);
    assertThat(r.findings()).isEmpty();
    assertThat(r.step()).isEqualTo(Step.index(1));
    assertThat(r.regularity()).isEqualTo(1.0);
    assertThat(r.regular().values()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void gapsAreIntervalsOfMissingStamps() {
    Alignment.Result r =
        Alignment.align(
            series(
                new Long[] {1L, 2L, 3L, 6L, 7L, 9L, 10L, 11L},
                new double[] {1, 2, 3, 6, 7, 9, 10, 11}),
            null);
    Finding gap = find(r, CheckType.TIME_GAP.id()).orElseThrow();
    assertThat(gap.count()).isEqualTo(2);
    assertThat(gap.intervals()).hasSize(2);
    assertThat(gap.intervals().get(0).from()).isEqualTo(4L);
    assertThat(gap.intervals().get(0).to()).isEqualTo(5L);
    assertThat(gap.intervals().get(0).count()).isEqualTo(2);
    assertThat(gap.intervals().get(1).from()).isEqualTo(8L);
    assertThat(gap.details()).containsEntry("missingStamps", 3L);
    assertThat(r.regular().values()).hasSize(11);
    assertThat(r.regular().values()[3]).isNaN();
    assertThat(gap.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void outOfOrderRowsAreSortedAndDuplicatesKeepTheFirst() {
    Alignment.Result r =
        Alignment.align(
            series(
                new Long[] {1L, 2L, 3L, 4L, 2L, 3L, 4L, 5L},
                new double[] {1, 2, 3, 4, 20, 30, 4, 5}),
            null);
    Finding ooo = find(r, CheckType.TIME_OUT_OF_ORDER.id()).orElseThrow();
    assertThat(ooo.count()).isEqualTo(3);
    assertThat(ooo.rows()).containsExactly(5L);
    assertThat(ooo.intervals())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.from()).isEqualTo(2L);
              assertThat(i.to()).isEqualTo(4L);
            });
    Finding dup = find(r, CheckType.TIME_DUPLICATE.id()).orElseThrow();
    assertThat(dup.count()).isEqualTo(3);
    assertThat(dup.details()).containsEntry("valuesDisagree", 2L);
    assertThat(r.regular().values()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void unparseableTimesAreCountedWithRows() {
    Alignment.Result r =
        Alignment.align(series(new Long[] {1L, null, 3L, 4L}, new double[] {1, 2, 3, 4}), null);
    Finding f = find(r, CheckType.TIME_UNPARSEABLE.id()).orElseThrow();
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.rows()).containsExactly(2L);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.message()).contains("'bad'");
  }

  @Test
  void missingValuesAreRuns() {
    Alignment.Result r =
        Alignment.align(
            series(
                new Long[] {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L},
                new double[] {1, Double.NaN, Double.NaN, 4, 5, 6, Double.NaN, 8, 9, 10, 11}),
            null);
    Finding f = find(r, CheckType.VALUE_MISSING.id()).orElseThrow();
    assertThat(f.count()).isEqualTo(3);
    assertThat(f.intervals()).hasSize(2);
    assertThat(f.intervals().get(0).count()).isEqualTo(2);
    assertThat(f.rows()).containsExactly(2L, 3L, 7L);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void nonNumericTokensAreCounted() {
    SeriesData d = new SeriesData("s", "v", INDEX);
    d.add(1, 1, null, 1, SeriesData.OK, null);
    d.add(2, 2, null, Double.NaN, SeriesData.NON_NUMERIC, "n/a?");
    d.add(3, 3, null, Double.NaN, SeriesData.NON_NUMERIC, "n/a?");
    d.add(4, 4, null, 4, SeriesData.OK, null);
    Alignment.Result r = Alignment.align(d, null);
    Finding f = find(r, CheckType.VALUE_NON_NUMERIC.id()).orElseThrow();
    assertThat(f.count()).isEqualTo(2);
    assertThat(f.message()).contains("'n/a?' ×2");
  }

  @Test
  void irregularSpacingIsReported() {
    Alignment.Result r =
        Alignment.align(
            series(
                new Long[] {0L, 10L, 20L, 30L, 35L, 40L, 50L}, new double[] {1, 2, 3, 4, 5, 6, 7}),
            null);
    assertThat(r.step()).isEqualTo(Step.index(10));
    Finding f = find(r, CheckType.TIME_IRREGULAR.id()).orElseThrow();
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void constantSeriesIsCritical() {
    Alignment.Result r =
        Alignment.align(series(new Long[] {1L, 2L, 3L}, new double[] {0, 0, 0}), null);
    assertThat(find(r, CheckType.SERIES_CONSTANT.id()))
        .hasValueSatisfying(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void monthlyDatesInferCalendarMonths() {
    long[] t = new long[24];
    for (int i = 0; i < 24; i++) {
      t[i] = TimeParser.epochMillis(2000 + i / 12, i % 12 + 1, 1, 0, 0, 0, 0);
    }
    assertThat(StepInference.inferStep(t, TimeKind.DATE)).isEqualTo(Step.months(1));
  }

  @Property
  void neverThrowsAndCountsEveryRow(
      @ForAll @Size(max = 60)
          List<@net.jqwik.api.constraints.IntRange(min = -5, max = 40) Integer> ts) {
    Long[] times = new Long[ts.size()];
    double[] values = new double[ts.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = ts.get(i) < 0 ? null : (long) ts.get(i);
      values[i] = ts.get(i) % 7 == 0 ? Double.NaN : ts.get(i);
    }
    Alignment.Result r = Alignment.align(series(times, values), null);
    long unparseable = ts.stream().filter(x -> x < 0).count();
    long distinct = ts.stream().filter(x -> x >= 0).distinct().count();
    long dups = ts.stream().filter(x -> x >= 0).count() - distinct;
    assertThat(find(r, CheckType.TIME_UNPARSEABLE.id()).map(Finding::count).orElse(0L))
        .isEqualTo(unparseable);
    assertThat(find(r, CheckType.TIME_DUPLICATE.id()).map(Finding::count).orElse(0L))
        .isEqualTo(dups);
    if (distinct > 0) {
      long observed = 0;
      for (long row : r.regular().rows()) {
        if (row > 0) {
          observed++;
        }
      }
      long leftOut =
          find(r, CheckType.TIME_IRREGULAR.id())
              .map(f -> (Long) f.details().get("leftOut"))
              .orElse(0L);
      assertThat(observed + leftOut).isEqualTo(distinct);
    }
  }
}
