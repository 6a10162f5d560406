package dev.signalcheck.spark;

import dev.signalcheck.core.audit.AuditSummary;
import dev.signalcheck.core.audit.SeriesAuditor;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The audit of one series inside an executor: the group's rows stream past; at most {@code maxRows}
 * of them are kept in a bounded heap — the most recent by time, then by row — and the rest only
 * counted, so a skewed key cannot exhaust the executor (Spark hands a group over as an iterator
 * over its sorted, spillable shuffle output, not as a list). The kept rows, back in input order,
 * become the same {@link SeriesData} the file reader builds, and {@link SeriesAuditor} audits them
 * as the command line does. The result leaves as one row: the figures of series.parquet, the
 * findings, optionally the series' JSON, and its {@link AuditSummary} (mergeable).
 */
final class GroupAudit implements FlatMapGroupsFunction<String, Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final SettingsSpec settings;
  private final TimeSpec timeSpec;
  private final int maxRows;
  private final boolean json;
  private transient SeriesAuditor auditor;
  private transient TimeFormat format;

  GroupAudit(SettingsSpec settings, TimeSpec timeSpec, int maxRows, boolean json) {
    this.settings = settings;
    this.timeSpec = timeSpec;
    this.maxRows = maxRows;
    this.json = json;
  }

  /** A kept row: its position in the input and its fields. */
  private record Kept(long row, long time, String rawTime, double value, byte state, String raw) {}

  @Override
  public Iterator<Row> call(String id, Iterator<Row> rows) {
    if (auditor == null) {
      // one Spark task per core already: a long series' parts run in turn within its task
      auditor = new SeriesAuditor(settings.settings()).withThreads(1);
      format = timeSpec.parser().format();
    }
    String target = null;
    // the most recent maxRows rows, whatever order they come in
    PriorityQueue<Kept> kept =
        new PriorityQueue<>(
            Comparator.comparingLong(Kept::time).thenComparingLong(Kept::row)); // oldest on top
    long cut = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (target == null) {
        target = r.getString(Schemas.P_TARGET);
      }
      Kept k =
          new Kept(
              r.getLong(Schemas.P_ROW),
              r.getLong(Schemas.P_TIME),
              r.getString(Schemas.P_RAW_TIME),
              r.getDouble(Schemas.P_VALUE),
              r.getByte(Schemas.P_STATE),
              r.getString(Schemas.P_RAW_VALUE));
      if (kept.size() < maxRows) {
        kept.add(k);
      } else {
        cut++;
        Kept oldest = kept.peek();
        if (oldest.time() < k.time() || (oldest.time() == k.time() && oldest.row() < k.row())) {
          kept.poll();
          kept.add(k);
        }
      }
    }
    List<Kept> inOrder = new ArrayList<>(kept);
    inOrder.sort(Comparator.comparingLong(Kept::row));
    SeriesData data = new SeriesData(id, target, format);
    for (Kept k : inOrder) {
      data.add(k.row(), k.time(), k.rawTime(), k.value(), k.state(), k.raw());
    }
    SeriesResult result = auditor.audit(data);
    return List.of(toRow(result, cut)).iterator();
  }

  private Row toRow(SeriesResult r, long cut) {
    var v = r.verdict();
    var bt = r.backtest();
    var fq = r.frequency();
    Finding worst = r.worst();
    List<Row> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
      Interval first = f.intervals().isEmpty() ? null : f.intervals().get(0);
      findings.add(
          RowFactory.create(
              f.check(),
              f.severity().label(),
              f.category().label(),
              f.message(),
              f.count(),
              f.intervals().size(),
              first == null ? null : String.valueOf(first.from()),
              first == null ? null : String.valueOf(first.to()),
              first == null ? null : first.count(),
              RowRules.scalaSeq(f.rows())));
    }
    String text = null;
    if (json) {
      try {
        text = Json.mapper().writeValueAsString(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return RowFactory.create(
        r.id(),
        r.target(),
        r.n(),
        cut,
        r.length(),
        r.start() == null ? null : String.valueOf(r.start()),
        r.end() == null ? null : String.valueOf(r.end()),
        fq == null ? null : fq.step(),
        fq == null ? null : fq.season(),
        fq == null ? null : finite(fq.regularity()),
        fq == null ? null : fq.horizon(),
        v == null ? null : v.signal().label(),
        v == null ? null : finite(v.skill()),
        v == null ? null : finite(v.predictability()),
        v == null ? null : v.usefulHorizon(),
        bt == null ? null : bt.best(),
        bt == null ? null : bt.baseline(),
        v == null || v.expected() == null ? null : finite(v.expected().mase()),
        v == null || v.expected() == null ? null : finite(v.expected().low()),
        v == null || v.expected() == null ? null : finite(v.expected().high()),
        worst == null ? null : worst.check(),
        worst == null ? null : worst.severity().label(),
        (int) r.count(Severity.CRITICAL),
        (int) r.count(Severity.WARNING),
        (int) r.count(Severity.INFO),
        RowRules.scalaSeq(findings),
        text,
        serialize(new AuditSummary().add(r)));
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  static byte[] serialize(Serializable s) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(b)) {
      o.writeObject(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static <T> T deserialize(byte[] bytes, Class<T> type) {
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return type.cast(in.readObject());
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read a partial audit summary", e);
    }
  }
}
