package dev.signalcheck.io;

import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.audit.SeriesSource;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads a table (CSV/TSV/TXT, gzip or not, Parquet, JSON/JSONL, or CSV on standard input) through
 * DuckDB and hands it over as one {@link SeriesData} per series. CSV parsing, delimiter sniffing,
 * decompression and sorting are DuckDB's; column names only ever enter SQL as quoted identifiers
 * and user values only as bound parameters.
 */
public final class TableReader implements SeriesSource {

  private static final int SAMPLE = 2000;
  private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
  private static final Pattern TIME_NAME =
      Pattern.compile("(?i).*(time|date|period|year|month|week|day|ds|stamp).*");

  private final InputSpec spec;
  private final String displayName;
  private final Connection conn;
  private final Path tempCopy;

  /** UTF-8 copies of inputs in another encoding, deleted on close. */
  private final List<Path> temporary = new ArrayList<>();

  /** The scan of the text file read (single-file input), or null. */
  private InputScan scan;

  private final List<String> columns;
  private final long rows;
  private final List<String> timeCols;
  private final List<String> targets;
  private final List<String> ids;
  private final Map<String, Boolean> decimalComma = new LinkedHashMap<>();
  private final List<String> flags = new ArrayList<>();
  private final TimeParser timeParser;
  private final TimeParser recordedParser;
  private long rejectedRows;
  private final List<Long> rejectedExamples = new ArrayList<>();

  /** Whether the input is read as series (not only as a table). */
  private final boolean asSeries;

  private TableReader(InputSpec spec) {
    this(spec, true);
  }

