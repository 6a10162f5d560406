package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History typed in late: the as-of backtest sees only what was recorded by each origin. */
class AsOfBacktestTest {

  @TempDir Path dir;

  /**
   * A persistent daily series (random walk with drift); every value is entered {@code lagDays}
   * late.
   */
  private Path lateFile(int lagDays) throws IOException {
    StringBuilder sb = new StringBuilder("date,value,entered\n");
    Random r = new Random(3);
    double level = 100;
    LocalDate d = LocalDate.of(2023, 1, 2);
    for (int i = 0; i < 400; i++) {
      level += 0.5 + r.nextGaussian();
      LocalDate day = d.plusDays(i);
      sb.append(day)
          .append(',')
          .append(String.format(java.util.Locale.ROOT, "%.3f", level))
          .append(',')
          .append(day.plusDays(lagDays))
          .append("T09:00:00\n");
    }
    Path p = dir.resolve("late" + lagDays + ".csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void lateEntriesMakeTheOrdinaryBacktestOptimistic() throws IOException {
    Path p = lateFile(5);
    Cli c =
        Cli.run(
            "audit",
            p.toString(),
            "--time",
            "date",
            "--target",
            "value",
            "--recorded-at",
            "entered",
            "--models",
            "naive,drift,mean",
            "--json",
            dir.resolve("r.json").toString(),
            "--quiet");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(dir.resolve("r.json"));
    JsonNode late = null;
    for (JsonNode f : r.at("/series/0/findings")) {
      if (f.get("check").asText().equals("history.late-entry")) {
        late = f;
      }
    }
    assertThat(late).as("late-entry finding").isNotNull();
    JsonNode asOf = late.get("asOf");
    assertThat(asOf.get("mase").asDouble()).isGreaterThan(asOf.get("ordinaryMase").asDouble());
    assertThat(asOf.get("optimism").asDouble()).isPositive();
    assertThat(late.get("message").asText()).contains("too optimistic");
  }

  @Test
  void punctualEntriesRaiseNothing() throws IOException {
    Path p = lateFile(0);
    Cli c =
        Cli.run(
            "audit",
            p.toString(),
            "--time",
            "date",
            "--target",
            "value",
            "--recorded-at",
            "entered",
            "--models",
            "naive,drift,mean",
            "--json",
            dir.resolve("r.json").toString(),
            "--quiet");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(dir.resolve("r.json"));
    for (JsonNode f : r.at("/series/0/findings")) {
      assertThat(f.get("check").asText()).isNotEqualTo("history.late-entry");
    }
  }
}
