package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.io.InputFile.Format;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the input into the table {@code src} of DuckDB's in-memory database: one file, or several
 * stacked into one table (a table of the database, not a connection's temporary one, so that a
 * second connection can query it while the first streams the series out). A text file is checked,
 * turned into UTF-8 from another encoding and scanned ({@link InputScan}) first; a CSV's header
 * line names the columns and ragged rows are refused. Knows the data row number of each DuckDB row
 * id.
 */
final class TableLoader {

  private final Connection conn;
  private final InputSpec spec;
  private final String displayName;
  private final boolean asSeries;

  /** UTF-8 copies of inputs in another encoding, deleted by {@link #deleteTemporary}. */
  private final List<Path> temporary = new ArrayList<>();

  /** The scan of the text file loaded last, or null. */
  private InputScan scan;

  /** What to add to a DuckDB row id to get the 1-based data row number. */
  private long rowOffset = 1;

  /**
   * @param displayName the whole input's name in messages
   * @param asSeries whether the input is read as series (the width and memory limits apply)
   */
  TableLoader(Connection conn, InputSpec spec, String displayName, boolean asSeries) {
    this.conn = conn;
    this.spec = spec;
    this.displayName = displayName;
    this.asSeries = asSeries;
  }

  /** The 1-based data row number of a DuckDB row id, counting skipped blank lines. */
  long rowNumber(long rowid) {
    return rowOffset == 0 && scan != null ? scan.dataRow(rowid) : rowid + rowOffset;
  }

  void deleteTemporary() {
    temporary.forEach(InputFile::deleteQuietly);
  }

  /** The name of several sources in messages: the first file's and how many more. */
  static String severalName(List<String> sources) {
    if (sources.size() == 1) {
      return sources.get(0);
    }
    return Path.of(sources.get(0)).getFileName() + " and " + (sources.size() - 1) + " more";
  }

