package dev.signalcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Runs the command line in-process with captured output, and validates reports against the schema.
 */
final class Cli {
  final int exit;
  final String out;
  final String err;

  private Cli(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  static Cli run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
    return new Cli(code, o.toString(), e.toString());
  }

  static final Path DATA = Path.of("..", "testdata");

  /** Writes a UTF-8 text file into a test folder. */
  static Path file(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    java.nio.file.Files.writeString(p, text, java.nio.charset.StandardCharsets.UTF_8);
    return p;
  }

  /**
   * Asserts the contract for bad input: this exit code and one line on standard error, no stack
   * trace.
   */
  static void oneLineError(Cli c, int code, String... contains) {
    org.assertj.core.api.Assertions.assertThat(c.exit).as(c.err).isEqualTo(code);
    org.assertj.core.api.Assertions.assertThat(c.err).startsWith("signalcheck: error: ");
    org.assertj.core.api.Assertions.assertThat(c.err.strip().lines().count())
        .as(c.err)
        .isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(c.err)
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    for (String s : contains) {
      org.assertj.core.api.Assertions.assertThat(c.err).contains(s);
    }
  }

  static String data(String rel) {
    return DATA.resolve(rel).toString();
  }

  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try (InputStream in =
        dev.signalcheck.io.ReportWriter.class.getResourceAsStream("report.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a report and fails when it does not match the shipped JSON Schema. */
  static JsonNode validReport(Path file) {
    try {
      return validReport(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode validReport(String json) {
    try {
      return validReport(new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode validReport(JsonNode node) {
    Set<ValidationMessage> errors = SCHEMA.validate(node);
    if (!errors.isEmpty()) {
      throw new AssertionError("report does not match report.schema.json: " + errors);
    }
    return node;
  }
}
