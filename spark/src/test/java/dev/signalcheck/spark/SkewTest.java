package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.io.InputSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A skewed key: one series far longer than the per-series cap is audited on its most recent rows
 * (the same result as auditing those rows alone), the older rows are counted in full (duplicates,
 * missing values) and reported as cut; the other series are untouched and equal the command line.
 */
class SkewTest {
  static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final int BIG = 12_000;
  static final int SMALL = 400;
  static final int CAP = 1_500;
  static final String[] MODELS = {"--models", "naive,seasonal-naive,ses,theta,ar"};

  record Data(Path all, Path recentOfBig, Path small) {}

  static Data write(Path dir) throws IOException {
    Random rnd = new Random(11);
    List<String> all = new ArrayList<>();
    List<String> recent = new ArrayList<>();
    List<String> small = new ArrayList<>();
    String header = "key,ts,reading";
    all.add(header);
    recent.add(header);
    small.add(header);
    LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 0, 0);
    // the big series first, interleaved with the small ones in the file
    double level = 50;
    List<String> big = new ArrayList<>();
    for (int i = 0; i < BIG; i++) {
      level += rnd.nextGaussian() * 0.5;
      double v = level + 5 * Math.sin(2 * Math.PI * i / 24) + rnd.nextGaussian();
      String value = String.format(Locale.ROOT, "%.3f", v);
      // faults only in the old part, which the audit does not see: 11 missing, 7 repeated stamps
      if (i >= 1000 && i < 1011) {
        value = "NA";
      }
      String line = "big," + t0.plusHours(i).format(F) + "," + value;
      big.add(line);
      if (i >= 2000 && i < 2007) {
        big.add(line);
      }
    }
    int next = 0;
    for (int k = 0; k < SMALL; k++) {
      for (String s : List.of("s1", "s2", "s3")) {
        double v = 10 + 2 * Math.sin(2 * Math.PI * k / 24) + rnd.nextGaussian() * 0.5;
        String line =
            s + "," + t0.plusHours(k).format(F) + "," + String.format(Locale.ROOT, "%.3f", v);
        all.add(line);
        small.add(line);
      }
      for (int j = 0; j < BIG / SMALL + 1 && next < big.size(); j++) {
        all.add(big.get(next++));
      }
    }
    while (next < big.size()) {
      all.add(big.get(next++));
    }
    recent.addAll(big.subList(big.size() - CAP, big.size()));
    Path a = dir.resolve("skewed.csv");
    Path r = dir.resolve("recent.csv");
    Path s = dir.resolve("small.csv");
    Files.write(a, all, StandardCharsets.UTF_8);
    Files.write(r, recent, StandardCharsets.UTF_8);
    Files.write(s, small, StandardCharsets.UTF_8);
    return new Data(a, r, s);
  }

  @Test
  void aLongSeriesIsAuditedOnItsRecentRowsAndCountedInFull(@TempDir Path dir) throws IOException {
    Data d = write(dir);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                d.all().toString(),
                "--id",
                "key",
                "--time",
                "ts",
                "--target",
                "reading",
                "--max-rows-per-series",
                String.valueOf(CAP)));
    args.addAll(List.of(MODELS));
    JsonNode spark = Runs.spark(dir.resolve("out"), args.toArray(new String[0]));

    JsonNode run = spark.get("run");
    assertThat(run.get("seriesCut").asLong()).isEqualTo(1);
    assertThat(run.get("rowsCut").asLong()).isEqualTo(BIG + 7 - CAP);
    assertThat(run.get("seriesCutExamples").get(0).asText()).isEqualTo("big");
    assertThat(spark.get("input").get("rows").asLong()).isEqualTo(BIG + 7 + 3L * SMALL);

    Map<String, Row> rows = new java.util.HashMap<>();
    for (Row r : Runs.parquet(dir.resolve("out/series.parquet"))) {
      rows.put(r.getAs("id"), r);
    }
    Row big = rows.get("big");
    assertThat(big.<Long>getAs("n")).isEqualTo(BIG + 7);
    assertThat(big.<Long>getAs("rows_audited")).isEqualTo(CAP);
    assertThat(big.<Long>getAs("rows_cut")).isEqualTo(BIG + 7 - CAP);
    assertThat(big.<Long>getAs("duplicate_rows")).isEqualTo(7);
    assertThat(big.<Long>getAs("missing_values")).isEqualTo(11);
    assertThat(big.<Long>getAs("distinct_times")).isEqualTo(BIG);
    assertThat(big.<Long>getAs("absent_positions")).isZero();
    assertThat(big.<String>getAs("first_time")).isEqualTo("2020-01-01T00:00:00");
    assertThat(big.<String>getAs("start"))
        .isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0).plusHours(BIG - CAP).toString() + ":00");
    assertThat(big.<String>getAs("end")).isEqualTo(big.<String>getAs("last_time"));

    // the capped series: the audit of its most recent rows alone (row numbers aside)
    JsonNode recent =
        Runs.cli(
            InputSpec.of(d.recentOfBig().toString())
                .withIds("key")
                .withTime("ts")
                .withTargets("reading"),
            MODELS);
    JsonNode a = recent.get("series").get(0);
    JsonNode b = Runs.byId(spark).get("big");
    assertThat(b.get("n").asLong()).isEqualTo(CAP);
    Runs.assertSameJson("big.verdict", a.get("verdict"), b.get("verdict"), 1e-9, List.of());
    Runs.assertSameJson("big.backtest", a.get("backtest"), b.get("backtest"), 1e-9, List.of());
    Runs.assertSameJson("big.profile", a.get("profile"), b.get("profile"), 1e-9, List.of());

    // the small series as the command line audits them
    JsonNode cli =
        Runs.cli(
            InputSpec.of(d.small().toString()).withIds("key").withTime("ts").withTargets("reading"),
            MODELS);
    Map<String, JsonNode> sparkById = Runs.byId(spark);
    for (Map.Entry<String, JsonNode> e : Runs.byId(cli).entrySet()) {
      JsonNode s = sparkById.get(e.getKey());
      Runs.assertSameJson(
          e.getKey() + ".verdict", e.getValue().get("verdict"), s.get("verdict"), 1e-9, List.of());
      Runs.assertSameJson(
          e.getKey() + ".backtest",
          e.getValue().get("backtest"),
          s.get("backtest"),
          1e-9,
          List.of());
      assertThat(rows.get(e.getKey()).<Long>getAs("rows_cut")).isZero();
    }
  }
}
