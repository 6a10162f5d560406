package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of an input given as several names, globs ({@code data/*.csv}) or a folder of
 * hive-partitioned files ({@code readings/sensor=a/part.parquet}): in order, each with the values
 * of its partition folders.
 */
final class SourceFiles {

  private SourceFiles() {}

  /** A data file and the {@code key=value} folders above it (in a partitioned folder). */
  record SourceFile(Path path, Map<String, String> partitions) {}

  static boolean isPattern(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  /** Whether these sources need more than the single-file reader. */
  static boolean several(List<String> sources) {
    return sources.size() > 1
        || isPattern(sources.get(0))
        || Files.isDirectory(Path.of(sources.get(0)));
  }

  static List<SourceFile> expand(List<String> sources) {
    List<SourceFile> out = new ArrayList<>();
    for (String s : sources) {
      if (isPattern(s)) {
        List<Path> matched = glob(s);
        if (matched.isEmpty()) {
          throw new InputException("no file matches '" + s + "'; check the pattern");
        }
        matched.forEach(p -> out.add(new SourceFile(p, Map.of())));
      } else if (Files.isDirectory(Path.of(s))) {
        out.addAll(partitioned(Path.of(s)));
      } else {
        out.add(new SourceFile(Path.of(s), Map.of()));
      }
    }
    return out;
  }

  private static List<Path> glob(String pattern) {
    int star = pattern.length();
    for (char c : new char[] {'*', '?', '['}) {
      int i = pattern.indexOf(c);
      if (i >= 0) {
        star = Math.min(star, i);
      }
    }
    int slash = pattern.lastIndexOf('/', star);
    Path base = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, Math.max(1, slash)));
    String rel = slash < 0 ? pattern : pattern.substring(slash + 1);
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rel);
    if (!Files.isDirectory(base)) {
      throw new InputException("no file matches '" + pattern + "': " + base + " is not a folder");
    }
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> m.matches(base.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InputException("cannot list the files of '" + pattern + "': " + e.getMessage());
    }
  }

  private static boolean isData(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.startsWith(".") || n.startsWith("_")) {
      return false;
    }
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    return n.endsWith(".csv")
        || n.endsWith(".tsv")
        || n.endsWith(".txt")
        || n.endsWith(".parquet")
        || n.endsWith(".pq")
        || n.endsWith(".json")
        || n.endsWith(".jsonl")
        || n.endsWith(".ndjson");
  }

  private static List<SourceFile> partitioned(Path dir) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(SourceFiles::isData).sorted().toList();
    } catch (IOException e) {
      throw new InputException("cannot list the files of " + dir + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new InputException(
          dir + " is a folder without data files (.csv, .parquet, .json …); pass a data file");
    }
    List<SourceFile> out = new ArrayList<>();
    List<String> keys = null;
    for (Path f : files) {
      Map<String, String> parts = new LinkedHashMap<>();
      Path rel = dir.relativize(f.getParent() == null ? f : f.getParent());
      for (Path seg : rel) {
        String s = seg.toString();
        int eq = s.indexOf('=');
        if (eq > 0) {
          parts.put(s.substring(0, eq), s.substring(eq + 1));
        }
      }
      List<String> k = new ArrayList<>(parts.keySet());
      if (keys == null) {
        keys = k;
      } else if (!keys.equals(k)) {
        throw new InputException(
            "the partition folders of "
                + dir
                + " do not match: "
                + dir.relativize(f)
                + " has "
                + (k.isEmpty() ? "none" : String.join(", ", k))
                + ", the first file "
                + (keys.isEmpty() ? "none" : String.join(", ", keys))
                + "; use one key=value layout throughout");
      }
      out.add(new SourceFile(f, parts));
    }
    return out;
  }
}
