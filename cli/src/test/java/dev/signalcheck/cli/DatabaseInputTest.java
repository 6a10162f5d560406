package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.ledger.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database tables and queries as input: a real SQLite file, a real DuckDB file and a real
 * PostgreSQL server give the same series results as the same rows in a CSV file; table names are
 * quoted, conditions and queries select rows, and passwords never reach a message.
 */
class DatabaseInputTest {

  @TempDir Path dir;

  private static final String[] SENSORS = {"north-1", "north-2", "south-1"};
  private static final int POINTS = 240;
  private static final String MODELS = "naive,seasonal-naive,ses";

  /** Hourly readings of three sensors with a daily cycle; one missing value, one text value. */
  private static List<Object[]> rows() {
    List<Object[]> out = new ArrayList<>();
    java.util.Random r = new java.util.Random(7);
    LocalDateTime t0 = LocalDateTime.of(2024, 3, 1, 0, 0);
    for (int s = 0; s < SENSORS.length; s++) {
      for (int i = 0; i < POINTS; i++) {
        Object v = 20 + s + 5 * Math.sin(2 * Math.PI * i / 24) + r.nextGaussian();
        if (s == 1 && i == 50) {
          v = null;
        }
        out.add(new Object[] {SENSORS[s], t0.plusHours(i), v, SENSORS[s].split("-")[0]});
      }
    }
    return out;
  }

  private Path csv() throws Exception {
    StringBuilder sb = new StringBuilder("sensor,ts,value,site\n");
    for (Object[] r : rows()) {
      sb.append(r[0])
          .append(',')
          .append(r[1].toString().replace('T', ' ') + ":00")
          .append(',')
          .append(r[2] == null ? "" : Double.toString((Double) r[2]))
          .append(',')
          .append(r[3])
          .append('\n');
    }
    return Cli.file(dir, "readings.csv", sb.toString());
  }

