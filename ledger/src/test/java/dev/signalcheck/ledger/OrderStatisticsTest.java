package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Selection gives exactly the quantiles that sorting gives, ties and all. */
class OrderStatisticsTest {

  @Property(tries = 500)
  void quantilesBySelectionEqualQuantilesOfTheSortedValues(
      @ForAll @Size(min = 1, max = 300) double[] values,
      @ForAll @DoubleRange(min = 0, max = 1) double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(OrderStatistics.quantile7(values.clone(), p))
        .isEqualTo(LedgerQueries.Quartiles.q(sorted, p));
  }

  @Property(tries = 300)
  void manyTiesChangeNothing(
      @ForAll @Size(min = 1, max = 400) int[] small, @ForAll @IntRange(min = 0, max = 3) int q) {
    double[] values = Arrays.stream(small).mapToDouble(i -> Math.floorMod(i, 4)).toArray();
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double p = q / 4.0 + 0.1;
    assertThat(OrderStatistics.quantile7(values, Math.min(p, 1)))
        .isEqualTo(LedgerQueries.Quartiles.q(sorted, Math.min(p, 1)));
  }

  @Property(tries = 200)
  void quartilesOfUnsortedValuesEqualQuartilesOfSortedOnes(
      @ForAll @Size(min = 0, max = 200) double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(LedgerQueries.Quartiles.ofUnsorted(values.clone()))
        .isEqualTo(LedgerQueries.Quartiles.of(sorted));
  }
}
