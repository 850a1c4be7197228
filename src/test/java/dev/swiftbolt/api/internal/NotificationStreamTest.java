package dev.swiftbolt.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.alerts.NotificationFeed;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stream's keep-alive on an idle connection, timed by the client: with the interval shortened
 * to {@link #KEEP_ALIVE}, comments keep coming, none later than the interval plus one poll (and a
 * margin for a loaded machine); the default interval plus one poll is within the 15 s.
 */
class NotificationStreamTest {

  private static final Duration KEEP_ALIVE = Duration.ofMillis(700);

  /** Scheduling and HTTP delay a loaded test machine may add to one comment. */
  private static final Duration MARGIN = Duration.ofMillis(1500);

  private static Database database;
  private static NotificationStream stream;
  private static Javalin app;
  private static final HttpClient http = HttpClient.newHttpClient();

  /** A line of the stream and when the client read it. */
  private record Line(String text, long atNanos) {}

  @BeforeAll
  static void start() {
    database = TestDatabase.create();
    stream =
        new NotificationStream(
            new NotificationFeed(database.jdbi(), Clock.systemUTC()), KEEP_ALIVE);
    app =
        Javalin.create(config -> config.showJavalinBanner = false)
            .before(ctx -> Access.setUser(ctx, "alice"))
            .sse("/stream", stream::serve)
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    stream.close();
    app.stop();
    database.close();
  }

  @Test
  void an_idle_stream_gets_a_keep_alive_comment_within_the_interval_and_one_poll()
      throws Exception {
    BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> response =
        http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/stream"))
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofLines())
            .get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader =
        new Thread(
            () -> {
              try {
                response.body().forEach(l -> lines.add(new Line(l, System.nanoTime())));
              } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closed the stream: done
              }
            });
    reader.setDaemon(true);
    reader.start();

    Duration longestQuiet = KEEP_ALIVE.plus(NotificationStream.POLL).plus(MARGIN);
    List<Line> comments = new ArrayList<>();
    Line connected = lines.poll(10, TimeUnit.SECONDS);
    assertThat(connected).isNotNull();
    assertThat(connected.text()).isEqualTo(": connected");
    comments.add(connected);
    while (comments.size() < 5) {
      Line next = lines.poll(longestQuiet.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(next).as("a line within %s of the previous comment", longestQuiet).isNotNull();
      if (next.text().isEmpty()) {
        continue; // the blank line that ends a comment's block, when the server sends one
      }
      assertThat(next.text())
          .as("nothing but keep-alives on an idle stream")
          .isEqualTo(": keep-alive");
      comments.add(next);
    }
    response.body().close();

    for (int i = 1; i < comments.size(); i++) {
      Duration gap = Duration.ofNanos(comments.get(i).atNanos() - comments.get(i - 1).atNanos());
      assertThat(gap).as("quiet before keep-alive %d", i).isLessThanOrEqualTo(longestQuiet);
    }
    // Not one per poll: four keep-alives took at least about three intervals.
    Duration four = Duration.ofNanos(comments.get(4).atNanos() - comments.get(0).atNanos());
    assertThat(four).isGreaterThanOrEqualTo(KEEP_ALIVE.multipliedBy(3));
  }

  @Test
  void the_default_keep_alive_plus_one_poll_is_at_most_15_seconds() {
    assertThat(NotificationStream.KEEP_ALIVE.plus(NotificationStream.POLL))
        .isLessThanOrEqualTo(Duration.ofSeconds(15));
  }
}
