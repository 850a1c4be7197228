package dev.swiftbolt.marketdata;

import java.util.Optional;

/** Alpaca refused the credentials (HTTP 401 or 403). Never retried. */
public final class AlpacaAuthenticationException extends AlpacaException {

  public AlpacaAuthenticationException(int status) {
    super(
        "Alpaca refused the credentials (HTTP "
            + status
            + "): check APCA_API_KEY_ID and APCA_API_SECRET_KEY (unset them to use the simulator)",
        status,
        false,
        Optional.empty(),
        null);
  }
}
