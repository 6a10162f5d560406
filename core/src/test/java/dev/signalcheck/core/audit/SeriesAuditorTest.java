package dev.signalcheck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.reference.ReferenceSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.core.verdict.Signal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the audit of one series promises: findings located in time, the step, season and horizon
 * chosen from the data (or taken from the settings), a predictability profile, a backtest of
 * candidates against trivial baselines, and a verdict whose numbers are the backtest's; and on
 * degenerate input (empty, constant, all missing, one, two or season + 1 points) a result that says
 * why, never an exception.
 */
class SeriesAuditorTest {

  private static final TimeFormat DATE = new TimeFormat(TimeKind.DATE, null);
  private static final TimeFormat LOCAL = new TimeFormat(TimeKind.LOCAL_DATETIME, null);
  private static final List<String> BASELINES =
      List.of("mean", "naive", "seasonal-naive", "naive2");

  /** A monthly series from January 1949 with these values; NaN is a missing value. */
  static SeriesData monthly(String id, double[] values) {
    SeriesData d = new SeriesData(id, "value", DATE);
    for (int i = 0; i < values.length; i++) {
      long t = LocalDate.of(1949, 1, 1).plusMonths(i).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      boolean missing = Double.isNaN(values[i]);
      d.add(i + 1L, t * 1000, null, values[i], missing ? SeriesData.MISSING : SeriesData.OK, null);
    }
    return d;
  }

  static Optional<Finding> finding(SeriesResult r, CheckType check) {
    return r.findings().stream().filter(f -> f.check().equals(check.id())).findFirst();
  }

  static SeriesResult audit(SeriesData d) {
    return new SeriesAuditor(AuditSettings.defaults()).audit(d);
  }

  /** The defaults with a few fast models, where the point is not the backtest. */
  static SeriesResult auditFast(SeriesData d) {
    List<String> models = List.of("mean", "naive", "seasonal-naive", "ses");
    return new SeriesAuditor(new AuditSettings(null, null, null, 3, models, null, null)).audit(d);
  }

  @Test
  void aMonthlySeriesGetsItsSeasonHorizonProfileBacktestAndVerdict() {
    ReferenceSeries air = ReferenceSeries.load("air_passengers");
    SeriesResult r = audit(monthly("air", air.values()));

    assertThat(r.id()).isEqualTo("air");
    assertThat(r.n()).isEqualTo(144);
    assertThat(r.length()).isEqualTo(144);
    assertThat(r.start()).isEqualTo("1949-01-01");
    assertThat(r.end()).isEqualTo("1960-12-01");
    // monthly: a yearly season of 12 and the M4 monthly horizon of 18
    assertThat(r.frequency().step()).isEqualTo("P1M");
    assertThat(r.frequency().season()).isEqualTo(12);
    assertThat(r.frequency().horizon()).isEqualTo(18);
    assertThat(r.frequency().regularity()).isEqualTo(1.0);
    // a complete, regular series: nothing about time or missing data to report
    assertThat(r.findings())
        .noneMatch(f -> f.category() == Category.DATA_MISSING)
        .noneMatch(f -> f.check().startsWith("time."));
    assertThat(r.cleaning().interpolated()).isZero();

    // the profile is R's on the same values
    assertThat(r.profile()).isNotNull();
    JsonAt ref = new JsonAt(air);
    assertThat(r.profile().acf1()).isCloseTo(ref.profile("acf1"), within(1e-9));
    assertThat(r.profile().ljungBox().lag()).isEqualTo(24);
    assertThat(r.profile().notComputable()).isEmpty();

    BacktestResult bt = r.backtest();
    assertThat(bt.horizon()).isEqualTo(18);
    assertThat(bt.season()).isEqualTo(12);
    // automatic origins: as many as fit 18 apart, the first training on at least a third of it
    assertThat(bt.origins()).isEqualTo(5);
    assertThat(bt.insufficientData()).isFalse();
    assertThat(bt.trainingLengths()).containsExactly(54, 72, 90, 108, 126);
    // every baseline ran and is marked one; the winner of each group comes from its group
    for (String b : BASELINES) {
      assertThat(bt.model(b)).hasValueSatisfying(m -> assertThat(m.baseline()).isTrue());
    }
    assertThat(bt.model(bt.baseline()).orElseThrow().baseline()).isTrue();
    ModelScore best = bt.model(bt.best()).orElseThrow();
    assertThat(best.baseline()).isFalse();
    assertThat(best.mase())
        .isEqualTo(
            bt.models().stream()
                .filter(m -> !m.baseline() && !m.skipped())
                .mapToDouble(ModelScore::mase)
                .min()
                .orElseThrow());
    double baselineMase = bt.model(bt.baseline()).orElseThrow().mase();
    assertThat(bt.skill()).isCloseTo(1 - best.mase() / baselineMase, within(1e-12));
    assertThat(bt.skillByHorizon()).hasSize(18);

    // the verdict states the backtest's numbers
    assertThat(r.verdict()).isNotNull();
    assertThat(r.verdict().skill()).isEqualTo(bt.skill());
    assertThat(r.verdict().predictability()).isEqualTo(bt.predictability());
    // the useful steps are the decision's, and the horizon counts them from step 1 without a gap
    assertThat(r.verdict().usefulSteps()).isEqualTo(r.verdict().decision().usefulSteps());
    assertThat(r.verdict().usefulSteps()).allSatisfy(h -> assertThat(h).isBetween(1, 18));
    int run = 0;
    while (r.verdict().usefulSteps().contains(run + 1)) {
      run++;
    }
    assertThat(r.verdict().usefulHorizon()).isEqualTo(run);
    assertThat(r.verdict().signal()).isIn(Signal.STRONG, Signal.WEAK);
    assertThat(r.verdict().expected()).isNotNull();
  }

