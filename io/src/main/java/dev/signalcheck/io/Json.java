package dev.signalcheck.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import java.io.IOException;
import java.util.Map;

/**
 * The one Jackson set-up for reports: records by their components, camelCase keys, non-finite
 * numbers as {@code null}, severities and categories by their labels, a finding's details beside
 * its standard fields, absent (null) fields left out.
 */
public final class Json {
  private Json() {}

  private static final ObjectMapper MAPPER = build();

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    SimpleModule m = new SimpleModule("signalcheck");
    m.addSerializer(Double.class, new FiniteDouble());
    m.addSerializer(double.class, new FiniteDouble());
    m.addSerializer(double[].class, new FiniteDoubleArray());
    m.addSerializer(
        Severity.class,
        new JsonSerializer<Severity>() {
          @Override
          public void serialize(Severity v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeString(v.label());
          }
        });
    m.addSerializer(
        Category.class,
        new JsonSerializer<Category>() {
          @Override
          public void serialize(Category v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeString(v.label());
          }
        });
    m.addSerializer(Finding.class, new FindingSerializer());
    m.addSerializer(
        dev.signalcheck.core.verdict.Signal.class,
        new JsonSerializer<dev.signalcheck.core.verdict.Signal>() {
          @Override
          public void serialize(
              dev.signalcheck.core.verdict.Signal v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeString(v.label());
          }
        });

    m.addSerializer(
        dev.signalcheck.core.verdict.Decision.Basis.class,
        new JsonSerializer<dev.signalcheck.core.verdict.Decision.Basis>() {
          @Override
          public void serialize(
              dev.signalcheck.core.verdict.Decision.Basis v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeString(kebab(v.name()));
          }
        });
    m.addSerializer(
        dev.signalcheck.core.verdict.Decision.ReasonCode.class,
        new JsonSerializer<dev.signalcheck.core.verdict.Decision.ReasonCode>() {
          @Override
          public void serialize(
              dev.signalcheck.core.verdict.Decision.ReasonCode v,
              JsonGenerator g,
              SerializerProvider p)
              throws IOException {
            g.writeString(kebab(v.name()));
          }
        });

    ObjectMapper om = new ObjectMapper();
    om.registerModule(m);
    om.addMixIn(dev.signalcheck.core.profile.Intermittency.Result.class, IntermittencyNames.class);
    om.addMixIn(dev.signalcheck.core.backtest.ModelScore.class, ModelScoreJson.class);
    om.addMixIn(dev.signalcheck.core.audit.SeriesResult.class, SeriesResultJson.class);
    om.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    om.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    return om;
  }

  /** {@code USEFUL_STEPS} → {@code useful-steps}. */
  static String kebab(String enumName) {
    return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Per-origin forecasts stay in memory for the HTML report; the JSON keeps the metrics. */
  abstract static class ModelScoreJson {
    @com.fasterxml.jackson.annotation.JsonIgnore
    abstract java.util.List<?> forecasts();
  }

  /** The series' values are for charts, not for the JSON report. */
  abstract static class SeriesResultJson {
    @com.fasterxml.jackson.annotation.JsonIgnore
    abstract Object series();
  }

  /** JSON names that are Java keywords. */
  abstract static class IntermittencyNames {
    @com.fasterxml.jackson.annotation.JsonProperty("class")
    abstract String sbcClass();
  }

  static final class FiniteDouble extends JsonSerializer<Double> {
    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (v == null || v.isNaN() || v.isInfinite()) {
        g.writeNull();
      } else {
        g.writeNumber(v);
      }
    }
  }

  static final class FiniteDoubleArray extends JsonSerializer<double[]> {
    @Override
    public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartArray();
      for (double d : v) {
        if (Double.isFinite(d)) {
          g.writeNumber(d);
        } else {
          g.writeNull();
        }
      }
      g.writeEndArray();
    }
  }

  static final class FindingSerializer extends JsonSerializer<Finding> {
    @Override
    public void serialize(Finding f, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      g.writeStringField("check", f.check());
      g.writeStringField("severity", f.severity().label());
      g.writeStringField("category", f.category().label());
      g.writeStringField("message", f.message());
      g.writeNumberField("count", f.count());
      g.writeFieldName("intervals");
      p.defaultSerializeValue(f.intervals(), g);
      g.writeFieldName("rows");
      p.defaultSerializeValue(f.rows(), g);
      for (Map.Entry<String, Object> e : f.details().entrySet()) {
        g.writeFieldName(e.getKey());
        p.defaultSerializeValue(e.getValue(), g);
      }
      g.writeEndObject();
    }
  }
}
