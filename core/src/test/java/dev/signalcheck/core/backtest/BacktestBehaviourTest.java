package dev.signalcheck.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.MeanForecaster;
import dev.signalcheck.core.forecast.ModelFailure;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.forecast.Naive;
import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestBehaviourTest {

  static Forecaster failing(String name, RuntimeException e) {
    return new Forecaster() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Fitted fit(double[] y, int m) {
        throw e;
      }
    };
  }

  static Forecaster constant(String name, double value, int length) {
    return new Forecaster() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Fitted fit(double[] y, int m) {
        return new Fitted() {
          @Override
          public double[] forecast(int h) {
            double[] f = new double[length < 0 ? h : length];
            Arrays.fill(f, value);
            return f;
          }

          @Override
          public double[] fitted() {
            return y.clone(); // a perfect in-sample fit: the caricature of overfitting
          }
        };
      }
    };
  }

  @Test
  void failingModelsAreSkippedWithTheirReasonAndTheRunGoesOn() {
    double[] y = ReferenceSeries.load("nile").values();
    BacktestResult r =
        new RollingOriginBacktest(10, 3)
            .run(
                y,
                1,
                List.of(
                    new Naive(),
                    failing("broken", new ModelFailure("optimiser did not converge")),
                    failing("buggy", new ArrayIndexOutOfBoundsException("7")),
                    constant("nan", Double.NaN, -1),
                    constant("short", 1000, 3),
                    new MeanForecaster()));
    assertThat(r.models())
        .extracting(ModelScore::name)
        .containsExactly("naive", "broken", "buggy", "nan", "short", "mean");
    assertThat(r.model("broken").orElseThrow().skipped()).isTrue();
    assertThat(r.model("broken").orElseThrow().reason())
        .isEqualTo("failed at origin 1 (training length 70): optimiser did not converge");
    assertThat(r.model("buggy").orElseThrow().reason())
        .contains("internal error")
        .contains("ArrayIndexOutOfBounds");
    assertThat(r.model("nan").orElseThrow().reason()).contains("non-finite");
    assertThat(r.model("short").orElseThrow().reason())
        .contains("returned 3 forecasts instead of 10");
    assertThat(r.model("broken").orElseThrow().mase()).isNaN();
    assertThat(r.model("naive").orElseThrow().skipped()).isFalse();
    assertThat(r.model("mean").orElseThrow().skipped()).isFalse();
    assertThat(r.baseline()).isIn("naive", "mean");
    assertThat(r.best()).isNull(); // no candidate survived
    assertThat(r.skill()).isNaN();
    assertThat(r.significance()).isNull();
  }

  @Test
  void tooShortForOneOriginIsInsufficientData() {
    double[] y = new double[33];
    Arrays.setAll(y, i -> i % 5);
    BacktestResult r = new RollingOriginBacktest(12, 3).run(y, 12, ModelRegistry.defaults().all());
    assertThat(r.insufficientData()).isTrue();
    assertThat(r.origins()).isZero();
    assertThat(RollingOriginBacktest.minimumLength(12, 12)).isEqualTo(36);
    assertThat(r.notes().get(0)).contains("33 observations").contains("at least 36");
  }

  @Test
  void usesAsManyOriginsAsFitWithANote() {
    double[] y = ReferenceSeries.load("nile").values(); // 100 points; m = 1: min training 10
    BacktestResult r = new RollingOriginBacktest(30, 5).run(y, 1, List.of(new Naive()));
    assertThat(r.origins()).isEqualTo(3);
    assertThat(r.trainingLengths()).containsExactly(10, 40, 70);
    assertThat(r.notes()).anyMatch(n -> n.contains("only 3 of the 5 requested origins fit"));
  }

  @Test
  void flagsAModelThatFitsItsTrainingDataFarBetterThanItForecasts() {
    double[] y = ReferenceSeries.load("nile").values();
    BacktestResult r =
        new RollingOriginBacktest(10, 3)
            .run(y, 1, List.of(new Naive(), constant("memoriser", 600, -1)));
    ModelScore m = r.model("memoriser").orElseThrow();
    assertThat(m.inSampleMase()).isZero();
    assertThat(m.overfitRatio()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.overfit()).isTrue();
    assertThat(r.model("naive").orElseThrow().overfitRatio()).isEqualTo(1.0);
    assertThat(r.model("naive").orElseThrow().overfit()).isFalse();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new RollingOriginBacktest(0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RollingOriginBacktest(3, 0))
        .isInstanceOf(IllegalArgumentException.class);
    double[] y = new double[50];
    y[7] = Double.NaN;
    assertThatThrownBy(() -> new RollingOriginBacktest(3, 1).run(y, 1, List.of(new Naive())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 7");
  }

  @Test
  void perOriginForecastsAndActualsAreKeptForPlots() {
    double[] y = ReferenceSeries.load("air_passengers").values();
    BacktestResult r = new RollingOriginBacktest(12, 3).run(y, 12, ModelRegistry.defaults().all());
    ModelScore s = r.model("seasonal-naive").orElseThrow();
    assertThat(s.forecasts()).hasSize(3);
    OriginForecast last = s.forecasts().get(2);
    assertThat(last.trainingLength()).isEqualTo(132);
    assertThat(last.actual().get(0)).isEqualTo(y[132]);
    assertThat(last.forecast().get(0)).isEqualTo(y[120]);
    assertThat(s.maseByHorizon()).hasSize(12);
    assertThat(s.maseByOrigin()).hasSize(3);
    assertThat(s.owa()).isPositive();
    assertThat(r.model("naive2").orElseThrow().owa()).isEqualTo(1.0);
    assertThat(r.skillByHorizon()).hasSize(12);
    assertThat(r.predictability()).isBetween(0.0, 1.0);
  }
}
