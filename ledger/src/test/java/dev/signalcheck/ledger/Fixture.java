package dev.signalcheck.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * One ledger per database with three real audits, made once for the query, export and command
 * tests: run A (the data), run B (the same series changed: a verdict and a finding differ), run C
 * (the data of A under another horizon: its MASE has another definition), all in project {@code
 * demo}.
 */
final class Fixture {
  record Runs(
      LedgerLocation location, long a, long b, long c, Audits.Outcome outA, Audits.Outcome outB) {}

  private static final Map<LedgerDialect, Runs> MADE = new EnumMap<>(LedgerDialect.class);

  private Fixture() {}

  static synchronized Runs of(LedgerDialect d) {
    return MADE.computeIfAbsent(d, Fixture::make);
  }

  private static Runs make(LedgerDialect d) {
    try {
      Path dir = Files.createTempDirectory("signalcheck-ledger-fixture-");
      dir.toFile().deleteOnExit();
      LedgerLocation loc = TestDatabases.fresh(d, dir);
      Path a = Audits.data(dir, "extract-1.csv", 1, false);
      Path b = Audits.data(dir, "extract-2.csv", 1, true);
      Audits.Outcome oa = Audits.run(a, Audits.settings(12), loc, "demo", dir.resolve("a.json"));
      Audits.Outcome ob = Audits.run(b, Audits.settings(12), loc, "demo", dir.resolve("b.json"));
      Audits.Outcome oc = Audits.run(a, Audits.settings(6), loc, "demo", dir.resolve("c.json"));
      return new Runs(
          loc,
          oa.recorded().orElseThrow().runId(),
          ob.recorded().orElseThrow().runId(),
          oc.recorded().orElseThrow().runId(),
          oa,
          ob);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