  /** The column names of {@code src}. */
  static List<String> describe(Connection conn) {
    List<String> cols = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE src")) {
      while (rs.next()) {
        cols.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return cols;
  }

  /** The rows of {@code src}. */
  static long count(Connection conn) {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM src")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Loads one file into the table {@code src}: checks that it is readable and what it claims to be,
   * turns another encoding into UTF-8, scans a text file ({@link InputScan}), then reads it.
   *
   * @param name the file's name in messages
   * @return the scan of a text file, null for Parquet
   */
  InputScan loadFile(Path path, Format format, String name, boolean stdin) {
    if (!stdin) {
      InputFile.checkReadable(path, name);
    }
    Path readPath = path;
    InputScan sc = null;
    if (format == Format.PARQUET) {
      InputFile.checkParquet(path, name);
    } else {
      String enc = spec.encoding();
      if (enc != null && TextEncoding.charset(enc) != java.nio.charset.StandardCharsets.UTF_8) {
        readPath = TextEncoding.transcode(path, name, enc);
        temporary.add(readPath);
      }
      sc = InputScan.scan(readPath, name, format == Format.CSV);
      if (asSeries && format == Format.CSV) {
        // refused from the header line, before DuckDB loads thousands of columns
        InputLimits.checkWidth(spec, displayName, sc.headerFields());
        if (spec.ids().isEmpty()) {
          // one series per value column, of every row: refused before DuckDB loads the rows
          InputLimits.checkMemory(name, sc.records() - 1);
        }
      }
    }
    scan = sc;
    if (sc != null && sc.headerFields() > 0) {
      widen((int) Math.min(Integer.MAX_VALUE, sc.headerFields()));
    }
    load(readPath, format, name);
    return sc;
  }

  /**
   * Several files as one table: each is loaded on its own (with its partition folders as text
   * columns), they must have the same columns, and they are stacked in order. Row numbers then
   * count through the files in that order.
   */
  void loadSeveral(List<SourceFiles.SourceFile> files) {
    List<String> first = null;
    String firstName = null;
    try (Statement st = conn.createStatement()) {
      for (int i = 0; i < files.size(); i++) {
        SourceFiles.SourceFile f = files.get(i);
        String name = f.path().toString();
        loadFile(f.path(), Format.of(f.path()), name, false);
        List<String> own = describe(conn);
        for (Map.Entry<String, String> part : f.partitions().entrySet()) {
          if (own.contains(part.getKey())) {
            continue; // the file holds the partition column itself
          }
          st.execute(
              "ALTER TABLE src ADD COLUMN "
                  + Sql.ident(part.getKey())
                  + " VARCHAR DEFAULT "
                  + Sql.literal(part.getValue()));
        }
        List<String> cols = describe(conn);
        if (first == null) {
          first = cols;
          firstName = name;
        } else if (!new HashSet<>(cols).equals(new HashSet<>(first))) {
          List<String> missing = new ArrayList<>(first);
          missing.removeAll(cols);
          List<String> extra = new ArrayList<>(cols);
          extra.removeAll(first);
          throw new InputException(
              name
                  + " does not have the columns of "
                  + firstName
                  + (missing.isEmpty() ? "" : ": it lacks " + String.join(", ", missing))
                  + (extra.isEmpty()
                      ? ""
                      : (missing.isEmpty() ? ": " : "; ") + "it adds " + String.join(", ", extra))
                  + "; files audited together must have the same columns");
        }
        st.execute("ALTER TABLE src RENAME TO " + Sql.ident("src_" + i));
      }
      StringBuilder union = new StringBuilder("CREATE TABLE src AS ");
      for (int i = 0; i < files.size(); i++) {
        if (i > 0) {
          union.append(" UNION ALL BY NAME ");
        }
        union.append("SELECT * FROM ").append(Sql.ident("src_" + i));
      }
      st.execute(union.toString());
      for (int i = 0; i < files.size(); i++) {
        st.execute("DROP TABLE " + Sql.ident("src_" + i));
      }
      rowOffset = 1;
    } catch (SQLException e) {
      throw new InputException(
          "cannot read " + displayName + " as one table: " + Sql.firstLine(e.getMessage()), e);
    }
  }

  /** DuckDB's memory limit for a table of this many columns ({@link DuckDbMemory#limitMb}). */
  void widen(int columns) {
    try {
      DuckDbMemory.widen(conn, columns);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set DuckDB's memory limit: " + e.getMessage(), e);
    }
  }

  private void load(Path path, Format f, String displayName) {
    String p = Sql.literal(path.toAbsolutePath().toString());
    String sql;
    switch (f) {
      case PARQUET:
        sql = "CREATE TABLE src AS SELECT * FROM read_parquet(" + p + ", hive_partitioning=false)";
        break;
      case JSON:
        sql =
            "CREATE TABLE src AS SELECT * FROM read_json_auto(" + p + ", hive_partitioning=false)";
        break;
      default:
        // header=false: DuckDB reads the header line as data, so quoted names are unescaped like
        // values
        StringBuilder opts =
            new StringBuilder(
                ", all_varchar=true, header=false, hive_partitioning=false, null_padding=true, strict_mode=false, quote='\"', escape='\"'");
        if (spec.delimiter() != null) {
          String d =
              spec.delimiter().equals("\\t") || spec.delimiter().equalsIgnoreCase("tab")
                  ? "\t"
                  : spec.delimiter();
          opts.append(", delim=").append(Sql.literal(d));
        }
        sql = "CREATE TABLE src AS SELECT * FROM read_csv(" + p + opts + ")";
        break;
    }
    try (Statement st = conn.createStatement()) {
      st.execute("SET preserve_insertion_order = true");
      try {
        st.execute(sql);
      } catch (SQLException lenientFailed) {
        if (f != Format.CSV) {
          throw lenientFailed;
        }
        // DuckDB's lenient mode (strict_mode=false with null_padding) fails on some valid files
        // with
        // multi-line quoted fields; the strict reader reads those
        try (Statement retry = conn.createStatement()) {
          retry.execute("DROP TABLE IF EXISTS src");
          retry.execute(sql.replace(", strict_mode=false", ""));
        }
      }
      if (f == Format.CSV) {
        try (Statement h = conn.createStatement()) {
          headerFromFirstRow(h, displayName);
        }
        rowOffset = 0;
      }
    } catch (SQLException e) {
      String msg = Sql.firstLine(e.getMessage());
      if (f == Format.JSON) {
        String problem = JsonProblem.find(path, displayName);
        if (problem != null) {
          throw new InputException(problem, e);
        }
      }
      throw new InputException(
          "cannot read "
              + displayName
              + " as "
              + f.name().toLowerCase(Locale.ROOT)
              + ": "
              + msg
              + (f == Format.CSV ? "; if the delimiter was guessed wrong, pass --delimiter" : ""),
          e);
    }
  }

  /**
   * Names the columns after the first row, then removes it; row ids then equal data row numbers.
   */
  private void headerFromFirstRow(Statement st, String displayName) throws SQLException {
    List<String> raw = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("DESCRIBE src")) {
      while (rs.next()) {
        raw.add(rs.getString(1));
      }
    }
    List<String> names = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT * FROM src WHERE rowid = 0")) {
      if (!rs.next()) {
        throw new InputException(displayName + " has no header line; nothing to audit");
      }
      int width = raw.size();
      while (width > 1 && rs.getString(width) == null) {
        width--;
      }
      if (width < raw.size()) {
        raw = dropEmptyExtraColumns(raw, width, displayName);
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < raw.size(); i++) {
        String n = rs.getString(i + 1);
        n = n == null || n.isBlank() ? "column" + (i + 1) : n.trim();
        String base = n;
        int k = 2;
        while (!seen.add(n.toLowerCase(Locale.ROOT))) {
          n = base + "_" + k++;
        }
        names.add(n);
      }
    }
    st.execute("DELETE FROM src WHERE rowid = 0");
    // two passes, so that a new name may be an old name of another column
    for (int i = 0; i < raw.size(); i++) {
      st.execute(
          "ALTER TABLE src RENAME COLUMN "
              + Sql.ident(raw.get(i))
              + " TO "
              + Sql.ident("\u0001sc" + i));
    }
    for (int i = 0; i < raw.size(); i++) {
      st.execute(
          "ALTER TABLE src RENAME COLUMN "
              + Sql.ident("\u0001sc" + i)
              + " TO "
              + Sql.ident(names.get(i)));
    }
  }

