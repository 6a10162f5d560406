package dev.signalcheck.sources;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes secret header values (and URL user info) from any text before it is stored, printed or
 * thrown: every message about a pull goes through one.
 */
public final class Redactor {

  private final List<String> secrets = new ArrayList<>();

  public Redactor(List<Header> headers) {
    for (Header h : headers) {
      if (h.secret() && h.value().length() >= 3) {
        secrets.add(h.value());
        // "Bearer abc": the token alone may also be echoed back
        int sp = h.value().indexOf(' ');
        if (sp > 0 && h.value().length() - sp > 4) {
          secrets.add(h.value().substring(sp + 1));
        }
      }
    }
    secrets.sort((a, b) -> b.length() - a.length());
  }

  /** The text with every secret replaced by {@code ***}; null stays null. */
  public String clean(String text) {
    if (text == null) {
      return null;
    }
    String s = text;
    for (String secret : secrets) {
      s = s.replace(secret, "***");
    }
    return SourceUrl.withoutUserInfo(s);
  }
}
