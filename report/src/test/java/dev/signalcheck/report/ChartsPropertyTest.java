package dev.signalcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.audit.SeriesAuditor;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.series.SeriesData;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ChartsPropertyTest {

  /**
   * Any series, however short, flat, gappy or out of order, gets chart data without an exception.
   */
  @Property(tries = 150)
  void chartsNeverThrow(
      @ForAll @Size(max = 60) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
      @ForAll @Size(max = 60) List<@IntRange(min = -3, max = 3) Integer> jumps,
      @ForAll @IntRange(min = 0, max = 4) int missingEvery) {
    SeriesData d =
        new SeriesData(
            "p",
            "p",
            new dev.signalcheck.core.series.TimeFormat(
                dev.signalcheck.core.series.TimeKind.DATE, null));
    long t = Fixtures.START;
    for (int i = 0; i < values.size(); i++) {
      t += (i < jumps.size() ? jumps.get(i) : 1) * Fixtures.DAY;
      boolean missing = missingEvery > 0 && i % (missingEvery + 2) == 0;
      d.add(i + 1, t, null, values.get(i), missing ? SeriesData.MISSING : SeriesData.OK, null);
    }
    SeriesResult r = new SeriesAuditor(Fixtures.fast()).audit(d);
    SeriesCharts c = SeriesCharts.of(r);
    assertThat(c.notes()).isNotNull();
    String page = Fixtures.render(Fixtures.report(List.of(d), Fixtures.fast(), 50, List.of()));
    assertThat(Fixtures.embedded(page).get("details")).hasSize(1);
  }
}
