package dev.signalcheck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.series.SeriesData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Series in flight are bounded by their rows, not only by their number. */
class InFlightBudgetTest {

  private static final AuditSettings FAST =
      new AuditSettings(null, null, 3, 1, List.of("naive", "mean"), null, null);

  /**
   * A source that, each time it hands over a series, notes the rows handed over whose results the
   * sink has not yet received.
   */
  static final class Watched extends DatasetAuditTest.ListSource implements ResultSink {
    long handed;
    long received;
    final List<Long> pendingAtHandOver = new ArrayList<>();
    final List<String> order = new ArrayList<>();

    Watched(List<SeriesData> data) {
      super(data, ReadStatistics.clean(data.stream().mapToLong(SeriesData::size).sum()));
    }

    @Override
    public void forEachSeries(Consumer<SeriesData> consumer) {
      for (SeriesData d : data) {
        // what is still in flight when the next series would join it
        pendingAtHandOver.add(handed - received);
        handed += d.size();
        consumer.accept(d);
      }
    }

    @Override
    public void begin(AuditHeader header) {}

    @Override
    public void series(SeriesResult result) {
      received += result.n();
      order.add(result.id());
    }

    @Override
    public void end(AuditEnd end) {}
  }

  @Property(tries = 25)
  void rowsInFlightStayWithinTheBudgetAndNoSeriesIsLost(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 30, max = 400) Integer> lengths,
      @ForAll @IntRange(min = 1, max = 900) int budget,
      @ForAll @IntRange(min = 1, max = 3) int threads) {
    List<SeriesData> data = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      data.add(DatasetAuditTest.series("s" + i, lengths.get(i), i));
    }
    Watched w = new Watched(data);
    DatasetAudit.run(w, FAST, w, new DatasetAudit.Options(threads, List.of()), budget);
    // every series arrives, in input order
    assertThat(w.order).containsExactlyElementsOf(data.stream().map(SeriesData::id).toList());
    // when series i is handed over, the rows before it still in flight plus its own fit the budget
    // unless nothing else was in flight (one series is always admitted)
    for (int i = 1; i < data.size(); i++) {
      // the audit drains before it submits: what is pending at the next hand-over is at most
      // what was admitted together
      long pendingNext = w.pendingAtHandOver.get(i);
      long longest = lengths.subList(0, i).stream().mapToLong(Integer::longValue).max().orElse(0);
      assertThat(pendingNext).isLessThanOrEqualTo(Math.max(budget, longest));
    }
  }

  @Test
  void aBudgetOfOneRowAuditsOneSeriesAtATime() {
    List<SeriesData> data = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      data.add(DatasetAuditTest.series("s" + i, 100 + i, i));
    }
    Watched w = new Watched(data);
    DatasetAudit.run(w, FAST, w, new DatasetAudit.Options(4, List.of()), 1);
    for (int i = 1; i < data.size(); i++) {
      // the previous series' result reached the sink before this one was submitted
      assertThat(w.pendingAtHandOver.get(i)).isEqualTo(data.get(i - 1).size());
    }
    assertThat(w.order).hasSize(6);
  }

  @Test
  void theBudgetIsHalfTheHeapAtTheMeasuredCostPerRow() {
    long gb = 1L << 30;
    assertThat(DatasetAudit.rowBudget(gb)).isEqualTo(gb / 2 / DatasetAudit.HEAP_BYTES_PER_ROW);
    assertThat(DatasetAudit.rowBudget(0)).isEqualTo(1);
  }
}
