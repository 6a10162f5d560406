package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static List<SeriesData> read(InputSpec spec) {
    List<SeriesData> out = new ArrayList<>();
    try (TableReader r = TableReader.open(spec)) {
      r.forEachSeries(out::add);
    }
    return out;
  }

  private static final String CSV =
      "when,\"temp \"\"inner\"\" (°C)\",Zeit ü\n"
          + "2024-01-01 00:00:00,1.5,10\n2024-01-01 01:00:00,2.5,11\n2024-01-01 02:00:00,NA,12\n2024-01-01 03:00:00,oops,13\n";

  @Test
  void oddColumnNamesAreQuotedNotSpliced() throws IOException {
    Path p = write("odd.csv", CSV);
    List<SeriesData> ds =
        read(
            InputSpec.of(p.toString())
                .withTime("when")
                .withTargets("temp \"inner\" (°C)", "Zeit ü"));
    assertThat(ds).hasSize(2);
    SeriesData a = ds.get(0);
    assertThat(a.id()).isEqualTo("temp \"inner\" (°C)");
    assertThat(a.size()).isEqualTo(4);
    assertThat(a.value(0)).isEqualTo(1.5);
    assertThat(a.state(2)).isEqualTo(SeriesData.MISSING);
    assertThat(a.state(3)).isEqualTo(SeriesData.NON_NUMERIC);
    assertThat(a.nonNumericTokens()).containsEntry("oops", 1L);
    assertThat(ds.get(1).value(3)).isEqualTo(13.0);
  }

  @Test
  void hostileColumnNameIsJustAName() throws IOException {
    String evil = "x\"); DROP TABLE src; --";
    Path p =
        write(
            "evil.csv",
            "time,\"" + evil.replace("\"", "\"\"") + "\"\n2024-01-01,1\n2024-01-02,2\n");
    List<SeriesData> ds = read(InputSpec.of(p.toString()));
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.target()).isEqualTo(evil);
              assertThat(d.size()).isEqualTo(2);
            });
  }

  @Test
  void bomTabsAndGzip() throws IOException {
    Path p = dir.resolve("bom.tsv.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(p))) {
      os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      os.write(
          "date\tvalue\n2024-01-01\t1\n2024-01-02\t2\n2024-01-03\t3\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    try (TableReader r = TableReader.open(InputSpec.of(p.toString()))) {
      assertThat(r.timeColumns()).containsExactly("date");
      assertThat(r.targets()).containsExactly("value");
      assertThat(r.timeParser().kind()).isEqualTo(TimeKind.DATE);
    }
    assertThat(read(InputSpec.of(p.toString())).get(0).size()).isEqualTo(3);
  }

  @Test
  void parquetAndJson() throws Exception {
    Path parquet = dir.resolve("d.parquet");
    Path json = dir.resolve("d.json");
    Path jsonl = dir.resolve("d.jsonl");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE t AS SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) HOUR AS ts, i * 1.5 AS v, "
              + "CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS sensor FROM range(10) r(i)");
      st.execute("COPY t TO '" + parquet + "' (FORMAT parquet)");
      st.execute("COPY t TO '" + json + "' (FORMAT json, ARRAY true)");
      st.execute("COPY t TO '" + jsonl + "' (FORMAT json)");
    }
    for (Path p : List.of(parquet, json, jsonl)) {
      List<SeriesData> ds = read(InputSpec.of(p.toString()).withIds("sensor"));
      assertThat(ds).as(p.toString()).hasSize(2);
      assertThat(ds.get(0).id()).isEqualTo("a");
      assertThat(ds.get(0).size()).isEqualTo(5);
      assertThat(ds.get(1).value(0)).isEqualTo(1.5);
    }
  }

  @Test
  void epochSecondsAndDecimalComma() throws IOException {
    Path p = write("e.csv", "t;v\n1700000000;1,5\n1700000060;2,5\n1700000120;3,25\n");
    List<SeriesData> ds = read(InputSpec.of(p.toString()).withTime("t"));
    assertThat(ds.get(0).value(2)).isEqualTo(3.25);
    assertThat(ds.get(0).time(1) - ds.get(0).time(0)).isEqualTo(60_000L);
  }

  @Test
  void missingTokensAreMissing() throws IOException {
    Path p = write("m.csv", "t,v\n1,1\n2,-999x\n3,#N/A\n4,\n5,N/A\n");
    InputSpec spec =
        new InputSpec(
            p.toString(),
            List.of("t"),
            List.of("v"),
            List.of(),
            List.of(),
            null,
            null,
            null,
            List.of("-999x"),
            null,
            null);
    SeriesData d = read(spec).get(0);
    for (int i = 1; i < 5; i++) {
      assertThat(d.state(i)).as("row %d", i + 1).isEqualTo(SeriesData.MISSING);
    }
  }

  @Test
  void unknownColumnSuggestsTheNearestName() throws IOException {
    Path p = write("r.csv", "time,temperature,sensor\n2024-01-01,1,a\n");
    assertThatThrownBy(() -> TableReader.open(InputSpec.of(p.toString()).withTargets("temprature")))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "column 'temprature' (--target) not found in r.csv; columns are: time, temperature, sensor"
                + " (did you mean 'temperature'?)");
  }

  @Test
  void noParseableTimeIsAnInputError() throws IOException {
    Path p = write("t.csv", "time,v\n31/02/2024 25:00,1\nfoo,2\n");
    assertThatThrownBy(() -> TableReader.open(InputSpec.of(p.toString()).withTime("time")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(
            "no rows with a parseable time in column 'time' (first value: '31/02/2024 25:00')");
  }

  @Test
  void rowsWithoutIdAreRejectedNotDropped() throws IOException {
    Path p = write("l.csv", "id,t,v\na,1,1\n,2,2\na,3,3\nb,1,5\n");
    try (TableReader r =
        TableReader.open(InputSpec.of(p.toString()).withIds("id").withTime("t").withTargets("v"))) {
      List<SeriesData> ds = new ArrayList<>();
      r.forEachSeries(ds::add);
      assertThat(ds).extracting(SeriesData::id).containsExactly("a", "b");
      assertThat(r.rejectedRows()).isEqualTo(1);
      assertThat(r.rejectedExamples()).containsExactly(2L);
      assertThat(ds.get(0).row(1)).isEqualTo(3L);
    }
  }
}
