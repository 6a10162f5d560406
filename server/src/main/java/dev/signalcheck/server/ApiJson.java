package dev.signalcheck.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The API's JSON: instants as ISO 8601 text, non-finite numbers as null (as report.json). */
final class ApiJson {
  static final ObjectMapper MAPPER = mapper();

  private ApiJson() {}

  private static ObjectMapper mapper() {
    SimpleModule m = new SimpleModule("api-json");
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
    return om;
  }

  static byte[] bytes(Object o) {
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
