package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.config.SwiftBoltVersion;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --host}: loopback by default, so the API is not on the network unless asked. */
class ServeHostTest {

  @TempDir Path dir;

  @Test
  void serve_listens_on_loopback_only_by_default_and_health_names_the_version() throws Exception {
    Optional<InetAddress> external = nonLoopbackAddress();
    ConnectionSettings database = TestDatabase.newDatabase();
    try (CliProcess serve =
        CliProcess.start(
            dir.resolve("serve.log"),
            Map.of("DATABASE_URL", database.jdbcUrl() + "?user=" + database.user()),
            "--home",
            dir.resolve("home").toString(),
            "serve",
            "--port",
            "0",
            "--workers",
            "0")) {
      serve.awaitOutput("(Ctrl-C to stop)", Duration.ofSeconds(120));
      Matcher port = Pattern.compile("API at http://localhost:(\\d+)/").matcher(serve.output());
      assertThat(port.find()).as(serve.output()).isTrue();
      int p = Integer.parseInt(port.group(1));

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/api/v1/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      JsonNode body = Json.mapper().readTree(health.body());
      assertThat(body.get("version").asText()).isEqualTo(SwiftBoltVersion.current());

      assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
      assertThatThrownBy(() -> connect(external.get(), p)).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void serve_with_host_0_0_0_0_answers_on_the_machines_other_addresses() throws Exception {
    Optional<InetAddress> external = nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
    ConnectionSettings database = TestDatabase.newDatabase();
    try (CliProcess serve =
        CliProcess.start(
            dir.resolve("serve.log"),
            Map.of("DATABASE_URL", database.jdbcUrl() + "?user=" + database.user()),
            "--home",
            dir.resolve("home").toString(),
            "serve",
            "--host",
            "0.0.0.0",
            "--port",
            "0",
            "--workers",
            "0")) {
      serve.awaitOutput("(Ctrl-C to stop)", Duration.ofSeconds(120));
      Matcher port = Pattern.compile("API at http://localhost:(\\d+)/").matcher(serve.output());
      assertThat(port.find()).as(serve.output()).isTrue();

      connect(external.get(), Integer.parseInt(port.group(1)));
    }
  }

  @Test
  void the_version_is_the_poms_in_version_output() {
    var result = CliRun.run(Map.of(), dir.resolve("home"), "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).isEqualTo("swiftbolt " + SwiftBoltVersion.current());
    assertThat(SwiftBoltVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .filter(
            nic -> {
              try {
                return nic.isUp() && !nic.isLoopback();
              } catch (IOException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address)
        .findFirst();
  }
}