  @Test
  void theSettingsOverrideTheChoicesFromTheData() {
    ReferenceSeries air = ReferenceSeries.load("air_passengers");
    AuditSettings s = new AuditSettings(null, 4, 6, 2, List.of("naive", "ses"), null, null);
    SeriesResult r = new SeriesAuditor(s).audit(monthly("air", air.values()));
    assertThat(r.frequency().season()).isEqualTo(4);
    assertThat(r.frequency().horizon()).isEqualTo(6);
    assertThat(r.backtest().season()).isEqualTo(4);
    assertThat(r.backtest().horizon()).isEqualTo(6);
    assertThat(r.backtest().origins()).isEqualTo(2);
    assertThat(r.backtest().models()).extracting(ModelScore::name).contains("naive", "ses");
    assertThat(r.backtest().baseline()).isEqualTo("naive");
    assertThat(r.backtest().best()).isEqualTo("ses");
  }

  @Test
  void anHourlySeriesGetsADailySeasonAndTheM4HourlyHorizon() {
    SeriesData d = new SeriesData("h", "value", LOCAL);
    long t0 = LocalDate.of(2024, 3, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000;
    for (int i = 0; i < 24 * 21; i++) {
      double v = 10 + 3 * Math.sin(2 * Math.PI * i / 24) + 0.1 * Math.cos(i * 7.3);
      d.add(i + 1L, t0 + i * 3_600_000L, null, v, SeriesData.OK, null);
    }
    SeriesResult r = auditFast(d);
    assertThat(r.frequency().step()).isEqualTo("PT1H");
    assertThat(r.frequency().season()).isEqualTo(24);
    assertThat(r.frequency().horizon()).isEqualTo(48);
    assertThat(r.start()).isEqualTo("2024-03-01T00:00:00");
    assertThat(r.backtest().horizon()).isEqualTo(48);
    assertThat(r.profile().seasonalStrength()).isGreaterThan(0.9);
  }

  @Test
  void aGapIsLocatedInTimeAndFilledForTheAnalyses() {
    double[] v = ReferenceSeries.values("air_passengers");
    SeriesData d = new SeriesData("gap", "value", DATE);
    int dropped = 0;
    for (int i = 0; i < v.length; i++) {
      if (i >= 50 && i < 53) { // March to May 1953 are absent
        dropped++;
        continue;
      }
      long t = LocalDate.of(1949, 1, 1).plusMonths(i).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      d.add(i + 1L - dropped, t * 1000, null, v[i], SeriesData.OK, null);
    }
    SeriesResult r = auditFast(d);
    assertThat(r.n()).isEqualTo(141);
    assertThat(r.length()).isEqualTo(144);
    Finding gap = finding(r, CheckType.TIME_GAP).orElseThrow();
    assertThat(gap.severity()).isEqualTo(Severity.WARNING);
    // one gap of three stamps, with its first and last missing month
    assertThat(gap.count()).isEqualTo(1);
    assertThat(gap.details()).containsEntry("missingStamps", 3L);
    assertThat(gap.intervals()).containsExactly(new Interval("1953-03-01", "1953-05-01", 3));
    assertThat(r.cleaning().interpolated()).isEqualTo(3);
    assertThat(r.profile()).isNotNull();
    assertThat(r.backtest().insufficientData()).isFalse();
  }

  @Test
  void missingValuesAreLocatedByRowAndTime() {
    double[] v = ReferenceSeries.values("air_passengers").clone();
    v[100] = Double.NaN; // May 1957, data row 101
    SeriesResult r = auditFast(monthly("missing", v));
    Finding missing = finding(r, CheckType.VALUE_MISSING).orElseThrow();
    assertThat(missing.count()).isEqualTo(1);
    assertThat(missing.rows()).containsExactly(101L);
    assertThat(missing.intervals()).containsExactly(new Interval("1957-05-01", "1957-05-01", 1));
  }

  static Stream<Arguments> degenerate() {
    double[] constant = new double[60];
    java.util.Arrays.fill(constant, 5.0);
    double[] nan = new double[40];
    java.util.Arrays.fill(nan, Double.NaN);
    double[] seasonPlusOne = java.util.Arrays.copyOf(ReferenceSeries.values("air_passengers"), 13);
    return Stream.of(
        Arguments.of("empty", new double[0]),
        Arguments.of("constant", constant),
        Arguments.of("all missing", nan),
        Arguments.of("one point", new double[] {3}),
        Arguments.of("two points", new double[] {3, 4}),
        Arguments.of("season + 1", seasonPlusOne));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("degenerate")
  void degenerateInputGetsReasonsNotAnException(String what, double[] values) {
    SeriesData d = monthly(what, values);
    assertThatCode(() -> audit(d)).as(what).doesNotThrowAnyException();
    SeriesResult r = audit(d);
    assertThat(r.id()).isEqualTo(what);
    assertThat(r.n()).isEqualTo(values.length);
    // some finding says what is wrong, and every finding is a known check
    assertThat(r.findings()).as(what).isNotEmpty();
    assertThat(r.findings())
        .allSatisfy(f -> assertThat(CheckType.byId(f.check())).as(f.check()).isPresent());
    // nothing is claimed that the data cannot carry
    if (r.verdict() != null) {
      assertThat(r.verdict().signal()).as(what).isIn(Signal.INSUFFICIENT_DATA, Signal.NONE);
      assertThat(r.verdict().usefulHorizon()).isZero();
    }
    if (r.backtest() != null) {
      assertThat(r.backtest().best() == null || r.backtest().insufficientData()).isTrue();
    }
  }

  @Test
  void tooShortSaysHowManyPointsAreNeeded() {
    double[] v = java.util.Arrays.copyOf(ReferenceSeries.values("air_passengers"), 13);
    SeriesResult r = audit(monthly("short", v));
    Finding f = finding(r, CheckType.SERIES_TOO_SHORT).orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.count()).isEqualTo(13);
    assertThat(f.details())
        .containsEntry("usable", 13)
        .containsEntry(
            "minimum",
            SeriesAuditor.minimumForBacktest(r.frequency().season(), r.frequency().horizon()));
    assertThat(r.backtest().insufficientData()).isTrue();
    assertThat(r.verdict().signal()).isEqualTo(Signal.INSUFFICIENT_DATA);
  }

  @Test
  void noUsableTimeStampIsCriticalAndStopsTheAnalyses() {
    SeriesResult r = audit(monthly("empty", new double[0]));
    Finding f = finding(r, CheckType.SERIES_TOO_SHORT).orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(r.frequency()).isNull();
    assertThat(r.profile()).isNull();
    assertThat(r.backtest()).isNull();
    assertThat(r.verdict()).isNull();
  }

  @Test
  void aConstantSeriesIsFoundConstant() {
    double[] v = new double[60];
    java.util.Arrays.fill(v, 5.0);
    SeriesResult r = audit(monthly("flat", v));
    assertThat(finding(r, CheckType.SERIES_CONSTANT)).isPresent();
    assertThat(r.profile().acf1()).isNull();
    assertThat(r.profile().notComputable()).containsKey("acf1");
  }

  /** The R reference values of a series. */
  private record JsonAt(ReferenceSeries s) {
    double profile(String field) {
      return s.json().get("profile").get(field).asDouble();
    }
  }
}
