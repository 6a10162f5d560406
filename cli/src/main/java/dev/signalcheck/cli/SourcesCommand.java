package dev.signalcheck.cli;

import dev.signalcheck.core.sources.SourceChecks;
import dev.signalcheck.sources.SourceHealth;
import dev.signalcheck.sources.SourceLedger;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
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
    List<Map<String, Object>> docs = SourceHealth.docs(all, now);
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
}
