package dev.signalcheck.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * The contract of a record's hand-written builder, for any module's tests: {@code builder()} gives
 * a builder with one setter per component, of the component's name and type, that returns the
 * builder; and what is set is what the built record holds (no component forgotten or swapped for
 * another of its type).
 */
public final class BuilderContract {
  private BuilderContract() {}

  /** Sets every component to a value distinct from the others' and reads it back. */
  public static void everyComponentSetIsHeld(Class<?> record) throws ReflectiveOperationException {
    Object builder = record.getMethod("builder").invoke(null);
    RecordComponent[] components = record.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      values[i] = sample(c.getType(), c.getGenericType(), i);
      Method set = builder.getClass().getMethod(c.getName(), c.getType());
      assertThat(set.invoke(builder, values[i])).isSameAs(builder);
    }
    Object built = builder.getClass().getMethod("build").invoke(builder);
    for (int i = 0; i < components.length; i++) {
      Object held = components[i].getAccessor().invoke(built);
      if (values[i] != null) {
        assertThat(held)
            .as("%s.%s", record.getSimpleName(), components[i].getName())
            .isEqualTo(values[i]);
      }
    }
  }

  /** A value of this type distinct from the other components' (by position), or null. */
  private static Object sample(Class<?> type, Type generic, int i) {
    if (type == int.class || type == Integer.class) {
      return i + 1;
    }
    if (type == long.class || type == Long.class) {
      return i + 1L;
    }
    if (type == double.class || type == Double.class) {
      return i + 0.5;
    }
    if (type == boolean.class || type == Boolean.class) {
      return i % 2 == 0;
    }
    if (type == java.time.Instant.class) {
      return java.time.Instant.ofEpochSecond(1_000_000L * (i + 1));
    }
    if (type == String.class) {
      return "text " + i;
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[i % constants.length];
    }
    if (type == List.class && generic instanceof ParameterizedType p) {
      Type element = p.getActualTypeArguments()[0];
      if (element == Double.class) {
        return List.of(i + 0.25);
      }
      if (element == Integer.class) {
        return List.of(i + 2);
      }
      if (element == String.class) {
        return List.of("item " + i);
      }
      return List.of();
    }
    if (type == Map.class) {
      return Map.of();
    }
    return null;
  }
}
