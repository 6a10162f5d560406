package dev.signalcheck.core.audit;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.backtest.SideBySide;
import dev.signalcheck.core.checks.Alignment;
import dev.signalcheck.core.checks.History;
import dev.signalcheck.core.checks.ValueChecks;
import dev.signalcheck.core.covariates.CovariateAnalysis;
import dev.signalcheck.core.covariates.CovariateGrid;
import dev.signalcheck.core.covariates.CovariateResult;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.profile.DominantPeriod;
import dev.signalcheck.core.profile.Profile;
import dev.signalcheck.core.profile.Profiler;
import dev.signalcheck.core.series.Cleaner;
import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.verdict.Verdict;
import dev.signalcheck.core.verdict.VerdictRules;
import dev.signalcheck.core.verdict.Withheld;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The per-series pipeline: checks, then profile, backtest and verdict. Stateless and thread-safe:
 * one instance serves all worker threads.
 */
public final class SeriesAuditor {

  private final AuditSettings settings;
  private final ModelRegistry registry;

  /** Threads the audit may use: one means a long series' parts run in turn. */
  private final int threads;

  /**
   * @throws IllegalArgumentException when {@code settings.models()} names an unknown model
   */
  public SeriesAuditor(AuditSettings settings) {
    this(settings, Runtime.getRuntime().availableProcessors());
  }

  private SeriesAuditor(AuditSettings settings, int threads) {
    this.settings = settings;
    this.registry = ModelRegistry.defaults();
    this.threads = threads;
    registry.select(settings.models());
  }

  /**
   * This auditor for an audit allowed {@code threads} threads: with one, the parts of a long series
   * (its models, its profile) run in turn on it instead of side by side ({@link SideBySide}).
   */
  public SeriesAuditor withThreads(int threads) {
    return new SeriesAuditor(settings, threads);
  }

  public AuditSettings settings() {
    return settings;
  }

  public SeriesResult audit(SeriesData data) {
    return audit(data, InputHints.NONE);
  }

  /**
   * Audits one series; {@code hints} from the source name the likely fix when the rows cannot be
   * what the user meant (a forgotten {@code --id} or time-of-day column).
   */
  public SeriesResult audit(SeriesData data, InputHints hints) {
    return audit(data, () -> hints);
  }

