package dev.signalcheck.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DoubleListTest {

  @Provide
  Arbitrary<List<Double>> values() {
    Arbitrary<Double> special =
        Arbitraries.of(Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE);
    return Arbitraries.oneOf(Arbitraries.doubles(), special).list().ofMaxSize(200);
  }

  /** A primitive list is, for every caller, the list of boxed values it replaces. */
  @Property(tries = 300)
  void behavesAsTheBoxedList(@ForAll("values") List<Double> values) {
    List<Double> boxed = List.copyOf(values);
    DoubleList d = DoubleList.copyOf(new ArrayList<>(values));
    assertThat(d).isEqualTo(boxed);
    assertThat(boxed).isEqualTo(d);
    assertThat(d.hashCode()).isEqualTo(boxed.hashCode());
    assertThat(d.toString()).isEqualTo(boxed.toString());
    assertThat(d.size()).isEqualTo(boxed.size());
    double[] primitive = values.stream().mapToDouble(Double::doubleValue).toArray();
    assertThat(d.toDoubleArray()).isEqualTo(primitive);
    assertThat(DoubleList.of(primitive)).isEqualTo(d);
    for (int i = 0; i < d.size(); i++) {
      assertThat(Double.doubleToRawLongBits(d.getDouble(i)))
          .isEqualTo(Double.doubleToRawLongBits(boxed.get(i)));
    }
  }

  @Property(tries = 100)
  void isImmutableAndCopiesItsInput(@ForAll("values") List<Double> values) {
    double[] source = values.stream().mapToDouble(Double::doubleValue).toArray();
    DoubleList d = DoubleList.of(source);
    List<Double> before = List.copyOf(d);
    Arrays.fill(source, 42.0);
    if (d.size() > 0) {
      d.toDoubleArray()[0] = 7; // a copy: the list does not change
    }
    assertThat(d).isEqualTo(before);
    assertThatThrownBy(() -> d.add(1.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(DoubleList.copyOf(d)).isSameAs(d);
  }

  @Test
  void refusesNullsAsListCopyOfDoes() {
    List<Double> withNull = new ArrayList<>(Arrays.asList(1.0, null, 2.0));
    assertThatThrownBy(() -> List.copyOf(withNull)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DoubleList.copyOf(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theBacktestsListsArePrimitive() {
    OriginForecast o = new OriginForecast(10, List.of(1.0, 2.0), List.of(1.5, 2.5), 0.5);
    assertThat(o.actual()).isInstanceOf(DoubleList.class);
    assertThat(o.forecast()).isInstanceOf(DoubleList.class);
    ModelScore m =
        ModelScore.builder()
            .name("naive")
            .maseByOrigin(List.of(1.0))
            .maseByHorizon(List.of(1.0, 2.0))
            .forecasts(List.of(o))
            .build();
    assertThat(m.maseByHorizon()).isInstanceOf(DoubleList.class);
    assertThat(m.maseByOrigin()).isInstanceOf(DoubleList.class);
    assertThat(BacktestResult.builder().skillByHorizon(List.of(0.1)).build().skillByHorizon())
        .isInstanceOf(DoubleList.class);
  }
}
