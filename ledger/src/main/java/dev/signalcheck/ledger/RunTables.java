package dev.signalcheck.ledger;

import static dev.signalcheck.ledger.Cells.setLong;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.errors.UsageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** The run recorder's statements on the project, dataset and run tables (bound values only). */
final class RunTables {

  private RunTables() {}

  /** The project's id, made if new; a reference population takes reference runs only. */
  static long project(Connection c, LedgerDialect dialect, String project, boolean reference)
      throws SQLException {
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO project (name, reference, created_at) VALUES (?, ?, ?) ON CONFLICT"
                + " (name) DO NOTHING")) {
      ins.setString(1, project);
      ins.setBoolean(2, reference);
      dialect.setTime(ins, 3, Instant.now());
      ins.executeUpdate();
    }
    try (PreparedStatement sel =
        c.prepareStatement("SELECT id, reference FROM project WHERE name = ?")) {
      sel.setString(1, project);
      try (ResultSet rs = sel.executeQuery()) {
        rs.next();
        if (rs.getBoolean(2) && !reference) {
          throw new UsageException(
              "project '"
                  + project
                  + "' is a read-only reference population; file the run under another"
                  + " --project");
        }
        return rs.getLong(1);
      }
    }
  }

  /** The dataset's id (by its fingerprint: source, bytes' hash, size, columns), made if new. */
  static long dataset(
      Connection c,
      LedgerDialect dialect,
      RunRecorder.Provenance prov,
      JsonNode input,
      String contentHash)
      throws SQLException {
    String source = input.path("source").asText("unknown");
    String columns = Canonical.stringList(prov.columns());
    String fp =
        Canonical.sha256(
            source,
            String.valueOf(prov.inputSha256()),
            String.valueOf(prov.inputSize()),
            String.valueOf(columns),
            prov.inputSha256() == null ? contentHash : "");
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO dataset (fingerprint, source, size_bytes, sha256, columns, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING")) {
      ins.setString(1, fp);
      ins.setString(2, source);
      setLong(ins, 3, prov.inputSize());
      ins.setString(4, prov.inputSha256());
      ins.setString(5, columns);
      dialect.setTime(ins, 6, Instant.now());
      ins.executeUpdate();
    }
    try (PreparedStatement sel =
        c.prepareStatement("SELECT id FROM dataset WHERE fingerprint = ?")) {
      sel.setString(1, fp);
      try (ResultSet rs = sel.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The complete run with this key, or null. */
  static Long completeRun(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM run WHERE run_key = ? AND complete")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** Removes incomplete runs untouched for {@code stale}: their process died. */
  static void removeStale(Connection c, LedgerDialect dialect, Duration stale) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM run WHERE NOT complete AND updated_at < ?")) {
      dialect.setTime(ps, 1, Instant.now().minus(stale));
      ps.executeUpdate();
    }
  }

  /** Removes what was written of a run that is not complete. */
  static void deleteIncomplete(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM run WHERE id = ? AND NOT complete")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }
}