  /**
   * As {@link #audit(SeriesData, InputHints)}, with the hints asked for only when this series needs
   * them (most of its rows repeat a time stamp); {@code hints} may be called from any thread.
   */
  public SeriesResult audit(SeriesData data, Supplier<InputHints> hints) {
    Alignment.Result aligned = Alignment.align(data, settings.step(), hints);
    List<Finding> findings = new ArrayList<>(aligned.findings());
    RegularSeries reg = aligned.regular();
    if (reg == null) {
      findings.add(
          new Finding(
              CheckType.SERIES_TOO_SHORT.id(),
              Severity.CRITICAL,
              Category.DATA_MISSING,
              "no row of this series has a usable time stamp: nothing can be analysed",
              0,
              List.of(),
              List.of(),
              java.util.Map.of()));
      return SeriesResult.builder()
          .id(data.id())
          .target(data.target())
          .n(data.size())
          .findings(sorted(findings))
          .build();
    }
    int len = reg.length();
    SeasonChoice seasonChoice = SeasonChoice.choose(settings.season(), reg);
    int season = seasonChoice.season();
    if (seasonChoice.reason() != null) {
      findings.add(
          new Finding(
              CheckType.SERIES_SEASON_FROM_DATA.id(),
              Severity.INFO,
              Category.DATA_COLLECTION,
              seasonChoice.reason(),
              1,
              List.of(),
              List.of(),
              java.util.Map.of("calendarSeason", seasonChoice.calendar(), "season", season)));
    }
    // sensor faults on the aligned series; codes for missing are missing from here on
    ValueChecks.Result values =
        ValueChecks.run(reg, season, settings.min(), settings.max(), SideBySide.split(threads));
    findings.addAll(values.findings());
    if (data.hasRecordedAt()) {
      findings.addAll(History.check(data, aligned));
    }
    Cleaner.Cleaned cleaned = Cleaner.clean(values.series(), season);
    int n = cleaned.values().length;
    int horizon =
        settings.horizon() != null ? settings.horizon() : reg.step().defaultHorizon(season, n);
    Frequency freq = new Frequency(reg.step().iso(), season, aligned.regularity(), horizon);
    tooShort(n, season, horizon, findings);
    // a long series profiles itself beside its backtest (SideBySide): the same profile
    double[] profiled =
        n == 0
            ? cleaned.values()
            : latest(
                cleaned.values(),
                profileWindow(
                    season,
                    settings.maxTrainFor(season)
                        + (long) horizon * settings.originsFor(n, season, horizon)));
    java.util.concurrent.Future<Profile> profiling =
        n > 0 && SideBySide.applies(n, threads)
            ? SideBySide.submit(() -> Profiler.profile(profiled, season))
            : null;
    Profile profile = n == 0 || profiling != null ? null : Profiler.profile(profiled, season);
    if (profile != null) {
      seasonMismatch(profile.dominantPeriod(), season, reg, findings);
    }
    BacktestResult backtest = null;
    Verdict verdict = null;
    CovariateResult covariates = null;
    BacktestLimits limits = null;
    if (n > 0) {
      List<Forecaster> models =
          settings.models().isEmpty() ? registry.all() : registry.select(settings.models());
      int origins = settings.originsFor(n, season, horizon);
      int maxTrain = settings.maxTrainFor(season);
      double[] recent = recentHistory(cleaned.values(), maxTrain, horizon, origins);
      int possible =
          settings.autoOrigins()
              ? RollingOriginBacktest.autoOrigins(n, season, horizon)
              : settings.origins();
      limits =
          BacktestLimits.of(
              n, recent.length, maxTrain, possible, origins, origins < possible, profiled.length);
      RollingOriginBacktest main = new RollingOriginBacktest(horizon, origins);
      if (threads <= 1) {
        main = main.inTurn();
      }
      backtest = main.run(recent, season, models);
      if (profiling != null) {
        // its finding where the profile in turn would have put it: nothing was added since
        profile = SideBySide.await(profiling, List.of(profiling));
        if (profile != null) {
          seasonMismatch(profile.dominantPeriod(), season, reg, findings);
        }
      }
      verdict = VerdictRules.judge(backtest, seasonName(reg.step(), season));
      overfit(backtest, findings);
      int late = indexOf(findings, CheckType.HISTORY_LATE_ENTRY.id());
      if (late >= 0 && !backtest.insufficientData()) {
        int startPos = cleaned.offset() + cleaned.values().length - recent.length;
        BacktestResult asOf =
            main.run(
                recent,
                season,
                models,
                new AsOfView(data, values.series(), values.codes(), startPos));
        Verdict asOfVerdict = VerdictRules.judge(asOf, seasonName(reg.step(), season));
        findings.set(
            late, AsOfView.compare(findings.get(late), backtest, verdict, asOf, asOfVerdict));
      }
      if (!data.covariates().isEmpty()) {
        // the covariates on the grid positions the backtest used
        int to = cleaned.offset() + n;
        Map<String, double[]> codes = new LinkedHashMap<>();
        Map<String, double[]> x =
            CovariateGrid.onGrid(data, aligned, values.codes(), to - recent.length, to, codes);
        CovariateAnalysis.Outcome cov =
            CovariateAnalysis.analyse(
                recent, x, codes, knownAhead(x.keySet()), season, horizon, origins, backtest);
        covariates = cov.result();
        findings.addAll(cov.findings());
        // the best covariate model joins the main model table, as a candidate that uses covariates
        backtest = RollingOriginBacktest.withModel(backtest, covariates.model());
        verdict = VerdictRules.judge(backtest, covariates, seasonName(reg.step(), season));
      }
    }
    if (aligned.withheld() != null) {
      verdict = Withheld.verdict(aligned.withheld());
    }
    return SeriesResult.builder()
        .id(data.id())
        .target(data.target())
        .n(data.size())
        .length(len)
        .start(reg.formattedTime(0))
        .end(reg.formattedTime(len - 1))
        .frequency(freq)
        .findings(sorted(findings))
        .cleaning(cleaned.cleaning())
        .profile(profile)
        .backtest(backtest)
        .verdict(verdict)
        .series(values.series())
        .covariates(covariates)
        .limits(limits)
        .build();
  }

  /**
   * The covariates declared known ahead, matched as column names are (exact, else ignoring case).
   */
  private Set<String> knownAhead(Set<String> names) {
    Set<String> out = new HashSet<>();
    for (String k : settings.knownAhead()) {
      for (String n : names) {
        if (n.equals(k) || n.trim().equalsIgnoreCase(k.trim())) {
          out.add(n);
        }
      }
    }
    return out;
  }

  private static int indexOf(List<Finding> findings, String check) {
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).check().equals(check)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The part of a long series the backtest runs on: the test windows of all origins and at most
   * {@code maxTrain} points of history before the first of them. Shorter series are used whole.
   */
  static double[] recentHistory(double[] y, int maxTrain, int horizon, int origins) {
    return latest(y, maxTrain + (long) horizon * origins);
  }

  /**
   * Points a profile describes at most: the latest {@value #PROFILE_WINDOW}, or four seasons, or
   * the backtest's history if that is more. Its measures are settled long before (a spectral
   * entropy or a strength on 200,000 points moves in the third decimal), and a series of millions
   * of readings would otherwise spend most of its audit on FFTs and period scans of history no
   * model sees.
   */
  public static final int PROFILE_WINDOW = 200_000;

