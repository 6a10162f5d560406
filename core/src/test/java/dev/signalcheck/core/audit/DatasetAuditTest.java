package dev.signalcheck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.core.verdict.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The data-set audit as a library call: order, accounting, sinks, summaries that merge. */
class DatasetAuditTest {

  private static final TimeFormat INDEX = new TimeFormat(TimeKind.INDEX, null);

  /** Series of white noise or a random walk, alternately, seeded. */
  static SeriesData series(String id, int n, long seed) {
    Random rnd = new Random(seed);
    SeriesData d = new SeriesData(id, "v", INDEX);
    double level = 0;
    for (int i = 0; i < n; i++) {
      level = (seed % 2 == 0 ? level : 0) + rnd.nextGaussian();
      d.add(i + 1, i + 1, null, level, SeriesData.OK, null);
    }
    return d;
  }

  /** An in-memory source; its label column has two spellings of one value. */
  static class ListSource implements SeriesSource {
    final List<SeriesData> data;
    final ReadStatistics stats;

    ListSource(List<SeriesData> data, ReadStatistics stats) {
      this.data = data;
      this.stats = stats;
    }

    @Override
    public SourceInfo info() {
      return new SourceInfo(
          "list", List.of("t"), List.of("v"), List.of("k"), List.of(), null, null);
    }

    @Override
    public long seriesCount() {
      return data.size();
    }

    @Override
    public void forEachSeries(Consumer<SeriesData> consumer) {
      data.forEach(consumer);
    }

    @Override
    public ReadStatistics statistics() {
      return stats;
    }

    @Override
    public LinkedHashMap<String, Long> distinctCounts(String column, String option) {
      if (!column.equals("city")) {
        throw new UsageException("column '" + column + "' (" + option + ") not found");
      }
      LinkedHashMap<String, Long> m = new LinkedHashMap<>();
      m.put("New York", 40L);
      m.put("new york ", 3L);
      m.put("Boston", 20L);
      return m;
    }
  }

  /** Records every call. */
  static final class Recorder implements ResultSink {
    final List<String> calls = new ArrayList<>();
    final List<SeriesResult> results = new ArrayList<>();
    AuditHeader header;
    AuditEnd end;

    @Override
    public void begin(AuditHeader h) {
      header = h;
      calls.add("begin");
    }

    @Override
    public void series(SeriesResult r) {
      results.add(r);
      calls.add("series " + r.id());
    }

    @Override
    public void end(AuditEnd e) {
      end = e;
      calls.add("end");
    }
  }

  private static final AuditSettings FAST =
      new AuditSettings(null, null, 6, 2, List.of("naive", "mean", "ses"), null, null);

  @Test
  void everySeriesReachesTheSinkInInputOrderWhateverTheThreads() {
    List<SeriesData> data = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      data.add(series("s" + i, 60 + (i * 37) % 200, i));
    }
    Recorder rec = new Recorder();
    AuditEnd end =
        DatasetAudit.run(
            new ListSource(data, ReadStatistics.clean(5000)),
            FAST,
            rec,
            new DatasetAudit.Options(3, List.of()));
    List<String> expected = new ArrayList<>();
    expected.add("begin");
    for (int i = 0; i < 25; i++) {
      expected.add("series s" + i);
    }
    expected.add("end");
    assertThat(rec.calls).isEqualTo(expected);
    assertThat(rec.header.expectedSeries()).isEqualTo(25);
    assertThat(end).isSameAs(rec.end);
    assertThat(end.summary().series()).isEqualTo(25);
    long judged = 0;
    for (Signal s : Signal.values()) {
      judged += end.summary().verdicts(s);
    }
    assertThat(judged).isEqualTo(rec.results.stream().filter(r -> r.verdict() != null).count());
  }

  @Test
  void rejectedRowsBecomeADataSetFindingWithTheirReasons() {
    ReadStatistics stats =
        new ReadStatistics(
            1000, 80, Map.of("no time and no value", 80L), List.of(3L, 4L, 5L, 6L, 7L));
    Recorder rec = new Recorder();
    AuditEnd end =
        DatasetAudit.run(
            new ListSource(List.of(series("a", 100, 1)), stats),
            FAST,
            rec,
            new DatasetAudit.Options(1, List.of()));
    assertThat(end.datasetFindings()).hasSize(1);
    Finding f = end.datasetFindings().get(0);
    assertThat(f.check()).isEqualTo(CheckType.INPUT_REJECTED_ROWS.id());
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL); // 8% > 5%
    assertThat(f.count()).isEqualTo(80);
    assertThat(f.rows()).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(f.message()).contains("80 of 1000 rows (8.0%)");
    assertThat(end.summary().findings(Severity.CRITICAL))
        .isGreaterThanOrEqualTo(1); // the data-set finding is counted
  }

  @Test
  void labelColumnsAreCheckedBeforeTheSinkHearsAnything() {
    Recorder rec = new Recorder();
    ListSource src = new ListSource(List.of(series("a", 100, 1)), ReadStatistics.clean(100));
    assertThatThrownBy(
            () -> DatasetAudit.run(src, FAST, rec, new DatasetAudit.Options(1, List.of("cty"))))
        .isInstanceOf(UsageException.class);
    assertThat(rec.calls).isEmpty();

    AuditEnd end = DatasetAudit.run(src, FAST, rec, new DatasetAudit.Options(1, List.of("city")));
    assertThat(end.datasetFindings())
        .extracting(Finding::check)
        .containsExactly(CheckType.LABEL_VARIANTS.id());
  }

  @Test
  void aSinkThatFailsStopsTheAuditWithItsOwnException() {
    ResultSink failing =
        r -> {
          throw new IllegalStateException("disk full");
        };
    ListSource src =
        new ListSource(List.of(series("a", 80, 1), series("b", 80, 2)), ReadStatistics.clean(160));
    assertThatThrownBy(
            () -> DatasetAudit.run(src, FAST, failing, new DatasetAudit.Options(2, List.of())))
        .hasMessage("disk full");
  }

  @Property(tries = 30)
  void summariesOfPartsMergeIntoTheSummaryOfTheWhole(
      @ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 0, max = 12) int cut) {
    List<SeriesResult> results = new ArrayList<>();
    Recorder rec = new Recorder();
    List<SeriesData> data = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      data.add(series("s" + i, 40 + 13 * i, 7L * i + n));
    }
    DatasetAudit.run(
        new ListSource(data, ReadStatistics.clean(1)),
        FAST,
        rec,
        new DatasetAudit.Options(1, List.of()));
    results.addAll(rec.results);
    int k = Math.min(cut, n);
    AuditSummary whole = new AuditSummary();
    AuditSummary left = new AuditSummary();
    AuditSummary right = new AuditSummary();
    for (int i = 0; i < n; i++) {
      whole.add(results.get(i));
      (i < k ? left : right).add(results.get(i));
    }
    AuditSummary merged = new AuditSummary().merge(right).merge(left);
    assertThat(merged.series()).isEqualTo(whole.series());
    assertThat(merged.verdictCounts()).isEqualTo(whole.verdictCounts());
    assertThat(merged.findingCounts()).isEqualTo(whole.findingCounts());
    assertThat(merged.worst()).isEqualTo(whole.worst());
  }
}