  /**
   * @param series whether the input is read as series (time, targets, ids resolved) or only as a
   *     table
   */
  private TableReader(InputSpec spec, boolean series) {
    this.spec = spec;
    this.asSeries = series;
    boolean several = !"-".equals(spec.source()) && SourceFiles.several(spec.sources());
    this.displayName =
        "-".equals(spec.source())
            ? "standard input"
            : several
                ? severalName(spec.sources())
                : Path.of(spec.source()).getFileName().toString();
    try {
      conn = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    }
    Path copy = null;
    InputScan sc = null;
    try {
      if (several) {
        loadSeveral(SourceFiles.expand(spec.sources()));
      } else {
        Path path;
        if ("-".equals(spec.source())) {
          copy = copyStdin();
          path = copy;
        } else {
          path = Path.of(spec.source());
        }
        sc = loadFile(path, copy != null ? Format.CSV : Format.of(path), displayName, copy != null);
      }
    } catch (RuntimeException e) {
      deleteQuietly(copy);
      temporary.forEach(TableReader::deleteQuietly);
      try {
        conn.close();
      } catch (SQLException ignored) {
        // nothing was read
      }
      throw e;
    }
    this.tempCopy = copy;
    this.scan = several ? null : sc;
    try {
      columns = describe();
      rows = count();
      if (rows == 0) {
        throw new InputException(displayName + " has a header but no data rows; nothing to audit");
      }
      if (series) {
        checkWidth(columns.size());
        timeCols = resolveTime();
        ids = resolveAll(spec.ids(), "--id");
        List<String> cov = resolveAll(spec.covariates(), "--covariates");
        String rec = spec.recordedAt() == null ? null : resolve(spec.recordedAt(), "--recorded-at");
        targets = resolveTargets(cov, rec);
        checkCovariates(cov, rec);
        checkMemory();
        timeParser = sniffTime();
        recordedParser = rec == null ? null : sniffColumn(List.of(rec), spec.timeFormat());
      } else {
        timeCols = List.of();
        ids = List.of();
        targets = List.of();
        timeParser = null;
        recordedParser = null;
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * The most value columns audited without {@code --target}: each is a series with its own
   * backtests, so a file of thousands of sensors would run for hours (docs/benchmarks.md).
   */
  public static final int MAX_COLUMNS = 500;

  /** Refuses a file wider than {@link #MAX_COLUMNS} when no targets were chosen. */
  private void checkWidth(long columnCount) {
    long candidates =
        columnCount - 1L - spec.ids().size() - spec.covariates().size() - spec.time().size();
    if (spec.targets().isEmpty() && candidates > MAX_COLUMNS) {
      throw new UsageException(
          String.format(
              Locale.ROOT,
              "%s has %,d columns, more than the %,d value columns an audit reads without"
                  + " --target; choose the series with --target COL[,COL...] (and the explanatory"
                  + " columns with --covariates COL[,COL...])",
              displayName,
              columnCount,
              MAX_COLUMNS));
    }
  }

  /**
   * Java heap an audit needs per time step of the series it holds, measured: one series of
   * 2,000,000 rows is audited within -Xmx512m, one of 3,000,000 is not (docs/benchmarks.md, "Huge
   * inputs").
   */
  static final long HEAP_BYTES_PER_ROW = 200;

  /**
   * Refuses, before any series is read, an input whose largest series alone cannot fit in the heap
   * (the answer would otherwise be an out-of-memory error after minutes of reading).
   */
  private void checkMemory() {
    String message = memoryRefusal(displayName, largestSeries(), Runtime.getRuntime().maxMemory());
    if (message != null) {
      throw new InputException(message);
    }
  }

  /**
   * The refusal for a largest series of this many rows under this heap limit; null when it fits.
   */
  static String memoryRefusal(String name, long largestRows, long maxHeapBytes) {
    long need = largestRows * HEAP_BYTES_PER_ROW;
    if (need <= maxHeapBytes) {
      return null;
    }
    long mb = 1024L * 1024;
    long gb = 1024 * mb;
    long suggest = Math.max(1, (need + need / 2 + gb - 1) / gb);
    return String.format(
        Locale.ROOT,
        "%s: its largest series has %,d rows, which needs about %,d MB of memory to audit, more"
            + " than the %,d MB Java may use here (its -Xmx limit); raise it, e.g."
            + " SIGNALCHECK_JAVA_OPTS=-Xmx%dg, or audit a shorter extract (fewer rows or a coarser"
            + " step)",
        name,
        largestRows,
        need / mb,
        maxHeapBytes / mb,
        suggest);
  }

  /** The rows of the largest series: all rows without --id, else the largest id's. */
  long largestSeries() {
    if (ids.isEmpty()) {
      return rows;
    }
    String sql =
        "SELECT max(n) FROM (SELECT count(*) AS n FROM src GROUP BY "
            + ids.stream().map(Sql::ident).collect(Collectors.joining(", "))
            + ")";
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new InputException("cannot read " + displayName + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** Opens and inspects the input; the data are read later by {@link #forEachSeries}. */
  public static TableReader open(InputSpec spec) {
    return new TableReader(spec);
  }

  /** Opens the input as a plain table, for reading single columns ({@link #distinctCounts}). */
  public static TableReader openTable(InputSpec spec) {
    return new TableReader(spec, false);
  }

  /**
   * The distinct values of a column with their row counts, most frequent first (ties alphabetical);
   * cells that are NULL (empty in a CSV) are left out. The values are the text as written,
   * untrimmed.
   *
   * @param option the option that named the column, for the error message when it does not exist
   */
  @Override
  public LinkedHashMap<String, Long> distinctCounts(String column, String option) {
    String c = resolve(column, option);
    String sql =
        "SELECT CAST("
            + Sql.ident(c)
            + " AS VARCHAR) AS v, count(*) AS n FROM src WHERE "
            + Sql.ident(c)
            + " IS NOT NULL GROUP BY 1 ORDER BY n DESC, v";
    LinkedHashMap<String, Long> out = new LinkedHashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new InputException(
          "cannot read column '" + c + "' of " + displayName + ": " + firstLine(e.getMessage()), e);
    }
    return out;
  }

  public String displayName() {
    return displayName;
  }

  @Override
  public SourceInfo info() {
    return new SourceInfo(
        displayName, timeCols, targets, ids, spec.covariates(), spec.recordedAt(), columns);
  }

  @Override
  public ReadStatistics statistics() {
    Map<String, Long> reasons = new LinkedHashMap<>();
    if (rejectedRows - nullIdRows > 0) {
      reasons.put("no time and no value", rejectedRows - nullIdRows);
    }
    if (nullIdRows > 0) {
      reasons.put("no series id", nullIdRows);
    }
    return new ReadStatistics(rows, rejectedRows, reasons, rejectedExamples);
  }

  public List<String> columns() {
    return columns;
  }

  public long rows() {
    return rows;
  }

  @Override
  public long rowCount() {
    return rows;
  }

  public List<String> timeColumns() {
    return timeCols;
  }

  public List<String> targets() {
    return targets;
  }

  /** 0/1 columns left out of the default targets: labels, not measurements (--target adds them). */
  public List<String> flagColumns() {
    return List.copyOf(flags);
  }

  /**
   * Checks series ids named by the user (e.g. {@code --detail}): each must be a series of this
   * input.
   *
   * @throws UsageException naming the first unknown id and a few known ones
   */
  public void requireSeries(List<String> wanted, String option) {
    try {
      for (String id : wanted) {
        if (!InputProbe.hasSeries(conn, ids, targets, id)) {
          throw new UsageException(
              "no series '"
                  + id
                  + "' ("
                  + option
                  + ") in "
                  + displayName
                  + "; series ids are as in the report, e.g. "
                  + String.join(", ", InputProbe.someSeries(conn, ids, targets, 5)));
        }
      }
    } catch (SQLException e) {
      throw new InputException("cannot read " + displayName + ": " + firstLine(e.getMessage()), e);
    }
  }

  @Override
  public dev.signalcheck.core.series.InputHints inputHints() {
    return InputProbe.hints(
        conn,
        columns,
        timeCols,
        ids,
        targets,
        resolveAll(spec.covariates(), "--covariates"),
        timeParser.kind());
  }

  public List<String> ids() {
    return ids;
  }

  /** Rows that could not be used at all (no time and no value), counted while reading. */
  public long rejectedRows() {
    return rejectedRows;
  }

  public List<Long> rejectedExamples() {
    return rejectedExamples;
  }

  public TimeParser timeParser() {
    return timeParser;
  }

  // ---------------------------------------------------------------- loading

  private static Path copyStdin() {
    try {
      Path tmp = Files.createTempFile("signalcheck-stdin-", ".csv");
      tmp.toFile().deleteOnExit();
      try (InputStream in = System.in) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      if (Files.size(tmp) == 0) {
        throw new InputException(
            "standard input is empty; pipe a CSV file into signalcheck or pass a file name");
      }
      return tmp;
    } catch (IOException e) {
      throw new InputException("cannot read standard input: " + e.getMessage());
    }
  }

  private void checkReadable(Path path, String displayName) {
    if (!Files.exists(path)) {
      throw new InputException(displayName + ": no such file (" + path + "); check the path");
    }
    if (Files.isDirectory(path)) {
      throw new InputException(path + " is a directory; pass a data file");
    }
    if (!Files.isReadable(path)) {
      throw new InputException(displayName + " is not readable; check its permissions");
    }
    try {
      if (Files.size(path) == 0) {
        throw new InputException(displayName + " is empty (0 bytes); nothing to audit");
      }
      byte[] head = new byte[4096];
      int n;
      try (InputStream in = Files.newInputStream(path)) {
        n = in.readNBytes(head, 0, head.length);
      }
      Format f = Format.of(path);
      boolean gzip = n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
      if (f != Format.PARQUET && !gzip) {
        int nul = 0;
        int ctrl = 0;
        for (int i = 0; i < n; i++) {
          int b = head[i] & 0xff;
          if (b == 0) {
            nul++;
          } else if (b < 9 || (b > 13 && b < 32)) {
            ctrl++;
          }
        }
        if (nul > 0 || ctrl > n / 20) {
          throw new InputException(
              displayName
                  + " does not look like text (binary data in its first "
                  + n
                  + " bytes); pass a CSV, TSV, Parquet or JSON file");
        }
      }
    } catch (IOException e) {
      throw new InputException("cannot read " + displayName + ": " + e.getMessage());
    }
  }

  enum Format {
    CSV,
    PARQUET,
    JSON;

    static Format of(Path p) {
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".gz")) {
        name = name.substring(0, name.length() - 3);
      }
      if (name.endsWith(".parquet") || name.endsWith(".pq")) {
        return PARQUET;
      }
      if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return JSON;
      }
      return CSV;
    }
  }

  private void load(Path path, Format f, String displayName) {
    String p = Sql.literal(path.toAbsolutePath().toString());
    String sql;
    switch (f) {
      case PARQUET:
        sql =
            "CREATE TEMP TABLE src AS SELECT * FROM read_parquet("
                + p
                + ", hive_partitioning=false)";
        break;
      case JSON:
        sql =
            "CREATE TEMP TABLE src AS SELECT * FROM read_json_auto("
                + p
                + ", hive_partitioning=false)";
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
        sql = "CREATE TEMP TABLE src AS SELECT * FROM read_csv(" + p + opts + ")";
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
      String msg = firstLine(e.getMessage());
      if (f == Format.JSON) {
        String problem = InputScan.jsonProblem(path, displayName);
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
      java.util.Set<String> seen = new java.util.HashSet<>();
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

  /**
   * Loads one file into the table {@code src}: checks that it is readable and what it claims to be,
   * turns another encoding into UTF-8, scans a text file ({@link InputScan}), then reads it.
   *
   * @param name the file's name in messages
   * @return the scan of a text file, null for Parquet
   */
  private InputScan loadFile(Path path, Format format, String name, boolean stdin) {
    if (!stdin) {
      checkReadable(path, name);
    }
    Path readPath = path;
    InputScan sc = null;
    if (format == Format.PARQUET) {
      InputScan.checkParquet(path, name);
    } else {
      String enc = spec.encoding();
      if (enc != null && InputScan.charset(enc) != java.nio.charset.StandardCharsets.UTF_8) {
        readPath = InputScan.transcode(path, name, enc);
        temporary.add(readPath);
      }
      sc = InputScan.scan(readPath, name, format == Format.CSV);
      if (asSeries && format == Format.CSV) {
        // refused from the header line, before DuckDB loads thousands of columns
        checkWidth(sc.headerFields());
        if (spec.ids().isEmpty()) {
          // one series per value column, of every row: refused before DuckDB loads the rows
          String message = memoryRefusal(name, sc.records() - 1, Runtime.getRuntime().maxMemory());
          if (message != null) {
            throw new InputException(message);
          }
        }
      }
    }
    scan = sc;
    load(readPath, format, name);
    return sc;
  }

  private static String severalName(List<String> sources) {
    if (sources.size() == 1) {
      return sources.get(0);
    }
    return Path.of(sources.get(0)).getFileName() + " and " + (sources.size() - 1) + " more";
  }

  /**
   * Several files as one table: each is loaded on its own (with its partition folders as text
   * columns), they must have the same columns, and they are stacked in order. Row numbers then
   * count through the files in that order.
   */
  private void loadSeveral(List<SourceFiles.SourceFile> files) {
    List<String> first = null;
    String firstName = null;
    try (Statement st = conn.createStatement()) {
      for (int i = 0; i < files.size(); i++) {
        SourceFiles.SourceFile f = files.get(i);
        String name = f.path().toString();
        loadFile(f.path(), Format.of(f.path()), name, false);
        List<String> own = describe();
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
        List<String> cols = describe();
        if (first == null) {
          first = cols;
          firstName = name;
        } else if (!new java.util.HashSet<>(cols).equals(new java.util.HashSet<>(first))) {
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
      StringBuilder union = new StringBuilder("CREATE TEMP TABLE src AS ");
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
          "cannot read " + displayName + " as one table: " + firstLine(e.getMessage()), e);
    }
  }

  /** What to add to a DuckDB row id to get the 1-based data row number. */
  private long rowOffset = 1;

  /** The 1-based data row number of a DuckDB row id, counting skipped blank lines. */
  private long rowNumber(long rowid) {
    return rowOffset == 0 && scan != null ? scan.dataRow(rowid) : rowid + rowOffset;
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary file; deleteOnExit is set as well
      }
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    String t = s.replace("\r", "").trim();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).trim();
  }

  private List<String> describe() {
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

  private long count() {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM src")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- columns

  private String resolve(String name, String option) {
    for (String c : columns) {
      if (c.equals(name)) {
        return c;
      }
    }
    for (String c : columns) {
      if (c.trim().equalsIgnoreCase(name.trim())) {
        return c;
      }
    }
    LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : columns) {
      int d = lev.apply(c.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    String hint =
        best != null && bestD <= Math.max(2, name.length() / 3)
            ? " (did you mean '" + best + "'?)"
            : "";
    throw new UsageException(
        "column '"
            + name
            + "' ("
            + option
            + ") not found in "
            + displayName
            + "; columns are: "
            + listColumns()
            + hint);
  }

  private String listColumns() {
    String all = columns.stream().limit(40).collect(Collectors.joining(", "));
    return columns.size() > 40 ? all + ", … (" + columns.size() + " in all)" : all;
  }

  private List<String> resolveAll(List<String> names, String option) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(resolve(n, option));
    }
    return out;
  }

  private List<String> resolveTime() {
    if (!spec.time().isEmpty()) {
      if (spec.time().size() > 2) {
        throw new UsageException(
            "--time takes one column, or two (a date and a time-of-day column); got "
                + spec.time().size());
      }
      return resolveAll(spec.time(), "--time");
    }
    List<String> candidates = new ArrayList<>();
    sampleWide();
    for (String c : columns) {
      List<String> sample = sample(List.of(c));
      TimeParser p = TimeParser.sniff(sample, spec.timeFormat(), spec.timezone());
      if (p == null) {
        continue;
      }
      if (p.kind() == dev.signalcheck.core.series.TimeKind.INDEX
          && !TIME_NAME.matcher(c).matches()) {
        continue;
      }
      if (p.kind() == dev.signalcheck.core.series.TimeKind.YEAR
          && !TIME_NAME.matcher(c).matches()) {
        continue;
      }
      long ok = sample.stream().filter(s -> p.parse(s) != TimeParser.UNPARSEABLE).count();
      if (!sample.isEmpty() && ok >= 0.9 * sample.size()) {
        candidates.add(c);
      }
    }
    if (candidates.size() == 1) {
      return candidates;
    }
    if (candidates.isEmpty()) {
      throw new UsageException(
          "no time column found in "
              + displayName
              + "; columns are: "
              + listColumns()
              + "; pass --time COL (or --time DATE_COL,TIME_COL)");
    }
    List<String> named =
        candidates.stream()
            .filter(c -> TIME_NAME.matcher(c).matches())
            .collect(Collectors.toList());
    if (named.size() == 1) {
      return named;
    }
    throw new UsageException(
        "several columns of "
            + displayName
            + " look like time stamps: "
            + String.join(", ", candidates)
            + "; pass --time COL (or --time DATE_COL,TIME_COL)");
  }

  private List<String> resolveTargets(List<String> covariates, String recordedAt) {
    if (!spec.targets().isEmpty()) {
      List<String> t = resolveAll(spec.targets(), "--target");
      for (String c : t) {
        if (timeCols.contains(c)) {
          throw new UsageException(
              "column '" + c + "' is the time column; it cannot also be a --target");
        }
        if (ids.contains(c)) {
          throw new UsageException(
              "column '" + c + "' is a series key (--id); it cannot also be a --target");
        }
      }
      for (String c : t) {
        decimalComma.put(c, detectDecimalComma(c));
      }
      return t;
    }
    List<String> out = new ArrayList<>();
    if (columns.size() > WIDE) {
      sampleWide();
      List<String> candidates = new ArrayList<>();
      for (String c : columns) {
        if (!timeCols.contains(c)
            && !ids.contains(c)
            && !covariates.contains(c)
            && !c.equals(recordedAt)) {
          decimalComma.put(c, detectDecimalComma(c));
          candidates.add(c);
        }
      }
      numericShares(candidates);
    }
    for (String c : columns) {
      if (timeCols.contains(c)
          || ids.contains(c)
          || covariates.contains(c)
          || c.equals(recordedAt)) {
        continue;
      }
      boolean comma = detectDecimalComma(c);
      if (numericShare(c, comma) >= 0.5) {
        if (InputProbe.isFlag(conn, c, comma)) {
          flags.add(c);
          continue;
        }
        out.add(c);
        decimalComma.put(c, comma);
      }
    }
    if (out.isEmpty() && !flags.isEmpty()) {
      throw new UsageException(
          "the numeric columns of "
              + displayName
              + " hold only 0/1 ("
              + String.join(", ", flags)
              + "): flags, not measurements; pass --target "
              + flags.get(0)
              + " to audit one anyway");
    }
    if (out.isEmpty()) {
      throw new UsageException(
          "no numeric column to assess in "
              + displayName
              + "; columns are: "
              + listColumns()
              + "; pass --target COL");
    }
    return out;
  }

  /**
   * A covariate must be a column of its own (not the time, a key, a target or recorded-at) and hold
   * numbers: a column with no numeric value among its first 10,000 present ones is a usage error.
   */
  private void checkCovariates(List<String> cov, String rec) {
    for (String c : cov) {
      String role =
          timeCols.contains(c)
              ? "the time column"
              : ids.contains(c)
                  ? "a series key (--id)"
                  : targets.contains(c)
                      ? "a target"
                      : c.equals(rec) ? "the --recorded-at column" : null;
      if (role != null) {
        throw new UsageException(
            "column '"
                + c
                + "' is "
                + role
                + "; it cannot also be a covariate"
                + (role.equals("a target")
                    ? " (a target explains itself perfectly: pass other columns to --covariates,"
                        + " or choose the targets with --target)"
                    : ""));
      }
      String example = nonNumericExample(c, detectDecimalComma(c));
      if (example != null) {
        throw new UsageException(
            "covariate '"
                + c
                + "' holds no numbers (e.g. '"
                + example
                + "'); covariates must be numeric: encode it as numbers, or check it for variant spellings with --labels");
      }
    }
  }

  /**
   * A present value of a column none of whose present values is a number; null when some value is
   * one or none is present.
   */
  private String nonNumericExample(String col, boolean comma) {
    String v = valueText(col, comma);
    String sql =
        "SELECT count(TRY_CAST("
            + v
            + " AS DOUBLE)) FILTER (WHERE "
            + missingPredicate(col)
            + " IS NOT TRUE), "
            + "min(CAST("
            + Sql.ident(col)
            + " AS VARCHAR)) FILTER (WHERE "
            + missingPredicate(col)
            + " IS NOT TRUE) FROM src";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      bindMissing(ps, 1, 2);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0 ? null : rs.getString(2);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Pattern GROUPED_COMMA = Pattern.compile("-?[1-9]\\d{0,2}(,\\d{3})+");
  private static final Pattern GROUPED_COMMA_SURE =
      Pattern.compile("-?[1-9]\\d{0,2}((,\\d{3}){2,}(\\.\\d+)?|(,\\d{3})+\\.\\d+)");
  private static final Pattern POINT_DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  /**
   * Whether a column writes decimals with a comma. A comma followed by exactly three digits ({@code
   * 1,037}) may be a thousands separator as well: with nothing else to tell (no value such as
   * {@code 2,5}, {@code 1,234,567} or {@code 1,234.5}) it is a usage error asking for {@code
   * --decimal}, never a silent guess. Thousands separators are removed ({@link #valueText}).
   */
  private boolean detectDecimalComma(String col) {
    if (spec.decimal() != null) {
      return spec.decimal().equals(",");
    }
    List<String> s = sample(List.of(col));
    if (s.isEmpty()) {
      return false;
    }
    long decimal = 0;
    long grouped = 0;
    String groupedExample = null;
    boolean sureGrouped = false;
    boolean point = false;
    for (String raw : s) {
      String v = raw.trim();
      if (GROUPED_COMMA_SURE.matcher(v).matches()) {
        sureGrouped = true;
      } else if (GROUPED_COMMA.matcher(v).matches()) {
        grouped++;
        if (groupedExample == null) {
          groupedExample = v;
        }
      } else if (DECIMAL_COMMA.matcher(v).matches()) {
        decimal++;
      } else if (POINT_DECIMAL.matcher(v).matches()) {
        point = true;
      }
    }
    if (decimal > 0 && decimal + grouped >= 0.1 * s.size() && !point && !sureGrouped) {
      return true;
    }
    if (grouped > 0 && decimal == 0 && !point && !sureGrouped && grouped >= 0.1 * s.size()) {
      String v = groupedExample;
      throw new UsageException(
          "column '"
              + col
              + "' of "
              + displayName
              + " has values such as '"
              + v
              + "' that read as "
              + v.replace(",", "")
              + " (a thousands separator) or as "
              + v.replace(",", ".")
              + " (a decimal comma); say which with --decimal . or --decimal ,");
    }
    return false;
  }

  /** The numeric shares of a wide file's columns, computed a block at a time; null if narrow. */
  private Map<String, Double> wideShares;

  private double numericShare(String col, boolean comma) {
    if (wideShares != null && wideShares.containsKey(col)) {
      return wideShares.get(col);
    }
    return numericShareOf(col, comma);
  }

  /** Computes the numeric share of many columns, a block of them per query. */
  private void numericShares(List<String> cols) {
    wideShares = new java.util.HashMap<>();
    for (int i = 0; i < cols.size(); i += WIDE) {
      List<String> block = cols.subList(i, Math.min(cols.size(), i + WIDE));
      StringBuilder sql = new StringBuilder("SELECT ");
      for (int k = 0; k < block.size(); k++) {
        String c = block.get(k);
        String v = valueText(c, decimalComma.getOrDefault(c, false));
        if (k > 0) {
          sql.append(", ");
        }
        sql.append("count(*) FILTER (WHERE ")
            .append(missingPredicate(c))
            .append(" IS NOT TRUE), count(TRY_CAST(")
            .append(v)
            .append(" AS DOUBLE)) FILTER (WHERE ")
            .append(missingPredicate(c))
            .append(" IS NOT TRUE)");
      }
      sql.append(" FROM (SELECT ")
          .append(block.stream().map(Sql::ident).collect(Collectors.joining(", ")))
          .append(" FROM src LIMIT 10000)");
      try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
        int p = 1;
        for (int k = 0; k < block.size(); k++) {
          p = bindMissing(ps, p, 2);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          for (int k = 0; k < block.size(); k++) {
            long present = rs.getLong(2 * k + 1);
            long numeric = rs.getLong(2 * k + 2);
            wideShares.put(block.get(k), present == 0 ? 0 : numeric / (double) present);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private double numericShareOf(String col, boolean comma) {
    String v = valueText(col, comma);
    String sql =
        "SELECT count(*) FILTER (WHERE "
            + missingPredicate(col)
            + " IS NOT TRUE), "
            + "count(TRY_CAST("
            + v
            + " AS DOUBLE)) FILTER (WHERE "
            + missingPredicate(col)
            + " IS NOT TRUE) "
            + "FROM (SELECT "
            + Sql.ident(col)
            + " FROM src LIMIT 10000)";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      bindMissing(ps, 1, 2);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long present = rs.getLong(1);
        long numeric = rs.getLong(2);
        return present == 0 ? 0 : numeric / (double) present;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> missingTokens() {
    List<String> t = new ArrayList<>(InputSpec.DEFAULT_MISSING);
    t.addAll(spec.missingTokens());
    return t;
  }

  /** SQL text of a value cell as trimmed text, with a decimal comma turned into a point. */
  private static String valueText(String col, boolean comma) {
    String t = "trim(CAST(" + Sql.ident(col) + " AS VARCHAR))";
    if (comma) {
      // 1.234,5: points that group thousands go, the comma becomes the point
      return "replace(CASE WHEN contains("
          + t
          + ", '.') AND regexp_full_match("
          + t
          + ", '-?[1-9][0-9]{0,2}([.][0-9]{3})+(,[0-9]+)?') THEN replace("
          + t
          + ", '.', '') ELSE "
          + t
          + " END, ',', '.')";
    }
    // 1,234.5: commas that group thousands go
    return "CASE WHEN contains("
        + t
        + ", ',') AND regexp_full_match("
        + t
        + ", '-?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]+)?') THEN replace("
        + t
        + ", ',', '') ELSE "
        + t
        + " END";
  }

  /**
   * SQL predicate "this cell is missing": null, empty, or a missing token (bound as parameters).
   */
  private String missingPredicate(String col) {
    String t = "trim(CAST(" + Sql.ident(col) + " AS VARCHAR))";
    String qs = missingTokens().stream().map(x -> "?").collect(Collectors.joining(", "));
    return "(" + Sql.ident(col) + " IS NULL OR " + t + " IN (" + qs + "))";
  }

  private int bindMissing(PreparedStatement ps, int start, int times) throws SQLException {
    int i = start;
    List<String> tokens = missingTokens();
    for (int r = 0; r < times; r++) {
      for (String t : tokens) {
        ps.setString(i++, t);
      }
    }
    return i;
  }

  private String timeText(List<String> cols) {
    if (cols.size() == 1) {
      return "trim(CAST(" + Sql.ident(cols.get(0)) + " AS VARCHAR))";
    }
    return "concat_ws(' ', trim(CAST("
        + Sql.ident(cols.get(0))
        + " AS VARCHAR)), trim(CAST("
        + Sql.ident(cols.get(1))
        + " AS VARCHAR)))";
  }

  /**
   * Samples of single columns of a wide file, read a block of columns at a time from its first
   * {@link #SAMPLE} rows (one query per column would each bind the whole table: hours for thousands
   * of columns); null for a narrow file, whose columns are sampled one by one.
   */
  private Map<String, List<String>> wideSamples;

  /** Files with more columns than this are sampled in blocks. */
  static final int WIDE = 64;

  private void sampleWide() {
    if (columns.size() <= WIDE || wideSamples != null) {
      return;
    }
    wideSamples = new java.util.HashMap<>();
    for (int i = 0; i < columns.size(); i += WIDE) {
      List<String> block = columns.subList(i, Math.min(columns.size(), i + WIDE));
      String sql =
          "SELECT "
              + block.stream()
                  .map(c -> "trim(CAST(" + Sql.ident(c) + " AS VARCHAR))")
                  .collect(Collectors.joining(", "))
              + " FROM src LIMIT "
              + SAMPLE;
      List<List<String>> values = new ArrayList<>();
      block.forEach(c -> values.add(new ArrayList<>()));
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          for (int k = 0; k < block.size(); k++) {
            String v = rs.getString(k + 1);
            if (v != null && !v.isEmpty()) {
              values.get(k).add(v);
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      for (int k = 0; k < block.size(); k++) {
        wideSamples.put(block.get(k), values.get(k));
      }
    }
  }

  private List<String> sample(List<String> cols) {
    if (cols.size() == 1 && wideSamples != null && wideSamples.containsKey(cols.get(0))) {
      return wideSamples.get(cols.get(0));
    }
    String t = timeText(cols);
    String sql =
        "SELECT "
            + t
            + " AS v FROM src WHERE "
            + t
            + " IS NOT NULL AND "
            + t
            + " <> '' LIMIT "
            + SAMPLE;
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private TimeParser sniffColumn(List<String> cols, String format) {
    List<String> s = sample(cols);
    try {
      return TimeParser.sniff(s, format, spec.timezone());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private TimeParser sniffTime() {
    TimeParser p = sniffColumn(timeCols, spec.timeFormat());
    List<String> s = sample(timeCols);
    String col = String.join(",", timeCols);
    if (p == null || s.stream().noneMatch(v -> p.parse(v) != TimeParser.UNPARSEABLE)) {
      String first = s.isEmpty() ? "(all empty)" : s.get(0);
      throw new InputException(
          displayName
              + " has no rows with a parseable time in column '"
              + col
              + "' (first value: '"
              + first
              + "'); pass --time-format or fix the column");
    }
    return p;
  }

  // ---------------------------------------------------------------- data

  /**
   * How the time column reaches Java: as epoch ms computed by DuckDB, as an integer, or as text.
   */
  private enum TimeTransfer {
    SQL_TIMESTAMP,
    SQL_INTEGER,
    TEXT
  }

  private TimeTransfer timeTransfer() {
    switch (timeParser.kind()) {
      case LOCAL_DATETIME:
      case DATE:
        return timeParser.order() == TimeParser.Order.YMD
            ? TimeTransfer.SQL_TIMESTAMP
            : TimeTransfer.TEXT;
      case INDEX:
      case YEAR:
        return TimeTransfer.SQL_INTEGER;
      case OFFSET_DATETIME:
        return timeParser.integerMode() == TimeParser.IntegerMode.EPOCH_SECONDS
                || timeParser.integerMode() == TimeParser.IntegerMode.EPOCH_MILLIS
            ? TimeTransfer.SQL_INTEGER
            : TimeTransfer.TEXT;
      default:
        return TimeTransfer.TEXT;
    }
  }

  /**
   * Streams the data, one {@link SeriesData} per series (per id value × target in long layout, per
   * target in wide layout), in the order of each series' first row. Memory holds one id's rows at a
   * time. Times in ISO form and integers are converted by DuckDB; text crosses into Java only where
   * DuckDB could not read it.
   */
  @Override
  public void forEachSeries(Consumer<SeriesData> sink) {
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
    java.util.Set<Long> timelessWithValue = new java.util.HashSet<>();
    String t = timeText(timeCols);
    for (List<String> block : blocks) {
      String anyPresent =
          block.stream()
              .map(c -> missingPredicate(c) + " IS NOT TRUE")
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
          p = bindMissing(ps, p, 1);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            timelessWithValue.add(rs.getLong(1));
          }
        }
      } catch (SQLException e) {
        throw new InputException(
            "cannot read " + displayName + ": " + firstLine(e.getMessage()), e);
      }
    }
    for (int b = 0; b < blocks.size(); b++) {
      readSeries(sink, blocks.get(b), timelessWithValue, b == 0);
    }
  }

  /** Targets read by one SELECT; wider files are read in blocks of this many. */
  static final int TARGETS_PER_QUERY = 64;

  /**
   * Reads the series of some targets.
   *
   * @param timelessWithValue for a block of a wide file: the row ids without a time that have a
   *     value in some target (null: decide from these targets)
   * @param count whether to count rejected rows (once per row, in the first block)
   */
  private void readSeries(
      Consumer<SeriesData> sink,
      List<String> targets,
      java.util.Set<Long> timelessWithValue,
      boolean count) {
    TimeTransfer tt = timeTransfer();
    String t = timeText(timeCols);
    String num;
    switch (tt) {
      case SQL_TIMESTAMP:
        num = "epoch_ms(TRY_CAST(" + t + " AS TIMESTAMP))";
        break;
      case SQL_INTEGER:
        num = "TRY_CAST(" + t + " AS BIGINT)";
        break;
      default:
        num = "CAST(NULL AS BIGINT)";
        break;
    }
    // column layout: 1 rowid, 2 key hash, 3.. id texts, then time number, time text, then 3 per
    // target
    StringBuilder sql = new StringBuilder("SELECT rowid");
    sql.append(
        ids.isEmpty()
            ? ", 0"
            : ", hash(" + ids.stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")");
    for (String id : ids) {
      sql.append(", CAST(").append(Sql.ident(id)).append(" AS VARCHAR)");
    }
    sql.append(", ").append(num);
    sql.append(", CASE WHEN ").append(num).append(" IS NULL THEN ").append(t).append(" END");
    for (String target : targets) {
      boolean comma = decimalComma.getOrDefault(target, false);
      String miss = missingPredicate(target);
      String cast = "TRY_CAST(" + valueText(target, comma) + " AS DOUBLE)";
      sql.append(", CASE WHEN ")
          .append(miss)
          .append(" THEN NULL ELSE ")
          .append(cast)
          .append(" END");
      sql.append(", CASE WHEN ")
          .append(miss)
          .append(" THEN 1 WHEN ")
          .append(cast)
          .append(" IS NULL THEN 2 ELSE 0 END");
      sql.append(", CASE WHEN ")
          .append(miss)
          .append(" THEN NULL WHEN ")
          .append(cast)
          .append(" IS NULL THEN CAST(")
          .append(Sql.ident(target))
          .append(" AS VARCHAR) END");
    }
    String rec = spec.recordedAt() == null ? null : resolve(spec.recordedAt(), "--recorded-at");
    if (rec != null) {
      sql.append(", trim(CAST(").append(Sql.ident(rec)).append(" AS VARCHAR))");
    }
    List<String> cov = resolveAll(spec.covariates(), "--covariates");
    for (String c : cov) {
      boolean comma = detectDecimalComma(c);
      sql.append(", CASE WHEN ")
          .append(missingPredicate(c))
          .append(" THEN NULL ELSE TRY_CAST(")
          .append(valueText(c, comma))
          .append(" AS DOUBLE) END");
    }
    sql.append(" FROM src ORDER BY ");
    if (!ids.isEmpty()) {
      // series in the order of their first row (Q1, Q2, … Q10 as written, not sorted as text)
      String key = ids.stream().map(Sql::ident).collect(Collectors.joining(", "));
      sql.append("min(rowid) OVER (PARTITION BY ").append(key).append("), ");
    }
    sql.append("rowid");

    TimeFormat fmt = timeParser.format();
    int nt = targets.size();
    int timeNumIdx = 3 + ids.size();
    int timeTextIdx = timeNumIdx + 1;
    int firstTarget = timeTextIdx + 1;
    int recIdx = firstTarget + 3 * nt;
    int firstCov = recIdx + (rec != null ? 1 : 0);
    try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
      int p = 1;
      for (int k = 0; k < nt; k++) {
        p = bindMissing(ps, p, 3);
      }
      for (int k = 0; k < cov.size(); k++) {
        p = bindMissing(ps, p, 1);
      }
      try (ResultSet rs = ps.executeQuery()) {
        long currentHash = 0;
        String currentKey = null;
        boolean currentNullId = false;
        SeriesData[] current = null;
        int[] states = new int[nt];
        boolean dstZone =
            spec.timezone() != null
                && timeParser.kind() == dev.signalcheck.core.series.TimeKind.OFFSET_DATETIME;
        long previousTime = Long.MIN_VALUE;
        while (rs.next()) {
          long row = rowNumber(rs.getLong(1));
          long hash = rs.getLong(2);
          if (!ids.isEmpty() && (currentKey == null || hash != currentHash)) {
            StringBuilder kb = new StringBuilder();
            boolean nullId = false;
            for (int k = 0; k < ids.size(); k++) {
              String v = rs.getString(3 + k);
              if (v == null || v.isBlank()) {
                nullId = true;
              }
              if (k > 0) {
                kb.append('/');
              }
              kb.append(keyPart(v == null ? "" : v, ids.size() > 1 || nt > 1));
            }
            String key = kb.toString();
            currentHash = hash;
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
          long t0 = rs.getLong(timeNumIdx);
          boolean timeIsNull = rs.wasNull();
          String rawTime = timeIsNull ? rs.getString(timeTextIdx) : null;
          boolean anyValue = false;
          for (int k = 0; k < nt; k++) {
            states[k] = rs.getInt(firstTarget + 1 + 3 * k);
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
          } else if (tt == TimeTransfer.SQL_INTEGER) {
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
          if (rec != null && recordedParser != null) {
            recT = recordedParser.parse(rs.getString(recIdx));
          }
          for (int k = 0; k < nt; k++) {
            double v = rs.getDouble(firstTarget + 3 * k);
            boolean wasNull = rs.wasNull();
            byte state = (byte) states[k];
            String raw =
                state == SeriesData.NON_NUMERIC ? rs.getString(firstTarget + 2 + 3 * k) : null;
            if (state == SeriesData.OK && (wasNull || Double.isNaN(v))) {
              state = SeriesData.MISSING;
            } else if (state == SeriesData.OK && Double.isInfinite(v)) {
              state = SeriesData.NON_NUMERIC;
              raw = Double.toString(v);
            }
            current[k].add(row, time, timeIsNull ? rawTime : null, v, state, raw);
            if (rec != null) {
              current[k].setRecordedAt(recT);
            }
            for (int c = 0; c < cov.size(); c++) {
              double cv = rs.getDouble(firstCov + c);
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
      throw new InputException("cannot read " + displayName + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * One id value in a series key. Keys join id values (and the target in a wide file) with '/': a
   * value that holds a '/' where that would be ambiguous, has spaces at either end, or starts with
   * a quote is written in double quotes, so that {@code a="x/y", b="z"} and {@code a="x", b="y/z"}
   * stay two series, as do "a" and "a ".
   *
   * @param joined whether the key joins several parts
   */
  static String keyPart(String v, boolean joined) {
    boolean quote =
        (joined && v.indexOf('/') >= 0)
            || (!v.isEmpty()
                && (Character.isWhitespace(v.charAt(0))
                    || Character.isWhitespace(v.charAt(v.length() - 1))));
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /**
   * How many series {@link #forEachSeries} will hand over: distinct keys × targets (for progress).
   */
  @Override
  public long seriesCount() {
    if (ids.isEmpty()) {
      return targets.size();
    }
    String key = ids.stream().map(Sql::ident).collect(Collectors.joining(", "));
    String notNull =
        ids.stream().map(i -> Sql.ident(i) + " IS NOT NULL").collect(Collectors.joining(" AND "));
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM (SELECT DISTINCT "
                    + key
                    + " FROM src WHERE "
                    + notNull
                    + ")")) {
      rs.next();
      return rs.getLong(1) * targets.size();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long nullIdRows;

  /** Of the rejected rows, those without a series key. */
  public long rejectedForMissingId() {
    return nullIdRows;
  }

  @Override
  public void close() {
    try {
      if (conn != null) {
        conn.close();
      }
    } catch (SQLException ignored) {
      // closing an in-memory database cannot lose anything
    }
    deleteQuietly(tempCopy);
    temporary.forEach(TableReader::deleteQuietly);
  }
}
