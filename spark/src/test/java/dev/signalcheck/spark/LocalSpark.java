package dev.signalcheck.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One Spark session in local mode for every test in the JVM: two threads, two shuffle partitions,
 * no UI, bound to 127.0.0.1. Stopped when the JVM ends.
 */
final class LocalSpark {
  private LocalSpark() {}

  private static SparkSession session;

  static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("signalcheck-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.adaptive.enabled", "false")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
