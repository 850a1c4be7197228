package dev.swiftbolt.cli;

import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenIssuer;
import dev.swiftbolt.auth.TokenKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt token USER [--lifetime 24h]}: a development JWT for local use. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print a development token (HS256 JWT, sub = USER) for the API and the dashboard.",
      "It is signed with the development secret in SWIFTBOLT_HOME (generated on first use, file"
          + " mode 0600), and only when neither SUPABASE_URL nor SUPABASE_JWT_SECRET is set: a"
          + " deployment on Supabase accepts only the tokens Supabase issues to signed-in users"
          + " (exit 1 otherwise).",
      "Use it as `curl -H \"Authorization: Bearer $(swiftbolt token USER)\" …`."
    })
final class TokenCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "USER", description = "User id, the token's sub")
  String user;

  @Option(
      names = "--lifetime",
      defaultValue = "24h",
      paramLabel = "DURATION",
      description =
          "How long the token is valid: N followed by m, h or d (default: ${DEFAULT-VALUE})")
  String lifetime;

  @Override
  public Integer call() {
    Duration validFor = parseLifetime(lifetime);
    TokenKeys keys = TokenKeys.resolve(main.config());
    if (!keys.development()) {
      throw new IllegalStateException(
          "development tokens are issued only when neither SUPABASE_URL nor SUPABASE_JWT_SECRET is set; sign in through Supabase to get a user token");
    }
    JwtSecret secret = keys.secret().orElseThrow();
    if (secret.generated()) {
      System.err.println("Generated a development secret in " + secret.file().orElseThrow());
    }
    System.out.println(new TokenIssuer(secret, Clock.systemUTC()).issue(user, validFor));
    return 0;
  }

  /**
   * {@code 30m}, {@code 24h}, {@code 7d}: a positive whole number of minutes, hours or days, at
   * most 365 days.
   *
   * @throws IllegalArgumentException naming --lifetime otherwise
   */
  static Duration parseLifetime(String raw) {
    String text = raw.trim().toLowerCase(Locale.ROOT);
    if (!text.matches("[1-9][0-9]{0,5}[mhd]")) {
      throw new IllegalArgumentException(
          "--lifetime must be a positive number followed by m, h or d (e.g. 30m, 24h, 7d), got '%s'"
              .formatted(raw));
    }
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    Duration duration =
        switch (text.charAt(text.length() - 1)) {
          case 'm' -> Duration.ofMinutes(amount);
          case 'h' -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    if (duration.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("--lifetime must be at most 365 days, got " + raw);
    }
    return duration;
  }
}
