// HTTP hardening measurements (issue 25), against a running `swiftbolt serve`:
//   stall: opens N stalled connections (half stop inside their headers, half send headers,
//          Content-Length: 100 and one byte of body, then wait), then times GET /api/v1/health
//          SAMPLES times one after another and prints p50/p99/max in ms;
//   burst: C connections each send a 50 MB chunked body to POST /api/v1/validate, again and again
//          for S seconds, while the server's resident memory (VmRSS of PID) is sampled every 250 ms;
//          prints the baseline, the peak and the value 5 s after the burst.
// Usage: java bench/HttpHardeningBench.java stall PORT TOKEN [N=1000] [SAMPLES=500]
//        java bench/HttpHardeningBench.java burst PORT TOKEN PID [C=16] [S=10]
// Only the JDK is needed.
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

public class HttpHardeningBench {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    String token = args[2];
    switch (args[0]) {
      case "stall" -> stall(port, token, arg(args, 3, 1000), arg(args, 4, 500));
      case "burst" ->
          burst(port, token, Long.parseLong(args[3]), arg(args, 4, 16), arg(args, 5, 10));
      default -> throw new IllegalArgumentException("stall or burst, got " + args[0]);
    }
  }

  private static int arg(String[] args, int i, int otherwise) {
    return args.length > i ? Integer.parseInt(args[i]) : otherwise;
  }

  static void stall(int port, String token, int n, int samples) throws Exception {
    List<Socket> stalled = new ArrayList<>();
    byte[] body =
        ("POST /api/v1/watchlist HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] head = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);
    long opened = System.nanoTime();
    java.util.concurrent.ExecutorService openers = java.util.concurrent.Executors.newFixedThreadPool(32);
    List<java.util.concurrent.Future<Socket>> opening = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] first = i % 2 == 0 ? body : head;
      opening.add(openers.submit(() -> {
        Socket s = new Socket("localhost", port);
        s.getOutputStream().write(first);
        s.getOutputStream().flush();
        return s;
      }));
    }
    for (var f : opening) {
      stalled.add(f.get());
    }
    openers.shutdown();
    System.out.printf("opened %d stalled connections in %d ms%n", n,
        (System.nanoTime() - opened) / 1_000_000);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/health"))
        .timeout(Duration.ofSeconds(10)).build();
    System.out.printf("%d of the stalled open before timing%n", stillOpen(stalled));
    double[] millis = new double[samples];
    int failures = 0;
    long start = System.nanoTime();
    for (int i = 0; i < samples; i++) {
      long t = System.nanoTime();
      try {
        int status = client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode();
        if (status != 200) {
          failures++;
        }
      } catch (Exception e) {
        failures++;
      }
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    long spent = (System.nanoTime() - start) / 1_000_000;
    int open = stillOpen(stalled);
    Arrays.sort(millis);
    System.out.printf(
        "health with %d stalled: %d requests in %d ms, non-200 %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d of the stalled still open at the end%n",
        n, samples, spent, failures, millis[samples / 2], millis[(int) Math.ceil(samples * 0.99) - 1],
        millis[samples - 1], open);
    for (Socket s : stalled) {
      s.close();
    }
  }

  /** How many of {@code sockets} the server has not closed (a read neither ends nor fails). */
  static int stillOpen(List<Socket> sockets) throws Exception {
    int open = 0;
    for (Socket s : sockets) {
      try {
        s.setSoTimeout(1);
        open += s.getInputStream().read() == -1 ? 0 : 1;
      } catch (java.net.SocketTimeoutException stillOpen) {
        open++;
      } catch (java.io.IOException closed) {
        // reset by the server
      }
    }
    return open;
  }

  static long rssKiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  static void burst(int port, String token, long pid, int connections, int seconds) throws Exception {
    long baseline = rssKiB(pid);
    AtomicLong peak = new AtomicLong(baseline);
    AtomicLong sent = new AtomicLong();
    AtomicLong answers = new AtomicLong();
    List<String> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) ' ');
    byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread t = new Thread(() -> {
        while (System.nanoTime() < deadline) {
          try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/validate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            try {
              for (int i = 0; i < 50; i++) {
                out.write(chunkHead);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent.addAndGet(chunk.length);
              }
              out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
              out.flush();
            } catch (java.io.IOException closedOnUs) {
              // the server answered and closed; read the answer below
            }
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, 12);
            statuses.add(n == 12 ? new String(head, 9, 3, StandardCharsets.US_ASCII) : "none");
            answers.incrementAndGet();
          } catch (Exception e) {
            statuses.add(e.getClass().getSimpleName());
          }
        }
      });
      t.start();
      threads.add(t);
    }
    while (threads.stream().anyMatch(Thread::isAlive)) {
      peak.accumulateAndGet(rssKiB(pid), Math::max);
      Thread.sleep(250);
    }
    Thread.sleep(5_000);
    long after = rssKiB(pid);
    java.util.Map<String, Long> byStatus = new java.util.TreeMap<>();
    statuses.forEach(s -> byStatus.merge(s, 1L, Long::sum));
    System.out.printf(
        "burst: %d connections x %d s of 50 MB chunked bodies: %d MB written by clients, answers %s; RSS baseline %d MB, peak %d MB (+%d MB), 5 s after %d MB%n",
        connections, seconds, sent.get() >> 20, byStatus, baseline >> 10, peak.get() >> 10,
        (peak.get() - baseline) >> 10, after >> 10);
  }
}
