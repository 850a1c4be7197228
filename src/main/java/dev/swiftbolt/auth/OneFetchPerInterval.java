package dev.swiftbolt.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;

/**
 * Lets at most one request for the key set through per interval, whatever asks for it (the first
 * load, an expired cache, an unknown {@code kid}); any other request within the interval fails with
 * {@link RateLimitReachedException} without reaching the network. nimbus's own {@code
 * RateLimitedJWKSetSource} lets two through per interval (one kept in reserve for a rotation), so
 * it cannot keep the promise of one refresh per 30 s. A request that fails still uses up the
 * interval. Thread-safe: the slot is taken under a lock, the fetch itself runs outside it.
 *
 * @param <C> the security context type
 */
final class OneFetchPerInterval<C extends SecurityContext> extends JWKSetSourceWrapper<C> {

  private final long intervalMillis;
  private boolean fetched;
  private long nextAllowedMillis;

  OneFetchPerInterval(JWKSetSource<C> source, Duration interval) {
    super(source);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the JWKS refresh interval must be positive: " + interval);
    }
    this.intervalMillis = interval.toMillis();
  }

  @Override
  public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, C context)
      throws KeySourceException {
    takeSlot(currentTime);
    return getSource().getJWKSet(refreshEvaluator, currentTime, context);
  }

  private synchronized void takeSlot(long currentTime) throws RateLimitReachedException {
    if (fetched && currentTime < nextAllowedMillis) {
      throw new RateLimitReachedException();
    }
    fetched = true;
    nextAllowedMillis = currentTime + intervalMillis;
  }
}
