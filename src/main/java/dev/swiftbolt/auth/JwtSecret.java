package dev.swiftbolt.auth;

import dev.swiftbolt.config.SwiftBoltConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The HS256 key that signs and verifies bearer tokens: {@code SUPABASE_JWT_SECRET} when set (app
 * users' Supabase tokens), otherwise a development secret generated once into {@code
 * SWIFTBOLT_HOME/}{@value #DEV_SECRET_FILE} with owner-only permissions (0600), which {@code
 * swiftbolt token USER} signs local tokens with.
 *
 * <p>As in Supabase, the secret string's UTF-8 bytes are the key; HS256 needs at least 32 bytes.
 */
public final class JwtSecret {

  /** The development secret's file name inside SWIFTBOLT_HOME. */
  public static final String DEV_SECRET_FILE = "jwt-dev-secret";

  /** Minimum key length of HS256 (RFC 7518 §3.2). */
  public static final int MIN_BYTES = 32;

  /** Where the secret came from. */
  public enum Source {
    SUPABASE_JWT_SECRET,
    DEVELOPMENT_FILE
  }

  private final byte[] key;
  private final Source source;
  private final Optional<Path> file;
  private final boolean generated;

  private JwtSecret(byte[] key, Source source, Optional<Path> file, boolean generated) {
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "%s must be at least %s bytes for HS256, got %s"
              .formatted(
                  source == Source.SUPABASE_JWT_SECRET
                      ? "SUPABASE_JWT_SECRET"
                      : "the development secret",
                  MIN_BYTES,
                  key.length));
    }
    this.key = key.clone();
    this.source = source;
    this.file = file;
    this.generated = generated;
  }

  /** A secret given directly (tests, embedding). */
  public static JwtSecret of(String secret) {
    return new JwtSecret(
        secret.getBytes(StandardCharsets.UTF_8),
        Source.SUPABASE_JWT_SECRET,
        Optional.empty(),
        false);
  }

  /**
   * {@code SUPABASE_JWT_SECRET} from {@code config}, else the development secret in its home,
   * created (0600) on first use.
   *
   * @throws IllegalArgumentException when the configured secret is shorter than 32 bytes
   * @throws UncheckedIOException when the development secret cannot be read or written
   */
  public static JwtSecret resolve(SwiftBoltConfig config) {
    if (config.supabaseJwtSecret().isPresent()) {
      return of(config.supabaseJwtSecret().get());
    }
    return development(config.home());
  }

  /** The development secret of {@code home}, generated there on first use. */
  public static JwtSecret development(Path home) {
    Path path = home.resolve(DEV_SECRET_FILE);
    try {
      boolean generated = false;
      if (!Files.exists(path)) {
        generated = generate(path);
      }
      String text = Files.readString(path, StandardCharsets.UTF_8).trim();
      return new JwtSecret(
          text.getBytes(StandardCharsets.UTF_8),
          Source.DEVELOPMENT_FILE,
          Optional.of(path),
          generated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a fresh random secret to a private temporary file and moves it into place, so a
   * concurrent reader never sees a half-written file; returns false when another process won.
   */
  private static boolean generate(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path temp =
        Files.createTempFile(
            path.getParent(),
            ".jwt-dev-secret",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
      Files.move(temp, path);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The key bytes (a copy). */
  public byte[] key() {
    return key.clone();
  }

  public Source source() {
    return source;
  }

  /** The development secret's file, when that is the source. */
  public Optional<Path> file() {
    return file;
  }

  /** Whether this call created the development secret file. */
  public boolean generated() {
    return generated;
  }

  /** One line for the server's startup output, naming the source (never the secret). */
  public String describe() {
    if (source == Source.SUPABASE_JWT_SECRET) {
      return "Authentication: verifying HS256 tokens with SUPABASE_JWT_SECRET";
    }
    return """
        Authentication: SUPABASE_JWT_SECRET is not set; local development tokens only, signed \
        with the secret in %s%s. Get one with: swiftbolt token USER"""
        .formatted(file.orElseThrow(), generated ? " (generated now)" : "");
  }

  @Override
  public String toString() {
    return "JwtSecret[" + source + "]";
  }
}
