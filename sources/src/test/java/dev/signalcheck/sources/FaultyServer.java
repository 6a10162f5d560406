package dev.signalcheck.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A local HTTP server on 127.0.0.1 that answers each request with the next scripted reply: a body,
 * an error status, a slow answer, a trickling body, gzip. The last reply repeats. What an HTTP
 * server will not do (reset the connection, send less body than promised) is done by {@link Raw}.
 */
final class FaultyServer implements AutoCloseable {

  /** One scripted reply. */
  interface Reply {
    void send(HttpExchange ex) throws IOException;
  }

  private final HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private Reply last;
  final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();

  FaultyServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          requestHeaders.add(Map.copyOf(ex.getRequestHeaders()));
          Reply r;
          synchronized (this) {
            r = replies.isEmpty() ? last : replies.poll();
            if (r != null) {
              last = r;
            }
          }
          try {
            if (r == null) {
              ex.sendResponseHeaders(500, -1);
            } else {
              r.send(ex);
            }
          } catch (IOException e) {
            // the client went away (a timeout test)
          } finally {
            ex.close();
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  synchronized FaultyServer then(Reply... r) {
    replies.addAll(List.of(r));
    return this;
  }

  int requests() {
    return requestHeaders.size();
  }

  static Reply ok(String body) {
    return ok(body, "text/csv");
  }

  static Reply ok(String body, String contentType) {
    return ex -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", contentType);
      ex.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
      if (b.length > 0) {
        try (OutputStream o = ex.getResponseBody()) {
          o.write(b);
        }
      }
    };
  }

  static Reply gzip(String body) {
    return ex -> {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
        g.write(body.getBytes(StandardCharsets.UTF_8));
      }
      byte[] b = bo.toByteArray();
      ex.getResponseHeaders().add("Content-Type", "text/csv");
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(b);
      }
    };
  }

  static Reply status(int code, String... headers) {
    return ex -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        ex.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      ex.sendResponseHeaders(code, -1);
    };
  }

  static Reply slow(long millis, String body) {
    return ex -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ok(body).send(ex);
    };
  }

  /** Headers at once, then a body that trickles in too slowly. */
  static Reply trickle(long millisPerByte, String body) {
    return ex -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        for (byte x : b) {
          o.write(x);
          o.flush();
          Thread.sleep(millisPerByte);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  static Reply redirect(String to) {
    return status(302, "Location", to);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * A plain socket server on 127.0.0.1 for what an HTTP server will not do: reset the connection,
   * or promise more body than it sends. Each connection gets the next behaviour; the last repeats.
   */
  static final class Raw implements AutoCloseable {
    enum Kind {
      RESET,
      TRUNCATED,
      OK
    }

    private final ServerSocket socket;
    private final Deque<Kind> kinds = new ArrayDeque<>();
    private final String body;
    private Kind lastKind = Kind.RESET;
    private final Thread thread;
    final List<Kind> served = new ArrayList<>();

    Raw(String body, Kind... kinds) throws IOException {
      this.body = body;
      this.kinds.addAll(List.of(kinds));
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket s = socket.accept()) {
                    serve(s);
                  } catch (IOException e) {
                    // closed, or the client left
                  }
                }
              },
              "raw-server");
      thread.setDaemon(true);
      thread.start();
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    private void serve(Socket s) throws IOException {
      Kind k;
      synchronized (this) {
        k = kinds.isEmpty() ? lastKind : kinds.poll();
        lastKind = k;
        served.add(k);
      }
      InputStream in = s.getInputStream();
      // read the request head
      int state = 0;
      int c;
      while ((c = in.read()) >= 0) {
        state = (c == '\r' || c == '\n') ? state + 1 : 0;
        if (state >= 4) {
          break;
        }
      }
      OutputStream out = s.getOutputStream();
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      switch (k) {
        case RESET:
          s.setSoLinger(true, 0);
          return;
        case TRUNCATED:
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: "
                      + (b.length * 2)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(b);
          out.flush();
          return;
        default:
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nConnection: close\r\nContent-Length: "
                      + b.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(b);
          out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
