package dev.signalcheck.sources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.signalcheck.core.errors.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A sources file for {@code signalcheck watch}: a list of sources, each with its URL and schedule
 * and, optionally, how to fetch and read it (as {@code fetch}'s options). Durations are text
 * ({@code 1h}, {@code 30s}, {@code PT1H}); the command line reads them.
 *
 * <pre>
 * data: /var/lib/signalcheck/sources   # optional, as --data
 * sources:
 *   - name: air-quality
 *     url: https://example.org/air.csv
 *     every: 1h
 *     headers: ["Authorization: env:AIR_TOKEN"]
 *     time: date
 *     target: [co, no2]
 *   - name: readings
 *     url: jdbc:postgresql://db.example.org/plant   # or jdbc:sqlite:FILE, a SQLite/DuckDB file
 *     table: readings                               # or query: SELECT …
 *     every: 15m
 * </pre>
 *
 * A database's password comes from {@code SIGNALCHECK_DB_PASSWORD} or the entry's {@code
 * passwordFile}, never from the list itself.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record WatchList(
    @JsonProperty("data") String data, @JsonProperty("sources") List<Entry> sources) {

  public WatchList {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** One source to watch. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Entry(
      @JsonProperty("name") String name,
      @JsonProperty("url") String url,
      @JsonProperty("every") String every,
      @JsonProperty("format") String format,
      @JsonProperty("timeout") String timeout,
      @JsonProperty("retries") Integer retries,
      @JsonProperty("headers") List<String> headers,
      @JsonProperty("maxDelay") String maxDelay,
      @JsonProperty("records") String records,
      @JsonProperty("time") List<String> time,
      @JsonProperty("target") List<String> target,
      @JsonProperty("id") List<String> id,
      @JsonProperty("step") String step,
      @JsonProperty("table") String table,
      @JsonProperty("where") String where,
      @JsonProperty("query") String query,
      @JsonProperty("passwordFile") String passwordFile) {

    public Entry {
      headers = headers == null ? List.of() : List.copyOf(headers);
      time = time == null ? List.of() : List.copyOf(time);
      target = target == null ? List.of() : List.copyOf(target);
      id = id == null ? List.of() : List.copyOf(id);
    }
  }

  /**
   * Reads a sources file.
   *
   * @throws InputException when it is missing, is not YAML of this shape, or repeats a name
   */
  public static WatchList read(Path file) {
    ObjectMapper m =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    WatchList w;
    try {
      w = m.readValue(Files.readAllBytes(file), WatchList.class);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file; check the path of the sources file");
    } catch (UnrecognizedPropertyException e) {
      throw new InputException(
          file
              + ": unknown key '"
              + e.getPropertyName()
              + "' (line "
              + e.getLocation().getLineNr()
              + "); keys are: data, sources, and per source name, url, every, format, timeout,"
              + " retries, headers, maxDelay, records, time, target, id, step, table, where,"
              + " query, passwordFile");
    } catch (IOException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new InputException(file + " is not a valid sources file: " + msg);
    }
    if (w == null || w.sources().isEmpty()) {
      throw new InputException(file + " lists no sources (expected a 'sources:' list)");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < w.sources().size(); i++) {
      Entry e = w.sources().get(i);
      if (e.name() == null || e.url() == null) {
        throw new InputException(file + ": source " + (i + 1) + " needs both a name and a url");
      }
      if (!names.add(e.name())) {
        throw new InputException(file + ": the source name '" + e.name() + "' appears twice");
      }
    }
    return w;
  }
}
