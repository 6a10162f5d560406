package dev.signalcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;

/**
 * Chart values, written with float precision (about 7 significant digits, plenty for a picture and
 * half the bytes of doubles); non-finite values as {@code null}, which the charts draw as a break.
 */
@JsonSerialize(using = Floats.Writer.class)
record Floats(double[] values) {

  static Floats of(double[] v) {
    return new Floats(v);
  }

  static final class Writer extends JsonSerializer<Floats> {
    @Override
    public void serialize(Floats f, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartArray();
      for (double d : f.values()) {
        if (Double.isFinite(d) && Math.abs(d) < Float.MAX_VALUE) {
          float x = (float) d;
          if (x == Math.rint(x) && Math.abs(x) < 1e7f) {
            g.writeNumber((long) x);
          } else {
            g.writeNumber(x);
          }
        } else {
          g.writeNull();
        }
      }
      g.writeEndArray();
    }
  }
}
