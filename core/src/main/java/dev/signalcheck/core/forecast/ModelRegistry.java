package dev.signalcheck.core.forecast;

import dev.signalcheck.core.forecast.ModelInfo.Basis;
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
import java.util.function.Supplier;

/**
 * The models {@code --models} can name: an explicit, ordered map from name to factory (no classpath
 * scanning). {@link #defaults()} lists them in the order reports use.
 *
 * <p>What the program needs to know about a model (whether it is a baseline, what it forecasts by,
 * whether it is seasonally adjusted the M4 way) is its entry's {@link ModelInfo}; the backtest and
 * the verdict read it with {@link #info(String)}, never branching on a name.
 */
public final class ModelRegistry {

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

  /** One registered model and what the program knows about it. */
  public record Entry(String name, Supplier<Forecaster> factory, ModelInfo info) {
    public Entry {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a model needs a name");
      }
      if (info == null) {
        throw new IllegalArgumentException("model '" + name + "' needs its metadata");
      }
    }

    /** A candidate model with fitted parameters. */
    public Entry(String name, Supplier<Forecaster> factory) {
      this(name, factory, ModelInfo.CANDIDATE);
    }

    public boolean baseline() {
      return info.baseline();
    }
  }

  private static final ModelRegistry DEFAULTS = new ModelRegistry(defaultEntries());

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
    return DEFAULTS;
  }

  /**
   * The metadata of the standard model of this name; a model not registered there (one a caller
   * built itself) is a {@link ModelInfo#CANDIDATE}.
   */
  public static ModelInfo info(String name) {
    Entry e = DEFAULTS.entries.get(name);
    return e == null ? ModelInfo.CANDIDATE : e.info();
  }

  /**
   * The standard entries: mean, naive, seasonal-naive, naive2, drift, ses, holt, damped, theta,
   * ets, ar.
   */
  public static List<Entry> defaultEntries() {
    List<Entry> e = new ArrayList<>();
    e.add(new Entry(MeanForecaster.NAME, MeanForecaster::new, ModelInfo.baseline(Basis.MEAN)));
    e.add(new Entry(Naive.NAME, Naive::new, ModelInfo.baseline(Basis.LAST_VALUE)));
    e.add(new Entry(SeasonalNaive.NAME, SeasonalNaive::new, ModelInfo.baseline(Basis.SEASON)));
    // naive2 adjusts the series itself
    e.add(new Entry(Naive2.NAME, Naive2::new, ModelInfo.baseline(Basis.SEASON).m4()));
    e.add(new Entry(Drift.NAME, Drift::new));
    // ses, holt, damped and theta get the M4 seasonal adjustment; ets does its own seasons. The
    // exponential smoothers are estimated on at most the latest RecentWindow.points(m) points of a
    // training window (the adjustment's indices still come from the whole window); theta, whose
    // drift is the whole window's regression, is fitted whole.
    e.add(m4Adjusted("ses", () -> RecentWindow.of(new Ses())));
    e.add(m4Adjusted("holt", () -> RecentWindow.of(new Holt())));
    e.add(m4Adjusted("damped", () -> RecentWindow.of(new DampedHolt())));
    e.add(m4Adjusted("theta", ThetaClassic::new));
    e.add(new Entry("ets", () -> RecentWindow.of(new AutoEts())));
    e.add(new Entry(ArYuleWalker.NAME, ArYuleWalker::new));
    return e;
  }

  /**
   * An entry whose model runs on the M4 seasonally adjusted series, under the inner model's name.
   */
  public static Entry m4Adjusted(String name, Supplier<? extends Forecaster> inner) {
    return new Entry(
        name, () -> new M4SeasonalAdjustment(name, inner.get()), ModelInfo.CANDIDATE.m4());
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
