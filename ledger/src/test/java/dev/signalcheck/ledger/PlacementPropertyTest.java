package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Placement only ever compares equal definitions: whatever the shape of a run (season, horizon,
 * origin policy, each series' origins), it is placed beside a population's series under exactly the
 * run's definition and no others, and a population that has such series is never left out.
 */
class PlacementPropertyTest {

  private static Path dir;
  private static Ledger ledger;

  @BeforeContainer
  static void open() throws Exception {
    dir = Files.createTempDirectory("placement-");
    ledger = Ledger.open(LedgerLocation.sqlite(dir.resolve("ledger.db")));
  }

  @AfterContainer
  static void close() throws Exception {
    ledger.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The shapes of the references and their neighbours: most runs meet one, some none. */
  private static final int[][] SHAPES = {{24, 48}, {52, 13}, {1, 6}, {4, 8}, {1, 8}, {12, 12}};

  @Property(tries = 40)
  void everyPlacementIsUnderTheRunsOwnDefinition(
      @ForAll @IntRange(min = 0, max = 5) int shape,
      @ForAll boolean auto,
      @ForAll @IntRange(min = 1, max = 30) int fixedOrigins,
      @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 30) Integer> seriesOrigins)
      throws Exception {
    int season = SHAPES[shape][0];
    int horizon = SHAPES[shape][1];
    int[] origins = new int[seriesOrigins.size()];
    for (int i = 0; i < origins.length; i++) {
      // a fixed policy gives every series the count asked for
      origins[i] = auto ? seriesOrigins.get(i) : fixedOrigins;
    }
    double[] mase = new double[origins.length];
    java.util.Arrays.fill(mase, 0.9);
    long run =
        QueriesTest.run(
            ledger, season, horizon, auto ? "auto" : String.valueOf(fixedOrigins), origins, mase);
    MetricDefinition own =
        MetricDefinition.mase(
            season,
            horizon,
            auto
                ? MetricDefinition.Origins.AUTO_DEFAULT
                : MetricDefinition.Origins.fixed(fixedOrigins));

    List<LedgerQueries.Placement> ps = new LedgerQueries(ledger).placements(run);
    List<String> placedBeside = new ArrayList<>();
    for (LedgerQueries.Placement p : ps) {
      assertThat(p.definition()).isEqualTo(own);
      if (p.population() != null) {
        placedBeside.add(p.population());
        // a population may hold other definitions too (under a fixed 3, a series too short for
        // 3 origins has fewer): only its series under the run's own are counted
        assertThat(referenceDefinitions(p.population())).contains(own);
        assertThat(p.populationSeries()).isEqualTo(referenceSeries(p.population(), own));
      }
    }
    List<String> holding = new ArrayList<>();
    for (String population : references()) {
      if (referenceDefinitions(population).contains(own)) {
        holding.add(population);
      }
    }
    assertThat(placedBeside).containsExactlyInAnyOrderElementsOf(holding);
  }

  private static List<String> references() {
    return new LedgerSql(ledger)
        .query(
            "SELECT name FROM project WHERE reference ORDER BY name",
            ps -> {},
            rs -> rs.getString(1));
  }

  private static List<MetricDefinition> referenceDefinitions(String population) {
    LedgerSql sql = new LedgerSql(ledger);
    return sql
        .query(
            "SELECT DISTINCT s.mase_definition_id FROM series s JOIN run r ON r.id = s.run_id JOIN"
                + " project p ON p.id = r.project_id WHERE p.name = ? AND s.mase_definition_id IS"
                + " NOT NULL AND s.best_mase IS NOT NULL",
            ps -> ps.setString(1, population),
            rs -> rs.getLong(1))
        .stream()
        .map(sql::definition)
        .toList();
  }

  private static long referenceSeries(String population, MetricDefinition d) {
    LedgerSql sql = new LedgerSql(ledger);
    return sql
        .query(
            "SELECT s.mase_definition_id FROM series s JOIN run r ON r.id = s.run_id JOIN project p"
                + " ON p.id = r.project_id WHERE p.name = ? AND s.best_mase IS NOT NULL",
            ps -> ps.setString(1, population),
            rs -> rs.getLong(1))
        .stream()
        .filter(id -> sql.definition(id).equals(d))
        .count();
  }
}
