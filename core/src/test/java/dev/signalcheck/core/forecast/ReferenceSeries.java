package dev.signalcheck.core.forecast;

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
 * An R-computed reference series from test resources: its values and the JSON of reference results.
 */
public record ReferenceSeries(String name, double[] values, JsonNode json) {
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
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static ReferenceSeries load(String name) {
    return new ReferenceSeries(
        name,
        csv("/backtest/reference/" + name + ".csv"),
        json("/backtest/reference/" + name + ".json"));
  }

  public static JsonNode json(String resource) {
    try (InputStream in = ReferenceSeries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] csv(String resource) {
    try (InputStream in = ReferenceSeries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Double> v = new ArrayList<>();
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          v.add(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)));
        }
      }
      return v.stream().mapToDouble(Double::doubleValue).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int m() {
    return json.get("frequency").asInt();
  }

  public int horizon() {
    return json.get("horizon").asInt();
  }

  public double[] train() {
    return Arrays.copyOf(values, values.length - horizon());
  }

  public double[] test() {
    return Arrays.copyOfRange(values, values.length - horizon(), values.length);
  }

  public JsonNode model(String model) {
    return json.get("backtest").get("models").get(model);
  }

  public static double[] doubles(JsonNode array) {
    double[] d = new double[array.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = array.get(i).asDouble();
    }
    return d;
  }
}
