package dev.signalcheck.core.audit;

import dev.signalcheck.core.checks.Alignment;
import dev.signalcheck.core.checks.Checks;
import dev.signalcheck.core.checks.History;
import dev.signalcheck.core.checks.ValueChecks;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.Cleaner;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-series pipeline: checks, then profile, backtest and verdict. Stateless and thread-safe: one
 * instance serves all worker threads.
 */
public final class SeriesAuditor {

  private final AuditSettings settings;

  public SeriesAuditor(AuditSettings settings) {
    this.settings = settings;
  }

  public AuditSettings settings() {
    return settings;
  }

  public SeriesResult audit(SeriesData data) {
    Alignment.Result aligned = Alignment.align(data, settings.step());
    List<Finding> findings = new ArrayList<>(aligned.findings());
    RegularSeries reg = aligned.regular();
    if (reg == null) {
      findings.add(new Finding(Checks.SERIES_TOO_SHORT, Severity.CRITICAL, Category.DATA_MISSING,
          "no row of this series has a usable time stamp: nothing can be analysed", 0, List.of(), List.of(),
          java.util.Map.of()));
      return new SeriesResult(data.id(), data.target(), data.size(), 0, null, null, null, sorted(findings), null,
          null, null, null);
    }
    int len = reg.length();
    int season = settings.season() != null ? settings.season() : reg.step().defaultSeason();
    // sensor faults on the aligned series; codes for missing are missing from here on
    ValueChecks.Result values = ValueChecks.run(reg, season, settings.min(), settings.max());
    findings.addAll(values.findings());
    if (data.hasRecordedAt()) {
      findings.addAll(History.check(data, aligned));
    }
    Cleaner.Cleaned cleaned = Cleaner.clean(values.series(), season);
    int n = cleaned.values().length;
    int horizon = settings.horizon() != null ? settings.horizon() : reg.step().defaultHorizon(season, n);
    Frequency freq = new Frequency(reg.step().iso(), season, aligned.regularity(), horizon);
    tooShort(n, season, horizon, findings);
    return new SeriesResult(data.id(), data.target(), data.size(), len, reg.formattedTime(0),
        reg.formattedTime(len - 1), freq, sorted(findings), cleaned.cleaning(), null, null, null);
  }

  /** Minimum usable length for the backtest: one horizon to test on and enough history to fit. */
  public static int minimumForBacktest(int season, int horizon) {
    return horizon + minimumTraining(season);
  }

  /** History needed before the first origin: two full seasons, and at least 10 points. */
  public static int minimumTraining(int season) {
    return Math.max(10, 2 * season);
  }

  private static void tooShort(int n, int season, int horizon, List<Finding> out) {
    List<String> parts = new ArrayList<>();
    int needBacktest = minimumForBacktest(season, horizon);
    if (n < needBacktest) {
      parts.add(String.format(Locale.ROOT, "the backtest needs at least %d points (horizon %d + %d of history)",
          needBacktest, horizon, minimumTraining(season)));
    }
    if (season > 1 && n < 2 * season + 1) {
      parts.add(String.format(Locale.ROOT, "seasonal measures need at least %d points (two seasons of %d)",
          2 * season + 1, season));
    }
    if (n < 10) {
      parts.add("the predictability profile needs at least 10 points");
    }
    if (!parts.isEmpty()) {
      out.add(new Finding(Checks.SERIES_TOO_SHORT, Severity.WARNING, Category.DATA_MISSING,
          String.format(Locale.ROOT, "only %d usable points: %s", n, String.join("; ", parts)), n, List.of(),
          List.of(), java.util.Map.of("usable", n, "minimum", needBacktest)));
    }
  }

  private static List<Finding> sorted(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings);
    out.sort((a, b) -> b.severity().compareTo(a.severity()));
    return out;
  }
}
