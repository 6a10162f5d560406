package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the job reads its options before any Spark work. */
class OptionsTest {

  @Test
  void localMastersGiveTheirThreadCount() {
    assertThat(SparkAudit.localThreads("local")).isEqualTo(1);
    assertThat(SparkAudit.localThreads("local[3]")).isEqualTo(3);
    assertThat(SparkAudit.localThreads("local[4,2]")).isEqualTo(4);
    assertThat(SparkAudit.localThreads("local[*]"))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void theFormatFollowsTheExtension() {
    assertThat(JobOptions.formatOf("s3a://b/readings.PARQUET")).isEqualTo("parquet");
    assertThat(JobOptions.formatOf("a.jsonl")).isEqualTo("json");
    assertThat(JobOptions.formatOf("a.csv.gz")).isEqualTo("csv");
    assertThat(JobOptions.formatOf("readings/*")).isEqualTo("csv");
  }

  @Test
  void jdbcUrlsAreShownWithoutTheirParameters() {
    assertThat(InputTable.safeUrl("jdbc:postgresql://db/x?user=a&password=secret"))
        .isEqualTo("jdbc:postgresql://db/x");
    assertThat(InputTable.safeUrl("jdbc:sqlserver://h;password=secret"))
        .isEqualTo("jdbc:sqlserver://h");
  }
}
