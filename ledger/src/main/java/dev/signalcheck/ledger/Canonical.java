package dev.signalcheck.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/** Canonical JSON (object keys sorted at every level) and SHA-256 fingerprints. */
final class Canonical {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Canonical() {}

  /** The JSON text of {@code node} with the keys of every object sorted. */
  static String json(JsonNode node) {
    return sorted(node).toString();
  }

  private static JsonNode sorted(JsonNode node) {
    if (node == null) {
      return MAPPER.nullNode();
    }
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      Collections.sort(keys);
      ObjectNode o = MAPPER.createObjectNode();
      for (String k : keys) {
        o.set(k, sorted(node.get(k)));
      }
      return o;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode a = MAPPER.createArrayNode();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        a.add(sorted(it.next()));
      }
      return a;
    }
    return node;
  }

  /** A JSON node for a plain value (maps, lists, records, strings, numbers). */
  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** The JSON text of a list of strings, or null. */
  static String stringList(List<String> values) {
    return values == null ? null : tree(values).toString();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** SHA-256 of the parts joined by NUL characters, as hex. */
  static String sha256(String... parts) {
    MessageDigest d = sha256();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        d.update((byte) 0);
      }
      d.update(String.valueOf(parts[i]).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(d.digest());
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
