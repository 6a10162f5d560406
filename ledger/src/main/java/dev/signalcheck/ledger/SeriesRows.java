package dev.signalcheck.ledger;

import static dev.signalcheck.ledger.Cells.doubleOrNull;
import static dev.signalcheck.ledger.Cells.intOrNull;
import static dev.signalcheck.ledger.Cells.longOrNull;
import static dev.signalcheck.ledger.Cells.setDouble;
import static dev.signalcheck.ledger.Cells.setInt;
import static dev.signalcheck.ledger.Cells.setLong;
import static dev.signalcheck.ledger.Cells.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one recording writes below its run: a series with its models, metrics (each tied to its
 * metric definition) and findings, and the run's values for {@code ledger projects}. Statements are
 * prepared once and batched; {@link RunRecorder} owns the transactions.
 */
final class SeriesRows {
  private final Connection c;
  private final long run;
  private final boolean autoOrigins;
  private final Map<String, Long> definitions = new HashMap<>();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private RunValues values = new RunValues();

  /**
   * @param autoOrigins whether the run chose each series' origins by its length ({@code --origins
   *     auto}): its metrics are then defined under {@link MetricDefinition.Origins#AUTO_DEFAULT},
   *     else under the series' own number of origins
   */
  SeriesRows(Connection c, long run, boolean autoOrigins) {
    this.c = c;
    this.run = run;
    this.autoOrigins = autoOrigins;
  }

