package dev.signalcheck.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerQueries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signalcheck ledger …}: what the ledger remembers of every audit. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description =
        "Runs recorded in the ledger: list, show, compare, projects on one scale, export, usage.",
    subcommands = {
      LedgerRunsCommand.class,
      LedgerShowCommand.class,
      LedgerCompareCommand.class,
      LedgerProjectsCommand.class,
      LedgerExportCommand.class,
      LedgerUsageCommand.class
    })
public final class LedgerCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a ledger command is required: runs, show, compare, projects, export or usage");
  }

  /** Options every ledger command has. */
  static final class Options {
    @Option(
        names = "--ledger",
        paramLabel = "URL",
        description =
            "The ledger: a file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST:PORT/DB"
                + " (default: $SIGNALCHECK_LEDGER, else ~/.signalcheck/ledger.db).")
    String ledger;

    @Option(names = "--debug", description = "Stack traces on errors.")
    boolean debug;

    /** Opens the ledger, runs {@code work} on it, closes it. */
    <T> T with(Function<Ledger, T> work) {
      try (Ledger l = Ledger.open(LedgerLocations.resolve(ledger))) {
        return work.apply(l);
      }
    }
  }

  private static final ObjectMapper JSON = mapper();

  private static ObjectMapper mapper() {
    SimpleModule m = new SimpleModule("ledger-json");
    m.addSerializer(
        Instant.class,
        new JsonSerializer<Instant>() {
          @Override
          public void serialize(Instant v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeString(v.toString());
          }
        });
    m.addSerializer(
        Double.class,
        new JsonSerializer<Double>() {
          @Override
          public void serialize(Double v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            if (v.isNaN() || v.isInfinite()) {
              g.writeNull();
            } else {
              g.writeNumber(v);
            }
          }
        });
    ObjectMapper om = new ObjectMapper();
    om.registerModule(m);
    om.enable(SerializationFeature.INDENT_OUTPUT);
    return om;
  }

  /** Prints one JSON document. */
  static void printJson(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The placement of a group of series beside a reference population, in words. */
  static String sentence(LedgerQueries.Placement p) {
    String mase = LedgerText.num(p.medianBestMase());
    String what =
        p.series() == 1
            ? "your best MASE " + mase
            : "your median best MASE " + mase + " (" + p.series() + " series)";
    if (p.population() == null) {
      return what
          + ": no reference population has the same definition, "
          + p.definition().describe()
          + (p.referenceOrigins() == null
              ? ""
              : "; the reference populations were audited with --origins "
                  + p.referenceOrigins()
                  + ": audit with --origins "
                  + p.referenceOrigins()
                  + " to be placed beside them");
    }
    return String.format(
        java.util.Locale.ROOT,
        "%s is better than %.0f%% of %s series under the same definition, %s",
        what,
        100 * p.betterThan(),
        p.population(),
        p.definition().describe());
  }
}
