package dev.signalcheck.core.backtest;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of doubles kept as a primitive array: 8 bytes a value instead of a boxed {@code
 * Double} and its reference (some 24). The backtest keeps one value per forecast step, per origin
 * and per model (a 17,280-step horizon, 30 origins and a dozen models are six million values), so
 * the lists it hands out are of this kind. Equal to, and with the hash code of, any {@link List}
 * holding the same values ({@link AbstractList}'s contract); {@code null} elements are refused, as
 * {@link List#copyOf} refuses them.
 */
public final class DoubleList extends AbstractList<Double> implements RandomAccess {
  private static final DoubleList EMPTY = new DoubleList(new double[0]);

  private final double[] values;

  private DoubleList(double[] values) {
    this.values = values;
  }

  /** A list of a copy of {@code values}. */
  public static DoubleList of(double[] values) {
    return values.length == 0 ? EMPTY : new DoubleList(values.clone());
  }

  /** The same values as an immutable primitive list; {@code list} itself when it is one. */
  public static DoubleList copyOf(List<Double> list) {
    if (list instanceof DoubleList d) {
      return d;
    }
    double[] v = new double[list.size()];
    int i = 0;
    for (Double x : list) {
      v[i++] = x; // a null element throws, as List.copyOf does
    }
    return v.length == 0 ? EMPTY : new DoubleList(v);
  }

  @Override
  public Double get(int index) {
    return values[index];
  }

  /** The value at {@code index}, unboxed. */
  public double getDouble(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  /** A copy of the values. */
  public double[] toDoubleArray() {
    return values.clone();
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
