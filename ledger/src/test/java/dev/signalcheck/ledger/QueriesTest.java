package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.errors.UsageException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Listing, showing, comparing and placing runs, on both databases. */
class QueriesTest {

  static java.util.stream.Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void runsAreListedNewestFirstWithPaging(LedgerDialect d) {
    Fixture.Runs f = Fixture.of(d);
    try (Ledger l = Ledger.open(f.location())) {
      LedgerQueries q = new LedgerQueries(l);
      assertThat(q.runs("demo", null, 10, 0))
          .extracting(LedgerQueries.RunRow::id)
          .containsExactly(f.c(), f.b(), f.a());
      assertThat(q.runs("demo", null, 2, 1))
          .extracting(LedgerQueries.RunRow::id)
          .containsExactly(f.b(), f.a());
      assertThat(q.runs("demo", java.time.Instant.now().plusSeconds(3600), 10, 0)).isEmpty();
      assertThat(q.resolve("latest", "demo").id()).isEqualTo(f.c());
      assertThat(q.resolve(String.valueOf(f.a()), null).id()).isEqualTo(f.a());
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void anUnknownRunIsAUsageError(LedgerDialect d) {
    Fixture.Runs f = Fixture.of(d);
    try (Ledger l = Ledger.open(f.location())) {
      LedgerQueries q = new LedgerQueries(l);
      assertThatThrownBy(() -> q.resolve("999999", null))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("no run 999999");
      assertThatThrownBy(() -> q.resolve("yesterday", null))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("neither a run id nor 'latest'");
      assertThatThrownBy(() -> q.resolve("latest", "nope"))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("no project 'nope'");
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void compareFindsChangedVerdictsMaseDeltasUnderOneDefinitionAndFindingsNewAndGone(
      LedgerDialect d) {
    Fixture.Runs f = Fixture.of(d);
    JsonNode ra = f.outA().report();
    JsonNode rb = f.outB().report();
    try (Ledger l = Ledger.open(f.location())) {
      LedgerQueries q = new LedgerQueries(l);
      LedgerQueries.Comparison c =
          q.compare(q.resolve(String.valueOf(f.a()), null), q.resolve(String.valueOf(f.b()), null));
      assertThat(c.seriesInBoth()).isEqualTo(3);
      // verdicts: exactly those that differ between the two reports
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        JsonNode sa = ra.at("/series/" + i);
        JsonNode sb = series(rb, sa.path("id").asText());
        if (!sa.at("/verdict/signal").asText().equals(sb.at("/verdict/signal").asText())) {
          expected.add(sa.path("id").asText());
        }
      }
      assertThat(expected).as("the fixture changes at least one verdict").isNotEmpty();
      assertThat(c.verdictChanges())
          .extracting(LedgerQueries.VerdictChange::series)
          .containsExactlyInAnyOrderElementsOf(expected);
      // MASE deltas: one per series and model that ran in both, equal to the reports' difference
      int pairs = 0;
      for (int i = 0; i < 3; i++) {
        JsonNode sa = ra.at("/series/" + i);
        JsonNode sb = series(rb, sa.path("id").asText());
        for (JsonNode ma : sa.at("/backtest/models")) {
          for (JsonNode mb : sb.at("/backtest/models")) {
            if (ma.path("name").equals(mb.path("name"))
                && ma.path("mase").isNumber()
                && mb.path("mase").isNumber()) {
              pairs++;
              LedgerQueries.MaseDelta delta =
                  c.maseDeltas().stream()
                      .filter(
                          x ->
                              x.series().equals(sa.path("id").asText())
                                  && x.model().equals(ma.path("name").asText()))
                      .findFirst()
                      .orElseThrow();
              assertThat(delta.delta())
                  .isCloseTo(
                      mb.path("mase").asDouble() - ma.path("mase").asDouble(), within(1e-12));
              assertThat(delta.definition()).isEqualTo(MetricDefinition.mase(12, 12, 3));
            }
          }
        }
      }
      assertThat(c.maseDeltas()).hasSize(pairs);
      assertThat(c.notComparable()).isEmpty();
      // findings: keyed by series and check
      assertThat(c.newFindings())
          .extracting(x -> x.series() + " " + x.check())
          .containsExactlyInAnyOrderElementsOf(minus(findings(rb), findings(ra)));
      assertThat(c.goneFindings())
          .extracting(x -> x.series() + " " + x.check())
          .containsExactlyInAnyOrderElementsOf(minus(findings(ra), findings(rb)));
      assertThat(c.newFindings()).extracting(x -> x.series()).contains("seasonal");
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void maseUnderAnotherDefinitionIsNotCompared(LedgerDialect d) {
    Fixture.Runs f = Fixture.of(d);
    try (Ledger l = Ledger.open(f.location())) {
      LedgerQueries q = new LedgerQueries(l);
      LedgerQueries.Comparison c =
          q.compare(q.resolve(String.valueOf(f.a()), null), q.resolve(String.valueOf(f.c()), null));
      assertThat(c.maseDeltas()).isEmpty();
      assertThat(c.notComparable()).hasSize(3);
      assertThat(c.notComparable().get(0).a()).isEqualTo(MetricDefinition.mase(12, 12, 3));
      assertThat(c.notComparable().get(0).b()).isEqualTo(MetricDefinition.mase(12, 6, 3));
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void projectsPutEveryProjectOnOneScaleOverTheLatestRunOfEachDataSet(LedgerDialect d) {
    Fixture.Runs f = Fixture.of(d);
    try (Ledger l = Ledger.open(f.location())) {
      List<LedgerQueries.ProjectRow> ps = new LedgerQueries(l).projects();
      LedgerQueries.ProjectRow demo =
          ps.stream().filter(p -> p.name().equals("demo")).findFirst().orElseThrow();
      assertThat(demo.reference()).isFalse();
      assertThat(demo.runs()).isEqualTo(3);
      assertThat(demo.datasets()).isEqualTo(2);
      assertThat(demo.latestRun()).isEqualTo(f.c());
      // latest run of each data set: B (extract-2) and C (extract-1 under horizon 6)
      List<LedgerQueries.SeriesRow> rows = new LedgerQueries(l).series(f.b());
      rows = new java.util.ArrayList<>(rows);
      rows.addAll(new LedgerQueries(l).series(f.c()));
      assertThat(demo.series()).isEqualTo(rows.size()).isEqualTo(6);
      long strong = rows.stream().filter(r -> "strong".equals(r.verdict())).count();
      assertThat(demo.shareStrong()).isCloseTo(strong / 6.0, within(1e-12));
      double[] mase =
          rows.stream()
              .filter(r -> r.bestMase() != null)
              .mapToDouble(r -> r.bestMase())
              .sorted()
              .toArray();
      assertThat(demo.bestMase().n()).isEqualTo(mase.length);
      assertThat(demo.bestMase().median()).isCloseTo(median(mase), within(1e-12));
      // the references are there, read-only, and come last
      assertThat(
              ps.stream()
                  .filter(LedgerQueries.ProjectRow::reference)
                  .map(LedgerQueries.ProjectRow::name))
          .containsExactly(
              "M3 Other",
              "M3 Other (3 origins)",
              "M3 Quarterly",
              "M3 Quarterly (3 origins)",
              "M3 Yearly",
              "M3 Yearly (3 origins)",
              "M4 Hourly",
              "M4 Hourly (3 origins)",
              "M4 Weekly",
              "M4 Weekly (3 origins)");
      assertThat(ps.get(ps.size() - 1).reference()).isTrue();
      LedgerQueries.ProjectRow hourly =
          ps.stream().filter(p -> p.name().equals("M4 Hourly")).findFirst().orElseThrow();
      assertThat(hourly.series()).isEqualTo(414);
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void projectsReadFromEachRunsValuesAgreeWithProjectsReadFromItsSeries(LedgerDialect d)
      throws Exception {
    Fixture.Runs f = Fixture.of(d);
    try (Ledger l = Ledger.open(f.location())) {
      assertThat(RecordingTest.count(l, "SELECT COUNT(*) FROM run_values")).isPositive();
      List<LedgerQueries.ProjectRow> fromValues = new LedgerQueries(l).projects();
      // a ledger recorded before run_values existed: every run is read from its series
      try (java.sql.Statement st = l.connection().createStatement()) {
        st.executeUpdate("DELETE FROM run_values");
      }
      List<LedgerQueries.ProjectRow> fromSeries = new LedgerQueries(l).projects();
      assertThat(fromValues).isEqualTo(fromSeries);
      assertThat(fromValues.stream().mapToLong(LedgerQueries.ProjectRow::series).sum())
          .isGreaterThan(2000);
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aRunUnderOtherOriginsIsNotPlacedButToldTheReferencesOrigins(LedgerDialect d)
      throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, java.nio.file.Files.createTempDirectory("sc-"));
    try (Ledger l = Ledger.open(loc)) {
      // hourly data audited with a fixed 10 origins: season 24, horizon 48
      long id = hourlyRun(l, "10", new int[] {10}, new double[] {0.8});
      List<LedgerQueries.Placement> ps = new LedgerQueries(l).placements(id);
      assertThat(ps).hasSize(1);
      LedgerQueries.Placement p = ps.get(0);
      // origins are part of the definition: not placed, but told under which it would be (the
      // audit's default first)
      assertThat(p.population()).isNull();
      assertThat(p.betterThan()).isNull();
      assertThat(p.definition().originsPolicy()).isEqualTo(MetricDefinition.Origins.fixed(10));
      assertThat(p.referenceOrigins()).isEqualTo("auto");
    }
  }

  /**
   * A run is placed beside the population audited under its own origin policy only: automatic
   * origins (each series its own count, up to the cap) beside the automatic population, a fixed 3
   * beside the fixed-3 one, and never one beside the other.
   */
  @ParameterizedTest
  @MethodSource("dialects")
  void aRunIsPlacedBesideTheReferenceWithTheSameDefinition(LedgerDialect d) throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, java.nio.file.Files.createTempDirectory("sc-"));
    try (Ledger l = Ledger.open(loc)) {
      double[] mase = {0.7, 0.9, 1.1};
      long auto = hourlyRun(l, "auto", new int[] {10, 12, 14}, mase);
      long fixed = hourlyRun(l, "3", new int[] {3, 3, 3}, mase);
      for (long id : new long[] {auto, fixed}) {
        List<LedgerQueries.Placement> ps = new LedgerQueries(l).placements(id);
        assertThat(ps).hasSize(1);
        LedgerQueries.Placement p = ps.get(0);
        String population = id == auto ? "M4 Hourly" : "M4 Hourly (3 origins)";
        assertThat(p.population()).isEqualTo(population);
        assertThat(p.definition())
            .isEqualTo(
                MetricDefinition.mase(
                    24,
                    48,
                    id == auto
                        ? MetricDefinition.Origins.AUTO_DEFAULT
                        : MetricDefinition.Origins.fixed(3)));
        assertThat(p.series()).isEqualTo(3);
        assertThat(p.medianBestMase()).isEqualTo(0.9);
        // the share of the population's best MASE values above 0.9, from the shipped file itself
        double[] ref = referenceBestMase(population);
        long worse = Arrays.stream(ref).filter(x -> x > 0.9).count();
        long ties = Arrays.stream(ref).filter(x -> x == 0.9).count();
        assertThat(p.populationSeries()).isEqualTo(ref.length);
        assertThat(p.betterThan()).isCloseTo((worse + 0.5 * ties) / ref.length, within(1e-12));
      }
    }
  }

  /**
   * An uploaded run of hourly series (season 24, horizon 48) with {@code "origins": originsSetting}
   * in its settings, series i having {@code origins[i]} origins and best MASE {@code mase[i]}.
   */
  static long hourlyRun(Ledger l, String originsSetting, int[] origins, double[] mase)
      throws Exception {
    return run(l, 24, 48, originsSetting, origins, mase);
  }

  /** {@link #hourlyRun} of any season and horizon. */
  static long run(
      Ledger l, int season, int horizon, String originsSetting, int[] origins, double[] mase)
      throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper m =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode header = m.createObjectNode();
    header.put("schemaVersion", 1);
    header.putObject("generator").put("name", "signalcheck").put("version", "x");
    if (originsSetting.equals("auto")) {
      header.putObject("settings").put("origins", "auto");
    } else {
      header.putObject("settings").put("origins", Integer.parseInt(originsSetting));
    }
    RunRecorder rec =
        new RunRecorder(
            l, "hourly", new RunRecorder.Provenance("upload", null, null, null, null, null, null));
    rec.begin(header);
    for (int i = 0; i < origins.length; i++) {
      com.fasterxml.jackson.databind.node.ObjectNode s = m.createObjectNode();
      s.put("id", "s" + i).put("n", 700);
      com.fasterxml.jackson.databind.node.ObjectNode bt = s.putObject("backtest");
      bt.put("season", season)
          .put("horizon", horizon)
          .put("origins", origins[i])
          .put("best", "ets");
      bt.putArray("models")
          .addObject()
          .put("name", "ets")
          .put("baseline", false)
          .put("skipped", false)
          .put("mase", mase[i]);
      s.putObject("verdict").put("signal", "weak");
      s.putArray("findings");
      rec.series(s);
    }
    return rec.end(
            m.readTree("{\"source\":\"h" + originsSetting + ".csv\"}"),
            m.readTree("{\"series\":" + origins.length + "}"),
            m.createArrayNode(),
            0,
            1L)
        .runId();
  }

  @Test
  void betterThanCountsTiesHalf() {
    double[] pop = {0.5, 1.0, 1.0, 2.0};
    assertThat(LedgerQueries.betterThan(1.0, pop)).isEqualTo((1 + 0.5 * 2) / 4);
    assertThat(LedgerQueries.betterThan(0.1, pop)).isEqualTo(1.0);
    assertThat(LedgerQueries.betterThan(3.0, pop)).isEqualTo(0.0);
  }

  @Test
  void quartilesAreRsTypeSeven() {
    // R: quantile(c(1, 2, 4, 8, 16), c(.25, .5, .75)) = 2 4 8; quantile(c(1, 2, 3, 4)) = 1.75 2.5
    // 3.25
    LedgerQueries.Quartiles a = LedgerQueries.Quartiles.of(new double[] {1, 2, 4, 8, 16});
    assertThat(List.of(a.q1(), a.median(), a.q3())).containsExactly(2.0, 4.0, 8.0);
    LedgerQueries.Quartiles b = LedgerQueries.Quartiles.of(new double[] {1, 2, 3, 4});
    assertThat(List.of(b.q1(), b.median(), b.q3())).containsExactly(1.75, 2.5, 3.25);
  }

  static double[] referenceBestMase(String population) throws Exception {
    try (java.io.BufferedReader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(
                    Ledger.class.getResourceAsStream(ReferencePopulations.CSV)),
                java.nio.charset.StandardCharsets.UTF_8))) {
      return r.lines()
          .skip(1)
          .map(ReferencePopulations::splitCsv)
          .filter(x -> x[0].equals(population) && !x[10].isEmpty())
          .mapToDouble(x -> Double.parseDouble(x[10]))
          .toArray();
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static JsonNode series(JsonNode report, String id) {
    for (JsonNode s : report.path("series")) {
      if (s.path("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no series " + id);
  }

  private static Set<String> findings(JsonNode report) {
    Set<String> out = new HashSet<>();
    for (JsonNode s : report.path("series")) {
      for (JsonNode f : s.path("findings")) {
        out.add(s.path("id").asText() + " " + f.path("check").asText());
      }
    }
    for (JsonNode f : report.path("findings")) {
      out.add("null " + f.path("check").asText());
    }
    return out;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }
}