  /** Drops what was batched but not sent (after a rollback). */
  void clearBatches() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      ps.clearBatch();
    }
  }

  void insertSeries(JsonNode s, int ord) throws SQLException {
    JsonNode freq = s.path("frequency");
    JsonNode bt = s.path("backtest");
    JsonNode verdict = s.path("verdict");
    int season = bt.hasNonNull("season") ? bt.get("season").asInt() : freq.path("season").asInt(1);
    Integer horizon =
        bt.hasNonNull("horizon")
            ? Integer.valueOf(bt.get("horizon").asInt())
            : freq.hasNonNull("horizon") ? Integer.valueOf(freq.get("horizon").asInt()) : null;
    Integer origins = bt.hasNonNull("origins") ? Integer.valueOf(bt.get("origins").asInt()) : null;
    String best = textOrNull(bt.get("best"));
    Double bestMase = null;
    Long maseDef = null;
    List<JsonNode> models = new ArrayList<>();
    bt.path("models").forEach(models::add);
    MetricDefinition.Origins policy =
        origins == null
            ? null
            : autoOrigins
                ? MetricDefinition.Origins.AUTO_DEFAULT
                : MetricDefinition.Origins.fixed(origins);
    if (horizon != null && policy != null) {
      maseDef = definition(MetricDefinition.mase(season, horizon, policy));
      for (JsonNode m : models) {
        if (best != null && best.equals(m.path("name").asText())) {
          bestMase = doubleOrNull(m.get("mase"));
        }
      }
    }
    values.add(maseDef, bestMase, doubleOrNull(verdict.get("skill")));
    int[] sev = new int[3];
    String worst = null;
    for (JsonNode f : s.path("findings")) {
      String sv = f.path("severity").asText();
      int r = rank(sv);
      if (r >= 0) {
        sev[r]++;
        if (worst == null || r > rank(worst)) {
          worst = sv;
        }
      }
    }
    long seriesId;
    {
      PreparedStatement ps =
          stmt(
              "INSERT INTO series (run_id, ordinal, series_key, target, n, length, start_time,"
                  + " end_time, step, season, horizon, origins, verdict, skill, predictability,"
                  + " p_value, useful_horizon, best_model, baseline_model, best_mase,"
                  + " mase_definition_id, expected_mase, expected_mase_low, expected_mase_high,"
                  + " headline, critical, warning, info, worst_severity) VALUES (?, ?, ?, ?, ?, ?,"
                  + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " RETURNING id");
      int i = 1;
      ps.setLong(i++, run);
      ps.setInt(i++, ord);
      ps.setString(i++, s.path("id").asText(""));
      ps.setString(i++, textOrNull(s.get("target")));
      setLong(ps, i++, longOrNull(s.get("n")));
      setLong(ps, i++, longOrNull(s.get("length")));
      ps.setString(i++, textOrNull(s.get("start")));
      ps.setString(i++, textOrNull(s.get("end")));
      ps.setString(i++, textOrNull(freq.get("step")));
      ps.setInt(i++, season);
      setInt(ps, i++, horizon);
      setInt(ps, i++, origins);
      ps.setString(i++, textOrNull(verdict.get("signal")));
      setDouble(ps, i++, doubleOrNull(verdict.get("skill")));
      setDouble(ps, i++, doubleOrNull(verdict.get("predictability")));
      setDouble(ps, i++, doubleOrNull(bt.path("significance").get("pValue")));
      setInt(ps, i++, intOrNull(verdict.get("usefulHorizon")));
      ps.setString(i++, best);
      ps.setString(i++, textOrNull(bt.get("baseline")));
      setDouble(ps, i++, bestMase);
      setLong(ps, i++, maseDef);
      JsonNode ex = verdict.path("expected");
      setDouble(ps, i++, doubleOrNull(ex.get("mase")));
      setDouble(ps, i++, doubleOrNull(ex.get("low")));
      setDouble(ps, i++, doubleOrNull(ex.get("high")));
      ps.setString(i++, textOrNull(verdict.get("headline")));
      ps.setInt(i++, sev[2]);
      ps.setInt(i++, sev[1]);
      ps.setInt(i++, sev[0]);
      ps.setString(i, worst);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        seriesId = rs.getLong(1);
      }
    }
    if (!models.isEmpty()) {
      {
        PreparedStatement pm = stmt(MODEL_INSERT);
        PreparedStatement pv = stmt(METRIC_INSERT);
        for (JsonNode m : models) {
          String name = m.path("name").asText();
          pm.setLong(1, seriesId);
          pm.setString(2, name);
          pm.setBoolean(3, m.path("baseline").asBoolean(false));
          pm.setBoolean(4, m.path("skipped").asBoolean(false));
          pm.setString(5, textOrNull(m.get("reason")));
          pm.setString(6, textOrNull(m.get("description")));
          if (m.hasNonNull("overfit")) {
            pm.setBoolean(7, m.get("overfit").asBoolean());
          } else {
            pm.setNull(7, Types.BOOLEAN);
          }
          pm.addBatch();
          if (horizon == null || policy == null) {
            continue;
          }
          for (MetricDefinition.Kind k : MetricDefinition.KINDS) {
            Double v = doubleOrNull(m.get(k.field()));
            if (v == null) {
              continue;
            }
            pv.setLong(1, seriesId);
            pv.setString(2, name);
            pv.setLong(3, definition(MetricDefinition.of(k, season, horizon, policy)));
            pv.setDouble(4, v);
            pv.addBatch();
          }
        }
      }
    }
    insertFindings(s.path("findings"), seriesId);
  }

  /** What {@code ledger projects} reads of this run instead of its series (table run_values). */
  void insertValues() throws SQLException {
    PreparedStatement ps =
        stmt(
            "INSERT INTO run_values (run_id, kind, definition_id, n, vals) VALUES (?, ?, ?, ?, ?)");
    for (Map.Entry<Long, RunValues.Doubles> e : values.mase().entrySet()) {
      bindValues(ps, RunValues.BEST_MASE, e.getKey(), e.getValue());
    }
    bindValues(ps, RunValues.SKILL, null, values.skill());
    values = new RunValues();
  }

  private void bindValues(PreparedStatement ps, String kind, Long definition, RunValues.Doubles d)
      throws SQLException {
    ps.setLong(1, run);
    ps.setString(2, kind);
    setLong(ps, 3, definition);
    ps.setInt(4, d.size());
    ps.setBytes(5, RunValues.encode(d));
    ps.addBatch();
  }

  private static final String VALUES_INSERT =
      "INSERT INTO run_values (run_id, kind, definition_id, n, vals) VALUES (?, ?, ?, ?, ?)";
  private static final String MODEL_INSERT =
      "INSERT INTO model (series_id, model, baseline, skipped, reason, description, overfit)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String METRIC_INSERT =
      "INSERT INTO metric (series_id, model, definition_id, value) VALUES (?, ?, ?, ?)";
  private static final String FINDING_INSERT =
      "INSERT INTO finding (run_id, series_id, check_id, severity, category, count, first_from,"
          + " first_to, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A statement prepared once per recording (closed at the end). */
  private PreparedStatement stmt(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = c.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /** Sends the batched model, metric and finding rows (models before their metrics). */
  void executeBatches() throws SQLException {
    for (String sql : List.of(MODEL_INSERT, METRIC_INSERT, FINDING_INSERT, VALUES_INSERT)) {
      PreparedStatement ps = statements.get(sql);
      if (ps != null) {
        ps.executeBatch();
      }
    }
  }

  void closeStatements() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing with the connection anyway
      }
    }
    statements.clear();
  }

  void insertFindings(JsonNode findings, Long seriesId) throws SQLException {
    if (findings == null || !findings.isArray() || findings.isEmpty()) {
      return;
    }
    {
      PreparedStatement ps = stmt(FINDING_INSERT);
      for (JsonNode f : findings) {
        JsonNode first = f.path("intervals").path(0);
        ps.setLong(1, run);
        setLong(ps, 2, seriesId);
        ps.setString(3, f.path("check").asText());
        ps.setString(4, f.path("severity").asText());
        ps.setString(5, textOrNull(f.get("category")));
        setLong(ps, 6, longOrNull(f.get("count")));
        ps.setString(7, textOrNull(first.get("from")));
        ps.setString(8, textOrNull(first.get("to")));
        ps.setString(9, textOrNull(f.get("message")));
        ps.addBatch();
      }
    }
  }

  private long definition(MetricDefinition d) throws SQLException {
    Long id = definitions.get(d.key());
    if (id != null) {
      return id;
    }
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO metric_definition (name, scaling, season, horizon, origins,"
                + " aggregation, origin_policy) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name,"
                + " scaling, season, horizon, origins, aggregation, origin_policy) DO NOTHING")) {
      bindDefinition(ins, d);
      ins.executeUpdate();
    }
    try (PreparedStatement sel =
        c.prepareStatement(
            "SELECT id FROM metric_definition WHERE name = ? AND scaling = ? AND season = ? AND"
                + " horizon = ? AND origins = ? AND aggregation = ? AND origin_policy = ?")) {
      bindDefinition(sel, d);
      try (ResultSet rs = sel.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    definitions.put(d.key(), id);
    return id;
  }

  private static void bindDefinition(PreparedStatement ps, MetricDefinition d) throws SQLException {
    ps.setString(1, d.name());
    ps.setString(2, d.scaling());
    ps.setInt(3, d.season());
    ps.setInt(4, d.horizon());
    ps.setInt(5, d.origins());
    ps.setString(6, d.aggregation());
    ps.setString(7, d.originPolicy());
  }

  private static int rank(String severity) {
    switch (severity) {
      case "info":
        return 0;
      case "warning":
        return 1;
      case "critical":
        return 2;
      default:
        return -1;
    }
  }
}
