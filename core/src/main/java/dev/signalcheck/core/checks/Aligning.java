package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The state one {@link Alignment} passes from check to check: the rows still in play, where they go
 * on the grid, and the findings so far. Each field is written by the check that names it.
 */
final class Aligning {
  final SeriesData data;

  /** Asked only for a series most of whose rows repeat a time stamp. */
  final Supplier<InputHints> hints;

  final TimeFormat fmt;
  final int n;
  final List<Finding> findings = new ArrayList<>();

  /** Why no verdict can be given (an input mistake), or null. */
  String withheld;

  /** Each row's time stamp, {@code TimeParser.UNPARSEABLE} where it does not parse. */
  long[] times;

  /** The rows still in play: those that parse, in range; sorted by time after the order check. */
  int[] idx;

  /** Where the unparseable finding stands in {@link #findings}, or -1. */
  int unparseableFinding = -1;

  /** The row kept for each distinct time stamp, in time order: {@code uniq[0, u)}. */
  int[] uniq;

  int u;

  /** The distinct time stamps, {@code ut[k] = times[uniq[k]]}. */
  long[] ut;

  Step step;

  /** For each grid position, the row kept there or -1; its length is the grid's. */
  int[] keptIndex;

  /** Share of spacings equal to one step. */
  double regularity;

  Aligning(SeriesData data, Supplier<InputHints> hints) {
    this.data = data;
    this.hints = hints;
    this.fmt = data.timeFormat();
    this.n = data.size();
  }
}
