package dev.signalcheck.ledger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one run that {@code ledger projects} summarises (table {@code run_values}): each
 * series' best MASE grouped by its metric definition, and each series' skill. Kept as arrays of
 * doubles so that summarising a project reads one row per run and kind, not one per series.
 */
final class RunValues {

  static final String BEST_MASE = "best_mase";
  static final String SKILL = "skill";

  private final Map<Long, Doubles> mase = new LinkedHashMap<>();
  private final Doubles skill = new Doubles();

  void add(Long maseDefinition, Double bestMase, Double skillValue) {
    if (maseDefinition != null && bestMase != null) {
      mase.computeIfAbsent(maseDefinition, k -> new Doubles()).add(bestMase);
    }
    if (skillValue != null) {
      skill.add(skillValue);
    }
  }

  Map<Long, Doubles> mase() {
    return mase;
  }

  Doubles skill() {
    return skill;
  }

  static byte[] encode(Doubles d) {
    ByteBuffer b = ByteBuffer.allocate(d.size() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < d.size(); i++) {
      b.putDouble(d.get(i));
    }
    return b.array();
  }

  /** Appends the doubles of {@code bytes} (as {@link #encode} wrote them) to {@code into}. */
  static void decodeInto(byte[] bytes, Doubles into) {
    DoubleBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
    int k = b.remaining();
    into.ensure(k);
    b.get(into.a, into.n, k);
    into.n += k;
  }

  /** A growable array of doubles. */
  static final class Doubles {
    private double[] a = new double[16];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    void addAll(Doubles other) {
      ensure(other.n);
      System.arraycopy(other.a, 0, a, n, other.n);
      n += other.n;
    }

    private void ensure(int more) {
      if (n + more > a.length) {
        a = Arrays.copyOf(a, Math.max(n + more, a.length * 2));
      }
    }

    int size() {
      return n;
    }

    double get(int i) {
      return a[i];
    }

    double[] sorted() {
      double[] s = Arrays.copyOf(a, n);
      Arrays.sort(s);
      return s;
    }

    /** A copy of the values, in no particular order. */
    double[] copy() {
      return Arrays.copyOf(a, n);
    }
  }
}
