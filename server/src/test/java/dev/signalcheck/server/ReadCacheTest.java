package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.ledger.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The read cache on its own, over a real SQLite ledger: a document is read again exactly when the
 * ledger was committed to (by any connection) or the server's files changed since it was last read,
 * and the kept bytes never exceed the bound.
 */
class ReadCacheTest {
  private static Path dir;
  private static LedgerLocation location;
  private static Ledger other;
  private static final AtomicInteger NAMES = new AtomicInteger();

  @BeforeContainer
  static void open() throws IOException {
    dir = Files.createTempDirectory("readcache");
    location = LedgerLocation.sqlite(dir.resolve("l.db"));
    other = Ledger.open(location);
  }

  @AfterContainer
  static void close() throws IOException {
    other.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Steps 0–3 read document 0–3, 4 commits to the ledger on another connection, 5 changes the
   * server's files, 6 writes a usage event unseen, 7 does so while another connection commits: a
   * read goes to the ledger iff its document was not read since the last change (6 is none).
   */
  @Property(tries = 60)
  void aDocumentIsReadAgainExactlyWhenSomethingChanged(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 7) Integer> steps) {
    AtomicLong files = new AtomicLong();
    LedgerVersion version = new LedgerVersion(location, files::get);
    try (ReadCache c = new ReadCache(version, 1 << 20)) {
      Map<Integer, Integer> reads = new HashMap<>();
      Map<Integer, Integer> expected = new HashMap<>();
      Set<Integer> fresh = new HashSet<>();
      for (int step : steps) {
        if (step < 4) {
          ReadCache.Doc d =
              c.doc(
                  "doc" + step,
                  () -> {
                    reads.merge(step, 1, Integer::sum);
                    return new ReadCache.Doc(new byte[] {(byte) step}, "p" + step);
                  });
          assertThat(d.body()).containsExactly((byte) step);
          if (fresh.add(step)) {
            expected.merge(step, 1, Integer::sum);
          }
        } else if (step == 4) {
          Tokens.create(other, "t" + NAMES.incrementAndGet(), Scope.READ);
          fresh.clear();
        } else if (step == 5) {
          files.incrementAndGet();
          fresh.clear();
        } else {
          boolean written =
              version.writeUnseen(
                  l -> {
                    if (step == 7) {
                      Tokens.create(other, "w" + NAMES.incrementAndGet(), Scope.READ);
                    }
                    Usage.record(l, new Usage.Event("a", "token", "api", "view-run", "p", 1L));
                  });
          assertThat(written).isTrue();
          if (step == 7) {
            fresh.clear();
          }
        }
      }
      assertThat(reads).isEqualTo(expected);
    }
  }

  /** Texts made of the separators and digits themselves: keys of different queries differ. */
  @Property(tries = 2000)
  void differentQueriesNeverShareAKey(
      @ForAll @Chars({'|', ':', '1', '-'}) @StringLength(max = 6) String a,
      @ForAll @Chars({'|', ':', '1', '-'}) @StringLength(max = 6) String b,
      @ForAll @Chars({'|', ':', '1', '-'}) @StringLength(max = 6) String c,
      @ForAll @Chars({'|', ':', '1', '-'}) @StringLength(max = 6) String d) {
    boolean same = ReadCache.key("r", a, b).equals(ReadCache.key("r", c, d));
    assertThat(same).isEqualTo(a.equals(c) && b.equals(d));
    assertThat(ReadCache.key("r", a, null)).isNotEqualTo(ReadCache.key("r", a, "null"));
  }

  @Property(tries = 20)
  void theKeptBytesStayWithinTheBound(
      @ForAll @IntRange(min = 1, max = 200) int docs, @ForAll long seed) {
    long bound = 256 * 1024;
    Random rnd = new Random(seed);
    try (ReadCache c = new ReadCache(new LedgerVersion(location, () -> 0), bound)) {
      for (int i = 0; i < docs; i++) {
        byte[] b = new byte[rnd.nextInt(64 * 1024)];
        c.doc("d" + i, () -> new ReadCache.Doc(b, null));
        assertThat(c.keptBytes()).isLessThanOrEqualTo(bound);
      }
      // something is kept: the bound is not met by keeping nothing
      assertThat(c.keptDocs()).isPositive();
    }
  }

  @Property(tries = 30)
  void aTokenIsVerifiedAgainAfterAnyCommit(
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 1) Integer> steps) {
    try (ReadCache c = new ReadCache(new LedgerVersion(location, () -> 0), 1 << 20)) {
      AtomicInteger verified = new AtomicInteger();
      int expected = 0;
      boolean fresh = false;
      Tokens.TokenInfo info = new Tokens.TokenInfo(1, "t", Scope.READ, "p", null, null, null);
      for (int step : steps) {
        if (step == 0) {
          Tokens.TokenInfo t =
              c.token(
                  "sct_presented.value",
                  () -> {
                    verified.incrementAndGet();
                    return info;
                  });
          assertThat(t).isEqualTo(info);
          if (!fresh) {
            expected++;
            fresh = true;
          }
        } else {
          Tokens.create(other, "v" + NAMES.incrementAndGet(), Scope.READ);
          fresh = false;
        }
      }
      assertThat(verified.get()).isEqualTo(expected);
    }
  }
}
