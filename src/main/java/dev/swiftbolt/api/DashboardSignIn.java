package dev.swiftbolt.api;

import java.util.Optional;

/**
 * How the dashboard signs its users in, served to it as {@code GET /api/v1/auth/config}.
 *
 * <ul>
 *   <li>{@code supabase}: {@code SUPABASE_URL} and {@code SUPABASE_ANON_KEY} are set; the dashboard
 *       asks for an email and a password and signs in with Supabase Auth's password grant, sending
 *       the anon key (public by design: it is the key every browser client of the project holds).
 *   <li>{@code development}: neither is set; the dashboard asks for a pasted token ({@code
 *       swiftbolt token USER}).
 *   <li>{@code unconfigured}: only one of them is set; the dashboard says which is missing.
 * </ul>
 *
 * @param mode {@code supabase}, {@code development} or {@code unconfigured}
 * @param supabaseUrl the project URL, for {@code supabase}
 * @param anonKey the project's anon key, for {@code supabase}
 */
public record DashboardSignIn(String mode, Optional<String> supabaseUrl, Optional<String> anonKey) {

  /** The sign-in {@code SUPABASE_URL} and {@code SUPABASE_ANON_KEY} describe. */
  public static DashboardSignIn of(Optional<String> supabaseUrl, Optional<String> anonKey) {
    if (supabaseUrl.isPresent() && anonKey.isPresent()) {
      return new DashboardSignIn(
          "supabase", Optional.of(supabaseUrl.get().replaceAll("/+$", "")), anonKey);
    }
    if (supabaseUrl.isEmpty() && anonKey.isEmpty()) {
      return new DashboardSignIn("development", Optional.empty(), Optional.empty());
    }
    return new DashboardSignIn("unconfigured", Optional.empty(), Optional.empty());
  }

  /** The message the dashboard shows for {@code unconfigured}. */
  public Optional<String> problem() {
    return mode.equals("unconfigured")
        ? Optional.of(
            "Sign-in needs both SUPABASE_URL and SUPABASE_ANON_KEY on the server (the anon key is in the project's API settings).")
        : Optional.empty();
  }
}
