package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.signalcheck.io.TableReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ./signalcheck} example in the README's shell blocks is a valid command on files in
 * the repository: options parse and validate, the input opens with the columns named, series named
 * exist. (The audits themselves are run by the other tests; running each example in full would take
 * minutes.)
 */
class ReadmeExamplesTest {

  static final Path ROOT = Path.of("..");

  /** The commands of the README's bash blocks that start with ./signalcheck. */
  static List<String> examples() throws IOException {
    List<String> out = new ArrayList<>();
    boolean inBash = false;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.startsWith("```bash");
        continue;
      }
      if (!inBash) {
        continue;
      }
      for (String part : withoutComment(line).split(";")) {
        String cmd = part.trim();
        int pipe = cmd.indexOf('|');
        if (pipe >= 0) {
          cmd = cmd.substring(0, pipe).trim();
        }
        if (cmd.startsWith("./signalcheck ")) {
          out.add(cmd);
        }
      }
    }
    return out;
  }

  private static String withoutComment(String line) {
    int hash = line.indexOf(" #");
    return hash < 0 ? line : line.substring(0, hash);
  }

  /** Splits a command at spaces, honouring single and double quotes. */
  static List<String> words(String cmd) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : cmd.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (c == ' ') {
        if (any || cur.length() > 0) {
          out.add(cur.toString());
        }
        cur.setLength(0);
        any = false;
      } else {
        cur.append(c);
      }
    }
    if (any || cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  @Test
  void theUsageExamplesNameBundledFiles() throws IOException {
    List<String> ex = examples();
    assertThat(ex).hasSizeGreaterThanOrEqualTo(7);
    long audits = ex.stream().filter(c -> c.startsWith("./signalcheck audit ")).count();
    assertThat(audits).isGreaterThanOrEqualTo(6);
  }

  @Test
  void everyExampleIsAValidCommandOnBundledFiles() throws IOException {
    for (String cmd : examples()) {
      List<String> w = words(cmd);
      w.remove(0);
      String stdin = null;
      int lt = w.indexOf("<");
      if (lt >= 0) {
        stdin = w.get(lt + 1);
        w = new ArrayList<>(w.subList(0, lt));
      }
      List<String> args = new ArrayList<>();
      for (String a : w) {
        args.add(a.startsWith("testdata/") ? ROOT.resolve(a).toString() : a);
      }
      CommandLine cl =
          Main.commandLine(
              new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
      CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(String[]::new));
      CommandLine.ParseResult sub = parsed.subcommand();
      if (sub == null || !"audit".equals(sub.commandSpec().name()) || sub.isUsageHelpRequested()) {
        continue;
      }
      AuditCommand audit = (AuditCommand) sub.commandSpec().userObject();
      AuditRun.Options o = audit.options();
      InputStream saved = System.in;
      try {
        if (stdin != null) {
          System.setIn(Files.newInputStream(ROOT.resolve(stdin)));
        }
        assertThatCode(
                () -> {
                  try (TableReader r = TableReader.open(o.input())) {
                    r.requireSeries(o.detailIds(), "--detail");
                    assertThat(r.targets()).as(cmd).isNotEmpty();
                  }
                })
            .as(cmd)
            .doesNotThrowAnyException();
      } finally {
        System.setIn(saved);
      }
    }
  }
}
