package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.SeriesAuditor;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The audit's time and value hygiene on real public data (copies in the repository's testdata/).
 */
class RealDataTest {

  static final Path DATA = Path.of("..", "testdata");

  static List<SeriesResult> audit(InputSpec spec) {
    List<SeriesResult> out = new ArrayList<>();
    SeriesAuditor auditor = new SeriesAuditor(AuditSettings.defaults());
    try (TableReader r = TableReader.open(spec)) {
      r.forEachSeries(d -> out.add(auditor.audit(d)));
    }
    return out;
  }

  static Optional<Finding> find(SeriesResult r, String check) {
    return r.findings().stream().filter(f -> f.check().equals(check)).findFirst();
  }

  @Test
  void machineTemperatureTimeGoesBackwardsWithTwelveDuplicates() {
    SeriesResult r =
        audit(
                InputSpec.of(
                    DATA.resolve("nab/machine_temperature_system_failure.csv.gz").toString()))
            .get(0);
    Finding ooo = find(r, "time.out-of-order").orElseThrow();
    assertThat(ooo.rows()).containsExactly(10150L);
    assertThat(ooo.count()).isEqualTo(12);
    assertThat(ooo.intervals())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.from()).isEqualTo("2014-01-07T02:00:00");
              assertThat(i.to()).isEqualTo("2014-01-07T02:55:00");
            });
    assertThat(ooo.message()).contains("02:55 → 02:00");
    Finding dup = find(r, "time.duplicate").orElseThrow();
    assertThat(dup.count()).isEqualTo(12);
    assertThat(r.n()).isEqualTo(22695);
    assertThat(r.frequency().step()).isEqualTo("PT5M");
    assertThat(find(r, "time.gap")).isEmpty();
  }

  @Test
  void ec2LatencyHasElevenDuplicatesAtTheClockChangeAndTwoGaps() {
    SeriesResult r =
        audit(InputSpec.of(DATA.resolve("nab/ec2_request_latency_system_failure.csv").toString()))
            .get(0);
    Finding dup = find(r, "time.duplicate").orElseThrow();
    assertThat(dup.count()).isEqualTo(11);
    assertThat(dup.intervals())
        .singleElement()
        .satisfies(i -> assertThat(i.from()).isEqualTo("2014-03-09T03:00:00"));
    Finding gap = find(r, "time.gap").orElseThrow();
    assertThat(gap.count()).isEqualTo(2);
    assertThat(gap.intervals()).hasSize(2);
  }

  @Test
  void ambientTemperatureHasTenGapsEachAnInterval() {
    SeriesResult r =
        audit(InputSpec.of(DATA.resolve("nab/ambient_temperature_system_failure.csv").toString()))
            .get(0);
    Finding gap = find(r, "time.gap").orElseThrow();
    assertThat(gap.count()).isEqualTo(10);
    assertThat(gap.intervals()).hasSize(10);
    assertThat(gap.intervals()).allSatisfy(i -> assertThat(i.count()).isPositive());
    assertThat(r.frequency().step()).isEqualTo("PT1H");
    assertThat(r.frequency().season()).isEqualTo(24);
    assertThat(r.cleaning().method()).isEqualTo("longest-stretch");
  }

  @Test
  void airQualitySemicolonFileReadsAllReadingsAndCountsEmptyRows() {
    InputSpec spec =
        InputSpec.of(DATA.resolve("uci/AirQualityUCI_semicolon.csv").toString())
            .withTime("Date", "Time");
    List<SeriesResult> rs;
    long rejected;
    try (TableReader r = TableReader.open(spec)) {
      assertThat(r.targets()).hasSize(13).contains("CO(GT)", "PT08.S1(CO)", "T", "RH", "AH");
      rs = new ArrayList<>();
      SeriesAuditor a = new SeriesAuditor(AuditSettings.defaults());
      r.forEachSeries(d -> rs.add(a.audit(d)));
      rejected = r.rejectedRows();
    }
    assertThat(rs).hasSize(13);
    assertThat(rs)
        .allSatisfy(
            s -> {
              assertThat(s.n()).isEqualTo(9357);
              assertThat(s.start()).isEqualTo("2004-03-10T18:00:00");
              assertThat(s.end()).isEqualTo("2005-04-04T14:00:00");
              assertThat(s.frequency().step()).isEqualTo("PT1H");
            });
    assertThat(rejected).isEqualTo(114);
  }

  @Test
  void airQualityBothCopiesGiveTheSameValues() {
    double[] semi =
        values(
            InputSpec.of(DATA.resolve("uci/AirQualityUCI_semicolon.csv").toString())
                .withTime("Date", "Time")
                .withTargets("CO(GT)"));
    double[] iso =
        values(
            InputSpec.of(DATA.resolve("uci/AirQualityUCI_isodate.csv.gz").toString())
                .withTime("Date", "Time")
                .withTargets("CO(GT)"));
    assertThat(semi).hasSize(9357);
    assertThat(iso).containsExactly(semi);
    assertThat(semi[0]).isEqualTo(2.6);
  }

  static double[] values(InputSpec spec) {
    List<SeriesData> ds = new ArrayList<>();
    try (TableReader r = TableReader.open(spec)) {
      r.forEachSeries(ds::add);
    }
    SeriesData d = ds.get(0);
    double[] v = new double[d.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = d.value(i);
    }
    return v;
  }

  @Test
  void m3YearlyIsLongLayoutWithYears() {
    InputSpec spec =
        InputSpec.of(DATA.resolve("m3/M3_yearly_TSTS.csv.gz").toString())
            .withIds("series_id")
            .withTargets("value");
    try (TableReader r = TableReader.open(spec)) {
      assertThat(r.timeColumns()).containsExactly("timestamp");
      assertThat(r.timeParser().kind()).isEqualTo(TimeKind.YEAR);
    }
    List<SeriesResult> rs = audit(spec);
    assertThat(rs).hasSize(645);
    assertThat(rs.get(0).id()).isEqualTo("Y1");
    assertThat(rs.get(0).start()).isEqualTo("1975");
    assertThat(rs).allSatisfy(s -> assertThat(s.frequency().step()).isEqualTo("P1Y"));
    assertThat(rs).allSatisfy(s -> assertThat(s.n()).isBetween(20L, 47L));
  }

  @Test
  void m3QuarterlyReadsQuarters() {
    InputSpec spec =
        InputSpec.of(DATA.resolve("m3/M3_quarterly_TSTS.csv.gz").toString())
            .withIds("series_id")
            .withTargets("value");
    List<SeriesResult> rs = audit(spec);
    assertThat(rs).hasSize(756);
    assertThat(rs)
        .allSatisfy(
            s -> {
              assertThat(s.frequency().step()).isEqualTo("P3M");
              assertThat(s.frequency().season()).isEqualTo(4);
              assertThat(find(s, "time.gap")).isEmpty();
            });
  }
}
