package dev.signalcheck.report;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditHeader;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.OriginForecast;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.RegularSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report for sending outside the team ({@code --redact}): every series is put on the scale [0, 1]
 * of its own observed range before any report sees it, so the charts draw scaled values and no
 * table holds a raw one.
 *
 * <p>The scale is decided once, here, as a value ({@link Scale}); report.json and report.html only
 * read the result. What changes: the series values and the backtest's actuals and forecasts are
 * scaled ({@code (v − min) / (max − min)}); the errors in the series' units (MAE, RMSE, mean error,
 * mean MAE) are divided by the range; scale-free measures (MASE, sMAPE, skill, p-values) stay as
 * they are. Findings keep their check, severity, count, time stamps and row numbers, but their
 * message becomes the check's description and their details (which may hold a value, such as a
 * sentinel code) are dropped.
 */
public final class Redaction {
  private Redaction() {}

  /**
   * The linear map of one series onto [0, 1]: {@code (v − min) / range}. A constant series (range
   * 0) maps to 0.5; a series with no finite value to the identity on NaN.
   */
  public record Scale(double min, double range) {

    /** The scale of the finite values of {@code values}. */
    public static Scale of(double[] values) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      return lo > hi ? new Scale(0, 1) : new Scale(lo, hi - lo);
    }

    /** A value of the series on the scale. */
    public double value(double v) {
      return range == 0 ? (Double.isFinite(v) ? 0.5 : v) : (v - min) / range;
    }

    /** A difference (an error) in the series' units on the scale. */
    public double difference(double d) {
      return range == 0 ? d : d / range;
    }

    List<Double> values(List<Double> vs) {
      return vs.stream().map(this::value).toList();
    }
  }

  /** The series result as a redacted report shows it. */
  public static SeriesResult of(SeriesResult r) {
    RegularSeries s = r.series();
    Scale scale = Scale.of(s == null ? new double[0] : s.values());
    RegularSeries scaled = null;
    if (s != null) {
      double[] v = new double[s.length()];
      for (int k = 0; k < v.length; k++) {
        v[k] = scale.value(s.values()[k]);
      }
      scaled = new RegularSeries(s.start(), s.step(), v, s.rows(), s.format());
    }
    return r.toBuilder()
        .findings(findings(r.findings()))
        .backtest(backtest(r.backtest(), scale))
        .series(scaled)
        .build();
  }

  /** Findings without their wording or details, which may quote a value. */
  public static List<Finding> findings(List<Finding> fs) {
    List<Finding> out = new ArrayList<>(fs.size());
    for (Finding f : fs) {
      String message =
          CheckType.byId(f.check()).map(CheckType::description).orElse(f.check())
              + " (details left out of this redacted report)";
      out.add(
          new Finding(
              f.check(),
              f.severity(),
              f.category(),
              message,
              f.count(),
              f.intervals(),
              f.rows(),
              Map.of()));
    }
    return out;
  }

  private static BacktestResult backtest(BacktestResult b, Scale scale) {
    if (b == null) {
      return null;
    }
    List<ModelScore> models = new ArrayList<>();
    for (ModelScore m : b.models()) {
      List<OriginForecast> fs = new ArrayList<>();
      for (OriginForecast o : m.forecasts()) {
        fs.add(
            new OriginForecast(
                o.trainingLength(),
                scale.values(o.actual()),
                scale.values(o.forecast()),
                o.mase()));
      }
      models.add(
          ModelScore.builder()
              .name(m.name())
              .baseline(m.baseline())
              .usesCovariates(m.usesCovariates())
              .skipped(m.skipped())
              .reason(m.reason())
              .description(m.description())
              .mase(m.mase())
              .smape(m.smape())
              .rmse(scale.difference(m.rmse()))
              .mae(scale.difference(m.mae()))
              .me(scale.difference(m.me()))
              .rmsse(m.rmsse())
              .owa(m.owa())
              .maseByOrigin(m.maseByOrigin())
              .maseByHorizon(m.maseByHorizon())
              .inSampleMase(m.inSampleMase())
              .overfitRatio(m.overfitRatio())
              .overfit(m.overfit())
              .forecasts(fs)
              .build());
    }
    return new BacktestResult(
        b.horizon(),
        b.origins(),
        b.baseline(),
        b.best(),
        models,
        b.skill(),
        b.significance(),
        b.skillByHorizon(),
        b.predictability(),
        scale.difference(b.meanMae()),
        b.observations(),
        b.originsRequested(),
        b.minimumTrainingLength(),
        b.trainingLengths(),
        b.season(),
        b.insufficientData(),
        b.notes());
  }

  /** A sink that passes redacted results on to {@code next}. */
  public static ResultSink sink(ResultSink next) {
    return new ResultSink() {
      @Override
      public void begin(AuditHeader header) {
        next.begin(header);
      }

      @Override
      public void series(SeriesResult result) {
        next.series(of(result));
      }

      @Override
      public void end(AuditEnd end) {
        next.end(
            new AuditEnd(
                end.source(),
                end.statistics(),
                end.summary(),
                findings(end.datasetFindings()),
                end.elapsed()));
      }
    };
  }
}
