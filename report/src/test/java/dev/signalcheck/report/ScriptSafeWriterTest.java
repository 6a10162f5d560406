package dev.signalcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ScriptSafeWriterTest {

  private static String safe(String json) throws IOException {
    StringWriter out = new StringWriter();
    try (ScriptSafeWriter w = new ScriptSafeWriter(out)) {
      w.write(json);
    }
    return out.toString();
  }

  @Test
  void escapesWhatCouldEndTheScriptElement() throws IOException {
    String json =
        new ObjectMapper()
            .writeValueAsString(
                Map.of("id", "</script><script>alert(1)</script> & <!-- \u2028\u2029"));
    String s = safe(json);
    assertThat(s).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    assertThat(s).contains("\\u003c/script\\u003e", "\\u0026", "\\u2028", "\\u2029");
  }

  @Property
  void theJsonValueIsUnchanged(@ForAll String text) throws IOException {
    ObjectMapper m = new ObjectMapper();
    String json = m.writeValueAsString(Map.of("k", text, "list", java.util.List.of(text, 1.5)));
    String s = safe(json);
    assertThat(m.readTree(s)).isEqualTo(m.readTree(json));
    assertThat(s).doesNotContain("<", ">", "&", "\u2028", "\u2029");
  }
}