  static long profileWindow(int season, long backtestHistory) {
    return Math.max(Math.max(PROFILE_WINDOW, 4L * Math.max(1, season)), backtestHistory);
  }

  private static double[] latest(double[] y, long keep) {
    if (y.length <= keep) {
      return y;
    }
    return java.util.Arrays.copyOfRange(y, (int) (y.length - keep), y.length);
  }

  /** Candidates whose out-of-sample error grows far more than naive's from their in-sample fit. */
  private static void overfit(BacktestResult bt, List<Finding> out) {
    for (ModelScore m : bt.models()) {
      if (m.overfit() && !m.skipped() && !m.baseline()) {
        out.add(
            new Finding(
                CheckType.MODEL_OVERFIT.id(),
                Severity.INFO,
                Category.MODEL_OVERFIT,
                String.format(
                    Locale.ROOT,
                    "%s fits the history far better than it forecasts: in-sample MASE %.2f, out-of-sample %.2f (%.1f× the"
                        + " growth naive shows); don't trust its in-sample fit",
                    m.name(),
                    m.inSampleMase(),
                    m.mase(),
                    m.overfitRatio()),
                1,
                List.of(),
                List.of(),
                java.util.Map.of("model", m.name())));
      }
    }
  }

  /**
   * The season in plain words: "daily" for 24 hourly steps, "weekly" for 7 days, "yearly" for 12
   * months.
   */
  static String seasonName(Step step, int season) {
    if (season <= 1) {
      return null;
    }
    long ms = step.kind() == Step.Kind.FIXED ? step.amount() * season : 0;
    if (ms == 86_400_000L) {
      return "daily";
    }
    if (ms == 7 * 86_400_000L) {
      return "weekly";
    }
    if (step.kind() == Step.Kind.MONTHS && step.amount() * season == 12) {
      return "yearly";
    }
    if (step.kind() == Step.Kind.FIXED && step.amount() == 7 * 86_400_000L && season == 52) {
      return "yearly";
    }
    return null;
  }

  /** Minimum usable length for the backtest: one horizon to test on and enough history to fit. */
  public static int minimumForBacktest(int season, int horizon) {
    return RollingOriginBacktest.minimumLength(season, horizon);
  }

  /** History needed before the first origin: two full seasons, and at least 10 points. */
  public static int minimumTraining(int season) {
    return RollingOriginBacktest.minimumTrainingLength(season);
  }

  private static void tooShort(int n, int season, int horizon, List<Finding> out) {
    List<String> parts = new ArrayList<>();
    int needBacktest = minimumForBacktest(season, horizon);
    if (n < needBacktest) {
      parts.add(
          String.format(
              Locale.ROOT,
              "the backtest needs at least %d points (horizon %d + %d of history)",
              needBacktest,
              horizon,
              minimumTraining(season)));
    }
    if (season > 1 && n < 2 * season + 1) {
      parts.add(
          String.format(
              Locale.ROOT,
              "seasonal measures need at least %d points (two seasons of %d)",
              2 * season + 1,
              season));
    }
    if (n < 10) {
      parts.add("the predictability profile needs at least 10 points");
    }
    if (!parts.isEmpty()) {
      out.add(
          new Finding(
              CheckType.SERIES_TOO_SHORT.id(),
              Severity.WARNING,
              Category.DATA_MISSING,
              String.format(
                  Locale.ROOT,
                  "only %s: %s",
                  dev.signalcheck.core.text.Prose.count(n, "usable point"),
                  String.join("; ", parts)),
              n,
              List.of(),
              List.of(),
              java.util.Map.of("usable", n, "minimum", needBacktest)));
    }
  }

  /**
   * The data's own dominant cycle differs from the configured season, e.g. hourly data with a
   * weekly cycle.
   */
  private static void seasonMismatch(
      DominantPeriod.Result d, int season, RegularSeries reg, List<Finding> out) {
    if (d == null || !d.disagrees() || d.period() == null) {
      return;
    }
    String unit = reg.step().iso();
    out.add(
        new Finding(
            CheckType.SERIES_SEASON_MISMATCH.id(),
            Severity.INFO,
            Category.DATA_COLLECTION,
            String.format(
                Locale.ROOT,
                "the data repeat every %d steps of %s (autocorrelation %.2f), but the analyses use a season of %d;"
                    + " if that cycle is real, rerun with --season %d",
                d.period(),
                unit,
                d.strength(),
                season,
                d.period(),
                d.period()),
            1,
            List.of(),
            List.of(),
            java.util.Map.of("dominantPeriod", d.period(), "season", season)));
  }

  private static List<Finding> sorted(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings);
    out.sort((a, b) -> b.severity().compareTo(a.severity()));
    return out;
  }
}
