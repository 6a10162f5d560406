package dev.signalcheck.cli;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code signalcheck} command: subcommands, and the one place where errors become exit codes.
 */
@Command(
    name = "signalcheck",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Tells whether time-series data can support a forecasting model, and what is wrong with them.",
    subcommands = {
      AuditCommand.class,
      LabelsCommand.class,
      DiffCommand.class,
      DemoCommand.class,
      LedgerCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      FetchCommand.class,
      SourcesCommand.class,
      WatchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit codes (contract.md): the one place where kinds of failure become numbers. */
  public static final int OK = 0;

  public static final int FINDINGS = 1;
  public static final int USAGE = 2;
  public static final int INPUT = 3;
  public static final int INTERNAL = 4;

  /** The exit code for a failure: usage 2, input or output 3, anything else is a bug (4). */
  static int exitCode(Throwable ex) {
    if (ex instanceof UsageException) {
      return USAGE;
    }
    if (ex instanceof InputException || ex instanceof OutputException) {
      return INPUT;
    }
    return INTERNAL;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required: audit, labels, diff, demo, ledger, serve, token, fetch, sources or watch");
  }

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given writers; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(out, err);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // the audit's data are unreachable by now, so there is room for one line
      err.println("signalcheck: error: " + outOfMemory(Runtime.getRuntime().maxMemory()));
      err.flush();
      return INPUT;
    }
  }

  /** The one line for an input too big for the heap: the limit, and the ways out. */
  static String outOfMemory(long maxHeapBytes) {
    return "out of memory: this input needs more than the "
        + (maxHeapBytes / (1024 * 1024))
        + " MB of memory Java may use (its -Xmx limit); raise it, e.g. SIGNALCHECK_JAVA_OPTS=-Xmx4g"
        + " (java -Xmx4g -jar signalcheck.jar), or audit less at once: fewer columns with --target,"
        + " or a shorter extract";
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli does not split inside double quotes; the quotes then go: --target '"a,b",c' is the
    // two columns a,b and c
    cl.registerConverter(String.class, Main::unquote);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          String cmd = ex.getCommandLine().getCommandName();
          String help =
              "signalcheck".equals(cmd) ? "signalcheck --help" : "signalcheck " + cmd + " --help";
          e.println(
              "signalcheck: error: "
                  + TerminalText.safe(oneLine(ex.getMessage()))
                  + suggestion(ex)
                  + "; see '"
                  + help
                  + "'");
          e.flush();
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          boolean debug =
              parseResult.hasMatchedOption("--debug")
                  || (parseResult.subcommand() != null
                      && parseResult.subcommand().hasMatchedOption("--debug"));
          int code = exitCode(ex);
          if (code != INTERNAL) {
            e.println("signalcheck: error: " + TerminalText.safe(oneLine(ex.getMessage())));
            if (debug) {
              ex.printStackTrace(e);
            }
            e.flush();
            return code;
          }
          e.println(
              "signalcheck: error: internal error ("
                  + ex.getClass().getSimpleName()
                  + ": "
                  + oneLine(ex.getMessage())
                  + "); this is a bug: please report it with the output of the same command run with --debug");
          if (debug) {
            ex.printStackTrace(e);
          }
          e.flush();
          return INTERNAL;
        });
    return cl;
  }

  /** " (did you mean --target?)" for a mistyped option or command, else empty. */
  static String suggestion(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> s = u.getSuggestions();
      List<String> typed = u.getUnmatched();
      if (s != null && !s.isEmpty() && typed != null && !typed.isEmpty()) {
        // only the nearest of picocli's candidates (--taget: --target, not --table)
        String word = typed.get(0);
        int best = s.stream().mapToInt(c -> distance(word, c)).min().orElse(0);
        s = s.stream().filter(c -> distance(word, c) == best).toList();
      }
      if (s != null && !s.isEmpty()) {
        return " (did you mean "
            + s.stream().limit(3).map(TerminalText::safe).collect(Collectors.joining(" or "))
            + "?)";
      }
    }
    return "";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** A value in double quotes without them; any other value as it is. */
  static String unquote(String s) {
    if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("\r", " ").replace("\n", " ").trim();
  }

  /** The version from the build. */
  public static String version() {
    return dev.signalcheck.io.Version.current();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "signalcheck " + version(), "Java " + System.getProperty("java.version")
      };
    }
  }
}
