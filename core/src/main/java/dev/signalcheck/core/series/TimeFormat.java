package dev.signalcheck.core.series;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes times back in the form the input used: an ISO string, or a number for a period index. */
public record TimeFormat(TimeKind kind, ZoneId zone) {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter LOCAL_MS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
  private static final DateTimeFormatter OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  /** A {@link String} for calendar kinds, a {@link Long} for {@link TimeKind#INDEX}. */
  public Object format(long t) {
    if (kind == TimeKind.INDEX) {
      return t;
    }
    return text(t);
  }

  /** Always text, for messages. */
  public String text(long t) {
    switch (kind) {
      case INDEX:
        return Long.toString(t);
      case OFFSET_DATETIME:
        OffsetDateTime odt =
            Instant.ofEpochMilli(t).atZone(zone == null ? ZoneOffset.UTC : zone).toOffsetDateTime();
        return odt.format(OFFSET);
      default:
        break;
    }
    LocalDateTime l =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(t, 1000), Math.floorMod(t, 1000) * 1_000_000, ZoneOffset.UTC);
    switch (kind) {
      case DATE:
        return l.toLocalDate().toString();
      case MONTH:
        return String.format("%04d-%02d", l.getYear(), l.getMonthValue());
      case QUARTER:
        return String.format("%04d-Q%d", l.getYear(), (l.getMonthValue() - 1) / 3 + 1);
      case YEAR:
        return Integer.toString(l.getYear());
      default:
        return Math.floorMod(t, 1000) == 0 ? l.format(LOCAL) : l.format(LOCAL_MS);
    }
  }

  /** Short time of day for messages, e.g. {@code 02:55}. */
  public String shortText(long t) {
    String s = text(t);
    if ((kind == TimeKind.LOCAL_DATETIME || kind == TimeKind.OFFSET_DATETIME) && s.length() >= 16) {
      return s.substring(11, 16);
    }
    return s;
  }
}
