package dev.swiftbolt.alpaca;

import java.util.Optional;

/**
 * Alpaca refused the request's credentials or entitlements (HTTP 401 or 403). Never retried: the
 * keys or the plan must change first.
 */
public final class AlpacaAuthenticationException extends AlpacaException {

  /**
   * @param status 401 or 403
   * @param alpacaMessage Alpaca's response body, shown abbreviated
   */
  public AlpacaAuthenticationException(int status, String alpacaMessage) {
    super(
        """
        Alpaca refused the request (HTTP %s%s): check APCA_API_KEY_ID and APCA_API_SECRET_KEY, \
        unset them to use the simulator%s"""
            .formatted(
                status,
                alpacaMessage.isBlank() ? "" : ": " + alpacaMessage.strip(),
                status == 403
                    ? ", or use a feed your plan covers (APCA_DATA_FEED=iex on free plans)"
                    : ""),
        status,
        false,
        Optional.empty(),
        null);
  }
}