  /**
   * Columns beyond the header's last name exist because some rows have more fields than the header:
   * a ragged file is an error naming the first such line; columns that are empty in every row (a
   * trailing delimiter) are dropped.
   */
  private List<String> dropEmptyExtraColumns(List<String> raw, int width, String displayName)
      throws SQLException {
    String anyValue =
        raw.subList(width, raw.size()).stream()
            .map(c -> "(" + Sql.ident(c) + " IS NOT NULL AND trim(" + Sql.ident(c) + ") <> '')")
            .collect(Collectors.joining(" OR "));
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery("SELECT min(rowid) FROM src WHERE " + anyValue)) {
      r.next();
      long rowid = r.getLong(1);
      if (!r.wasNull()) {
        long row = scan != null ? scan.dataRow(rowid) : rowid;
        long line = scan != null ? scan.line(row) : -1;
        throw new InputException(
            displayName
                + ": "
                + (line > 0 ? "line " + line : "data row " + row)
                + " has more fields than the header ("
                + width
                + "); quote fields that contain the delimiter, or fix the line"
                + (spec.delimiter() == null
                    ? " (or pass --delimiter if it was guessed wrong)"
                    : ""));
      }
    }
    try (Statement st = conn.createStatement()) {
      for (String c : raw.subList(width, raw.size())) {
        st.execute("ALTER TABLE src DROP COLUMN " + Sql.ident(c));
      }
    }
    return new ArrayList<>(raw.subList(0, width));
  }
}
