package dev.signalcheck.ledger;

/** Builds one series of a run ({@link LedgerQueries.SeriesRow}), naming each component. */
public final class SeriesRowBuilder {
  private int ordinal;
  private String id;
  private String target;
  private Long n;
  private String step;
  private Integer season;
  private Integer horizon;
  private Integer origins;
  private String verdict;
  private Double skill;
  private Double predictability;
  private String bestModel;
  private Double bestMase;
  private Double expectedMase;
  private int critical;
  private int warning;
  private int info;
  private String worstSeverity;

  SeriesRowBuilder() {}

  public SeriesRowBuilder ordinal(int ordinal) {
    this.ordinal = ordinal;
    return this;
  }

  public SeriesRowBuilder id(String id) {
    this.id = id;
    return this;
  }

  public SeriesRowBuilder target(String target) {
    this.target = target;
    return this;
  }

  public SeriesRowBuilder n(Long n) {
    this.n = n;
    return this;
  }

  public SeriesRowBuilder step(String step) {
    this.step = step;
    return this;
  }

  public SeriesRowBuilder season(Integer season) {
    this.season = season;
    return this;
  }

  public SeriesRowBuilder horizon(Integer horizon) {
    this.horizon = horizon;
    return this;
  }

  public SeriesRowBuilder origins(Integer origins) {
    this.origins = origins;
    return this;
  }

  public SeriesRowBuilder verdict(String verdict) {
    this.verdict = verdict;
    return this;
  }

  public SeriesRowBuilder skill(Double skill) {
    this.skill = skill;
    return this;
  }

  public SeriesRowBuilder predictability(Double predictability) {
    this.predictability = predictability;
    return this;
  }

  public SeriesRowBuilder bestModel(String bestModel) {
    this.bestModel = bestModel;
    return this;
  }

  public SeriesRowBuilder bestMase(Double bestMase) {
    this.bestMase = bestMase;
    return this;
  }

  public SeriesRowBuilder expectedMase(Double expectedMase) {
    this.expectedMase = expectedMase;
    return this;
  }

  public SeriesRowBuilder critical(int critical) {
    this.critical = critical;
    return this;
  }

  public SeriesRowBuilder warning(int warning) {
    this.warning = warning;
    return this;
  }

  public SeriesRowBuilder info(int info) {
    this.info = info;
    return this;
  }

  public SeriesRowBuilder worstSeverity(String worstSeverity) {
    this.worstSeverity = worstSeverity;
    return this;
  }

  public LedgerQueries.SeriesRow build() {
    return new LedgerQueries.SeriesRow(
        ordinal,
        id,
        target,
        n,
        step,
        season,
        horizon,
        origins,
        verdict,
        skill,
        predictability,
        bestModel,
        bestMase,
        expectedMase,
        critical,
        warning,
        info,
        worstSeverity);
  }
}
