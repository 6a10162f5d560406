package dev.signalcheck.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of signalcheck, as the build wrote it. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} outside a build. */
  public static String current() {
    return VERSION;
  }

  /** The generator block of reports: name, version, Java version. */
  public static ReportInfo.Generator generator() {
    return new ReportInfo.Generator("signalcheck", VERSION, System.getProperty("java.version"));
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // fall through to "unknown"
    }
    return p.getProperty("version", "unknown");
  }
}
