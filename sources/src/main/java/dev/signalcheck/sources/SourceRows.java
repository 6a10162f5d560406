package dev.signalcheck.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.sources.Snapshot;
import dev.signalcheck.ledger.LedgerDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of the sources' tables as records, and findings as the JSON a pull stores. */
final class SourceRows {
  private SourceRows() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Map<String, Object>> findingsJson(List<Finding> findings) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("check", f.check());
      m.put("severity", f.severity().label());
      m.put("count", f.count());
      m.put("message", f.message());
      out.add(m);
    }
    return out;
  }

  static SourceLedger.Stored stored(ResultSet rs, LedgerDialect dialect)
      throws SQLException, JsonProcessingException {
    List<Snapshot.Column> cols =
        JSON.readValue(rs.getString("columns"), new TypeReference<List<Snapshot.Column>>() {});
    long ms = rs.getLong("last_stamp_ms");
    Long last = rs.wasNull() ? null : ms;
    Snapshot s =
        new Snapshot(
            dialect.getTime(rs, "fetched_at"),
            rs.getString("content_hash"),
            cols,
            rs.getLong("row_count"),
            rs.getLong("series_count"),
            rs.getString("step"),
            rs.getString("first_stamp"),
            rs.getString("last_stamp"),
            last);
    return new SourceLedger.Stored(
        rs.getLong("id"), s, rs.getString("path"), rs.getLong("size_bytes"));
  }

  static SourceLedger.Pull pull(ResultSet rs, LedgerDialect dialect)
      throws SQLException, JsonProcessingException {
    String f = rs.getString("findings");
    List<Map<String, Object>> findings =
        f == null
            ? List.of()
            : JSON.readValue(f, new TypeReference<List<Map<String, Object>>>() {});
    return new SourceLedger.Pull(
        rs.getLong("id"),
        dialect.getTime(rs, "started_at"),
        dialect.getTime(rs, "finished_at"),
        rs.getString("outcome"),
        rs.getString("reason"),
        rs.getInt("attempts"),
        findings);
  }

  static Attempt attempt(ResultSet rs, LedgerDialect dialect) throws SQLException {
    int st = rs.getInt("status");
    Integer status = rs.wasNull() ? null : st;
    String label = rs.getString("outcome");
    Outcome o = Outcome.OK;
    for (Outcome x : Outcome.values()) {
      if (x.label().equals(label)) {
        o = x;
      }
    }
    return new Attempt(
        rs.getInt("attempt"),
        dialect.getTime(rs, "started_at"),
        rs.getLong("duration_ms"),
        status,
        rs.getLong("bytes"),
        o,
        rs.getString("message"),
        rs.getLong("wait_ms"));
  }
}
