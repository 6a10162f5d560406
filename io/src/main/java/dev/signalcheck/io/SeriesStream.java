package dev.signalcheck.io;

import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.core.series.TimeParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Streams the series out of {@code src}, one {@link SeriesData} per series (per id value × target
 * in long layout, per target in wide layout), in the order of each series' first row, and counts
 * the rows it rejects. Memory holds one id's rows at a time. Times in ISO form and integers are
 * converted by DuckDB; text crosses into Java only where DuckDB could not read it.
 */
final class SeriesStream {

  /**
   * Targets read by one SELECT; wider files are read in blocks of this many. DuckDB's memory for a
   * query grows faster than its count of per-cell expressions (a missing-token test and a cast per
   * target): under the memory limit {@link DuckDbMemory} sets (256 MB at least), a block of 32
   * targets of a 30-row file already failed with "Out of Memory Error" and 24 did not.
   */
  static final int TARGETS_PER_QUERY = 16;

  private final Connection conn;
  private final String displayName;
  private final ColumnRoles roles;
  private final CellSql cells;
  private final TableLoader rows;
  private final TimeParser timeParser;
  private final TimeParser recordedParser;
  private final ZoneId timezone;

  private long rejectedRows;
  private long nullIdRows;
  private final List<Long> rejectedExamples = new ArrayList<>();

  /**
   * @param rows numbers the rows (DuckDB row id to data row)
   * @param recordedParser how the recorded-at column is written, or null
   * @param timezone the zone of local times ({@code --timezone}), or null
   */
  SeriesStream(
      Connection conn,
      String displayName,
      ColumnRoles roles,
      CellSql cells,
      TableLoader rows,
      TimeParser timeParser,
      TimeParser recordedParser,
      ZoneId timezone) {
    this.conn = conn;
    this.displayName = displayName;
    this.roles = roles;
    this.cells = cells;
    this.rows = rows;
    this.timeParser = timeParser;
    this.recordedParser = recordedParser;
    this.timezone = timezone;
  }

  /**
   * Rows that could not be used at all (no time and no value, or no key), counted while reading.
   */
  long rejectedRows() {
    return rejectedRows;
  }

  /** Of the rejected rows, those without a series key. */
  long rejectedForMissingId() {
    return nullIdRows;
  }

  /** The data row numbers of the first five rejected rows. */
  List<Long> rejectedExamples() {
    return rejectedExamples;
  }

  /** What was read from {@code rowCount} rows, and why rows were rejected. */
  ReadStatistics statistics(long rowCount) {
    Map<String, Long> reasons = new LinkedHashMap<>();
    if (rejectedRows - nullIdRows > 0) {
      reasons.put("no time and no value", rejectedRows - nullIdRows);
    }
    if (nullIdRows > 0) {
      reasons.put("no series id", nullIdRows);
    }
    return new ReadStatistics(rowCount, rejectedRows, reasons, rejectedExamples);
  }

