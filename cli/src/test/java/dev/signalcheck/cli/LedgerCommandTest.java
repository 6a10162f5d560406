package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.ledger.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger commands end to end, on SQLite and on a real PostgreSQL server. */
class LedgerCommandTest {

  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  static java.util.stream.Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  /** A long table of three integer-indexed series; {@code changed} alters one of them. */
  static Path data(Path dir, String name, boolean changed) throws Exception {
    Random r = new Random(7);
    StringBuilder b = new StringBuilder("id,t,value\n");
    for (String id : new String[] {"north", "south", "east"}) {
      for (int t = 1; t <= 120; t++) {
        double v =
            id.equals("north")
                ? 10 + 4 * Math.sin(2 * Math.PI * t / 12) + 0.3 * r.nextGaussian()
                : r.nextGaussian()
                    + (changed && id.equals("south") ? 4 * Math.sin(2 * Math.PI * t / 12) : 0);
        b.append(String.format(Locale.ROOT, "%s,%d,%.4f%n", id, t, v));
      }
    }
    return Cli.file(dir, name, b.toString());
  }

  static String[] audit(Path csv, String ledger, String project, Path json) {
    return new String[] {
      "audit",
      csv.toString(),
      "--id",
      "id",
      "--time",
      "t",
      "--target",
      "value",
      "--step",
      "1",
      "--season",
      "12",
      "--horizon",
      "12",
      "--models",
      "mean,naive,seasonal-naive,naive2,ses,ar",
      "--json",
      json.toString(),
      "--no-progress",
      "--ledger",
      ledger,
      "--project",
      project
    };
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void auditsAreRecordedListedShownComparedPlacedAndExported(LedgerDialect d) throws Exception {
    String url = TestDatabases.freshUrl(d, dir);
    Path a = data(dir, "week1.csv", false);
    Path b = data(dir, "week2.csv", true);
    Cli first = Cli.run(audit(a, url, "plant", dir.resolve("a.json")));
    assertThat(first.exit).as(first.err).isZero();
    assertThat(first.out).contains("ledger: recorded as run");
    Cli again = Cli.run(audit(a, url, "plant", dir.resolve("a2.json")));
    assertThat(again.exit).as(again.err).isZero();
    assertThat(again.out).contains("not recorded again");
    Cli second = Cli.run(audit(b, url, "plant", dir.resolve("b.json")));
    assertThat(second.exit).as(second.err).isZero();
    JsonNode ra = JSON.readTree(dir.resolve("a.json").toFile());
    JsonNode rb = JSON.readTree(dir.resolve("b.json").toFile());

    JsonNode runs =
        json(Cli.run("ledger", "runs", "--ledger", url, "--project", "plant", "--json"));
    assertThat(runs.path("runs")).hasSize(2);
    long idB = runs.at("/runs/0/id").asLong();
    long idA = runs.at("/runs/1/id").asLong();
    assertThat(runs.at("/runs/0/source").asText()).isEqualTo("week2.csv");
    assertThat(runs.at("/runs/1/strong").asLong())
        .isEqualTo(ra.at("/summary/verdicts/strong").asLong());

    JsonNode show =
        json(Cli.run("ledger", "show", "latest", "--project", "plant", "--ledger", url, "--json"));
    assertThat(show.at("/run/id").asLong()).isEqualTo(idB);
    assertThat(show.path("series")).hasSize(3);
    for (JsonNode s : show.path("series")) {
      JsonNode inReport = find(rb, s.path("id").asText());
      assertThat(s.path("verdict").asText()).isEqualTo(inReport.at("/verdict/signal").asText());
      assertThat(s.path("skill").asDouble())
          .isCloseTo(inReport.at("/verdict/skill").asDouble(), within(1e-12));
    }
    // season 12, horizon 12: no reference has this definition, and the JSON says so
    assertThat(show.at("/placements/0/population").isNull()).isTrue();
    assertThat(show.at("/placements/0/sentence").asText())
        .contains("no reference population has the same definition");

    JsonNode cmp =
        json(
            Cli.run(
                "ledger",
                "compare",
                String.valueOf(idA),
                String.valueOf(idB),
                "--ledger",
                url,
                "--json"));
    assertThat(cmp.path("seriesInBoth").asInt()).isEqualTo(3);
    boolean southChanged =
        !find(ra, "south").at("/verdict/signal").equals(find(rb, "south").at("/verdict/signal"));
    assertThat(cmp.path("verdictChanges").findValuesAsText("series").contains("south"))
        .isEqualTo(southChanged);
    assertThat(cmp.path("maseDeltas").size()).isPositive();
    assertThat(cmp.path("notComparable")).isEmpty();

    JsonNode projects = json(Cli.run("ledger", "projects", "--ledger", url, "--json"));
    JsonNode plant = null;
    int references = 0;
    for (JsonNode p : projects.path("projects")) {
      if (p.path("name").asText().equals("plant")) {
        plant = p;
      }
      if (p.path("reference").asBoolean()) {
        references++;
      }
    }
    assertThat(references).isEqualTo(10);
    assertThat(plant).isNotNull();
    assertThat(plant.path("runs").asInt()).isEqualTo(2);
    assertThat(plant.path("series").asInt()).isEqualTo(6);

    Path csv = dir.resolve("series.csv");
    Path parquet = dir.resolve("series.parquet");
    Cli e1 =
        Cli.run(
            "ledger",
            "export",
            "--table",
            "series",
            "--format",
            "csv",
            "--out",
            csv.toString(),
            "--project",
            "plant",
            "--ledger",
            url);
    Cli e2 =
        Cli.run(
            "ledger",
            "export",
            "--table",
            "series",
            "--format",
            "parquet",
            "--out",
            parquet.toString(),
            "--project",
            "plant",
            "--ledger",
            url);
    assertThat(e1.exit).as(e1.err).isZero();
    assertThat(e2.exit).as(e2.err).isZero();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT COUNT(*) FROM read_parquet('"
                    + parquet
                    + "')), (SELECT COUNT(*)"
                    + " FROM read_csv('"
                    + csv
                    + "', header = true))")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(6);
      assertThat(rs.getLong(2)).isEqualTo(6);
    }
    // the console forms print the same run
    Cli console = Cli.run("ledger", "runs", "--ledger", url);
    assertThat(console.exit).isZero();
    assertThat(console.out).contains("week2.csv").contains("week1.csv");
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void anUnknownRunIsOneLineAndExitTwo(LedgerDialect d) {
    String url = TestDatabases.freshUrl(d, dir);
    Cli.oneLineError(
        Cli.run("ledger", "show", "424242", "--ledger", url), 2, "no run 424242", "ledger runs");
    Cli.oneLineError(
        Cli.run("ledger", "compare", "latest", "1", "--project", "nope", "--ledger", url),
        2,
        "no project 'nope'");
    Cli.oneLineError(
        Cli.run(
            "ledger",
            "export",
            "--table",
            "things",
            "--out",
            dir.resolve("x").toString(),
            "--ledger",
            url),
        2,
        "runs, series, metrics or findings");
  }

  @Test
  void anUnreachableServerIsOneLineAndExitThreeAndNeverBreaksAnAudit() throws Exception {
    String url = TestDatabases.unreachablePostgres() + "&password=hunter2";
    Cli ls = Cli.run("ledger", "runs", "--ledger", url);
    Cli.oneLineError(ls, 3, "cannot open the ledger", "check that the server runs");
    assertThat(ls.err).doesNotContain("hunter2");
    Path a = data(dir, "a.csv", false);
    Cli audit = Cli.run(audit(a, url, "p", dir.resolve("a.json")));
    assertThat(audit.exit).as(audit.err).isZero();
    assertThat(audit.err.strip().lines().filter(l -> l.startsWith("signalcheck: warning:")).count())
        .isEqualTo(1);
    assertThat(audit.err).doesNotContain("hunter2").doesNotContain("\tat ");
    Cli.validReport(dir.resolve("a.json"));
  }

  @Test
  void aLedgerWrittenByANewerVersionIsOneLineAndExitThree() throws Exception {
    Path file = dir.resolve("newer.db");
    try (Ledger l = Ledger.open(LedgerLocation.sqlite(file));
        Statement st = l.connection().createStatement()) {
      st.executeUpdate(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'later',"
              + " 'SQL', 'V99__later.sql', 0, 'x', 1, TRUE)");
    }
    Cli.oneLineError(
        Cli.run("ledger", "projects", "--ledger", file.toString()), 3, "newer signalcheck");
    // an audit still runs, with one warning
    Cli audit =
        Cli.run(audit(data(dir, "a.csv", false), file.toString(), "p", dir.resolve("a.json")));
    assertThat(audit.exit).isZero();
    assertThat(audit.err)
        .contains("signalcheck: warning: the audit was not recorded")
        .contains("newer signalcheck");
  }

  @Test
  void aReadOnlyLedgerFileIsReadAndAnAuditWarns() throws Exception {
    Path file = dir.resolve("ro.db");
    Path a = data(dir, "a.csv", false);
    assertThat(Cli.run(audit(a, file.toString(), "p", dir.resolve("a.json"))).exit).isZero();
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
    Cli ls = Cli.run("ledger", "runs", "--ledger", file.toString(), "--json");
    assertThat(ls.exit).as(ls.err).isZero();
    assertThat(json(ls).path("runs")).hasSize(1);
    Cli audit =
        Cli.run(audit(data(dir, "b.csv", true), file.toString(), "p", dir.resolve("b.json")));
    assertThat(audit.exit).isZero();
    assertThat(audit.err).contains("is read-only");
  }

  @Test
  void noLedgerRecordsNothing() throws Exception {
    Path file = dir.resolve("none.db");
    Path a = data(dir, "a.csv", false);
    String[] args = audit(a, file.toString(), "p", dir.resolve("a.json"));
    String[] withNo = java.util.Arrays.copyOf(args, args.length + 1);
    withNo[args.length] = "--no-ledger";
    Cli c = Cli.run(withNo);
    assertThat(c.exit).as(c.err).isZero();
    assertThat(file).doesNotExist();
    assertThat(c.out).doesNotContain("ledger:");
  }

  @Test
  void theTestsRecordInTheBuildFolderNeverInTheHomeFolder() {
    String env = System.getenv(LedgerLocation.ENV);
    assertThat(env).isNotBlank().contains("target");
    assertThat(LedgerLocations.resolve(null).file())
        .isEqualTo(Path.of(env).toAbsolutePath().normalize());
    assertThat(Map.of()).isEmpty();
  }

  private static JsonNode json(Cli c) throws Exception {
    assertThat(c.exit).as(c.err).isZero();
    return JSON.readTree(c.out);
  }

  private static JsonNode find(JsonNode report, String id) {
    for (JsonNode s : report.path("series")) {
      if (s.path("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no series " + id);
  }
}
