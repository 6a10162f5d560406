package dev.signalcheck.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Says, in one line, where a JSON input that DuckDB could not read goes wrong (read by Jackson).
 */
final class JsonProblem {
  private JsonProblem() {}

  /**
   * Where a JSON input that DuckDB could not read goes wrong: the first line that is not a JSON
   * value (JSON Lines), or the place the one document breaks (a JSON array); null when Jackson
   * reads it all.
   */
  static String find(Path path, String name) {
    ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(InputFile.open(path), StandardCharsets.UTF_8))) {
      r.mark(1 << 16);
      int c;
      do {
        c = r.read();
      } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xFEFF);
      r.reset();
      if (c == '[') {
        try {
          m.readTree(r);
          return null;
        } catch (JsonProcessingException e) {
          return name
              + " is not valid JSON: line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + "; fix the file";
        }
      }
      String text;
      long line = 0;
      while ((text = r.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        try {
          JsonNode node = m.readTree(text);
          if (!node.isObject()) {
            return name + ": line " + line + " is not a JSON object; each line must be one object";
          }
        } catch (JsonProcessingException e) {
          return name
              + ": line "
              + line
              + " is not valid JSON ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + "); fix or remove the line";
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
