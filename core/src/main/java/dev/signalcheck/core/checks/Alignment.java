package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.IndexSort;
import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a series read in file order onto its regular time grid and reports what stood in the way:
 * unparseable and out-of-order time stamps, duplicates, gaps, irregular spacing, missing and
 * non-numeric values. Never throws on bad data: what cannot be used is counted and located.
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
   * Aligns a series; {@code hints} name the likely fix when the rows cannot be one series (most
   * time stamps repeated or unparseable).
   */
  public static Result align(SeriesData data, Step stepOverride, InputHints hints) {
    List<Finding> findings = new ArrayList<>();
    String withheld = null;
    TimeFormat fmt = data.timeFormat();
    int n = data.size();

    // 1. unparseable time stamps
    Rows unparseable = new Rows();
    int parsed = 0;
    for (int i = 0; i < n; i++) {
      if (data.time(i) == TimeParser.UNPARSEABLE) {
        unparseable.add(data.row(i));
      } else {
        parsed++;
      }
    }
    int unparseableFinding = -1;
    if (unparseable.count() > 0) {
      double share = unparseable.count() / (double) n;
      Severity sev = share > 0.01 ? Severity.CRITICAL : Severity.WARNING;
      String examples = String.join("', '", data.unparseableExamples());
      String fix = "";
      if (share > MOSTLY) {
        String format = TimeFormats.reading(data.unparseableExamples());
        fix =
            format != null
                ? "; they read as times with --time-format "
                    + format
                    + ": pass it (no verdict until the times are read)"
                : "; pass --time-format (epoch-s, epoch-ms, index, year, ymd, dmy, mdy) or fix the"
                    + " column (no verdict until the times are read)";
        withheld =
            "most time stamps ("
                + pct(share)
                + ") do not parse"
                + (format != null ? ": pass --time-format " + format : ": pass --time-format");
      }
      unparseableFinding = findings.size();
      findings.add(
          new Finding(
              CheckType.TIME_UNPARSEABLE.id(),
              sev,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%s of %d time stamps (%s) do not parse (e.g. '%s'); those rows are left out%s",
                  unparseable.count(),
                  n,
                  pct(share),
                  examples,
                  fix),
              unparseable.count(),
              List.of(),
              unparseable.first(),
              Map.of()));
    }
    int[] idx = new int[parsed];
    long[] times = new long[n];
    for (int i = 0, k = 0; i < n; i++) {
      times[i] = data.time(i);
      if (times[i] != TimeParser.UNPARSEABLE) {
        idx[k++] = i;
      }
    }

    // 1b. stamps far outside the others are left out before anything else looks at the times
    int[] inRange = OutOfRangeStamps.leaveOut(data, idx, times, findings);
    if (inRange != null) {
      idx = inRange;
    }

    // 2. out of order: an episode starts where time goes backwards and lasts while time stays at or
    // below the latest time seen before it
    Rows backward = new Rows();
    long outOfOrderRows = 0;
    List<Interval> episodes = new ArrayList<>();
    boolean sorted = true;
    long max = Long.MIN_VALUE;
    String firstJump = null;
    for (int k = 0; k < idx.length; k++) {
      long t = times[idx[k]];
      if (k > 0 && t < times[idx[k - 1]]) {
        sorted = false;
        long ceiling = max;
        backward.add(data.row(idx[k]));
        if (firstJump == null) {
          firstJump =
              String.format(
                  Locale.ROOT,
                  "at row %d (%s → %s)",
                  data.row(idx[k]),
                  fmt.shortText(times[idx[k - 1]]),
                  fmt.shortText(t));
        }
        long lo = t;
        long hi = t;
        int j = k;
        while (j < idx.length && times[idx[j]] <= ceiling) {
          lo = Math.min(lo, times[idx[j]]);
          hi = Math.max(hi, times[idx[j]]);
          j++;
        }
        long cnt = j - k;
        outOfOrderRows += cnt;
        if (episodes.size() < MAX_INTERVALS) {
          episodes.add(new Interval(fmt.format(lo), fmt.format(hi), cnt));
        }
        k = j - 1;
        if (j - 1 >= 0) {
          max = Math.max(max, times[idx[j - 1]]);
        }
        continue;
      }
      max = Math.max(max, t);
    }
    if (!sorted) {
      findings.add(
          new Finding(
              CheckType.TIME_OUT_OF_ORDER.id(),
              Severity.WARNING,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "time goes backwards %s%s; %s after later time stamps (e.g. a clock set back at a"
                      + " daylight-saving change); rows were sorted by time before analysis",
                  firstJump,
                  backward.count() > 1
                      ? " and " + Prose.count(backward.count() - 1, "more time", "more times")
                      : "",
                  outOfOrderRows == 1 ? "1 row arrives" : outOfOrderRows + " rows arrive"),
              outOfOrderRows,
              episodes,
              backward.first(),
              Map.of()));
      IndexSort.sort(idx, times);
    }

    // 3. duplicates: keep the first row (or the one recorded latest)
    int[] uniq = new int[idx.length];
    int u = 0;
    Rows dupRows = new Rows();
    List<Interval> dupIntervals = new ArrayList<>();
    long disagreeing = 0;
    long dupStamps = 0;
    long runFrom = Long.MIN_VALUE;
    long runTo = Long.MIN_VALUE;
    long runCount = 0;
    for (int k = 0; k < idx.length; ) {
      int j = k + 1;
      long t = times[idx[k]];
      while (j < idx.length && times[idx[j]] == t) {
        j++;
      }
      int keep = idx[k];
      if (j - k > 1) {
        dupStamps++;
        if (data.hasRecordedAt()) {
          for (int q = k + 1; q < j; q++) {
            if (data.recordedAt(idx[q]) != TimeParser.UNPARSEABLE
                && data.recordedAt(idx[q]) > data.recordedAt(keep)) {
              keep = idx[q];
            }
          }
        }
        for (int q = k; q < j; q++) {
          if (idx[q] != keep) {
            dupRows.add(data.row(idx[q]));
            if (!sameValue(data.value(idx[q]), data.value(keep))) {
              disagreeing++;
            }
          }
        }
        // merge duplicate stamps that follow each other on the sorted stamp list
        if (runCount > 0 && u > 0 && times[uniq[u - 1]] == runTo) {
          runTo = t;
          runCount += j - k - 1;
        } else {
          if (runCount > 0 && dupIntervals.size() < MAX_INTERVALS) {
            dupIntervals.add(new Interval(fmt.format(runFrom), fmt.format(runTo), runCount));
          }
          runFrom = t;
          runTo = t;
          runCount = j - k - 1;
        }
      }
      uniq[u++] = keep;
      k = j;
    }
    if (runCount > 0 && dupIntervals.size() < MAX_INTERVALS) {
      dupIntervals.add(new Interval(fmt.format(runFrom), fmt.format(runTo), runCount));
    }
    if (dupRows.count() > 0) {
      String agree =
          disagreeing == 0
              ? (dupRows.count() == 1 ? "its value agrees" : "their values agree")
              : disagreeing == 1 && dupRows.count() == 1
                  ? "with a different value"
                  : disagreeing + " of them with a different value";
      String kept =
          data.hasRecordedAt() ? "the latest recorded row is kept" : "the first row is kept";
      double share = dupRows.count() / (double) Math.max(1, idx.length);
      Severity sev = Severity.WARNING;
      String fix = "";
      if (share > MOSTLY) {
        sev = Severity.CRITICAL;
        String what = duplicateFix(hints, idx.length / (double) Math.max(1, dupStamps));
        fix = ". These rows cannot be one series: " + what + " (no verdict until then)";
        withheld = "most rows (" + pct(share) + ") repeat a time stamp: " + what;
      }
      findings.add(
          new Finding(
              CheckType.TIME_DUPLICATE.id(),
              sev,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%s %s %s (%s); %s%s",
                  Prose.count(dupRows.count(), "extra row"),
                  dupRows.count() == 1 ? "repeats" : "repeat",
                  Prose.count(dupStamps, "time stamp"),
                  agree,
                  kept,
                  fix),
              dupRows.count(),
              dupIntervals,
              dupRows.first(),
              Map.of("valuesDisagree", disagreeing)));
    }

    if (u == 0) {
      return new Result(null, findings, stepOverride, 0, new int[0], withheld);
    }

    // 4. step
    long[] ut = new long[u];
    for (int k = 0; k < u; k++) {
      ut[k] = times[uniq[k]];
    }
    Step step = stepOverride != null ? stepOverride : inferStep(ut, fmt.kind());

    // the grid's size is bounded before it is allocated
    double span = step.position(ut[0], ut[u - 1]);
    if (!(span <= OutOfRangeStamps.maxGrid(u))) {
      findings.add(OutOfRangeStamps.tooLong(data, uniq, ut, u, span, step, fmt));
      return new Result(null, findings, step, 0, new int[0]);
    }

    // 5. grid positions, irregular spacing, gaps
    long t0 = ut[0];
    long[] pos = new long[u];
    long irregular = 0;
    Rows irregularRows = new Rows();
    List<Interval> irregularIntervals = new ArrayList<>();
    long exactSteps = 0;
    for (int k = 0; k < u; k++) {
      double p =
          step.kind() == Step.Kind.MONTHS
              ? Math.floor(step.position(t0, ut[k]) + 1e-9)
              : step.position(t0, ut[k]);
      long r = Math.round(p);
      if (k > 0) {
        boolean offGrid = step.kind() != Step.Kind.MONTHS && Math.abs(p - r) > 1e-9;
        if (offGrid) {
          irregular++;
          irregularRows.add(data.row(uniq[k]));
          if (irregularIntervals.size() < MAX_INTERVALS) {
            irregularIntervals.add(new Interval(fmt.format(ut[k - 1]), fmt.format(ut[k]), 1));
          }
        } else if (r - pos[k - 1] == 1) {
          exactSteps++;
        }
      }
      pos[k] = r;
    }
    // snapping may put two stamps on one position: keep the first
    int[] keptIndex;
    long last = pos[u - 1];
    if (last > Integer.MAX_VALUE - 8) {
      // unreachable: the span was bounded above; kept as the last guard of the allocation
      throw new IllegalStateException("series spans too many steps for its step " + step.iso());
    }
    int len = (int) last + 1;
    keptIndex = new int[len];
    java.util.Arrays.fill(keptIndex, -1);
    long snappedAway = 0;
    for (int k = 0; k < u; k++) {
      int p = (int) pos[k];
      if (keptIndex[p] < 0) {
        keptIndex[p] = uniq[k];
      } else {
        snappedAway++;
      }
    }
    double regularity = u > 1 ? exactSteps / (double) (u - 1) : 1.0;
    if (irregular > 0) {
      double share = irregular / (double) Math.max(1, u - 1);
      Severity sev = share > 0.05 ? Severity.WARNING : Severity.INFO;
      findings.add(
          new Finding(
              CheckType.TIME_IRREGULAR.id(),
              sev,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%s (%s) %s not a multiple of the step %s; %s moved to the nearest grid point%s",
                  Prose.count(irregular, "spacing"),
                  pct(share),
                  irregular == 1 ? "is" : "are",
                  step.iso(),
                  irregular == 1 ? "that stamp was" : "those stamps were",
                  snappedAway > 0
                      ? String.format(
                          Locale.ROOT,
                          ", where %s an earlier row and %s left out",
                          snappedAway == 1 ? "1 row met" : snappedAway + " rows met",
                          snappedAway == 1 ? "was" : "were")
                      : ""),
              irregular,
              irregularIntervals,
              irregularRows.first(),
              Map.of("leftOut", snappedAway)));
    }
    // unparseable rows before each row in file order: a gap no longer than the unparseable rows
    // between its two neighbours is their absence, not a gap in the collection
    int[] unparsedBefore = new int[n + 1];
    for (int i = 0; i < n; i++) {
      unparsedBefore[i + 1] = unparsedBefore[i] + (times[i] == TimeParser.UNPARSEABLE ? 1 : 0);
    }
    long gaps = 0;
    long missingStamps = 0;
    long explainedStamps = 0;
    List<Interval> gapIntervals = new ArrayList<>();
    Rows gapRows = new Rows();
    for (int p = 1; p < len; p++) {
      if (keptIndex[p] < 0) {
        int q = p;
        while (q < len && keptIndex[q] < 0) {
          q++;
        }
        int before = keptIndex[p - 1];
        int after = keptIndex[q];
        if (after > before && unparsedBefore[after] - unparsedBefore[before + 1] >= q - p) {
          explainedStamps += q - p;
          p = q;
          continue;
        }
        gaps++;
        missingStamps += q - p;
        gapRows.add(data.row(keptIndex[q]));
        if (gapIntervals.size() < MAX_INTERVALS) {
          gapIntervals.add(
              new Interval(
                  fmt.format(step.advance(t0, p)), fmt.format(step.advance(t0, q - 1)), q - p));
        }
        p = q;
      }
    }
    if (gaps > 0) {
      double share = missingStamps / (double) len;
      Severity sev = share > 0.20 ? Severity.CRITICAL : Severity.WARNING;
      findings.add(
          new Finding(
              CheckType.TIME_GAP.id(),
              sev,
              Category.DATA_MISSING,
              String.format(
                  Locale.ROOT,
                  "%s: %d of %d expected time stamps (%s) are absent at step %s%s",
                  Prose.count(gaps, "gap"),
                  missingStamps,
                  len,
                  pct(share),
                  step.iso(),
                  longestGap(gapIntervals)),
              gaps,
              gapIntervals,
              gapRows.first(),
              Map.of("missingStamps", missingStamps)));
    }

    if (explainedStamps > 0 && unparseableFinding >= 0) {
      Finding f = findings.get(unparseableFinding);
      findings.set(
          unparseableFinding,
          new Finding(
              f.check(),
              f.severity(),
              f.category(),
              f.message()
                  + String.format(
                      Locale.ROOT,
                      "; %s of the grid %s empty only because of them (not reported as gaps)",
                      Prose.count(explainedStamps, "time stamp"),
                      explainedStamps == 1 ? "is" : "are"),
              f.count(),
              f.intervals(),
              f.rows(),
              Map.of("stampsLeftEmpty", explainedStamps)));
    }

    // 6. values on the grid, missing and non-numeric cells
    double[] values = new double[len];
    long[] rows = new long[len];
    for (int p = 0; p < len; p++) {
      int i = keptIndex[p];
      values[p] = i < 0 ? Double.NaN : data.value(i);
      rows[p] = i < 0 ? 0 : data.row(i);
    }
    RegularSeries regular = new RegularSeries(t0, step, values, rows, fmt);
    valueFindings(data, regular, keptIndex, findings);
    constant(values, regular, findings);
    return new Result(regular, findings, step, regularity, keptIndex, withheld);
  }

  /**
   * The likely fix for a series most of whose rows repeat a time stamp: a time-of-day column left
   * out of {@code --time}, a series key left out of {@code --id}, or else a general hint.
   *
   * @param perStamp rows per distinct time stamp, on average
   */
  static String duplicateFix(InputHints hints, double perStamp) {
    if (hints.timeOfDayColumn() != null) {
      return String.format(
          Locale.ROOT,
          "each date repeats about %d times and column %s holds times of day: pass --time %s,%s",
          Math.round(perStamp),
          hints.timeOfDayColumn(),
          hints.dateColumn(),
          hints.timeOfDayColumn());
    }
    if (!hints.idCandidates().isEmpty()) {
      String c = hints.idCandidates().get(0);
      return "a series key seems missing: pass --id " + c + " (it makes every time stamp unique)";
    }
    return "pass --id with the column(s) that tell the series apart, or name the time-of-day"
        + " column in --time DATE,TIME";
  }

  private static void valueFindings(
      SeriesData data, RegularSeries reg, int[] keptIndex, List<Finding> out) {
    Rows missing = new Rows();
    Rows nonNumeric = new Rows();
    List<Interval> missingRuns = new ArrayList<>();
    List<Interval> nonNumericRuns = new ArrayList<>();
    int len = keptIndex.length;
    // every grid position holding a row counts once, also those a run below skips over
    long observed = 0;
    for (int i : keptIndex) {
      if (i >= 0) {
        observed++;
      }
    }
    for (int p = 0; p < len; p++) {
      int i = keptIndex[p];
      if (i < 0) {
        continue;
      }
      byte st = data.state(i);
      if (st == SeriesData.OK) {
        continue;
      }
      Rows target = st == SeriesData.MISSING ? missing : nonNumeric;
      List<Interval> runs = st == SeriesData.MISSING ? missingRuns : nonNumericRuns;
      int q = p;
      long c = 0;
      int lastP = p;
      while (q < len && (keptIndex[q] < 0 || data.state(keptIndex[q]) == st)) {
        if (keptIndex[q] >= 0) {
          target.add(data.row(keptIndex[q]));
          c++;
          lastP = q;
        }
        q++;
      }
      if (runs.size() < MAX_INTERVALS) {
        runs.add(new Interval(reg.formattedTime(p), reg.formattedTime(lastP), c));
      }
      p = lastP;
    }
    if (missing.count() > 0) {
      double share = missing.count() / (double) Math.max(1, observed);
      Severity sev = share > 0.20 ? Severity.CRITICAL : Severity.WARNING;
      out.add(
          new Finding(
              CheckType.VALUE_MISSING.id(),
              sev,
              Category.DATA_MISSING,
              String.format(
                  Locale.ROOT,
                  "%d of %d values (%s) are missing, in %s",
                  missing.count(),
                  observed,
                  pct(share),
                  Prose.count(missingRuns.size(), "run")),
              missing.count(),
              missingRuns,
              missing.first(),
              Map.of()));
    }
    if (nonNumeric.count() > 0) {
      Map<String, Long> tokens = new LinkedHashMap<>();
      data.nonNumericTokens().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(10)
          .forEach(e -> tokens.put(e.getKey(), e.getValue()));
      String top =
          tokens.entrySet().stream()
              .limit(3)
              .map(e -> "'" + e.getKey() + "' ×" + e.getValue())
              .reduce((a, b) -> a + ", " + b)
              .orElse("");
      out.add(
          new Finding(
              CheckType.VALUE_NON_NUMERIC.id(),
              Severity.WARNING,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%d values are text where a number was expected (%s); treated as missing",
                  nonNumeric.count(),
                  top),
              nonNumeric.count(),
              nonNumericRuns,
              nonNumeric.first(),
              Map.of("tokens", tokens)));
    }
  }

  private static void constant(double[] values, RegularSeries reg, List<Finding> out) {
    double first = Double.NaN;
    long finite = 0;
    boolean varies = false;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      finite++;
      if (Double.isNaN(first)) {
        first = v;
      } else if (v != first) {
        varies = true;
        break;
      }
    }
    if (finite >= 2 && !varies) {
      out.add(
          new Finding(
              CheckType.SERIES_CONSTANT.id(),
              Severity.CRITICAL,
              Category.DATA_NO_SIGNAL,
              String.format(
                  Locale.ROOT,
                  "all %d values are %s: there is nothing to forecast (a sensor that is off or a"
                      + " placeholder column?)",
                  finite,
                  num(first)),
              finite,
              List.of(
                  new Interval(reg.formattedTime(0), reg.formattedTime(values.length - 1), finite)),
              List.of(),
              Map.of("value", first)));
    }
  }

  /** The most common positive spacing, read as calendar months where the spacing says so. */
  static Step inferStep(long[] sortedUnique, TimeKind kind) {
    long unit;
    switch (kind) {
      case YEAR:
        unit = 12;
        break;
      case QUARTER:
        unit = 3;
        break;
      case MONTH:
        unit = 1;
        break;
      default:
        unit = 0;
        break;
    }
    if (unit > 0) {
      // the most common spacing in whole units: decennial data step ten years, not one
      long k = sortedUnique.length < 2 ? 1 : mostCommonMonths(sortedUnique, unit);
      return Step.months(unit * Math.max(1, k));
    }
    if (sortedUnique.length < 2) {
      return kind == TimeKind.INDEX ? Step.index(1) : Step.millis(86_400_000L);
    }
    Map<Long, Integer> counts = new HashMap<>();
    long best = 0;
    int bestCount = 0;
    int limit = Math.min(sortedUnique.length - 1, 100_000);
    for (int k = 1; k <= limit; k++) {
      long d = sortedUnique[k] - sortedUnique[k - 1];
      int c = counts.merge(d, 1, Integer::sum);
      if (c > bestCount || (c == bestCount && d < best)) {
        best = d;
        bestCount = c;
      }
    }
    if (kind == TimeKind.INDEX) {
      return Step.index(best);
    }
    long day = 86_400_000L;
    if (best % day == 0) {
      long days = best / day;
      // calendar months: 28-31 days, quarters 89-92, years 365-366
      if (days >= 28 && days <= 31 && monthlyShare(counts, 28, 31) > 0.5) {
        return Step.months(1);
      }
      if (days >= 89 && days <= 92 && monthlyShare(counts, 89, 92) > 0.5) {
        return Step.months(3);
      }
      if (days >= 365 && days <= 366 && monthlyShare(counts, 365, 366) > 0.5) {
        return Step.months(12);
      }
    }
    if (best >= 28 * day) {
      // dates a whole number of months apart on the same day of the month (every 2 months, every
      // 10 years): the most common such spacing, when most spacings are one
      long k = mostCommonMonths(sortedUnique, 1);
      if (k > 0) {
        return Step.months(k);
      }
    }
    return Step.millis(best);
  }

  /**
   * The most common spacing between consecutive stamps in multiples of {@code unit} months,
   * counting only spacings that are whole months on the same day and time of the month; 0 when
   * fewer than half of the spacings are.
   */
  static long mostCommonMonths(long[] sortedUnique, long unit) {
    Map<Long, Integer> counts = new HashMap<>();
    int limit = Math.min(sortedUnique.length - 1, 100_000);
    int whole = 0;
    long best = 0;
    int bestCount = 0;
    for (int k = 1; k <= limit; k++) {
      java.time.LocalDateTime a = utc(sortedUnique[k - 1]);
      java.time.LocalDateTime b = utc(sortedUnique[k]);
      if (a.getDayOfMonth() != b.getDayOfMonth() || !a.toLocalTime().equals(b.toLocalTime())) {
        continue;
      }
      long months = (b.getYear() - a.getYear()) * 12L + b.getMonthValue() - a.getMonthValue();
      if (months <= 0 || months % unit != 0) {
        continue;
      }
      whole++;
      long m = months / unit;
      int c = counts.merge(m, 1, Integer::sum);
      if (c > bestCount || (c == bestCount && m < best)) {
        best = m;
        bestCount = c;
      }
    }
    return whole * 2 > limit ? best : 0;
  }

  private static java.time.LocalDateTime utc(long ms) {
    return java.time.LocalDateTime.ofEpochSecond(
        Math.floorDiv(ms, 1000), Math.floorMod(ms, 1000) * 1_000_000, java.time.ZoneOffset.UTC);
  }

  private static double monthlyShare(Map<Long, Integer> counts, int lo, int hi) {
    long in = 0;
    long all = 0;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      all += e.getValue();
      long days = e.getKey() / 86_400_000L;
      if (e.getKey() % 86_400_000L == 0 && days >= lo && days <= hi) {
        in += e.getValue();
      }
    }
    return all == 0 ? 0 : in / (double) all;
  }

  private static String longestGap(List<Interval> gaps) {
    Interval best = null;
    for (Interval g : gaps) {
      if (best == null || g.count() > best.count()) {
        best = g;
      }
    }
    if (best == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "; the longest, %s, from %s to %s",
        Prose.count(best.count(), "stamp"),
        best.from(),
        best.to());
  }

  static boolean sameValue(double a, double b) {
    return (Double.isNaN(a) && Double.isNaN(b)) || a == b;
  }

  static String pct(double share) {
    return Prose.share(share);
  }

  static String num(double v) {
    return Prose.value(v);
  }
}
