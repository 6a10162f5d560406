package dev.signalcheck.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The reference populations shipped with signalcheck (M4 Hourly and Weekly, M3 Yearly, Quarterly
 * and Other, audited by signalcheck itself; see {@code ledger/reference/make-reference.py}): each
 * becomes a read-only project with one run, recorded through {@link RunRecorder} like any other, so
 * that a project's best MASE can be placed beside them under the same metric definition.
 */
final class ReferencePopulations {
  static final String CSV = "reference/populations.csv.gz";
  static final String META = "reference/populations.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReferencePopulations() {}

  /** Records the shipped populations that this ledger does not hold yet (cheap when it does). */
  static void ensure(Ledger ledger) {
    byte[] csv = resource(CSV);
    byte[] meta = resource(META);
    if (csv == null || meta == null) {
      return;
    }
    String resourceHash = Canonical.hex(Canonical.sha256().digest(csv));
    JsonNode m;
    try {
      m = MAPPER.readTree(meta);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JsonNode> pops = new ArrayList<>();
    m.path("populations").forEach(pops::add);
    List<String> missing = new ArrayList<>();
    try {
      for (JsonNode p : pops) {
        String name = p.path("name").asText();
        if (!present(ledger, inputHash(resourceHash, name))) {
          missing.add(name);
        }
      }
    } catch (SQLException e) {
      throw new dev.signalcheck.core.errors.OutputException(
          "cannot read the ledger " + ledger.location().display() + ": " + Ledger.reason(e), e);
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<String, List<String[]>> rows = rows(csv);
    for (JsonNode p : pops) {
      String name = p.path("name").asText();
      if (missing.contains(name)) {
        record(ledger, p, rows.getOrDefault(name, List.of()), inputHash(resourceHash, name));
      }
    }
  }

  private static String inputHash(String resourceHash, String name) {
    return Canonical.sha256("reference", resourceHash, name);
  }

  private static boolean present(Ledger ledger, String sha) throws SQLException {
    try (PreparedStatement ps =
        ledger
            .connection()
            .prepareStatement(
                "SELECT 1 FROM run r JOIN dataset d ON d.id = r.dataset_id WHERE r.complete AND"
                    + " d.sha256 = ?")) {
      ps.setString(1, sha);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void record(Ledger ledger, JsonNode pop, List<String[]> rows, String sha) {
    ObjectNode settings = MAPPER.createObjectNode();
    for (String f : List.of("season", "horizon", "origins", "models", "command", "sources")) {
      if (pop.has(f)) {
        settings.set(f, pop.get(f));
      }
    }
    RunRecorder rec =
        new RunRecorder(
            ledger,
            pop.path("name").asText(),
            new RunRecorder.Provenance(
                "reference",
                sha,
                null,
                null,
                settings,
                null,
                Instant.parse("2026-01-01T00:00:00Z")));
    ObjectNode header = MAPPER.createObjectNode();
    header.put("schemaVersion", 1);
    header.set("generator", pop.path("generator"));
    header.set("settings", settings);
    rec.begin(header);
    if (rec.duplicateOf() != null) {
      return;
    }
    long[] verdicts = new long[4];
    long n = 0;
    try {
      for (String[] r : rows) {
        rec.series(series(r));
        n += Long.parseLong(r[2]);
        int v = List.of("strong", "weak", "none", "insufficient-data").indexOf(r[6]);
        if (v >= 0) {
          verdicts[v]++;
        }
      }
      ObjectNode input = MAPPER.createObjectNode();
      StringBuilder src = new StringBuilder();
      for (JsonNode s : pop.path("sources")) {
        src.append(src.length() == 0 ? "" : " + ").append(s.path("file").asText());
      }
      input.put("source", src.toString());
      input.put("rows", n);
      input.put("rejectedRows", 0);
      ObjectNode summary = MAPPER.createObjectNode();
      summary.put("series", rows.size());
      ObjectNode vs = summary.putObject("verdicts");
      vs.put("strong", verdicts[0]);
      vs.put("weak", verdicts[1]);
      vs.put("none", verdicts[2]);
      vs.put("insufficient-data", verdicts[3]);
      rec.end(input, summary, MAPPER.createArrayNode(), 0, null);
    } catch (RuntimeException e) {
      rec.abort();
      throw e;
    }
  }

  /** A series node of the report's shape from one row of the population file. */
  private static JsonNode series(String[] r) {
    // population,series,n,season,horizon,origins,verdict,skill,predictability,best_model,best_mase,
    // expected_mase
    ObjectNode s = MAPPER.createObjectNode();
    s.put("id", r[1]);
    s.put("n", Long.parseLong(r[2]));
    s.putObject("frequency").put("season", Integer.parseInt(r[3]));
    ObjectNode bt = s.putObject("backtest");
    bt.put("season", Integer.parseInt(r[3]));
    bt.put("horizon", Integer.parseInt(r[4]));
    if (!r[5].isEmpty()) {
      bt.put("origins", Integer.parseInt(r[5]));
    }
    if (!r[9].isEmpty()) {
      bt.put("best", r[9]);
      ArrayNode models = bt.putArray("models");
      ObjectNode m = models.addObject();
      m.put("name", r[9]);
      m.put("baseline", false);
      m.put("skipped", false);
      putNumber(m, "mase", r[10]);
    }
    ObjectNode v = s.putObject("verdict");
    if (!r[6].isEmpty()) {
      v.put("signal", r[6]);
    }
    putNumber(v, "skill", r[7]);
    putNumber(v, "predictability", r[8]);
    putNumber(v.putObject("expected"), "mase", r[11]);
    s.putArray("findings");
    return s;
  }

  private static void putNumber(ObjectNode o, String field, String text) {
    if (!text.isEmpty()) {
      o.put(field, Double.parseDouble(text));
    }
  }

  private static Map<String, List<String[]>> rows(byte[] gz) {
    Map<String, List<String[]>> out = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gz)), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty()) {
          continue;
        }
        String[] f = splitCsv(line);
        out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One line of the population file: plain fields, some quoted (no line breaks inside). */
  static String[] splitCsv(String line) {
    List<String> f = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        f.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    f.add(cur.toString());
    return f.toArray(new String[0]);
  }

  private static byte[] resource(String name) {
    try (InputStream in = ReferencePopulations.class.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
