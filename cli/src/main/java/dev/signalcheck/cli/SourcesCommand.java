package dev.signalcheck.cli;

import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.sources.SourceChecks;
import dev.signalcheck.sources.SourceLedger;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code signalcheck sources}: every source with its last success, last failure and changes. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description =
        "Every fetched source: last success, last failure, how far behind its newest reading is,"
            + " and what the last pull found.")
public final class SourcesCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  @Option(names = "--json", description = "One JSON document on standard output.")
  boolean json;

  static Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<SourceLedger.Status> all = ledger.with(l -> new SourceLedger(l).statuses());
    Instant now = clock.instant();
    List<Map<String, Object>> docs = new ArrayList<>();
    for (SourceLedger.Status s : all) {
      docs.add(doc(s, now));
    }
    if (json) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("checkedAt", SourceChecks.instant(now));
      d.put("sources", docs);
      LedgerCommand.printJson(out, d);
      return Main.OK;
    }
    if (all.isEmpty()) {
      out.println("no sources yet; fetch one with: signalcheck fetch URL --source NAME");
      out.flush();
      return Main.OK;
    }
    for (int i = 0; i < all.size(); i++) {
      SourceLedger.Status s = all.get(i);
      Map<String, Object> d = docs.get(i);
      out.printf(Locale.ROOT, "%s  %s%n", s.name(), s.url());
      out.printf(
          Locale.ROOT,
          "  last success  %s%n",
          s.lastSnapshot() == null
              ? "never"
              : String.format(
                  Locale.ROOT,
                  "%s · %,d rows · newest %s",
                  SourceChecks.instant(s.lastSnapshot().snapshot().fetchedAt()),
                  s.lastSnapshot().snapshot().rows(),
                  s.lastSnapshot().snapshot().lastStamp()));
      out.printf(
          Locale.ROOT,
          "  last failure  %s%n",
          s.lastFailure() == null
              ? "none"
              : SourceChecks.instant(s.lastFailure().startedAt())
                  + " · "
                  + s.lastFailure().reason());
      if (s.failedInRow() > 0) {
        out.printf(
            Locale.ROOT,
            "  failing       since %s (%s in a row)%n",
            SourceChecks.instant(s.failingSince()),
            dev.signalcheck.core.text.Prose.count(s.failedInRow(), "pull"));
      }
      Object st = d.get("staleness");
      if (st instanceof Map<?, ?> m && m.get("stepsBehind") != null) {
        out.printf(
            Locale.ROOT,
            "  staleness     newest reading %s steps (%s) behind now%n",
            m.get("stepsBehind"),
            m.get("step"));
      }
      List<Map<String, Object>> findings =
          s.lastPull() == null ? List.of() : s.lastPull().findings();
      out.printf(
          Locale.ROOT, "  changes       %s%n", findings.isEmpty() ? "none in the last pull" : "");
      for (Map<String, Object> f : findings) {
        out.printf(
            Locale.ROOT,
            "    %-8s %-24s %s%n",
            f.get("severity"),
            f.get("check"),
            f.get("message"));
      }
    }
    out.flush();
    return Main.OK;
  }

  static Map<String, Object> doc(SourceLedger.Status s, Instant now) {
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
