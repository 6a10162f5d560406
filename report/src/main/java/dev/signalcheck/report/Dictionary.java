package dev.signalcheck.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings that repeat across series (check ids, model names), each stored once and referred to by
 * position.
 */
final class Dictionary {
  private final Map<String, Integer> positions = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  int of(String name) {
    return positions.computeIfAbsent(
        name,
        k -> {
          names.add(k);
          return names.size() - 1;
        });
  }

  List<String> names() {
    return List.copyOf(names);
  }
}
