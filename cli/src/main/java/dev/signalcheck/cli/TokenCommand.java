package dev.signalcheck.cli;

import dev.signalcheck.server.Scope;
import dev.signalcheck.server.Tokens;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signalcheck token create|list|revoke}: API tokens of the server, kept in the ledger. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "API tokens for 'signalcheck serve': create (shown once), list, revoke.",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
public final class TokenCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a token command is required: create, list or revoke");
  }

  /** {@code token create --name N --scope read|write|admin}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a token and print it once; the ledger keeps only a salted hash of it. Scopes:"
              + " read (GET), write (uploads, shares, and read), admin (all).")
  static final class Create implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Its name.")
    String name;

    @Option(
        names = "--scope",
        required = true,
        paramLabel = "SCOPE",
        description = "read, write or admin.")
    String scope;

    @Override
    public Integer call() {
      Scope s = Scope.parse(scope);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      return ledger.with(
          l -> {
            Tokens.Created c = Tokens.create(l, name, s);
            out.println(c.token());
            out.flush();
            err.println(
                "token '"
                    + c.info().name()
                    + "' ("
                    + s.id()
                    + ") created in "
                    + l.location().display()
                    + "; it is shown only now: keep it secret (Authorization: Bearer TOKEN)");
            err.flush();
            return Main.OK;
          });
    }
  }

  /** {@code token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens.")
  static final class ListTokens implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

    @Option(names = "--json", description = "One JSON document on standard output.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return ledger.with(
          l -> {
            List<Tokens.TokenInfo> ts = Tokens.list(l);
            if (json) {
              List<Map<String, Object>> rows = new ArrayList<>();
              for (Tokens.TokenInfo t : ts) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", t.name());
                m.put("scope", t.scope().id());
                m.put("prefix", t.prefix());
                m.put("createdAt", t.createdAt());
                m.put("lastUsedAt", t.lastUsedAt());
                m.put("revokedAt", t.revokedAt());
                rows.add(m);
              }
              LedgerCommand.printJson(out, Map.of("tokens", rows));
              return Main.OK;
            }
            out.printf(
                Locale.ROOT,
                "%-24s %-6s %-20s %-19s  %-19s  %s%n",
                "name",
                "scope",
                "prefix",
                "created (UTC)",
                "last used (UTC)",
                "state");
            for (Tokens.TokenInfo t : ts) {
              out.printf(
                  Locale.ROOT,
                  "%-24s %-6s %-20s %-19s  %-19s  %s%n",
                  LedgerText.clip(t.name(), 24),
                  t.scope().id(),
                  t.prefix(),
                  LedgerText.time(t.createdAt()),
                  LedgerText.time(t.lastUsedAt()),
                  t.active() ? "active" : "revoked " + LedgerText.time(t.revokedAt()));
            }
            out.flush();
            return Main.OK;
          });
    }
  }

  /** {@code token revoke NAME}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a token: it is refused from now on.")
  static final class Revoke implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

    @Parameters(index = "0", paramLabel = "NAME", description = "The token's name.")
    String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return ledger.with(
          l -> {
            Tokens.TokenInfo t = Tokens.revoke(l, name);
            out.println(
                "token '" + t.name() + "' revoked at " + LedgerText.time(t.revokedAt()) + " UTC");
            out.flush();
            return Main.OK;
          });
    }
  }
}
