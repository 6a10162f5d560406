package dev.signalcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;

/**
 * x positions (seconds since the epoch or index values), written at full precision: whole numbers
 * without a fraction, so a time axis stays exact and short.
 */
@JsonSerialize(using = Positions.Writer.class)
record Positions(double[] values) {

  static final class Writer extends JsonSerializer<Positions> {
    @Override
    public void serialize(Positions f, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartArray();
      for (double d : f.values()) {
        if (!Double.isFinite(d)) {
          g.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < 9e15) {
          g.writeNumber((long) d);
        } else {
          g.writeNumber(d);
        }
      }
      g.writeEndArray();
    }
  }
}
