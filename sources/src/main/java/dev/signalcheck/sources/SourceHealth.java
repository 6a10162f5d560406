package dev.signalcheck.sources;

import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.sources.SourceChecks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One source's health as a document: last success (rows, newest stamp), staleness in the data's own
 * steps, last failure and how long it has been failing, and the last pull's findings. Read by
 * `signalcheck sources --json`, the API's `GET /api/v1/sources` and the dashboard's sources page,
 * so the three never disagree.
 */
public final class SourceHealth {
  private SourceHealth() {}

  /** The documents of every source, as of {@code now}. */
  public static List<Map<String, Object>> docs(List<SourceLedger.Status> all, Instant now) {
    return all.stream().map(s -> doc(s, now)).toList();
  }

  public static Map<String, Object> doc(SourceLedger.Status s, Instant now) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", s.name());
    d.put("url", s.url());
    d.put("format", s.format());
    d.put("pulls", s.pulls());
    d.put("snapshots", s.snapshots());
    if (s.lastSnapshot() != null) {
      var snap = s.lastSnapshot().snapshot();
      Map<String, Object> ok = new LinkedHashMap<>();
      ok.put("at", SourceChecks.instant(snap.fetchedAt()));
      ok.put("rows", snap.rows());
      ok.put("series", snap.series());
      ok.put("first", snap.firstStamp());
      ok.put("newest", snap.lastStamp());
      ok.put("contentHash", snap.contentHash());
      ok.put("path", s.lastSnapshot().path());
      d.put("lastSuccess", ok);
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("newest", snap.lastStamp());
      st.put("step", snap.step());
      Long behind = null;
      if (snap.step() != null && snap.lastStampMillis() != null) {
        try {
          behind =
              (long)
                  Math.floor(
                      Step.parse(snap.step()).position(snap.lastStampMillis(), now.toEpochMilli()));
        } catch (RuntimeException e) {
          behind = null;
        }
      }
      st.put("stepsBehind", behind);
      st.put("stale", behind != null && behind >= SourceChecks.STALE_STEPS);
      d.put("staleness", st);
    } else {
      d.put("lastSuccess", null);
      d.put("staleness", null);
    }
    if (s.lastFailure() != null) {
      Map<String, Object> bad = new LinkedHashMap<>();
      bad.put("at", SourceChecks.instant(s.lastFailure().startedAt()));
      bad.put("reason", s.lastFailure().reason());
      bad.put("attempts", s.lastFailure().attempts());
      d.put("lastFailure", bad);
    } else {
      d.put("lastFailure", null);
    }
    Map<String, Object> failing = new LinkedHashMap<>();
    failing.put("pulls", s.failedInRow());
    failing.put("since", s.failingSince() == null ? null : SourceChecks.instant(s.failingSince()));
    d.put("failing", failing);
    d.put("lastPull", s.lastPull() == null ? null : SourceChecks.instant(s.lastPull().startedAt()));
    d.put("changes", s.lastPull() == null ? List.of() : s.lastPull().findings());
    return d;
  }
}
