package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.verdict.Withheld;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input mistakes on real data: a forgotten --id (M3 yearly, long form), a forgotten time-of-day
 * column (UCI Air Quality), 0/1 label columns (SKAB).
 */
class InputMistakesRealDataTest {

  static final Path DATA = Path.of("..", "testdata");

  static List<SeriesResult> audit(InputSpec spec) {
    List<SeriesResult> out = new ArrayList<>();
    try (TableReader r = TableReader.open(spec)) {
      DatasetAudit.run(
          r, AuditSettings.defaults(), out::add, new DatasetAudit.Options(1, List.of()));
    }
    return out;
  }

  static InputSpec spec(String file, List<String> time, List<String> targets, List<String> ids) {
    return new InputSpec(
        DATA.resolve(file).toString(),
        time,
        targets,
        ids,
        List.of(),
        null,
        null,
        null,
        List.of(),
        null,
        null);
  }

  static Finding find(SeriesResult r, String check) {
    return r.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
  }

  @Test
  void m3WithoutIdNamesTheSeriesKey() {
    List<SeriesResult> rs =
        audit(spec("m3/M3_yearly_TSTS.csv.gz", List.of(), List.of(), List.of()));
    assertThat(rs).hasSize(1);
    Finding dup = find(rs.get(0), "time.duplicate");
    assertThat(dup.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(dup.message()).contains("pass --id series_id");
    assertThat(Withheld.is(rs.get(0).verdict())).isTrue();
  }

  /**
   * The hints are asked for by the workers, of a second connection, while the reader still streams
   * the later series: every category (six series, two workers) names the missing key.
   */
  @Test
  void m3ByCategoryNamesTheSeriesKeyWhileStreaming() {
    List<SeriesResult> out = new ArrayList<>();
    try (TableReader r =
        TableReader.open(
            spec("m3/M3_yearly_TSTS.csv.gz", List.of(), List.of("value"), List.of("category")))) {
      DatasetAudit.run(
          r, AuditSettings.defaults(), out::add, new DatasetAudit.Options(2, List.of()));
    }
    assertThat(out)
        .extracting(SeriesResult::id)
        .containsExactly("MICRO", "INDUSTRY", "MACRO", "FINANCE", "DEMOGRAPHIC", "OTHER");
    for (SeriesResult r : out) {
      Finding dup = find(r, "time.duplicate");
      assertThat(dup.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(dup.message()).contains("pass --id series_id");
    }
  }

  @Test
  void m3WithIdHasNoMistake() {
    try (TableReader r =
        TableReader.open(
            spec("m3/M3_yearly_TSTS.csv.gz", List.of(), List.of(), List.of("series_id")))) {
      assertThat(r.inputHints().idCandidates()).isEmpty();
    }
  }

  @Test
  void airQualityWithDateOnlyNamesTheTimeColumn() {
    List<SeriesResult> rs =
        audit(
            spec(
                "uci/AirQualityUCI_isodate.csv.gz", List.of("Date"), List.of("CO(GT)"), List.of()));
    Finding dup = find(rs.get(0), "time.duplicate");
    assertThat(dup.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(dup.message()).contains("repeats about 24 times").contains("--time Date,Time");
    assertThat(rs.get(0).verdict().headline()).contains("--time Date,Time");
  }

  @Test
  void airQualityWithDateAndTimeHasNoMistake() {
    List<SeriesResult> rs =
        audit(
            spec(
                "uci/AirQualityUCI_isodate.csv.gz",
                List.of("Date", "Time"),
                List.of("CO(GT)"),
                List.of()));
    assertThat(rs.get(0).findings()).noneMatch(f -> f.check().equals("time.duplicate"));
    assertThat(Withheld.is(rs.get(0).verdict())).isFalse();
  }

  @Test
  void skabLabelColumnsAreFlagsNotTargets() {
    try (TableReader r =
        TableReader.open(spec("skab/valve1-0.csv.gz", List.of(), List.of(), List.of()))) {
      assertThat(r.flagColumns()).containsExactly("anomaly", "changepoint");
      assertThat(r.targets()).doesNotContain("anomaly", "changepoint").contains("Pressure");
    }
  }

  @Test
  void aFlagAuditedOnRequestHasNoCode() {
    List<SeriesResult> rs =
        audit(spec("skab/valve1-0.csv.gz", List.of(), List.of("anomaly"), List.of()));
    assertThat(rs).hasSize(1);
    assertThat(rs.get(0).findings()).noneMatch(f -> f.check().equals("value.sentinel"));
  }

  @Test
  void longSeriesKeepTheInputsOrder() {
    List<String> ids = new ArrayList<>();
    try (TableReader r =
        TableReader.open(
            spec(
                "m3/M3_quarterly_TSTS.csv.gz",
                List.of(),
                List.of("value"),
                List.of("series_id")))) {
      r.forEachSeries(d -> ids.add(d.id()));
    }
    assertThat(ids.subList(0, 12))
        .containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11", "Q12");
  }
}
