package dev.signalcheck.core.audit;

import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.verdict.Signal;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts over an audit: series, verdicts per signal, findings per severity, the worst severity.
 * Mergeable: summaries of parts of a data set (threads, files, Spark partitions) {@link #merge}
 * into the summary of the whole, in any order.
 */
public final class AuditSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private long series;
  private final long[] verdicts = new long[Signal.values().length];
  private final long[] findings = new long[Severity.values().length];
  private Severity worst;

  /** Counts one series: its verdict and its findings. */
  public AuditSummary add(SeriesResult r) {
    series++;
    if (r.verdict() != null) {
      verdicts[r.verdict().signal().ordinal()]++;
    }
    for (Finding f : r.findings()) {
      add(f);
    }
    return this;
  }

  /** Counts one finding (of a series, or of the data set as a whole). */
  public AuditSummary add(Finding f) {
    findings[f.severity().ordinal()]++;
    if (worst == null || f.severity().compareTo(worst) > 0) {
      worst = f.severity();
    }
    return this;
  }

  /** Adds another summary's counts to this one. */
  public AuditSummary merge(AuditSummary other) {
    series += other.series;
    for (int i = 0; i < verdicts.length; i++) {
      verdicts[i] += other.verdicts[i];
    }
    for (int i = 0; i < findings.length; i++) {
      findings[i] += other.findings[i];
    }
    if (other.worst != null && (worst == null || other.worst.compareTo(worst) > 0)) {
      worst = other.worst;
    }
    return this;
  }

  public long series() {
    return series;
  }

  public long verdicts(Signal s) {
    return verdicts[s.ordinal()];
  }

  public long findings(Severity s) {
    return findings[s.ordinal()];
  }

  /** The most severe finding's severity, or null when there is none. */
  public Severity worst() {
    return worst;
  }

  /** Verdict counts by JSON name: strong, weak, none, insufficient-data (all present). */
  public Map<String, Long> verdictCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Signal s : Signal.values()) {
      m.put(s.label(), verdicts[s.ordinal()]);
    }
    return m;
  }

  /** Finding counts by severity, most severe first: critical, warning, info (all present). */
  public Map<String, Long> findingCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    Severity[] all = Severity.values();
    for (int i = all.length - 1; i >= 0; i--) {
      m.put(all[i].label(), findings[i]);
    }
    return m;
  }
}
