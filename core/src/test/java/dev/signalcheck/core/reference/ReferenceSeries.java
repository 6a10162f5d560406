package dev.signalcheck.core.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The R reference series and the values R computed on them, the one loader of the test resources
 * under {@code reference/}:
 *
 * <ul>
 *   <li>{@code reference/<name>.csv}: the series ({@code time,value}), and {@code <name>.json}: its
 *       frequency, horizon, profile and one-origin backtest in R ({@code make_reference.R});
 *   <li>{@code reference/ets/<name>.ets.json}: exponential smoothing in R ({@code
 *       make_ets_reference.R});
 *   <li>{@code reference/profile/<name>.decomposition.json}: MSTL, STL, supsmu and Burg AR in R
 *       ({@code make_profile_reference.R}), also for three synthetic series that carry their
 *       values;
 *   <li>{@code reference/backtest/backtest_reference.json}: the three-origin backtest and the
 *       Diebold-Mariano test in R ({@code make_backtest_reference.R}).
 * </ul>
 *
 * Other modules get these through core's test jar.
 *
 * @param values the series, oldest first
 * @param json the series' reference JSON ({@code reference/<name>.json})
 */
public record ReferenceSeries(String name, double[] values, JsonNode json) {

  /** The reference series, by name. */
  public static final List<String> NAMES =
      List.of(
          "air_passengers",
          "co2",
          "lake_huron",
          "lynx",
          "nile",
          "nottem",
          "random_walk",
          "sunspot_year",
          "uk_gas",
          "white_noise",
          "www_usage");

  /** The series with decomposition reference values: the reference series and three synthetic. */
  public static final List<String> DECOMPOSED =
      concat(NAMES, "hourly_synthetic", "short_quarterly", "tiny");

  private static final String ROOT = "/reference/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static ReferenceSeries load(String name) {
    return new ReferenceSeries(name, values(name), reference(name));
  }

  /** The values of a reference series, from its CSV file. */
  public static double[] values(String name) {
    return csv(ROOT + name + ".csv");
  }

  /** The reference JSON of a series: frequency, horizon, profile and backtest in R. */
  public static JsonNode reference(String name) {
    return json(ROOT + name + ".json");
  }

  /** Decomposition reference values of a series of {@link #DECOMPOSED}. */
  public static JsonNode decomposition(String name) {
    return json(ROOT + "profile/" + name + ".decomposition.json");
  }

  /**
   * The input of a decomposition reference: a reference series' CSV, or the values a synthetic
   * series carries in its decomposition JSON.
   */
  public static double[] decompositionInput(String name) {
    JsonNode d = decomposition(name);
    return d.has("values") ? doubles(d.get("values")) : values(name);
  }

  /** The exponential-smoothing reference values of short series ({@code ets/short.ets.json}). */
  public static JsonNode shortEts() {
    return json(ROOT + "ets/short.ets.json");
  }

  /** The three-origin backtest and Diebold-Mariano reference values. */
  public static JsonNode backtests() {
    return json(ROOT + "backtest/backtest_reference.json");
  }

  /** A JSON test resource, by its class-path name. */
  public static JsonNode json(String resource) {
    try (InputStream in = open(resource)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exponential-smoothing reference values of this series ({@code ets/<name>.ets.json}). */
  public JsonNode ets() {
    return json(ROOT + "ets/" + name + ".ets.json");
  }

  /** The seasonal period. */
  public int m() {
    return json.get("frequency").asInt();
  }

  public int horizon() {
    return json.get("horizon").asInt();
  }

  /** The R backtest's single origin: the last {@link #horizon()} values are its test window. */
  public int origin() {
    return json.get("backtest").get("origin").asInt();
  }

  public double[] train() {
    return Arrays.copyOf(values, origin());
  }

  public double[] test() {
    return Arrays.copyOfRange(values, origin(), origin() + horizon());
  }

  /** R's forecast and accuracy of one model at the single origin. */
  public JsonNode model(String model) {
    return json.get("backtest").get("models").get(model);
  }

  /** The MASE scale R used: in-sample seasonal-naive MAE of {@link #train()}. */
  public double maseScale() {
    return json.get("backtest").get("masescale").asDouble();
  }

  /** MASE of a forecast of {@link #test()} on R's scale. */
  public double mase(double[] forecast) {
    double[] test = test();
    double s = 0;
    for (int i = 0; i < test.length; i++) {
      s += Math.abs(test[i] - forecast[i]);
    }
    return s / test.length / maseScale();
  }

  /** A JSON number array as doubles; a single number as an array of one. */
  public static double[] doubles(JsonNode node) {
    if (!node.isArray()) {
      return new double[] {node.asDouble()};
    }
    double[] d = new double[node.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = node.get(i).asDouble();
    }
    return d;
  }

  private static InputStream open(String resource) {
    InputStream in = ReferenceSeries.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    return in;
  }

  private static double[] csv(String resource) {
    List<Double> v = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          v.add(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<String> concat(List<String> a, String... b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(b));
    return List.copyOf(all);
  }
}
