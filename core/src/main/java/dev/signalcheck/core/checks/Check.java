package dev.signalcheck.core.checks;

/**
 * One time check of {@link Alignment}: it reads the rows still in play from the {@link Aligning}
 * state, adds its findings there and narrows or places the rows for the checks after it. Checks run
 * in a fixed order ({@link Alignment#align}); none throws on bad data.
 */
interface Check {
  void apply(Aligning a);
}
