import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load on a signalcheck server on loopback: READERS clients loop over GET routes and
 * UPLOADERS clients loop over POST /api/v1/audits for SECONDS, then everything stops. Prints
 * throughput, p50/p99 latency and errors for reads and for uploads.
 *
 * <p>java ServerLoad.java BASE READ_TOKEN WRITE_TOKEN FILE READERS UPLOADERS SECONDS [PATHS [PID]]
 *
 * <p>PATHS (optional, "|"-separated, %d for the run id) replaces the mixed reads; PID (optional) is
 * the server's process id, whose CPU ticks are printed once the first upload is done.
 */
public class ServerLoad {
  public static void main(String[] a) throws Exception {
    String base = a[0];
    if (!base.startsWith("http://127.") && !base.startsWith("http://localhost")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    String read = a[1];
    String write = a[2];
    byte[] file = Files.readAllBytes(Path.of(a[3]));
    int readers = Integer.parseInt(a[4]);
    int uploaders = Integer.parseInt(a[5]);
    long seconds = Long.parseLong(a[6]);
    HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
    List<Long> readLat = Collections.synchronizedList(new ArrayList<>());
    List<Long> upLat = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger readErr = new AtomicInteger();
    AtomicInteger upErr = new AtomicInteger();
    List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    String[] paths = {"/api/v1/runs?limit=20", "/api/v1/projects", "/api/v1/runs/%d", "/api/v1/usage", "/api/v1/runs/%d/report.html", "/healthz"};
    if (a.length > 7 && !a[7].isBlank()) {
      paths = a[7].split("\\|");
    }
    // one upload first, so the reads have a run to read
    long firstRun = upload(http, base, write, file, 0);
    if (a.length > 8 && !a[8].isBlank()) {
      String[] stat = Files.readString(Path.of("/proc/" + a[8] + "/stat")).split(" ");
      System.out.println("server cpu ticks at start: " + (Long.parseLong(stat[13]) + Long.parseLong(stat[14])));
    }
    // the clock starts once the first upload is done
    long stop = System.nanoTime() + seconds * 1_000_000_000L;
    String[] chosen = paths;
    ExecutorService pool = Executors.newFixedThreadPool(readers + uploaders);
    for (int r = 0; r < readers; r++) {
      int id = r;
      pool.submit(
          () -> {
            int i = id;
            while (System.nanoTime() < stop) {
              String p = String.format(Locale.ROOT, chosen[i++ % chosen.length], firstRun);
              long t0 = System.nanoTime();
              try {
                HttpResponse<byte[]> res =
                    http.send(
                        HttpRequest.newBuilder(URI.create(base + p))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + read)
                            .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                readLat.add(System.nanoTime() - t0);
                if (res.statusCode() != 200) {
                  readErr.incrementAndGet();
                  if (firstErrors.size() < 5) firstErrors.add(p + " " + res.statusCode());
                }
              } catch (Exception e) {
                readErr.incrementAndGet();
                if (firstErrors.size() < 5) firstErrors.add(p + " " + e);
              }
            }
            return null;
          });
    }
    AtomicInteger seq = new AtomicInteger(1);
    for (int u = 0; u < uploaders; u++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < stop) {
              long t0 = System.nanoTime();
              try {
                upload(http, base, write, file, seq.getAndIncrement());
                upLat.add(System.nanoTime() - t0);
              } catch (Exception e) {
                upErr.incrementAndGet();
                if (firstErrors.size() < 5) firstErrors.add("upload " + e.getMessage());
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 600, java.util.concurrent.TimeUnit.SECONDS);
    report("reads", readLat, readErr.get(), seconds);
    report("uploads", upLat, upErr.get(), seconds);
    for (String e : firstErrors) System.out.println("  error: " + e);
    System.exit(0);
  }

  /** Uploads the file with a distinct project per call (each upload is a new run). */
  static long upload(HttpClient http, String base, String token, byte[] file, int n) throws Exception {
    String b = "----load" + n;
    String head =
        "--" + b + "\r\nContent-Disposition: form-data; name=\"project\"\r\n\r\nload-" + (n % 10) + "\r\n"
            + "--" + b + "\r\nContent-Disposition: form-data; name=\"horizon\"\r\n\r\n24\r\n"
            + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load-" + n + ".csv\"\r\n\r\n";
    byte[] tail = ("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8);
    // a distinct input per upload: one comment-free extra row at the end changes the bytes
    byte[] extra = ("").getBytes(StandardCharsets.UTF_8);
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[h.length + file.length + extra.length + tail.length];
    System.arraycopy(h, 0, body, 0, h.length);
    System.arraycopy(file, 0, body, h.length, file.length);
    System.arraycopy(extra, 0, body, h.length + file.length, extra.length);
    System.arraycopy(tail, 0, body, h.length + file.length + extra.length, tail.length);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/audits"))
                .timeout(Duration.ofSeconds(600))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + b)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw new IllegalStateException("status " + r.statusCode() + ": " + r.body());
    }
    String s = r.body();
    int i = s.indexOf("\"runId\":") + 8;
    return Long.parseLong(s.substring(i, s.indexOf(',', i)).trim());
  }

  static void report(String what, List<Long> lat, int errors, long seconds) {
    List<Long> l = new ArrayList<>(lat);
    Collections.sort(l);
    double p50 = l.isEmpty() ? Double.NaN : l.get(l.size() / 2) / 1e6;
    double p99 = l.isEmpty() ? Double.NaN : l.get(Math.min(l.size() - 1, (int) Math.ceil(l.size() * 0.99) - 1)) / 1e6;
    double max = l.isEmpty() ? Double.NaN : l.get(l.size() - 1) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "%-8s %7d requests in %d s = %8.1f/s  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms  errors %d%n",
        what, l.size(), seconds, l.size() / (double) seconds, p50, p99, max, errors);
  }
}
