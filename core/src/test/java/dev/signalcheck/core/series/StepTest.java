package dev.signalcheck.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepTest {
  @Test
  void parsesAndWritesIso() {
    assertThat(Step.parse("PT5M").iso()).isEqualTo("PT5M");
    assertThat(Step.parse("PT1H").iso()).isEqualTo("PT1H");
    assertThat(Step.parse("P1D").iso()).isEqualTo("P1D");
    assertThat(Step.parse("P1W").iso()).isEqualTo("P1W");
    assertThat(Step.parse("P1M").iso()).isEqualTo("P1M");
    assertThat(Step.parse("P3M").iso()).isEqualTo("P3M");
    assertThat(Step.parse("P1Y").iso()).isEqualTo("P1Y");
    assertThat(Step.parse("1").iso()).isEqualTo("1");
  }

  @Test
  void defaultSeasonsAndHorizonsFollowTheContract() {
    assertThat(Step.parse("PT1H").defaultSeason()).isEqualTo(24);
    assertThat(Step.parse("P1D").defaultSeason()).isEqualTo(7);
    assertThat(Step.parse("P1W").defaultSeason()).isEqualTo(52);
    assertThat(Step.parse("P1M").defaultSeason()).isEqualTo(12);
    assertThat(Step.parse("P3M").defaultSeason()).isEqualTo(4);
    assertThat(Step.parse("P1Y").defaultSeason()).isEqualTo(1);
    assertThat(Step.parse("PT5M").defaultSeason()).isEqualTo(288);
    assertThat(Step.parse("1").defaultSeason()).isEqualTo(1);
    assertThat(Step.parse("PT1H").defaultHorizon(24, 1000)).isEqualTo(48);
    assertThat(Step.parse("P1D").defaultHorizon(7, 1000)).isEqualTo(14);
    assertThat(Step.parse("P1W").defaultHorizon(52, 1000)).isEqualTo(13);
    assertThat(Step.parse("P1M").defaultHorizon(12, 1000)).isEqualTo(18);
    assertThat(Step.parse("P3M").defaultHorizon(4, 1000)).isEqualTo(8);
    assertThat(Step.parse("P1Y").defaultHorizon(1, 1000)).isEqualTo(6);
    assertThat(Step.parse("1").defaultHorizon(1, 1000)).isEqualTo(6);
    assertThat(Step.parse("PT5M").defaultHorizon(288, 1000)).isEqualTo(200);
    assertThat(Step.parse("PT5M").defaultHorizon(288, 100_000)).isEqualTo(288);
  }

  @Test
  void monthsAdvanceOnTheCalendar() {
    Step m = Step.months(1);
    long jan31 = TimeParser.epochMillis(2024, 1, 31, 0, 0, 0, 0);
    long feb1 = TimeParser.epochMillis(2024, 2, 1, 0, 0, 0, 0);
    assertThat(m.advance(feb1, 1)).isEqualTo(TimeParser.epochMillis(2024, 3, 1, 0, 0, 0, 0));
    assertThat(Math.floor(m.position(feb1, TimeParser.epochMillis(2025, 2, 1, 0, 0, 0, 0))))
        .isEqualTo(12.0);
    assertThat(m.advance(jan31, 1)).isEqualTo(TimeParser.epochMillis(2024, 2, 29, 0, 0, 0, 0));
  }
}
