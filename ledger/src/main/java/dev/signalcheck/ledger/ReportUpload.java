package dev.signalcheck.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.io.ReportWriter;
import java.io.IOException;
import java.io.InputStream;

/**
 * Records a report.json (an upload) through the same {@link RunRecorder} as a local audit, read as
 * a stream: series are recorded one by one, so a report of any size takes constant memory. The
 * top-level fields may come in any order.
 */
public final class ReportUpload {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportUpload() {}

  /**
   * Records the report read from {@code in}.
   *
   * @param name the report's name for error messages (a file name, an upload)
   * @throws InputException when it is not a signalcheck report of a schema version this build reads
   */
  public static RunRecorder.Recorded record(
      InputStream in, String name, Ledger ledger, String project, RunRecorder.Provenance prov) {
    RunRecorder rec = new RunRecorder(ledger, project, prov);
    ObjectNode header = MAPPER.createObjectNode();
    boolean begun = false;
    boolean sawSeries = false;
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notAReport(name, "it does not start with a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("series")) {
          if (t != JsonToken.START_ARRAY) {
            throw notAReport(name, "'series' is not an array");
          }
          sawSeries = true;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode s = p.readValueAsTree();
            if (!begun) {
              check(header, name);
              rec.begin(header);
              begun = true;
            }
            rec.series(s);
          }
        } else {
          header.set(field, p.readValueAsTree());
        }
      }
      if (!sawSeries) {
        throw notAReport(name, "it has no 'series' array");
      }
      if (!begun) {
        check(header, name);
        rec.begin(header);
      }
      if (!header.path("summary").isObject() || !header.path("input").isObject()) {
        throw notAReport(name, "it has no 'input' or 'summary' block (was it cut short?)");
      }
      return rec.end(
          header.get("input"),
          header.get("summary"),
          header.path("findings").isArray() ? header.get("findings") : MAPPER.createArrayNode(),
          null,
          null);
    } catch (IOException e) {
      rec.abort();
      throw new InputException(
          name
              + " is not a readable JSON report ("
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "); send the report.json that signalcheck audit wrote",
          e);
    } catch (RuntimeException e) {
      rec.abort();
      throw e;
    }
  }

  private static void check(JsonNode header, String name) {
    JsonNode v = header.get("schemaVersion");
    if (v == null || !v.isInt()) {
      throw notAReport(name, "it has no schemaVersion");
    }
    if (v.asInt() != ReportWriter.SCHEMA_VERSION) {
      throw new InputException(
          name
              + " has schemaVersion "
              + v.asInt()
              + "; this signalcheck reads reports of schemaVersion "
              + ReportWriter.SCHEMA_VERSION
              + " (upgrade signalcheck)");
    }
    if (!"signalcheck".equals(header.path("generator").path("name").asText())) {
      throw notAReport(name, "its generator is not signalcheck");
    }
  }

  private static InputException notAReport(String name, String why) {
    return new InputException(
        name + " is not a signalcheck report: " + why + "; send the report.json of an audit");
  }
}
