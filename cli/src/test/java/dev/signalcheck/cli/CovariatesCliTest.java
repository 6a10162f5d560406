package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --covariates and --known-ahead through the command line. */
class CovariatesCliTest {
  static final String AQ = "uci/AirQualityUCI_semicolon.csv";
  static final String AQ_COVARIATES = "PT08.S1(CO),C6H6(GT),NOx(GT),PT08.S2(NMHC),T,RH";

  @TempDir Path dir;

  private static Map<String, JsonNode> byCovariate(JsonNode series, String check) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode f : series.at("/findings")) {
      if (f.at("/check").asText().equals(check) && f.has("covariate")) {
        out.put(f.at("/covariate").asText(), f);
      }
    }
    return out;
  }

  private JsonNode audit(String file, String... extra) {
    Path json = dir.resolve("r" + System.nanoTime() + ".json");
    List<String> args =
        new ArrayList<>(List.of("audit", file, "--json", json.toString(), "--quiet"));
    args.addAll(List.of(extra));
    Cli c = Cli.run(args.toArray(new String[0]));
    assertThat(c.exit).as(c.err).isZero();
    return Cli.validReport(json).at("/series/0");
  }

  @Test
  void airQualityCoLocatedSensorsLeakUnlessKnownAhead() {
    JsonNode s =
        audit(
            Cli.data(AQ),
            "--time",
            "Date,Time",
            "--target",
            "CO(GT)",
            "--covariates",
            AQ_COVARIATES);
    Map<String, JsonNode> leak = byCovariate(s, "covariate.leakage");
    assertThat(leak.keySet())
        .containsExactlyInAnyOrder("PT08.S1(CO)", "C6H6(GT)", "NOx(GT)", "PT08.S2(NMHC)");
    for (JsonNode f : leak.values()) {
      assertThat(f.at("/severity").asText()).isEqualTo("critical");
      assertThat(f.at("/category").asText()).isEqualTo("data-leakage");
      assertThat(f.at("/message").asText()).contains("only at lag 0").contains("not yet known");
    }
    assertThat(byCovariate(s, "covariate.no-value").keySet()).containsExactlyInAnyOrder("T", "RH");
    // -200 is a code for missing in the covariates too
    for (JsonNode i : s.at("/covariates/items")) {
      assertThat(i.at("/missingCodes/0").asDouble()).isEqualTo(-200.0);
      assertThat(i.at("/present").asDouble()).isGreaterThan(0.9);
    }
    JsonNode col = null;
    for (JsonNode f : s.at("/findings")) {
      if (f.at("/check").asText().equals("covariate.collinear")) {
        col = f;
      }
    }
    assertThat(col).isNotNull();
    List<String> group = new ArrayList<>();
    col.at("/covariates").forEach(n -> group.add(n.asText()));
    assertThat(group).contains("C6H6(GT)", "PT08.S2(NMHC)").doesNotContain("T", "RH");
    assertThat(s.at("/verdict/headline").asText())
        .contains("None of the covariates (T and RH) carries signal")
        .contains("would leak");

    // declared known ahead, the CO sensor is useful and no longer leakage; the verdict follows it
    JsonNode k =
        audit(
            Cli.data(AQ),
            "--time",
            "Date,Time",
            "--target",
            "CO(GT)",
            "--covariates",
            AQ_COVARIATES,
            "--known-ahead",
            "PT08.S1(CO)");
    assertThat(byCovariate(k, "covariate.leakage")).doesNotContainKey("PT08.S1(CO)");
    assertThat(byCovariate(k, "covariate.useful")).containsKey("PT08.S1(CO)");
    assertThat(k.at("/covariates/knownAhead/0").asText()).isEqualTo("PT08.S1(CO)");
    assertThat(k.at("/verdict/headline").asText())
        .contains("arx with PT08.S1(CO)")
        .contains("PT08.S1(CO) carries it");
  }

  private Path synthetic() throws IOException {
    Random rnd = new Random(11);
    int n = 800;
    double[] d = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      d[t] = rnd.nextGaussian();
    }
    for (int t = 0; t < n; t++) {
      y[t] =
          10
              + (t > 0 ? 0.5 * (y[t - 1] - 10) : 0)
              + (t > 1 ? d[t - 2] : 0)
              + 0.6 * rnd.nextGaussian();
    }
    StringBuilder b = new StringBuilder("t,y,driver,noise,next,same,copy,label,sparse\n");
    for (int t = 0; t < n; t++) {
      b.append(
          String.format(
              Locale.ROOT,
              "%d,%.6f,%.6f,%.6f,%s,%.6f,%.6f,%s,%s%n",
              t + 1,
              y[t],
              d[t],
              rnd.nextGaussian(),
              t + 1 < n ? String.format(Locale.ROOT, "%.6f", y[t + 1]) : "",
              y[t] + 0.1 * rnd.nextGaussian(),
              d[t] + 0.1 * rnd.nextGaussian(),
              t % 2 == 0 ? "red" : "blue",
              t % 20 == 0 ? "1.5" : ""));
    }
    Path f = dir.resolve("synthetic.csv");
    Files.writeString(f, b.toString());
    return f;
  }

  @Test
  void syntheticDriverNoiseFutureSameTimeAndCopy() throws IOException {
    Path f = synthetic();
    JsonNode s =
        audit(
            f.toString(),
            "--time",
            "t",
            "--target",
            "y",
            "--horizon",
            "6",
            "--origins",
            "20",
            "--covariates",
            "driver,noise,next,same,copy,sparse");
    assertThat(byCovariate(s, "covariate.useful").keySet())
        .containsExactlyInAnyOrder("driver", "copy");
    assertThat(byCovariate(s, "covariate.leakage").keySet())
        .containsExactlyInAnyOrder("next", "same");
    assertThat(byCovariate(s, "covariate.no-value").keySet())
        .containsExactlyInAnyOrder("noise", "sparse");
    assertThat(byCovariate(s, "covariate.no-value").get("sparse").at("/category").asText())
        .isEqualTo("data-missing");
    assertThat(s.at("/verdict/headline").asText()).contains("driver and copy carry it");

    JsonNode k =
        audit(
            f.toString(),
            "--time",
            "t",
            "--target",
            "y",
            "--horizon",
            "6",
            "--origins",
            "20",
            "--covariates",
            "driver,noise,next,same,copy",
            "--known-ahead",
            "same");
    assertThat(byCovariate(k, "covariate.useful").keySet()).contains("same");
    assertThat(byCovariate(k, "covariate.leakage").keySet()).containsExactly("next");
  }

  @Test
  void badCovariatesAreUsageErrors() throws IOException {
    Path f = synthetic();
    Cli target =
        Cli.run("audit", f.toString(), "--time", "t", "--target", "y", "--covariates", "y,driver");
    assertThat(target.exit).isEqualTo(2);
    assertThat(target.err).startsWith("signalcheck: error: ").contains("'y' is a target");
    Cli time = Cli.run("audit", f.toString(), "--time", "t", "--target", "y", "--covariates", "t");
    assertThat(time.exit).isEqualTo(2);
    assertThat(time.err).contains("'t' is the time column");
    Cli text =
        Cli.run("audit", f.toString(), "--time", "t", "--target", "y", "--covariates", "label");
    assertThat(text.exit).isEqualTo(2);
    assertThat(text.err).contains("covariate 'label' holds no numbers").contains("'blue'");
    Cli known =
        Cli.run(
            "audit",
            f.toString(),
            "--time",
            "t",
            "--target",
            "y",
            "--covariates",
            "driver",
            "--known-ahead",
            "noise");
    assertThat(known.exit).isEqualTo(2);
    assertThat(known.err).contains("'noise' (--known-ahead) is not among the covariates");
    assertThat(target.err + time.err + text.err + known.err).doesNotContain("Exception");
  }
}
