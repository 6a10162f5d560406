package dev.signalcheck.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the JSON report (schemaVersion 1) as a stream: the header, then each series as it is
 * finished, then the input block (with the count of rejected rows, known only at the end), the
 * summary and the dataset-level findings. Memory does not grow with the number of series.
 */
public final class ReportWriter implements AutoCloseable {

  public static final int SCHEMA_VERSION = 1;

  /**
   * The optional top-level field {@code "redacted": true} of a report written with {@code
   * --redact}: its series are scaled to [0, 1] and its tables hold no raw values. Absent (as in
   * every report before it) means raw values. Adding it kept schemaVersion 1: the schema allows it,
   * readers that do not know it ignore it.
   */
  public static final String REDACTED = "redacted";

  private final JsonGenerator g;
  private final ObjectMapper mapper = Json.mapper();
  private boolean seriesOpen;

  public ReportWriter(OutputStream out, boolean pretty) {
    try {
      g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes to a character stream, which is left open on {@link #close()}. */
  public ReportWriter(java.io.Writer out, boolean pretty) {
    try {
      g = mapper.getFactory().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the opening fields; the input block follows the series, when its row counts are known.
   */
  public void begin(ReportInfo.Generator generator, ReportInfo.Settings settings) {
    try {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeFieldName("generator");
      mapper.writeValue(g, generator);
      g.writeStringField("createdAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeFieldName("settings");
      mapper.writeValue(g, settings);
      g.writeArrayFieldStart("series");
      seriesOpen = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void series(SeriesResult r) {
    try {
      mapper.writeValue(g, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one series that is already JSON (an element of {@code series[]} as {@link #series}
   * writes it, made elsewhere, e.g. on a Spark executor).
   */
  public void seriesJson(String json) {
    try {
      g.writeRawValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void end(
      ReportInfo.Input input, ReportInfo.Summary summary, List<Finding> datasetFindings) {
    end(input, summary, datasetFindings, java.util.Map.of());
  }

  /** The closing fields, then {@code extra} top-level fields (e.g. how a distributed run went). */
  public void end(
      ReportInfo.Input input,
      ReportInfo.Summary summary,
      List<Finding> datasetFindings,
      java.util.Map<String, ?> extra) {
    try {
      if (seriesOpen) {
        g.writeEndArray();
        seriesOpen = false;
      }
      g.writeFieldName("input");
      mapper.writeValue(g, input);
      g.writeFieldName("summary");
      mapper.writeValue(g, summary);
      g.writeFieldName("findings");
      mapper.writeValue(g, datasetFindings);
      for (java.util.Map.Entry<String, ?> e : extra.entrySet()) {
        g.writeFieldName(e.getKey());
        mapper.writeValue(g, e.getValue());
      }
      g.writeEndObject();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      g.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
