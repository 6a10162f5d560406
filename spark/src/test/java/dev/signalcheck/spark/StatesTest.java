package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The mergeable states give the same answer however the rows are split into partitions and in
 * whatever order the parts merge, and the answer is the count a direct pass gives.
 */
class StatesTest {

  /** A series as (time or null for unparseable, missing?, non-numeric?) rows. */
  record Cell(Long time, boolean missing, boolean text) {}

  static List<Cell> rows(List<Integer> times, List<Integer> kinds) {
    List<Cell> out = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      int k = kinds.get(i % kinds.size());
      out.add(new Cell(times.get(i) < 0 ? null : (long) times.get(i), k == 1, k == 2));
    }
    return out;
  }

  /** The state of some rows, cells of distinct times first (as Spark's first aggregation does). */
  static SeriesCounts state(List<Cell> rows) {
    java.util.Map<Long, long[]> cells = new java.util.TreeMap<>();
    long[] bad = new long[3];
    for (Cell c : rows) {
      long[] a = c.time() == null ? bad : cells.computeIfAbsent(c.time(), t -> new long[3]);
      a[0]++;
      a[1] += c.missing() ? 1 : 0;
      a[2] += c.text() ? 1 : 0;
    }
    SeriesCounts s = new SeriesCounts();
    cells.forEach((t, a) -> s.addCell(true, t, a[0], a[1], a[2]));
    if (bad[0] > 0) {
      s.addCell(false, 0, bad[0], bad[1], bad[2]);
    }
    return s;
  }

  @Property(tries = 300)
  void seriesCountsMergeToTheWhole(
      @ForAll @Size(max = 60) List<@IntRange(min = -1, max = 30) Integer> times,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 2) Integer> kinds,
      @ForAll @IntRange(min = 1, max = 5) int parts) {
    List<Cell> all = rows(times, kinds);
    // partitions split by time, as the shuffle on (series, time) splits them
    List<List<Cell>> split = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      split.add(new ArrayList<>());
    }
    for (Cell c : all) {
      int p = c.time() == null ? 0 : (int) (c.time() % parts);
      split.get(p).add(c);
    }
    SeriesCounts merged = new SeriesCounts();
    for (int p = parts - 1; p >= 0; p--) {
      merged.merge(state(split.get(p)));
    }
    assertThat(merged).isEqualTo(state(all));
    long parsed = all.stream().filter(c -> c.time() != null).count();
    long distinct = all.stream().filter(c -> c.time() != null).map(Cell::time).distinct().count();
    assertThat(merged.rows()).isEqualTo(all.size());
    assertThat(merged.duplicateRows()).isEqualTo(parsed - distinct);
    assertThat(merged.unparseableTimes()).isEqualTo(all.size() - parsed);
    assertThat(merged.missingValues()).isEqualTo(all.stream().filter(Cell::missing).count());
  }

  @Property(tries = 300)
  void rowAccountingMergesToTheWhole(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 3) Integer> ids,
      @ForAll @IntRange(min = 1, max = 4) int parts) {
    String[] names = {null, "", "a", "b"};
    RowAccounting whole = new RowAccounting();
    RowAccounting[] split = new RowAccounting[parts];
    Arrays.setAll(split, i -> new RowAccounting());
    for (int row = 0; row < ids.size(); row++) {
      String id = names[ids.get(row)];
      String reason = id == null || id.isBlank() ? RowRules.NO_ID : RowRules.NO_TIME_NO_VALUE;
      whole.add(reason, Arrays.asList(id), row + 1);
      split[row % parts].add(reason, Arrays.asList(id), row + 1);
    }
    RowAccounting merged = new RowAccounting();
    for (RowAccounting s : split) {
      merged.merge(s);
    }
    assertThat(merged.statistics(100)).isEqualTo(whole.statistics(100));
    // the examples are the reader's first five: by id (null last), then row
    List<long[]> order = new ArrayList<>();
    for (int row = 0; row < ids.size(); row++) {
      order.add(new long[] {ids.get(row) == 0 ? 9 : ids.get(row), row + 1});
    }
    order.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    List<Long> first = order.stream().limit(5).map(x -> x[1]).toList();
    assertThat(merged.statistics(100).examples()).isEqualTo(first);
    assertThat(merged.rejected()).isEqualTo(ids.size());
  }
}
