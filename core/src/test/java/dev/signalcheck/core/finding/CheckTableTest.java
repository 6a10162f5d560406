package dev.signalcheck.core.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The check table of {@code docs/checks.md} is generated from {@link CheckType}, the one home of
 * ids, severities, categories and descriptions: this test fails when the two disagree, and {@code
 * -Ddocs.update=true} rewrites the table.
 */
class CheckTableTest {
  static final String BEGIN = "<!-- check table: generated from CheckType (CheckTableTest) -->";
  static final String END = "<!-- end of check table -->";
  static final Path DOC = Path.of("..", "docs", "checks.md");

  static String table() {
    StringBuilder b = new StringBuilder();
    b.append("| id | base severity | category | what it finds |\n|---|---|---|---|\n");
    for (CheckType c : CheckType.values()) {
      b.append("| `")
          .append(c.id())
          .append("` | ")
          .append(c.severity().label())
          .append(" | ")
          .append(c.category().label())
          .append(" | ")
          .append(c.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return b.toString();
  }

  @Test
  void theDocsTableIsTheEnum() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int from = doc.indexOf(BEGIN);
    int to = doc.indexOf(END);
    assertThat(from).as("%s holds the generated check table", DOC).isNotNegative();
    assertThat(to).isGreaterThan(from);
    String current = doc.substring(from + BEGIN.length(), to);
    String wanted = "\n" + table();
    if (Boolean.getBoolean("docs.update") && !current.equals(wanted)) {
      Files.writeString(DOC, doc.substring(0, from + BEGIN.length()) + wanted + doc.substring(to));
      current = wanted;
    }
    assertThat(current)
        .as("the check table of docs/checks.md; rerun with -Ddocs.update=true")
        .isEqualTo(wanted);
  }

  @Test
  void everyCheckHasOneUniqueIdAndADescription() {
    assertThat(CheckType.values()).extracting(CheckType::id).doesNotHaveDuplicates();
    for (CheckType c : CheckType.values()) {
      assertThat(c.id()).matches("[a-z]+\\.[a-z-]+");
      assertThat(c.description()).isNotBlank().endsWith(".");
      assertThat(CheckType.byId(c.id())).contains(c);
    }
  }
}