  /** Fills a table; SQLite gets its times as text, as it stores them (it has no time type). */
  private static void fill(Connection c, String createTable, String table) throws Exception {
    boolean text = c.getMetaData().getURL().startsWith("jdbc:sqlite:");
    try (Statement st = c.createStatement()) {
      st.execute(createTable);
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
      for (Object[] r : rows()) {
        ps.setString(1, (String) r[0]);
        if (text) {
          ps.setString(2, r[1].toString().replace('T', ' ') + ":00");
        } else {
          ps.setTimestamp(2, Timestamp.valueOf((LocalDateTime) r[1]));
        }
        if (r[2] == null) {
          ps.setNull(3, java.sql.Types.DOUBLE);
        } else {
          ps.setDouble(3, (Double) r[2]);
        }
        ps.setString(4, (String) r[3]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private Cli audit(String input, String json, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "audit",
                input,
                "--id",
                "sensor",
                "--time",
                "ts",
                "--target",
                "value",
                "--models",
                MODELS,
                "--threads",
                "1",
                "--json",
                json,
                "--no-ledger",
                "--quiet",
                "--no-progress"));
    a.addAll(List.of(extra));
    return Cli.run(a.toArray(String[]::new));
  }

  /** What must not depend on where the rows came from: per series, its counts and scores. */
  private static TreeMap<String, String> bySeries(JsonNode report) {
    TreeMap<String, String> out = new TreeMap<>();
    for (JsonNode s : report.get("series")) {
      StringBuilder sb = new StringBuilder();
      sb.append(s.path("n").asText()).append(' ').append(s.path("length").asText());
      sb.append(' ').append(s.path("start").asText()).append(' ').append(s.path("end").asText());
      sb.append(' ').append(s.path("verdict").path("signal").asText());
      for (JsonNode m : s.path("backtest").path("models")) {
        sb.append(
            String.format(
                Locale.ROOT, " %s=%.12f", m.get("name").asText(), m.path("mase").asDouble()));
      }
      for (JsonNode f : s.path("findings")) {
        sb.append(' ').append(f.path("check").asText());
      }
      out.put(s.get("id").asText(), sb.toString());
    }
    return out;
  }

  private TreeMap<String, String> fromCsv(String... extra) throws Exception {
    Path json = dir.resolve("csv.json");
    Cli c = audit(csv().toString(), json.toString(), extra);
    assertThat(c.exit).as(c.err).isZero();
    return bySeries(Cli.validReport(json));
  }

  @Test
  void aSqliteTableGivesWhatTheSameRowsGiveAsCsv() throws Exception {
    Path db = dir.resolve("readings.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      fill(
          c,
          "CREATE TABLE \"sensor \"\"readings\"\"\" (sensor TEXT, ts TIMESTAMP, value REAL, site TEXT)",
          "\"sensor \"\"readings\"\"\"");
    }
    Path json = dir.resolve("db.json");
    Cli c = audit(db.toString(), json.toString(), "--table", "sensor \"readings\"");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode report = Cli.validReport(json);
    assertThat(report.path("input").path("source").asText())
        .isEqualTo("table sensor \"readings\" in jdbc:sqlite:" + db);
    assertThat(report.path("input").path("rows").asLong()).isEqualTo(3L * POINTS);
    TreeMap<String, String> got = bySeries(report);
    assertThat(got).hasSize(3).isEqualTo(fromCsv());

    // a condition on the table, and the same rows chosen by a query
    Cli w =
        audit(
            "jdbc:sqlite:" + db,
            dir.resolve("w.json").toString(),
            "--table",
            "sensor \"readings\"",
            "--where",
            "site = 'north'");
    assertThat(w.exit).as(w.err).isZero();
    TreeMap<String, String> north = bySeries(Cli.validReport(dir.resolve("w.json")));
    assertThat(north.keySet()).containsExactly("north-1", "north-2");
    assertThat(north.get("north-2")).isEqualTo(got.get("north-2"));
    Cli q =
        audit(
            db.toString(),
            dir.resolve("q.json").toString(),
            "--query",
            "SELECT sensor, ts, value FROM \"sensor \"\"readings\"\"\" WHERE sensor LIKE 'south%'");
    assertThat(q.exit).as(q.err).isZero();
    JsonNode qr = Cli.validReport(dir.resolve("q.json"));
    assertThat(bySeries(qr)).containsOnlyKeys("south-1");
    assertThat(bySeries(qr).get("south-1")).isEqualTo(got.get("south-1"));
    assertThat(qr.path("input").path("source").asText()).startsWith("query in jdbc:sqlite:");
  }

  @Test
  void aDuckdbFileIsReadThroughItsDriver() throws Exception {
    Path db = dir.resolve("readings.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
      fill(
          c,
          "CREATE TABLE readings (sensor VARCHAR, ts TIMESTAMP, value DOUBLE, site VARCHAR)",
          "readings");
    }
    Path json = dir.resolve("duck.json");
    Cli c = audit(db.toString(), json.toString(), "--table", "readings");
    assertThat(c.exit).as(c.err).isZero();
    assertThat(bySeries(Cli.validReport(json))).isEqualTo(fromCsv());
  }

  @Test
  void aPostgresTableIsStreamedAndGivesWhatTheCsvGives() throws Exception {
    LedgerLocation pg = TestDatabases.postgres();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.credentials())) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA plant");
      }
      fill(
          c,
          "CREATE TABLE plant.\"Readings\" (sensor TEXT, ts TIMESTAMP, value DOUBLE PRECISION,"
              + " site TEXT)",
          "plant.\"Readings\"");
    }
    String user = pg.credentials().getProperty("user");
    String url = pg.jdbcUrl() + (user == null ? "" : "?user=" + user);
    Path json = dir.resolve("pg.json");
    Cli c = audit(url, json.toString(), "--table", "plant.Readings");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode report = Cli.validReport(json);
    assertThat(bySeries(report)).isEqualTo(fromCsv());
    assertThat(report.path("input").path("source").asText()).startsWith("table plant.Readings in");

    Cli q =
        audit(
            url,
            dir.resolve("pq.json").toString(),
            "--query",
            "SELECT sensor, ts, value FROM plant.\"Readings\" WHERE site = 'south'");
    assertThat(q.exit).as(q.err).isZero();
    assertThat(bySeries(Cli.validReport(dir.resolve("pq.json")))).containsOnlyKeys("south-1");

    Cli missing = audit(url, dir.resolve("x.json").toString(), "--table", "plant.nothing_here");
    Cli.oneLineError(missing, 3, "cannot read table plant.nothing_here");
  }

  /** Key values that differ only in spaces at either end, with a daily cycle each. */
  private static final String[] SPACED = {"a", "a ", " a", " a "};

  private static void fillSpaced(Connection c, String createTable) throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute(createTable);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO spaced VALUES (?, ?, ?)")) {
      for (int s = 0; s < SPACED.length; s++) {
        for (int i = 0; i < POINTS; i++) {
          ps.setString(1, SPACED[s]);
          ps.setString(
              2, String.format(Locale.ROOT, "2024-03-%02d %02d:00:00", 1 + i / 24, i % 24));
          ps.setDouble(3, 10 * s + 5 * Math.sin(2 * Math.PI * i / 24) + (i % 7) * 0.1);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private TreeMap<String, String> spacedFromCsv() throws Exception {
    StringBuilder sb = new StringBuilder("sensor,ts,value\n");
    for (int s = 0; s < SPACED.length; s++) {
      for (int i = 0; i < POINTS; i++) {
        double v = 10 * s + 5 * Math.sin(2 * Math.PI * i / 24) + (i % 7) * 0.1;
        sb.append('"')
            .append(SPACED[s])
            .append("\",")
            .append(String.format(Locale.ROOT, "2024-03-%02d %02d:00:00", 1 + i / 24, i % 24))
            .append(',')
            .append(v)
            .append('\n');
      }
    }
    Path json = dir.resolve("spaced-csv.json");
    Cli c = audit(Cli.file(dir, "spaced.csv", sb.toString()).toString(), json.toString());
    assertThat(c.exit).as(c.err).isZero();
    return bySeries(Cli.validReport(json));
  }

  @Test
  void keysThatDifferOnlyInSpacesStayApartAsInAFile() throws Exception {
    TreeMap<String, String> csv = spacedFromCsv();
    assertThat(csv).hasSize(SPACED.length);
    Path db = dir.resolve("spaced.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      fillSpaced(c, "CREATE TABLE spaced (sensor TEXT, ts TEXT, value REAL)");
    }
    Path json = dir.resolve("spaced-sqlite.json");
    Cli c = audit("jdbc:sqlite:" + db, json.toString(), "--table", "spaced");
    assertThat(c.exit).as(c.err).isZero();
    assertThat(bySeries(Cli.validReport(json))).isEqualTo(csv);

    // a fixed-width column pads its values: the pad is not part of the key, what is left is
    LedgerLocation pg = TestDatabases.postgres();
    try (Connection p = DriverManager.getConnection(pg.jdbcUrl(), pg.credentials())) {
      fillSpaced(p, "CREATE TABLE spaced (sensor CHAR(8), ts TEXT, value DOUBLE PRECISION)");
    }
    String user = pg.credentials().getProperty("user");
    String url = pg.jdbcUrl() + (user == null ? "" : "?user=" + user);
    Path pgJson = dir.resolve("spaced-pg.json");
    Cli q = audit(url, pgJson.toString(), "--table", "spaced");
    assertThat(q.exit).as(q.err).isZero();
    TreeMap<String, String> fromPg = bySeries(Cli.validReport(pgJson));
    // "a" and "a " are one value in CHAR(8) (both padded to 8); " a" and " a " likewise
    assertThat(fromPg.keySet()).containsExactlyInAnyOrder("a", "\" a\"");
    assertThat(fromPg).doesNotContainKey("\"a        \"");
  }

  @Test
  void passwordsNeverReachAMessage() throws Exception {
    String url = TestDatabases.unreachablePostgres() + "&password=hunter2";
    Cli c = audit(url, dir.resolve("a.json").toString(), "--table", "readings");
    Cli.oneLineError(c, 3, "cannot connect to");
    assertThat(c.err).doesNotContain("hunter2");
    Path pw = Cli.file(dir, "pw.txt", "s3cr3t-from-file\n");
    String noPw = TestDatabases.unreachablePostgres();
    Cli f =
        audit(
            noPw,
            dir.resolve("b.json").toString(),
            "--table",
            "readings",
            "--password-file",
            pw.toString());
    Cli.oneLineError(f, 3, "cannot connect to");
    assertThat(f.err).doesNotContain("s3cr3t");
  }

  @Test
  void databaseOptionsAreCheckedBeforeAnythingIsRead() throws Exception {
    Path db = dir.resolve("r.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      fill(c, "CREATE TABLE r (sensor TEXT, ts TIMESTAMP, value REAL, site TEXT)", "r");
    }
    Cli both =
        audit(
            db.toString(), dir.resolve("a.json").toString(), "--table", "r", "--query", "SELECT 1");
    Cli.oneLineError(both, 2, "either --table NAME or --query");
    Cli whereAlone = audit(csv().toString(), dir.resolve("b.json").toString(), "--where", "x = 1");
    Cli.oneLineError(whereAlone, 2, "--where");
    Cli noColumn =
        Cli.run(
            "audit",
            db.toString(),
            "--table",
            "r",
            "--id",
            "sensor",
            "--time",
            "when",
            "--json",
            dir.resolve("c.json").toString(),
            "--no-ledger");
    Cli.oneLineError(
        noColumn, 2, "column 'when' (--time) does not exist", "sensor, ts, value, site");
    Cli noFile = audit(dir.resolve("nope.db").toString(), "-", "--table", "r");
    Cli.oneLineError(noFile, 3, "no database file");
    assertThat(Files.exists(dir.resolve("nope.db"))).isFalse();
  }
}
