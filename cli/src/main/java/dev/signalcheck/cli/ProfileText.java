package dev.signalcheck.cli;

import dev.signalcheck.core.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The headline measures of a profile in one console line. */
final class ProfileText {
  private ProfileText() {}

  static String line(Profile p) {
    if (p == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (p.acf1() != null) {
      parts.add(String.format(Locale.ROOT, "acf1 %.2f", p.acf1()));
    }
    if (p.ljungBox() != null) {
      parts.add(
          p.ljungBox().pValue() < 0.05
              ? "not white noise (Ljung-Box p " + pv(p.ljungBox().pValue()) + ")"
              : "white noise? (Ljung-Box p " + pv(p.ljungBox().pValue()) + ")");
    }
    if (p.ljungBoxDiff() != null && p.ljungBoxDiff().pValue() >= 0.05) {
      parts.add("changes look random (random walk?)");
    }
    if (p.spectralEntropy() != null) {
      parts.add(String.format(Locale.ROOT, "spectral entropy %.2f", p.spectralEntropy()));
    }
    if (p.trendStrength() != null) {
      parts.add(String.format(Locale.ROOT, "trend %.2f", p.trendStrength()));
    }
    if (p.seasonalStrength() != null) {
      parts.add(String.format(Locale.ROOT, "season %.2f", p.seasonalStrength()));
    }
    if (p.kpss() != null) {
      parts.add(
          p.kpss().pValue() <= 0.05 ? "not level-stationary (KPSS)" : "level-stationary (KPSS)");
    }
    if (p.intermittency() != null
        && p.intermittency().zeroShare() > 0
        && p.intermittency().sbcClass() != null
        && !"smooth".equals(p.intermittency().sbcClass())) {
      parts.add(p.intermittency().sbcClass() + " demand");
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  private static String pv(double p) {
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
