package dev.signalcheck.core.finding;

/**
 * A stretch of series time a finding applies to. {@code from} and {@code to} are already formatted
 * in the form the input used: a {@link String} for calendar times, a {@link Long} for an integer
 * period index.
 */
public record Interval(Object from, Object to, long count) {}
