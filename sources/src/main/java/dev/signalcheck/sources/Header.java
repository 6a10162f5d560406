package dev.signalcheck.sources;

import dev.signalcheck.core.errors.UsageException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request header as given with {@code --header 'Name: value'} or in a sources file, resolved:
 * {@code env:VAR} takes the whole value from the environment variable VAR, and {@code ${VAR}} is
 * replaced inside a value. A value that came from the environment, or that belongs to a header that
 * usually carries a credential (Authorization, Cookie, *token*, *key*, *secret*, *password*), is
 * secret: it is sent, but never stored, logged or shown ({@link Redactor}).
 *
 * @param name the header name as given
 * @param value the value to send
 * @param secret whether the value must never be shown
 */
public record Header(String name, String value, boolean secret) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern ENV = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i)authorization|proxy-authorization|cookie|.*(token|key|secret|pass).*");

  /** Headers the client sets itself; a user's value would be refused or break the transfer. */
  private static final List<String> RESTRICTED =
      List.of("host", "content-length", "connection", "upgrade", "expect", "accept-encoding");

  /**
   * Parses and resolves {@code Name: value}.
   *
   * @param env the environment (System::getenv, or a map in tests)
   * @throws UsageException when the text has no name, or names a variable that is not set
   */
  public static Header parse(String text, Function<String, String> env) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new UsageException(
          "--header must be 'Name: value' (e.g. 'Authorization: env:API_TOKEN'), not '"
              + preview(text)
              + "'");
    }
    String name = text.substring(0, colon).trim();
    String raw = text.substring(colon + 1).trim();
    if (!NAME.matcher(name).matches()) {
      throw new UsageException("--header name '" + preview(name) + "' is not a valid header name");
    }
    if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new UsageException("--header " + name + " is set by signalcheck itself; leave it out");
    }
    boolean fromEnv = false;
    String value;
    Matcher whole = ENV.matcher(raw);
    if (whole.matches()) {
      value = variable(whole.group(1), name, env);
      fromEnv = true;
    } else {
      Matcher m = VAR.matcher(raw);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(variable(m.group(1), name, env)));
        fromEnv = true;
      }
      m.appendTail(sb);
      value = sb.toString();
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new UsageException("--header " + name + " has a line break in its value");
    }
    boolean secret = fromEnv || SECRET_NAME.matcher(name).matches();
    return new Header(name, value, secret);
  }

  private static String variable(String var, String header, Function<String, String> env) {
    String v = env.apply(var);
    if (v == null || v.isEmpty()) {
      throw new UsageException(
          "--header "
              + header
              + " takes its value from the environment variable "
              + var
              + ", which is not set; export it or leave the header out");
    }
    return v;
  }

  /** Text safe to show: a value is never shown, only whether it is secret. */
  @Override
  public String toString() {
    return name + ": " + (secret ? "***" : value);
  }

  private static String preview(String s) {
    // what the user typed may hold a token: show its start only
    return s.length() > 12 ? s.substring(0, 12) + "…" : s;
  }
}
