package dev.signalcheck.core.profile;

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

/** Loads the R reference series and values shipped as test resources. */
final class ReferenceData {
  static final List<String> SERIES =
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
  static final List<String> DECOMPOSED =
      concat(SERIES, List.of("hourly_synthetic", "short_quarterly", "tiny"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceData() {}

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  static JsonNode json(String resource) {
    try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode reference(String name) {
    return json("/reference/" + name + ".json");
  }

  static JsonNode decomposition(String name) {
    return json("/profile/" + name + ".decomposition.json");
  }

  /** Values column of the reference CSV (header {@code time,value}). */
  static double[] values(String name) {
    try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + name + ".csv")) {
      if (in == null) {
        throw new IllegalStateException("missing test resource for " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Double> v = new ArrayList<>();
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          v.add(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)));
        }
      }
      return v.stream().mapToDouble(Double::doubleValue).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] array(JsonNode node) {
    double[] a = new double[node.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = node.get(i).asDouble();
    }
    return a;
  }
}