  /** Hands over every series, a block of {@link #TARGETS_PER_QUERY} targets per query. */
  void forEachSeries(Consumer<SeriesData> sink) {
    List<String> targets = roles.targets();
    if (targets.size() <= TARGETS_PER_QUERY) {
      readSeries(sink, targets, null, true);
      return;
    }
    // a wide file is read a block of targets at a time: one SELECT with thousands of expressions
    // overflows DuckDB's native stack; a row without a time is rejected only when no target at
    // all has a value, which is looked up across the blocks first
    List<List<String>> blocks = new ArrayList<>();
    for (int i = 0; i < targets.size(); i += TARGETS_PER_QUERY) {
      blocks.add(targets.subList(i, Math.min(targets.size(), i + TARGETS_PER_QUERY)));
    }
    Set<Long> timelessWithValue = new HashSet<>();
    String t = CellSql.timeText(roles.time());
    for (List<String> block : blocks) {
      String anyPresent =
          block.stream()
              .map(c -> cells.missingPredicate(c) + " IS NOT TRUE")
              .collect(Collectors.joining(" OR "));
      String sql =
          "SELECT rowid FROM src WHERE ("
              + t
              + " IS NULL OR "
              + t
              + " = '') AND ("
              + anyPresent
              + ")";
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        int p = 1;
        for (int k = 0; k < block.size(); k++) {
          p = cells.bindMissing(ps, p, 1);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            timelessWithValue.add(rs.getLong(1));
          }
        }
      } catch (SQLException e) {
        throw readFailure(e);
      }
    }
    for (int b = 0; b < blocks.size(); b++) {
      readSeries(sink, blocks.get(b), timelessWithValue, b == 0);
    }
  }

  private InputException readFailure(SQLException e) {
    return new InputException(
        "cannot read " + displayName + ": " + Sql.firstLine(e.getMessage()), e);
  }

  /**
   * Reads the series of some targets.
   *
   * @param timelessWithValue for a block of a wide file: the row ids without a time that have a
   *     value in some target (null: decide from these targets)
   * @param count whether to count rejected rows (once per row, in the first block)
   */
  private void readSeries(
      Consumer<SeriesData> sink, List<String> targets, Set<Long> timelessWithValue, boolean count) {
    List<String> ids = roles.ids();
    List<String> cov = roles.covariates();
    boolean rec = roles.recordedAt() != null;
    TimeFormat fmt = timeParser.format();
    int nt = targets.size();
    try {
      List<Key> keys = keysOneByOne();
      SeriesQuery q = new SeriesQuery(roles, targets, cells, timeParser, keys != null);
      try (Rows rows = new Rows(q, keys)) {
        String currentKey = null;
        boolean currentNullId = false;
        SeriesData[] current = null;
        int[] states = new int[nt];
        boolean dstZone = timezone != null && timeParser.kind() == TimeKind.OFFSET_DATETIME;
        long previousTime = Long.MIN_VALUE;
        while (rows.next()) {
          ResultSet rs = rows.rs;
          long row = this.rows.rowNumber(rs.getLong(1));
          // a series' first row carries its key (the first row of all is one)
          if (!ids.isEmpty() && (currentKey == null || rows.first)) {
            StringBuilder kb = new StringBuilder();
            boolean nullId = false;
            for (int k = 0; k < ids.size(); k++) {
              String v = rows.keyText(k);
              if (v == null || v.isBlank()) {
                nullId = true;
              }
              if (k > 0) {
                kb.append('/');
              }
              kb.append(keyPart(v == null ? "" : v, ids.size() > 1 || nt > 1));
            }
            String key = kb.toString();
            currentNullId = nullId;
            if (!key.equals(currentKey)) {
              previousTime = Long.MIN_VALUE;
              if (current != null) {
                for (SeriesData d : current) {
                  sink.accept(d);
                }
                current = null;
              }
              currentKey = key;
            }
          }
          long t0 = rs.getLong(q.timeNumber);
          boolean timeIsNull = rs.wasNull();
          String rawTime = timeIsNull ? rs.getString(q.timeText) : null;
          boolean anyValue = false;
          for (int k = 0; k < nt; k++) {
            states[k] = rs.getInt(q.state(k));
            if (states[k] != 1) {
              anyValue = true;
            }
          }
          boolean timeEmpty = timeIsNull && (rawTime == null || rawTime.isBlank());
          if (timeEmpty && timelessWithValue != null) {
            anyValue = timelessWithValue.contains(rs.getLong(1));
          }
          if ((timeEmpty && !anyValue) || currentNullId) {
            if (!count) {
              continue;
            }
            rejectedRows++;
            if (rejectedExamples.size() < 5) {
              rejectedExamples.add(row);
            }
            if (currentNullId) {
              nullIdRows++;
            }
            continue;
          }
          if (current == null) {
            current = new SeriesData[nt];
            for (int k = 0; k < nt; k++) {
              String sid =
                  currentKey == null
                      ? targets.get(k)
                      : (nt > 1 ? currentKey + "/" + targets.get(k) : currentKey);
              current[k] = new SeriesData(sid, targets.get(k), fmt);
            }
          }
          long time;
          if (timeIsNull) {
            time = timeParser.parse(rawTime);
          } else if (q.transfer == SeriesQuery.TimeTransfer.SQL_INTEGER) {
            time = timeParser.parse(Long.toString(t0));
          } else {
            time = t0;
          }
          if (dstZone) {
            // the second pass through a daylight-saving fall-back hour: time goes back into the
            // repeated hour, which is that local time at the later offset
            if (time != TimeParser.UNPARSEABLE && time <= previousTime) {
              long later = timeParser.laterOffset(time);
              if (later > previousTime) {
                time = later;
              }
            }
            if (time != TimeParser.UNPARSEABLE) {
              previousTime = time;
            }
          }
          long recT = TimeParser.UNPARSEABLE;
          if (rec && recordedParser != null) {
            recT = recordedParser.parse(rs.getString(q.recordedAt));
          }
          for (int k = 0; k < nt; k++) {
            double v = rs.getDouble(q.value(k));
            boolean wasNull = rs.wasNull();
            byte state = (byte) states[k];
            String raw = state == SeriesData.NON_NUMERIC ? rs.getString(q.raw(k)) : null;
            if (state == SeriesData.OK && (wasNull || Double.isNaN(v))) {
              state = SeriesData.MISSING;
            } else if (state == SeriesData.OK && Double.isInfinite(v)) {
              state = SeriesData.NON_NUMERIC;
              raw = Double.toString(v);
            }
            current[k].add(row, time, timeIsNull ? rawTime : null, v, state, raw);
            if (rec) {
              current[k].setRecordedAt(recT);
            }
            for (int c = 0; c < cov.size(); c++) {
              double cv = rs.getDouble(q.covariate(c));
              current[k].setCovariate(cov.get(c), rs.wasNull() ? Double.NaN : cv);
            }
          }
        }
        if (current != null) {
          for (SeriesData d : current) {
            sink.accept(d);
          }
        }
      }
    } catch (SQLException e) {
      throw readFailure(e);
    }
  }

  /** Series keys up to which each key's rows are read by a SELECT of their own. */
  static final int KEYS_ONE_BY_ONE = 16;

  /** A series key read by a SELECT of its own: DuckDB's hash of it, and its id values as text. */
  private record Key(String hash, String[] texts) {}

  /**
   * The series keys in the order of their first row, when there are from 2 to {@link
   * #KEYS_ONE_BY_ONE} (with distinct hashes); else null, and one SELECT reads every key, ordered by
   * key. A few long series then each take a pass over the table but no sort of all of it: the first
   * series is out after one key's rows are sorted, not after every row's.
   */
  private List<Key> keysOneByOne() throws SQLException {
    List<String> ids = roles.ids();
    if (ids.isEmpty()) {
      return null;
    }
    StringBuilder sql =
        new StringBuilder("SELECT CAST(")
            .append(SeriesQuery.keyHash(ids))
            .append(" AS VARCHAR), min(rowid) AS sc_f");
    for (String id : ids) {
      sql.append(", CAST(").append(Sql.ident(id)).append(" AS VARCHAR)");
    }
    sql.append(" FROM src GROUP BY ")
        .append(ids.stream().map(Sql::ident).collect(Collectors.joining(", ")))
        .append(" ORDER BY sc_f LIMIT ")
        .append(KEYS_ONE_BY_ONE + 1);
    List<Key> keys = new ArrayList<>();
    Set<String> hashes = new HashSet<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql.toString())) {
      while (rs.next()) {
        String[] texts = new String[ids.size()];
        for (int k = 0; k < texts.length; k++) {
          texts[k] = rs.getString(3 + k);
        }
        keys.add(new Key(rs.getString(1), texts));
        hashes.add(rs.getString(1));
      }
    }
    return keys.size() >= 2 && keys.size() <= KEYS_ONE_BY_ONE && hashes.size() == keys.size()
        ? keys
        : null;
  }

  /**
   * The rows of the series in order, from one SELECT or from one per key ({@link #keysOneByOne}),
   * with whether each is its series' first and the texts of its key there.
   */
  private final class Rows implements AutoCloseable {
    private final SeriesQuery q;
    private final PreparedStatement ps;
    private final List<Key> keys;
    private int nextKey;
    private Key key;

    /** The result the current row is in. */
    ResultSet rs;

    /** Whether the current row is its series' first. */
    boolean first;

    Rows(SeriesQuery q, List<Key> keys) throws SQLException {
      this.q = q;
      this.keys = keys;
      this.ps = conn.prepareStatement(q.sql);
      if (keys == null) {
        q.bind(ps);
        rs = ps.executeQuery();
      }
    }

    boolean next() throws SQLException {
      if (keys == null) {
        if (!rs.next()) {
          return false;
        }
        first = rs.getBoolean(2);
        return true;
      }
      if (rs != null && rs.next()) {
        first = false;
        return true;
      }
      while (nextKey < keys.size()) {
        if (rs != null) {
          rs.close();
        }
        key = keys.get(nextKey++);
        q.bind(ps, key.hash());
        rs = ps.executeQuery();
        if (rs.next()) {
          first = true;
          return true;
        }
      }
      return false;
    }

    /** The text of id column {@code k} on the current row, where it is its series' first. */
    String keyText(int k) throws SQLException {
      return keys == null ? rs.getString(3 + k) : key.texts()[k];
    }

    @Override
    public void close() throws SQLException {
      try {
        if (rs != null) {
          rs.close();
        }
      } finally {
        ps.close();
      }
    }
  }

  /**
   * One id value in a series key. Keys join id values (and the target in a wide file) with '/': a
   * value that holds a '/' where that would be ambiguous, has spaces at either end, or starts with
   * a quote is written in double quotes, so that {@code a="x/y", b="z"} and {@code a="x", b="y/z"}
   * stay two series, as do "a" and "a ", and a value that begins and ends with quotes and its
   * unquoted twin.
   *
   * @param joined whether the key joins several parts
   */
  static String keyPart(String v, boolean joined) {
    boolean quote =
        (joined && v.indexOf('/') >= 0)
            || (!v.isEmpty()
                && (v.charAt(0) == '"'
                    || Character.isWhitespace(v.charAt(0))
                    || Character.isWhitespace(v.charAt(v.length() - 1))));
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
