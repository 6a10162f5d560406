package dev.signalcheck.core.forecast.ets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reference series and R values under test resources {@code ets/}. */
final class RefData {

  static final List<String> NAMES =
      List.of(
          "air_passengers",
          "nottem",
          "uk_gas",
          "co2",
          "lynx",
          "www_usage",
          "nile",
          "lake_huron",
          "sunspot_year",
          "white_noise",
          "random_walk");

  private static final ObjectMapper JSON = new ObjectMapper();

  final String name;
  final int m;
  final int h;
  final int origin;
  final double[] all;
  final double[] train;
  final double[] test;
  final JsonNode reference;
  final JsonNode ets;

  private RefData(String name) {
    this.name = name;
    this.reference = json(name + ".json");
    this.ets = json(name + ".ets.json");
    this.m = reference.get("frequency").asInt();
    this.h = reference.get("horizon").asInt();
    this.origin = reference.get("backtest").get("origin").asInt();
    this.all = csv(name + ".csv");
    this.train = java.util.Arrays.copyOf(all, origin);
    this.test = java.util.Arrays.copyOfRange(all, origin, origin + h);
  }

  static RefData load(String name) {
    return new RefData(name);
  }

  static double[] array(JsonNode node) {
    if (!node.isArray()) {
      return new double[] {node.asDouble()};
    }
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asDouble();
    }
    return out;
  }

  JsonNode model(String name) {
    return reference.get("backtest").get("models").get(name);
  }

  double maseScale() {
    return reference.get("backtest").get("masescale").asDouble();
  }

  double mase(double[] forecast) {
    double s = 0;
    for (int i = 0; i < h; i++) {
      s += Math.abs(test[i] - forecast[i]);
    }
    return s / h / maseScale();
  }

  private static InputStream open(String file) {
    InputStream in = RefData.class.getResourceAsStream("/ets/" + file);
    if (in == null) {
      throw new IllegalStateException("missing test resource ets/" + file);
    }
    return in;
  }

  private static JsonNode json(String file) {
    try (InputStream in = open(file)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double[] csv(String file) {
    List<Double> v = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          v.add(Double.parseDouble(line.substring(line.indexOf(',') + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
