package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

  @TempDir Path home;

  record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Main main = new Main();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      var cmd = Main.commandLine(main);
      cmd.setErr(new PrintWriter(err, true));
      String[] withHome = new String[args.length + 2];
      withHome[0] = "--home";
      withHome[1] = home.toString();
      System.arraycopy(args, 0, withHome, 2, args.length);
      return new Result(
          cmd.execute(withHome), out.toString(StandardCharsets.UTF_8).trim(), err.toString());
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
      main.close();
    }
  }

  @Test
  void token_prints_a_jwt_for_the_user_signed_with_a_private_dev_secret() throws Exception {
    Result first = run("token", "alice");
    assertThat(first.exitCode()).isZero();
    Path secretFile = home.resolve(JwtSecret.DEV_SECRET_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
        .isEqualTo("rw-------");
    JwtSecret secret = JwtSecret.development(home);
    assertThat(secret.generated()).isFalse();
    TokenVerifier verifier = new TokenVerifier(secret, Clock.systemUTC());
    assertThat(verifier.userOfToken(first.out())).isEqualTo("alice");

    Result second = run("token", "bob");
    assertThat(verifier.userOfToken(second.out())).isEqualTo("bob");
  }

  @Test
  void the_default_lifetime_is_24_hours_and_lifetime_sets_it() throws Exception {
    var claims = SignedJWT.parse(run("token", "alice").out()).getJWTClaimsSet();
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(24));
    var shorter =
        SignedJWT.parse(run("token", "alice", "--lifetime", "30m").out()).getJWTClaimsSet();
    assertThat(
            Duration.between(
                shorter.getIssueTime().toInstant(), shorter.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void a_bad_lifetime_or_user_is_exit_2_naming_the_option() {
    Result zero = run("token", "alice", "--lifetime", "0h");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--lifetime");
    assertThat(run("token", "alice", "--lifetime", "366d").exitCode()).isEqualTo(2);
    assertThat(run("token", "alice", "--lifetime", "1w").exitCode()).isEqualTo(2);
    assertThat(run("token", "has space").exitCode()).isEqualTo(2);
  }

  @Test
  void lifetimes_just_inside_and_outside_a_year() {
    assertThat(TokenCommand.parseLifetime("365d")).isEqualTo(Duration.ofDays(365));
    assertThatThrownBy(() -> TokenCommand.parseLifetime("8761h"))
        .hasMessageContaining("at most 365 days");
  }
}
