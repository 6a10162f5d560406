package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.text.Prose;
import java.util.List;
import java.util.function.Supplier;

/**
 * Puts a series read in file order onto its regular time grid and reports what stood in the way:
 * unparseable and out-of-order time stamps, duplicates, gaps, irregular spacing, missing and
 * non-numeric values. Never throws on bad data: what cannot be used is counted and located.
 *
 * <p>Each time check is a {@link Check} of its own ({@link UnparseableStamps}, {@link
 * OutOfRangeStamps}, {@link OutOfOrderStamps}, {@link DuplicateStamps}, {@link IrregularSpacing},
 * {@link TimeGaps}), run in that order on the shared {@link Aligning} state; the step comes from
 * {@link StepInference}, and the values on the grid are checked by {@link MissingValues} and {@link
 * ConstantSeries}.
 */
public final class Alignment {

  /** Intervals listed per finding at most; the count always covers all of them. */
  static final int MAX_INTERVALS = 200;

  private Alignment() {}

  /**
   * The outcome: the regular series (null when no row had both a time and could be placed), the
   * findings, the inferred or given step, and the share of observed spacings equal to one step.
   *
   * @param keptIndex for each grid position, the index into the {@link SeriesData} rows kept there,
   *     or -1
   */
  public record Result(
      RegularSeries regular,
      List<Finding> findings,
      Step step,
      double regularity,
      int[] keptIndex,
      String withheld) {

    public Result(
        RegularSeries regular,
        List<Finding> findings,
        Step step,
        double regularity,
        int[] keptIndex) {
      this(regular, findings, step, regularity, keptIndex, null);
    }
  }

  /**
   * Share of rows above which an input mistake is taken for granted: when most time stamps repeat
   * or do not parse, the rows cannot be the one series the user meant, and no verdict is given.
   */
  public static final double MOSTLY = 0.5;

  /**
   * Aligns a series.
   *
   * @param stepOverride the step from {@code --step}, or null to infer the most common spacing
   */
  public static Result align(SeriesData data, Step stepOverride) {
    return align(data, stepOverride, InputHints.NONE);
  }

  /**
   * The time checks before the grid, in order: each sees the rows the one before left in play.
   * Stamps far outside the others are left out before anything else looks at the times.
   */
  private static final List<Check> BEFORE_GRID =
      List.of(
          new UnparseableStamps(),
          OutOfRangeStamps::leaveOut,
          new OutOfOrderStamps(),
          new DuplicateStamps());

  /** The time checks on the grid, in order, once the step is known and the grid is bounded. */
  private static final List<Check> ON_GRID = List.of(new IrregularSpacing(), new TimeGaps());

  /**
   * Aligns a series; {@code hints} name the likely fix when the rows cannot be one series (most
   * time stamps repeated or unparseable).
   */
  public static Result align(SeriesData data, Step stepOverride, InputHints hints) {
    return align(data, stepOverride, () -> hints);
  }

  /**
   * As {@link #align(SeriesData, Step, InputHints)}, with hints asked for only when a series needs
   * them (they may cost the source a pass over its data).
   */
  public static Result align(SeriesData data, Step stepOverride, Supplier<InputHints> hints) {
    Aligning a = new Aligning(data, hints);
    for (Check c : BEFORE_GRID) {
      c.apply(a);
    }
    if (a.u == 0) {
      return new Result(null, a.findings, stepOverride, 0, new int[0], a.withheld);
    }
    a.ut = new long[a.u];
    for (int k = 0; k < a.u; k++) {
      a.ut[k] = a.times[a.uniq[k]];
    }
    a.step = stepOverride != null ? stepOverride : StepInference.inferStep(a.ut, a.fmt.kind());
    // the grid's size is bounded before it is allocated
    double span = a.step.position(a.ut[0], a.ut[a.u - 1]);
    if (!(span <= OutOfRangeStamps.maxGrid(a.u))) {
      a.findings.add(OutOfRangeStamps.tooLong(data, a.uniq, a.ut, a.u, span, a.step, a.fmt));
      return new Result(null, a.findings, a.step, 0, new int[0]);
    }
    for (Check c : ON_GRID) {
      c.apply(a);
    }
    // values on the grid, missing and non-numeric cells
    int[] keptIndex = a.keptIndex;
    int len = keptIndex.length;
    double[] values = new double[len];
    long[] rows = new long[len];
    for (int p = 0; p < len; p++) {
      int i = keptIndex[p];
      values[p] = i < 0 ? Double.NaN : data.value(i);
      rows[p] = i < 0 ? 0 : data.row(i);
    }
    RegularSeries regular = new RegularSeries(a.ut[0], a.step, values, rows, a.fmt);
    a.findings.addAll(MissingValues.findings(data, regular, keptIndex));
    a.findings.addAll(ConstantSeries.findings(values, regular));
    return new Result(regular, a.findings, a.step, a.regularity, keptIndex, a.withheld);
  }

  static boolean sameValue(double a, double b) {
    return (Double.isNaN(a) && Double.isNaN(b)) || a == b;
  }

  static String pct(double share) {
    return Prose.share(share);
  }
}
