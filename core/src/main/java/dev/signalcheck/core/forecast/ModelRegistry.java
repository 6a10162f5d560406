package dev.signalcheck.core.forecast;

import dev.signalcheck.core.forecast.ets.AutoEts;
import dev.signalcheck.core.forecast.ets.DampedHolt;
import dev.signalcheck.core.forecast.ets.Holt;
import dev.signalcheck.core.forecast.ets.Ses;
import dev.signalcheck.core.forecast.ets.ThetaClassic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The models {@code --models} can name: an explicit, ordered map from name to factory (no classpath
 * scanning). {@link #defaults()} lists them in the order reports use.
 *
 * <p>Every model is either a trivial baseline ({@link #BASELINES}: mean, naive, seasonal-naive,
 * naive2) or a candidate; the verdict measures what the best candidate adds over the best baseline.
 */
public final class ModelRegistry {

  /** The trivial baselines of analyses.md §3; every other model is a candidate. */
  public static final Set<String> BASELINES =
      Set.of(MeanForecaster.NAME, Naive.NAME, SeasonalNaive.NAME, Naive2.NAME);

  /**
   * The models the M4 protocol seasonally adjusts first ({@link M4SeasonalAdjustment}). naive2 does
   * it itself; the others are registered wrapped.
   */
  public static final Set<String> M4_ADJUSTED = Set.of("naive2", "ses", "holt", "damped", "theta");

  /**
   * Named sets {@code --models} accepts beside model names. {@code fast}: the four baselines and
   * the candidates that fit in closed form or with a two-parameter optimisation (ses, theta, ar):
   * for fleets of many series, where automatic ETS's search over fifteen forms is the cost.
   */
  public static final Map<String, List<String>> SETS =
      Map.of(
          "fast",
          List.of(
              MeanForecaster.NAME,
              Naive.NAME,
              SeasonalNaive.NAME,
              Naive2.NAME,
              "ses",
              "theta",
              ArYuleWalker.NAME));

  /** One registered model. */
  public record Entry(String name, Supplier<Forecaster> factory) {
    public Entry {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a model needs a name");
      }
    }

    public boolean baseline() {
      return BASELINES.contains(name);
    }
  }

  private final Map<String, Entry> entries;

  /** A registry of exactly these entries, in this order; names must be unique. */
  public ModelRegistry(List<Entry> entries) {
    Map<String, Entry> map = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (map.putIfAbsent(e.name(), e) != null) {
        throw new IllegalArgumentException("model '" + e.name() + "' is registered twice");
      }
    }
    this.entries = Collections.unmodifiableMap(map);
  }

  /** The standard models, in report order. */
  public static ModelRegistry defaults() {
    return new ModelRegistry(defaultEntries());
  }

  /**
   * The standard entries: mean, naive, seasonal-naive, naive2, drift, ses, holt, damped, theta,
   * ets, ar.
   */
  public static List<Entry> defaultEntries() {
    List<Entry> e = new ArrayList<>();
    e.add(new Entry(MeanForecaster.NAME, MeanForecaster::new));
    e.add(new Entry(Naive.NAME, Naive::new));
    e.add(new Entry(SeasonalNaive.NAME, SeasonalNaive::new));
    e.add(new Entry(Naive2.NAME, Naive2::new));
    e.add(new Entry(Drift.NAME, Drift::new));
    // ses, holt, damped and theta get the M4 seasonal adjustment (M4_ADJUSTED); ets does its own
    // seasons.
    e.add(m4Adjusted("ses", Ses::new));
    e.add(m4Adjusted("holt", Holt::new));
    e.add(m4Adjusted("damped", DampedHolt::new));
    e.add(m4Adjusted("theta", ThetaClassic::new));
    e.add(new Entry("ets", AutoEts::new));
    e.add(new Entry(ArYuleWalker.NAME, ArYuleWalker::new));
    return e;
  }

  /**
   * An entry whose model runs on the M4 seasonally adjusted series, under the inner model's name.
   */
  public static Entry m4Adjusted(String name, Supplier<? extends Forecaster> inner) {
    return new Entry(name, () -> new M4SeasonalAdjustment(name, inner.get()));
  }

  /** The registered names, in order. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** A new instance of the named model. */
  public Forecaster create(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw unknown(name);
    }
    return e.factory().get();
  }

  /** Every registered model, in order. */
  public List<Forecaster> all() {
    List<Forecaster> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      out.add(e.factory().get());
    }
    return out;
  }

  /**
   * The models named in a {@code --models} value (comma-separated, blanks ignored,
   * case-insensitive), in the order given, without repeats. A null or blank value selects all of
   * them.
   *
   * @throws IllegalArgumentException naming the unknown model and listing the valid names
   */
  public List<Forecaster> select(String list) {
    if (list == null || list.isBlank()) {
      return all();
    }
    List<String> names = new ArrayList<>();
    for (String part : list.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !names.contains(name)) {
        names.add(name);
      }
    }
    return select(names);
  }

  /**
   * The named models in the order given (repeats removed), a set's name standing for its models.
   */
  public List<Forecaster> select(List<String> given) {
    List<String> names = new ArrayList<>();
    for (String n : given) {
      names.addAll(SETS.getOrDefault(n, List.of(n)));
    }
    List<String> unknown = new ArrayList<>();
    for (String n : names) {
      if (!entries.containsKey(n)) {
        unknown.add(n);
      }
    }
    if (!unknown.isEmpty()) {
      throw unknown(String.join("', '", unknown));
    }
    List<Forecaster> out = new ArrayList<>();
    for (String n : new java.util.LinkedHashSet<>(names)) {
      out.add(create(n));
    }
    return out;
  }

  private IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException(
        "unknown model '"
            + name
            + "'; valid models are: "
            + String.join(", ", entries.keySet())
            + ", or the set "
            + String.join(", ", SETS.keySet()));
  }
}
