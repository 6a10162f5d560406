package dev.signalcheck.io;

import dev.signalcheck.core.series.SeriesData;
import java.util.HashSet;
import java.util.Set;

/**
 * One value cell as a database driver hands it over: a number (NaN is missing, an infinity is not a
 * number), null, or text (databases without types, like SQLite, hand over what was stored) that is
 * a missing token, a number, or not a number.
 */
final class JdbcCell {

  /** The tokens that mean missing, trimmed: the default ones and those of {@code --missing}. */
  private final Set<String> missing = new HashSet<>();

  JdbcCell(InputSpec spec) {
    missing.addAll(InputSpec.DEFAULT_MISSING);
    for (String tok : spec.missingTokens()) {
      missing.add(tok.trim());
    }
  }

  /**
   * Reads a cell into slot {@code k}: its value ({@code v}, NaN unless a number), its state ({@code
   * st}: {@link SeriesData#OK}, {@link SeriesData#MISSING} or {@link SeriesData#NON_NUMERIC}) and
   * the text of a non-number ({@code raw}, else null).
   */
  void read(Object o, int k, double[] v, byte[] st, String[] raw) {
    raw[k] = null;
    v[k] = Double.NaN;
    if (o == null) {
      st[k] = SeriesData.MISSING;
      return;
    }
    if (o instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        st[k] = SeriesData.MISSING;
      } else if (Double.isInfinite(d)) {
        st[k] = SeriesData.NON_NUMERIC;
        raw[k] = Double.toString(d);
      } else {
        st[k] = SeriesData.OK;
        v[k] = d;
      }
      return;
    }
    String s = o.toString().trim();
    if (missing.contains(s)) {
      st[k] = SeriesData.MISSING;
      return;
    }
    try {
      double d = Double.parseDouble(s);
      if (Double.isFinite(d)) {
        st[k] = SeriesData.OK;
        v[k] = d;
        return;
      }
    } catch (NumberFormatException e) {
      // not a number: reported below
    }
    st[k] = SeriesData.NON_NUMERIC;
    raw[k] = s;
  }
}
